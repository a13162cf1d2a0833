package org.haechi.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A dialog is a window of its own and does not inherit the main window's stylesheet: with the platform's default
 * font its Korean text showed as empty boxes (seen on the login dialog's screenshot, session 10).
 */
class ConsoleStyleTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void closeWindows() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aStyledDialogWritesKoreanInAHangulFont() throws Exception {
        AtomicReference<Dialog<Void>> dialog = new AtomicReference<>();
        FxToolkit.setupFixture(() -> {
            Dialog<Void> d = ConsoleStyle.apply(new Dialog<>());
            d.setHeaderText("브로커가 로그인을 거부했습니다");
            d.getDialogPane().getButtonTypes().add(ButtonType.CANCEL);
            d.show();
            dialog.set(d);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Node header = dialog.get().getDialogPane().lookup(".header-panel .label");
        assertThat(((Label) header).getFont().getFamily()).isIn("Noto Sans CJK KR", "Noto Sans KR", "NanumGothic");
        FxToolkit.setupFixture(() -> dialog.get().close());
    }
}
