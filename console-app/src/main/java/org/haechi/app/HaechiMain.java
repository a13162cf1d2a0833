package org.haechi.app;

import java.util.Arrays;
import javafx.application.Application;

/**
 * Entry point. Not an {@link Application} subclass, so the console runs from a plain classpath (otherwise JavaFX
 * reports "runtime components are missing").
 */
public final class HaechiMain {
    private HaechiMain() {
    }

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--help")) {
            System.out.println(LaunchOptions.USAGE);
            return;
        }
        try {
            HaechiApp.options = LaunchOptions.parse(Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            System.err.println("haechi: " + e.getMessage());
            System.err.println(LaunchOptions.USAGE);
            System.exit(2);
        }
        Application.launch(HaechiApp.class);
    }
}
