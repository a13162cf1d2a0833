package org.haechi.app.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.stage.WindowEvent;
import org.haechi.core.alarm.Alarm;
import org.haechi.core.alarm.Severity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * In a storm the rows move under the pointer: the queue's menu names the alarm it was opened on, and acts on that
 * one, whatever is selected by the time the operator chooses (review, session 11).
 */
class AlarmActionMenuTargetTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void theMenuNamesAndActsOnTheAlarmItWasOpenedOn() throws Exception {
        Alarm opened = AlarmBoardViewModelTest.alarm("bell-1", Severity.CRITICAL, 1);
        Alarm slidIn = AlarmBoardViewModelTest.alarm("bell-2", Severity.CRITICAL, 2);
        AtomicReference<Alarm> selected = new AtomicReference<>(opened);
        List<String> applied = new ArrayList<>();
        List<String> header = new ArrayList<>();
        AlarmActionMenu actions = new AlarmActionMenu(selected::get, (id, r) -> {
            applied.add(r.kind() + ":" + id);
            return opened;
        }, Runnable::run, Runnable::run, a -> { }, e -> { },
                ResourceBundle.getBundle("org.haechi.app.messages", Locale.ENGLISH), AlarmActionMenuTest.CLOCK);
        FxToolkit.setupFixture(() -> {
            ContextMenu menu = actions.menu();
            menu.getOnShowing().handle(new WindowEvent(menu, WindowEvent.WINDOW_SHOWING));
            header.add(menu.getItems().get(0).getText());
            selected.set(slidIn);
            ((MenuItem) menu.getItems().get(2)).fire();
            selected.set(null);
            menu.getOnShowing().handle(new WindowEvent(menu, WindowEvent.WINDOW_SHOWING));
            header.add(menu.getItems().get(0).getText());
            header.add(Boolean.toString(menu.getItems().get(2).isDisable()));
        });
        assertThat(applied).containsExactly("ACKNOWLEDGE:bell-1");
        assertThat(header).containsExactly("EMERGENCY_BELL · - (bell-1)", "No alarm selected", "true");
    }
}
