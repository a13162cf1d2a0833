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
        String type = Repairs.fit(typeName, MAX_TYPE, "type", repairs);
        String sourceId = Repairs.fit(f.optional("sourceId"), MAX_SOURCE_ID, "sourceId", repairs);
        String title = Repairs.fit(f.optional("title"), MAX_TITLE, "title", repairs);
        Map<String, String> attributes = f.stringMap("attributes");
        if (4L * body.length() + 64 > Repairs.ATTRIBUTES_ROOM) {
            // Written by the cache, attributes take at most three times their length in the body (\b becomes \u0008,
            // 1e6 becomes 1000000.0); only a body that long can overflow the column.
            Repairs.fitAttributes(attributes, repairs);
        }
        Repairs.note(attributes, repairs);
        return new Alarm(id, AlarmType.parse(type), type, severity, occurredAt, receivedAt,
                f.optionalLocation("location"), sourceId, title, attributes, AlarmState.NEW, false);
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
