package org.haechi.app.shell;

import javafx.scene.control.Dialog;

/**
 * The console's stylesheet (dark theme, Hangul fonts) for what opens in a window of its own. A dialog's scene does
 * not inherit the main window's stylesheets, and the platform's default font has no Hangul: without this a Korean
 * dialog shows its text as empty boxes.
 */
public final class ConsoleStyle {
    /** The stylesheet's URL, for a scene's stylesheets. */
    public static final String CSS = ConsoleStyle.class.getResource("/org/haechi/app/haechi.css").toExternalForm();

    private ConsoleStyle() {
    }

    /** Gives {@code dialog} the console's stylesheet; returns it. FX thread. */
    public static <T extends Dialog<?>> T apply(T dialog) {
        dialog.getDialogPane().getStylesheets().add(CSS);
        return dialog;
    }
}
