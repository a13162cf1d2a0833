package org.haechi.core.alarm;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hybrid logical clock timestamp (Kulkarni et al., 2014): wall milliseconds, a logical counter for events within
 * one millisecond, and the node (console id) that made it. Immutable; any thread.
 *
 * <p>Ordered by (wall, counter, node). Its text, {@code 2026-11-28T05:12:03.123Z#0005@ws-03}, is the wall time as a
 * UTC instant with exactly three fraction digits, {@code #}, the counter as exactly four decimal digits, {@code @}
 * and the node. The parts have fixed widths, so the text sorts as the timestamp does (for years 1970 to 9999, which
 * is all this type accepts); the database orders by it.
 *
 * @param wallMillis milliseconds since the epoch, 0 to {@link #MAX_WALL}
 * @param counter    logical counter, 0 to {@link #MAX_COUNTER}
 * @param node       id of the node that made it, not blank, no whitespace
 */
public record HybridTimestamp(long wallMillis, int counter, String node) implements Comparable<HybridTimestamp> {
    /** The last millisecond of the year 9999, the largest wall time the fixed-width text holds. */
    public static final long MAX_WALL = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
    /** The largest counter the four-digit text holds. */
    public static final int MAX_COUNTER = 9999;
    private static final DateTimeFormatter WALL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern TEXT = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z)#(\\d{4})@(\\S+)");

    public HybridTimestamp {
        if (wallMillis < 0 || wallMillis > MAX_WALL) {
            throw new IllegalArgumentException("wall time outside 1970..9999: " + wallMillis);
        }
        if (counter < 0 || counter > MAX_COUNTER) {
            throw new IllegalArgumentException("counter outside 0.." + MAX_COUNTER + ": " + counter);
        }
        if (node == null || node.isBlank() || !node.equals(node.strip()) || node.chars().anyMatch(
                Character::isWhitespace)) {
            throw new IllegalArgumentException("node id must be non-blank without whitespace: '" + node + "'");
        }
    }

    /** The wall time as an instant. */
    public Instant instant() {
        return Instant.ofEpochMilli(wallMillis);
    }

    /** Parses the text form, {@code 2026-11-28T05:12:03.123Z#0005@ws-03}; throws IllegalArgumentException. */
    public static HybridTimestamp parse(String text) {
        Matcher m = text == null ? null : TEXT.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("not a hybrid timestamp: " + text);
        }
        try {
            long wall = Instant.parse(m.group(1)).toEpochMilli();
            return new HybridTimestamp(wall, Integer.parseInt(m.group(2)), m.group(3));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a hybrid timestamp: " + text, e);
        }
    }

    /**
     * The timestamp of an event known only by its wall time (a third party's ISO-8601 instant): truncated to the
     * millisecond, counter 0, made by {@code node}.
     */
    public static HybridTimestamp ofInstant(Instant at, String node) {
        return new HybridTimestamp(at.truncatedTo(ChronoUnit.MILLIS).toEpochMilli(), 0, node);
    }

    @Override
    public int compareTo(HybridTimestamp o) {
        int c = Long.compare(wallMillis, o.wallMillis);
        if (c == 0) {
            c = Integer.compare(counter, o.counter);
        }
        return c != 0 ? c : node.compareTo(o.node);
    }

    /** True when this is strictly after {@code other}. */
    public boolean isAfter(HybridTimestamp other) {
        return compareTo(other) > 0;
    }

    @Override
    public String toString() {
        return WALL.format(Instant.ofEpochMilli(wallMillis)) + '#' + String.format("%04d", counter) + '@' + node;
    }
}
