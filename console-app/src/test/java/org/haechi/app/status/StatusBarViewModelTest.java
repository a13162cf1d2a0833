package org.haechi.app.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import java.util.ResourceBundle;
import org.haechi.core.bus.BusStatus;
import org.junit.jupiter.api.Test;

class StatusBarViewModelTest {
    static final ResourceBundle TEXT = ResourceBundle.getBundle("org.haechi.app.messages", Locale.ENGLISH);

    @Test
    void aBrokerHoldingBackTheConsolesSendsIsAWarningUntilItTakesThem() {
        StatusBarViewModel vm = new StatusBarViewModel(TEXT);

        vm.busStatus(new BusStatus(true, null, "tcp://broker:61616", true));
        assertThat(vm.connectedProperty().get()).isTrue();
        assertThat(vm.sendsHeldBackProperty().get()).isTrue();
        assertThat(vm.connectionProperty().get()).isEqualTo(TEXT.getString("status.heldBack"))
                .contains("actions stay pending");

        vm.busStatus(new BusStatus(true, null, "tcp://broker:61616"));
        assertThat(vm.sendsHeldBackProperty().get()).isFalse();
        assertThat(vm.connectionProperty().get()).isEqualTo("Broker connected (tcp://broker:61616)");
    }

    @Test
    void offlineIsNeverAlsoHeldBack() {
        StatusBarViewModel vm = new StatusBarViewModel(TEXT);

        vm.busStatus(new BusStatus(false, Instant.parse("2026-11-28T05:12:00Z"), "connection lost", true));
        assertThat(vm.connectedProperty().get()).isFalse();
        assertThat(vm.sendsHeldBackProperty().get()).isFalse();
        assertThat(vm.connectionProperty().get()).startsWith("Offline since").endsWith("connection lost");
    }
}
