package org.haechi.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.haechi.core.bus.RejectedMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The rejected-messages window in a real stage: what it lists, its filter, its counts, and its CSV. */
class RejectedMessagesViewTest {
    static final ResourceBundle TEXT = ResourceBundle.getBundle("org.haechi.app.messages", Locale.ENGLISH);
    static final Instant AT = Instant.parse("2026-11-29T01:00:00Z");
    static final List<RejectedMessage> ROWS = List.of(
            new RejectedMessage("haechi.alarms", "not valid JSON: Unexpected end-of-input", "{\"id\":", AT),
            new RejectedMessage("haechi.assets", "field 'id' longer than 200 characters", "{\"kind\":\"CAMERA\"}",
                    AT.plusSeconds(1)),
            new RejectedMessage("haechi.alarms", "the cache refused it: Value too long [22001]", "{\"id\":\"t-7\"}",
                    AT.plusSeconds(2)));
    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void closeWindows() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void listsTheNewestWithTheTotalAndFiltersOnAddressReasonAndBody() throws Exception {
        AtomicReference<RejectedMessagesView> view = new AtomicReference<>();
        FxToolkit.setupFixture(() -> {
            Stage owner = new Stage();
            owner.setScene(new Scene(new Pane(), 200, 100));
            owner.show();
            RejectedMessagesView v = new RejectedMessagesView(TEXT);
            v.show(owner, () -> ROWS, () -> 7L, Runnable::run);
            view.set(v);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.get().rowsShown()).hasSize(3);
        assertThat(view.get().statusText()).isEqualTo("3 shown of the newest 3 (7 in all)");

        FxToolkit.setupFixture(() -> view.get().filterField().setText("ASSETS"));
        assertThat(view.get().rowsShown()).extracting(RejectedMessage::address).containsExactly("haechi.assets");
        assertThat(view.get().statusText()).isEqualTo("1 shown of the newest 3 (7 in all)");

        FxToolkit.setupFixture(() -> view.get().filterField().setText("t-7"));
        assertThat(view.get().rowsShown()).extracting(RejectedMessage::reason)
                .containsExactly("the cache refused it: Value too long [22001]");

        FxToolkit.setupFixture(() -> view.get().filterField().setText("  "));
        assertThat(view.get().rowsShown()).hasSize(3);

        FxToolkit.setupFixture(() -> view.get().filterField().setText("haechi.alarms"));
        Path file = dir.resolve("shown.csv");
        AtomicReference<java.util.concurrent.CompletableFuture<Void>> exported = new AtomicReference<>();
        FxToolkit.setupFixture(() -> exported.set(view.get().exportTo(file)));
        exported.get().join();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.get().statusText()).as("says what it wrote of how many")
                .isEqualTo("Exported the 2 rows shown (of the newest 3; 7 in all) to " + file);
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).hasSize(3);
        assertThat(dir.resolve("shown.csv.part")).doesNotExist();
    }

    @Test
    void aFieldASpreadsheetWouldTakeForAFormulaIsExportedAsText() {
        assertThat(RejectedMessagesView.csv("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(RejectedMessagesView.csv("-1")).isEqualTo("\"'-1\"");
        assertThat(RejectedMessagesView.csv("haechi.alarms")).isEqualTo("\"haechi.alarms\"");
    }

    @Test
    void theCsvIsUtf8WithABomAndQuotesEveryField() throws Exception {
        Path file = dir.resolve("rejected.csv");
        RejectedMessagesView.writeCsv(List.of(new RejectedMessage("haechi.alarms", "say \"hi\"", "줄 1\n줄 2", AT)),
                file);

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("\uFEFFreceived_at,address,reason,body\r\n"
                + "\"2026-11-29T01:00:00Z\",\"haechi.alarms\",\"say \"\"hi\"\"\",\"줄 1\n줄 2\"\r\n");
    }
}
