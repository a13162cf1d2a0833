package org.haechi.app.status;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ResourceBundle;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.haechi.app.metrics.CacheStats;
import org.haechi.core.bus.BusStatus;
import org.haechi.core.bus.DeadLetters;

/**
 * Texts of the status bar: connection ("offline since hh:mm"), open alarms, rejected messages, messages the broker
 * dead-lettered, cache size, assets and tags. FX thread (or a test thread); fed by the composition root.
 */
public final class StatusBarViewModel {
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm")
            .withZone(ZoneId.of("Asia/Seoul")); // as every time the console shows
    private final ResourceBundle text;
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper sendsHeldBack = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper cacheProblem = new ReadOnlyStringWrapper();
    private final BooleanBinding cacheFailing = cacheProblem.isNotNull();
    private final ReadOnlyStringWrapper connection = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper openAlarms = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper rejected = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper cache = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper assets = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper deadLetters = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper deadLettersByAddress = new ReadOnlyStringWrapper("");

    public StatusBarViewModel(ResourceBundle text) {
        this.text = text;
        connection.set(text.getString("status.connecting"));
        update(CacheStats.EMPTY, 0, 0, 0, null);
    }

    public void busStatus(BusStatus s) {
        connected.set(s.connected());
        sendsHeldBack.set(s.connected() && s.sendsHeldBack());
        if (s.connected() && s.sendsHeldBack()) {
            connection.set(text.getString("status.heldBack"));
        } else if (s.connected()) {
            connection.set(text.getString("status.online") + " (" + s.detail() + ")");
        } else {
            Instant since = s.offlineSince() == null ? Instant.now() : s.offlineSince();
            connection.set(String.format(text.getString("status.offline"), HHMM.format(since))
                    + (s.detail() == null ? "" : " - " + s.detail()));
        }
    }

    /**
     * What the broker's dead-letter address holds: an error naming the count while it holds anything (no console
     * takes those messages any more), with the count by address for the tooltip; empty while it holds nothing.
     */
    public void deadLetters(DeadLetters d) {
        deadLetters.set(d.count() == 0 ? "" : String.format(text.getString("status.deadLetters"),
                String.format("%,d", d.count()) + (d.more() ? "+" : "")));
        deadLettersByAddress.set(d.byAddress().entrySet().stream()
                .map(e -> e.getKey() + ": " + String.format("%,d", e.getValue()))
                .collect(java.util.stream.Collectors.joining("\n")));
    }

    /** Refreshes the counts; {@code storeFailure}: why the cache cannot store messages now, or null. */
    public void update(CacheStats stats, long rejectedSinceStart, long assetCount, long tagCount,
                       String storeFailure) {
        openAlarms.set(String.format(text.getString("status.openAlarms"), stats.openAlarms()));
        rejected.set(String.format(text.getString("status.rejected"), rejectedSinceStart));
        cacheProblem.set(storeFailure);
        cache.set(storeFailure != null ? text.getString("status.cacheFailing")
                : String.format(text.getString("status.cache"), stats.alarms(), megabytes(stats.bytes())));
        assets.set(String.format(text.getString("status.assets"), assetCount) + "   "
                + String.format(text.getString("status.tags"), tagCount));
    }

    private static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / 1_048_576.0);
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    /** Connected, but the broker holds back this console's sends: shown as a warning. */
    public ReadOnlyBooleanProperty sendsHeldBackProperty() {
        return sendsHeldBack.getReadOnlyProperty();
    }

    /** The cache cannot store messages: shown as an error. */
    public BooleanBinding cacheFailingProperty() {
        return cacheFailing;
    }

    /** Why the cache cannot store (H2's message and code), or null: the cache label's tooltip. */
    public ReadOnlyStringProperty cacheProblemProperty() {
        return cacheProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty openAlarmsProperty() {
        return openAlarms.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rejectedProperty() {
        return rejected.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty cacheProperty() {
        return cache.getReadOnlyProperty();
    }

    /** Empty while the dead-letter address holds nothing. */
    public ReadOnlyStringProperty deadLettersProperty() {
        return deadLetters.getReadOnlyProperty();
    }

    /** One line per address the dead-lettered messages were sent to, with their count. */
    public ReadOnlyStringProperty deadLettersByAddressProperty() {
        return deadLettersByAddress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty assetsProperty() {
        return assets.getReadOnlyProperty();
    }
}
