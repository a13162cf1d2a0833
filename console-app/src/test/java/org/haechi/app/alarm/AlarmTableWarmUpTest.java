package org.haechi.app.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import org.haechi.core.alarm.Alarm;
import org.haechi.core.alarm.Severity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The warm-up renders sample alarms but leaves the operator's queue, selection and bell as they were. */
class AlarmTableWarmUpTest {
    static final ResourceBundle TEXT = ResourceBundle.getBundle("org.haechi.app.messages", Locale.ENGLISH);

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void theRealTableGetsItsRowsBackAndNothingReachesTheQueue() throws Exception {
        List<Alarm> rung = new ArrayList<>();
        AtomicReference<List<Object>> rowsAfter = new AtomicReference<>();
        AtomicReference<AlarmBoardViewModel> model = new AtomicReference<>();
        FxToolkit.setupFixture(() -> {
            AlarmBoardViewModel vm = quietModel();
            vm.setOnNewCritical(rung::add);
            Alarm real = AlarmBoardViewModelTest.alarm("real-1", Severity.HIGH, 1);
            vm.upsert(List.of(real));
            vm.selectedProperty().set(real);
            AlarmBoardView view = new AlarmBoardView(vm, TEXT);
            Scene scene = new Scene(view, 900, 400);
            AlarmTableWarmUp.primeInScene(view, scene);
            AlarmTableWarmUp.run(TEXT, scene.getStylesheets(), Runnable::run);
            TableView<Alarm> table = view.table();
            assertThat(table.getItems()).isSameAs(vm.alarms());
            rowsAfter.set(new ArrayList<>(table.getItems()));
            model.set(vm);
        });
        assertThat(rowsAfter.get()).extracting(a -> ((Alarm) a).id()).containsExactly("real-1");
        assertThat(model.get().selectedProperty().get().id()).isEqualTo("real-1");
        assertThat(model.get().openCountProperty().get()).isEqualTo(1);
        assertThat(rung).isEmpty();
    }

    @Test
    void primingChangesItsSampleRowsOnceARoundAsAStormDoes() throws Exception {
        AtomicInteger shownLists = new AtomicInteger();
        AtomicInteger changes = new AtomicInteger();
        AtomicInteger lastSize = new AtomicInteger();
        AtomicReference<Object> itemsAfter = new AtomicReference<>();
        AtomicReference<Object> queue = new AtomicReference<>();
        FxToolkit.setupFixture(() -> {
            AlarmBoardViewModel vm = quietModel();
            AlarmBoardView view = new AlarmBoardView(vm, TEXT);
            Scene scene = new Scene(view, 900, 400);
            view.table().itemsProperty().addListener((o, was, now) -> {
                if (now != vm.alarms()) {
                    shownLists.incrementAndGet();
                    now.addListener((ListChangeListener<Alarm>) c -> {
                        changes.incrementAndGet();
                        lastSize.set(c.getList().size());
                    });
                }
            });
            AlarmTableWarmUp.primeInScene(view, scene);
            itemsAfter.set(view.table().getItems());
            queue.set(vm.alarms());
        });
        assertThat(shownLists.get()).as("the table was given the sample rows").isEqualTo(1);
        // The first round's rows are in the list before the table is given it; every later round is one change.
        assertThat(changes.get()).isEqualTo(AlarmTableWarmUp.primeRounds() - 1).isPositive();
        assertThat(lastSize.get()).isEqualTo(Math.min(AlarmTableWarmUp.primeRounds() * AlarmTableWarmUp.ROWS,
                AlarmTableWarmUp.PRIME_ROWS));
        assertThat(itemsAfter.get()).isSameAs(queue.get());
    }

    @Test
    void theSamplesCoverEverySeverityAndAreNeverRealIds() {
        List<Alarm> samples = AlarmTableWarmUp.samples(0);
        assertThat(samples).hasSize(AlarmTableWarmUp.ROWS);
        assertThat(samples).extracting(Alarm::severity).contains(Severity.values());
        assertThat(samples).allMatch(a -> a.id().startsWith("warm-up-"));
    }

    @Test
    void afterTheWarmUpTheHighlightedRowIsStillTheOperatorsAlarm() throws Exception {
        AtomicReference<String> highlighted = new AtomicReference<>();
        AtomicReference<String> selected = new AtomicReference<>();
        FxToolkit.setupFixture(() -> {
            AlarmBoardViewModel vm = quietModel();
            AlarmBoardView view = new AlarmBoardView(vm, TEXT);
            Scene scene = new Scene(view, 900, 400);
            AlarmTableWarmUp.primeInScene(view, scene);
            javafx.stage.Stage stage = new javafx.stage.Stage();
            stage.setScene(scene);
            stage.show();
            Alarm a = AlarmBoardViewModelTest.alarm("a", Severity.CRITICAL, 10);
            Alarm b = AlarmBoardViewModelTest.alarm("b", Severity.CRITICAL, 9);
            Alarm x = AlarmBoardViewModelTest.alarm("x", Severity.HIGH, 8);
            Alarm c = AlarmBoardViewModelTest.alarm("c", Severity.LOW, 7);
            vm.upsert(List.of(a, b, x, c));
            vm.selectedProperty().set(x);
            // the two rows above X close, and a new alarm sorts just below it: X moves from row 2 to row 0
            vm.stage(List.of(a.withState(org.haechi.core.alarm.AlarmState.CLOSED, false),
                    b.withState(org.haechi.core.alarm.AlarmState.CLOSED, false),
                    AlarmBoardViewModelTest.alarm("n", Severity.HIGH, 5)));
            vm.publish();
            TableView<Alarm> table = view.table();
            highlighted.set(table.getItems().get(table.getSelectionModel().getSelectedIndex()).id());
            selected.set(vm.selectedProperty().get().id());
            stage.close();
        });
        assertThat(selected.get()).isEqualTo("x");
        assertThat(highlighted.get()).isEqualTo("x");
    }

    /** A queue whose actions do nothing and whose work runs on the calling thread. */
    private static AlarmBoardViewModel quietModel() {
        return new AlarmBoardViewModel((id, kind, note) -> null, Runnable::run, Runnable::run);
    }
}
