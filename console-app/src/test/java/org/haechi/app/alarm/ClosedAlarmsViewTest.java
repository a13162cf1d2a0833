package org.haechi.app.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.haechi.core.alarm.ActionKind;
import org.haechi.core.alarm.Alarm;
import org.haechi.core.alarm.AlarmState;
import org.haechi.core.alarm.Severity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The queue shows open alarms only: the closed-alarms window is where an operator reopens one closed by mistake
 * (review, session 11: REOPEN could not be asked for from the console).
 */
class ClosedAlarmsViewTest {
    static final ResourceBundle TEXT = ResourceBundle.getBundle("org.haechi.app.messages", Locale.ENGLISH);

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void closeWindows() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aClosedAlarmIsReopenedAndGoesBackToTheQueue() throws Exception {
        Alarm a = AlarmBoardViewModelTest.alarm("closed-a", Severity.HIGH, 1).withWorkflow(AlarmState.CLOSED, false,
                null, 3);
        Alarm b = AlarmBoardViewModelTest.alarm("closed-b", Severity.LOW, 2).withWorkflow(AlarmState.CLOSED, false,
                null, 1);
        List<String> recorded = new ArrayList<>();
        List<Alarm> reopened = new ArrayList<>();
        AtomicReference<ClosedAlarmsView> view = new AtomicReference<>();
        FxToolkit.setupFixture(() -> {
            Stage owner = new Stage();
            owner.setScene(new Scene(new Pane(), 200, 100));
            owner.show();
            ClosedAlarmsView v = new ClosedAlarmsView(TEXT);
            v.show(owner, () -> List.of(b, a), (id, r) -> {
                recorded.add(r.kind() + ":" + id);
                return a.withWorkflow(AlarmState.NEW, true, null, 4);
            }, Runnable::run, Runnable::run, reopened::add);
            view.set(v);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.get().table().getItems()).containsExactly(b, a);
        assertThat(view.get().statusText()).isEqualTo("The 2 closed alarms received most recently");

        AtomicReference<CompletableFuture<Void>> done = new AtomicReference<>();
        FxToolkit.setupFixture(() -> {
            view.get().table().getSelectionModel().select(a);
            done.set(view.get().reopenSelected());
        });
        done.get().join();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(recorded).containsExactly(ActionKind.REOPEN + ":closed-a");
        assertThat(reopened).singleElement().satisfies(r -> {
            assertThat(r.state()).isEqualTo(AlarmState.NEW);
            assertThat(r.revision()).isEqualTo(4);
        });
        assertThat(view.get().table().getItems()).containsExactly(b);
        assertThat(view.get().statusText()).startsWith("Reopened closed-a");

        AlarmBoardViewModel board = new AlarmBoardViewModel((id, kind, note) -> null, Runnable::run, Runnable::run);
        board.upsert(List.of(a));
        board.upsert(reopened);
        assertThat(board.alarms()).as("the queue takes it back: a higher revision than its close")
                .extracting(Alarm::id).containsExactly("closed-a");
    }
}
