package org.haechi.app.shell;

import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * Asks the operator for the broker's user name and password when the console joins an external broker and the
 * environment gives none. The password is returned, never stored. FX thread.
 */
public final class LoginDialog {
    /** What the operator typed. */
    public record Credentials(String user, String password) {
        @Override
        public String toString() {
            return "Credentials[" + user + ", ****]";
        }
    }

    private LoginDialog() {
    }

    public static Optional<Credentials> ask(Window owner, String brokerUrl) {
        Dialog<Credentials> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Log in to the bus");
        dialog.setHeaderText("Broker " + brokerUrl);
        TextField user = new TextField(System.getProperty("user.name", ""));
        user.setId("login-user");
        PasswordField password = new PasswordField();
        password.setId("login-password");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("User"), user);
        grid.addRow(1, new Label("Password"), password);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(b -> b == ButtonType.OK ? new Credentials(user.getText(), password.getText())
                : null);
        return dialog.showAndWait();
    }
}
