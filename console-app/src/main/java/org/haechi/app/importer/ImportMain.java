package org.haechi.app.importer;

import java.util.List;

/** {@code ./haechi import ...}: runs {@link ImportCommand} on the main thread and exits with its status. */
public final class ImportMain {
    private ImportMain() {
    }

    public static void main(String[] args) {
        System.exit(ImportCommand.run(List.of(args)));
    }
}
