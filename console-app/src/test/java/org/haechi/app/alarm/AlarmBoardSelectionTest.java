package org.haechi.app.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.scene.Scene;
import org.haechi.core.alarm.Alarm;
import org.haechi.core.alarm.AlarmState;
import org.haechi.core.alarm.Severity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * The operator's selection in a real TableView through queue refreshes: it stays on its alarm when the alarm moves
 * (acknowledged, so it sorts lower), when rows around it come and go, and it is not flickered away and back.
 */
class AlarmBoardSelectionTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void theSelectionFollowsItsAlarmThroughRefreshesWithoutFlicker() throws Exception {
        List<String> seen = new ArrayList<>();
        List<String> tableRows = new ArrayList<>();
        FxToolkit.setupFixture(() -> {
            AlarmBoardViewModel vm = new AlarmBoardViewModel((id, kind, note) -> null, Runnable::run, Runnable::run);
            AlarmBoardView view = new AlarmBoardView(vm,
                    ResourceBundle.getBundle("org.haechi.app.messages", Locale.ENGLISH));
            javafx.stage.Stage stage = new javafx.stage.Stage();
            stage.setScene(new Scene(view, 900, 400));
            stage.show();
            Alarm x = AlarmBoardViewModelTest.alarm("x", Severity.CRITICAL, 5);
            List<Alarm> first = new ArrayList<>(List.of(x));
            for (int i = 0; i < 20; i++) {
                first.add(AlarmBoardViewModelTest.alarm("h" + i, Severity.HIGH, i));
            }
            vm.upsert(first);
            vm.selectedProperty().set(x);
            vm.selectedProperty().addListener((o, a, b) -> seen.add(b == null ? "none" : b.id() + ":" + b.state()));
            // a storm refresh: new rows above and below, one row closed, X itself acknowledged (it sorts lower)
            List<Alarm> storm = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                storm.add(AlarmBoardViewModelTest.alarm("c" + i, Severity.CRITICAL, 100 + i));
                storm.add(AlarmBoardViewModelTest.alarm("l" + i, Severity.LOW, 100 + i));
            }
            storm.add(AlarmBoardViewModelTest.alarm("h3", Severity.HIGH, 3).withState(AlarmState.CLOSED, false));
            storm.add(x.withState(AlarmState.ACKNOWLEDGED, false));
            vm.stage(storm);
            vm.publish();
            // and a refresh that does not touch X at all
            vm.stage(List.of(AlarmBoardViewModelTest.alarm("c99", Severity.CRITICAL, 300)));
            vm.publish();
            var table = (javafx.scene.control.TableView<?>) view.lookup(".table-view");
            Object selectedRow = table.getSelectionModel().getSelectedItem();
            tableRows.add(selectedRow == null ? "none" : ((Alarm) selectedRow).id() + ":"
                    + ((Alarm) selectedRow).state());
            stage.close();
        });
        assertThat(seen).as("one change: X's new version, nothing in between").containsExactly("x:ACKNOWLEDGED");
        assertThat(tableRows).containsExactly("x:ACKNOWLEDGED");
    }
}
