package org.haechi.app.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.haechi.app.metrics.CacheStats;
import org.haechi.core.bus.BusStatus;
import org.haechi.core.bus.DeadLetters;
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

    @Test
    void aCacheThatCannotStoreIsAnErrorInPlaceOfItsCounts() {
        StatusBarViewModel vm = new StatusBarViewModel(TEXT);

        vm.update(new CacheStats(12, 3, 0, 2_097_152), 0, 0, 0, "IO Exception: No space left on device");
        assertThat(vm.cacheFailingProperty().get()).isTrue();
        assertThat(vm.cacheProperty().get()).isEqualTo("Cache cannot store: messages wait on the broker");
        assertThat(vm.cacheProblemProperty().get()).contains("No space left on device");

        vm.update(new CacheStats(12, 3, 0, 2_097_152), 0, 0, 0, null);
        assertThat(vm.cacheFailingProperty().get()).isFalse();
        assertThat(vm.cacheProblemProperty().get()).isNull();
        assertThat(vm.cacheProperty().get()).isEqualTo("Cache: 12 alarms, 2.0 MB");
    }

    @Test
    void whatTheBrokerDeadLetteredIsAnErrorWithItsAddressesUntilItIsGone() {
        StatusBarViewModel vm = new StatusBarViewModel(TEXT);
        assertThat(vm.deadLettersProperty().get()).isEmpty();

        vm.deadLetters(new DeadLetters(1234, false, Map.of("haechi.alarms", 1200, "haechi.actions", 34)));
        assertThat(vm.deadLettersProperty().get()).isEqualTo("Dead-lettered on the broker: 1,234");
        assertThat(vm.deadLettersByAddressProperty().get().lines())
                .containsExactlyInAnyOrder("haechi.alarms: 1,200", "haechi.actions: 34");

        vm.deadLetters(new DeadLetters(10_000, true, Map.of("haechi.alarms", 10_000)));
        assertThat(vm.deadLettersProperty().get()).isEqualTo("Dead-lettered on the broker: 10,000+");

        vm.deadLetters(DeadLetters.NONE);
        assertThat(vm.deadLettersProperty().get()).isEmpty();
    }
}
