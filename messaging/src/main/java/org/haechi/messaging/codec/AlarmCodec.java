package org.haechi.messaging.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.haechi.core.alarm.Alarm;
import org.haechi.core.alarm.AlarmState;
import org.haechi.core.alarm.AlarmType;
import org.haechi.core.alarm.Severity;

/** Wire codec for {@code haechi.alarm/1}. Stateless and thread-safe. */
public final class AlarmCodec {
    public static final String SCHEMA = "haechi.alarm/1";

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
        Instant occurredAt = f.requiredInstant("occurredAt");
        return new Alarm(id, AlarmType.parse(typeName), typeName, severity, occurredAt, receivedAt,
                f.optionalLocation("location"), f.optional("sourceId"), f.optional("title"),
                f.stringMap("attributes"), AlarmState.NEW, false);
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
