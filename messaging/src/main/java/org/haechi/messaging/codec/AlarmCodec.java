package org.haechi.messaging.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.haechi.core.alarm.Alarm;
import org.haechi.core.alarm.AlarmState;
import org.haechi.core.alarm.AlarmType;
import org.haechi.core.alarm.Severity;

/** Wire codec for {@code haechi.alarm/1}. Stateless and thread-safe. */
public final class AlarmCodec {
    public static final String SCHEMA = "haechi.alarm/1";
    /**
     * The attribute saying what was repaired to keep an alarm the cache could not hold as sent: a field cut to its
     * column, an occurrence time outside the years 0001 to 9999.
     */
    public static final String REPAIRED = "haechi.repaired";
    /** The widths of the cache's alarm columns (migration V1). */
    static final int MAX_TYPE = 64;
    static final int MAX_SOURCE_ID = 200;
    static final int MAX_TITLE = 1000;
    /** The width of the attributes column (migration V8), which holds them as a JSON object. */
    static final int MAX_ATTRIBUTES_JSON = 1_000_000;
    /** What the attributes may take of their column, leaving room for the repair note. */
    private static final int ATTRIBUTES_ROOM = MAX_ATTRIBUTES_JSON - 10_000;

    /** Decodes a body; {@code receivedAt} becomes the alarm's local receive time. */
    public Alarm decode(String body, Instant receivedAt) throws ContractViolation {
        JsonFields f = JsonFields.parse(body, SCHEMA);
        String id = f.required("id");
        if (id.length() > 200) {
            throw new ContractViolation("id longer than 200 characters");
        }
        String typeName = f.required("type");
        String severityName = f.required("severity");
        Severity severity = Severity.parseOrNull(severityName);
        if (severity == null) {
            throw new ContractViolation("severity '" + severityName + "' is not CRITICAL, HIGH, MEDIUM or LOW");
        }
        // The contract sets no length on these, and an alarm is never dropped for its type, its text or a source's
        // broken clock: what the cache cannot hold as sent is repaired, and the alarm says so.
        List<String> repairs = new ArrayList<>(0);
        Instant occurredAt = f.requiredInstant("occurredAt");
        if (!JsonFields.storable(occurredAt)) {
            repairs.add("occurredAt " + occurredAt + " is outside the years 0001 to 9999; the receive time is shown");
            occurredAt = receivedAt;
        }
        String type = fit(typeName, MAX_TYPE, "type", repairs);
        String sourceId = fit(f.optional("sourceId"), MAX_SOURCE_ID, "sourceId", repairs);
        String title = fit(f.optional("title"), MAX_TITLE, "title", repairs);
        Map<String, String> attributes = f.stringMap("attributes");
        if (4L * body.length() + 64 > ATTRIBUTES_ROOM) {
            // Written by the cache, attributes take at most three times their length in the body (\b becomes \u0008,
            // 1e6 becomes 1000000.0); only a body that long can overflow the column.
            fitAttributes(attributes, repairs);
        }
        noteRepairs(attributes, repairs);
        return new Alarm(id, AlarmType.parse(type), type, severity, occurredAt, receivedAt,
                f.optionalLocation("location"), sourceId, title, attributes, AlarmState.NEW, false);
    }

    /** {@code value}, or its first {@code max - 1} characters and an ellipsis (noted in {@code repairs}) if longer. */
    static String fit(String value, int max, String field, List<String> repairs) {
        if (value == null || value.length() <= max) {
            return value;
        }
        repairs.add(field + " cut from " + value.length() + " characters");
        int end = max - 1;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end) + "\u2026";
    }

    /**
     * Cuts the longest attribute values until the attributes, written as the cache writes them (a JSON object), fit
     * their column, leaving room for the repair note.
     */
    static void fitAttributes(Map<String, String> attributes, List<String> repairs) {
        long written = jsonLength(attributes);
        long room = ATTRIBUTES_ROOM;
        if (written <= room) {
            return;
        }
        repairs.add("attributes cut from " + written + " characters of JSON");
        List<String> longestFirst = attributes.keySet().stream()
                .sorted((a, b) -> Integer.compare(attributes.get(b).length(), attributes.get(a).length())).toList();
        for (String key : longestFirst) {
            if (written <= room) {
                return;
            }
            String value = attributes.get(key);
            long keep = value.length() - (written - room);
            if (keep < 2) {
                attributes.remove(key);
                written -= 6 + escapedLength(key) + escapedLength(value);
            } else {
                String cut = fit(value, (int) keep, key, new ArrayList<>());
                attributes.put(key, cut);
                written += escapedLength(cut) - escapedLength(value);
            }
        }
    }

    /** The length of the attributes as the cache writes them: a JSON object of strings, escaped. */
    static long jsonLength(Map<String, String> attributes) {
        long n = 2;
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            n += 6 + escapedLength(e.getKey()) + escapedLength(e.getValue());
        }
        return n;
    }

    private static long escapedLength(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t' ? 2 : c < 0x20 ? 6 : 1;
        }
        return n;
    }

    /** Adds the {@link #REPAIRED} attribute when there were repairs. */
    static void noteRepairs(Map<String, String> attributes, List<String> repairs) {
        if (!repairs.isEmpty()) {
            attributes.put(REPAIRED, String.join("; ", repairs));
        }
    }

    /** Encodes the wire fields of an alarm (not its local state). */
    public String encode(Alarm alarm) {
        ObjectNode n = JsonFields.MAPPER.createObjectNode();
        n.put("schema", SCHEMA);
        n.put("id", alarm.id());
        n.put("type", alarm.typeName());
        n.put("severity", alarm.severity().name());
        n.put("occurredAt", alarm.occurredAt().toString());
        alarm.optionalLocation().ifPresent(p -> n.putObject("location").put("lat", p.lat()).put("lon", p.lon()));
        if (alarm.sourceId() != null) {
            n.put("sourceId", alarm.sourceId());
        }
        if (alarm.title() != null) {
            n.put("title", alarm.title());
        }
        ObjectNode attrs = n.putObject("attributes");
        alarm.attributes().forEach(attrs::put);
        return write(n);
    }

    static String write(ObjectNode n) {
        try {
            return JsonFields.MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
