package org.haechi.app.shell;

import java.util.Optional;
import java.util.ResourceBundle;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.haechi.messaging.bus.BusConfig;

/**
 * Asks the operator for the broker's user name and password when the console joins an external broker and the
 * environment gives none, and again when the broker refuses what was typed. The password is returned, never stored.
 * FX thread.
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

    /**
     * Asks for credentials; {@code refusedUser} not null says the broker refused that user's last login. The URL is
     * shown with any password parameter hidden.
     */
    public static Optional<Credentials> ask(Window owner, String brokerUrl, String refusedUser, ResourceBundle text) {
        Dialog<Credentials> dialog = ConsoleStyle.apply(new Dialog<>());
        dialog.initOwner(owner);
        dialog.setTitle(text.getString("login.title"));
        String broker = String.format(text.getString("login.broker"), BusConfig.redacted(brokerUrl));
        dialog.setHeaderText(refusedUser == null ? broker
                : String.format(text.getString("login.refused"), refusedUser) + "\n" + broker);
        TextField user = new TextField(refusedUser != null ? refusedUser : System.getProperty("user.name", ""));
        user.setId("login-user");
        PasswordField password = new PasswordField();
        password.setId("login-password");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label(text.getString("login.user")), user);
        grid.addRow(1, new Label(text.getString("login.password")), password);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(b -> b == ButtonType.OK ? new Credentials(user.getText(), password.getText())
                : null);
        return dialog.showAndWait();
    }
}
