package org.haechi.messaging.codec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.haechi.core.alarm.ActionKind;
import org.haechi.core.alarm.HybridTimestamp;
import org.haechi.core.alarm.OperatorAction;

/** Wire codec for {@code haechi.action/1}. Stateless and thread-safe. */
public final class ActionCodec {
    public static final String SCHEMA = "haechi.action/1";
    /** Longest console id: the node of an action's time is stored (and audited) as one. */
    private static final int MAX_NODE = 100;

    public OperatorAction decode(String body) throws ContractViolation {
        JsonFields f = JsonFields.parse(body, SCHEMA);
        String console = f.required("console", MAX_NODE);
        HybridTimestamp at = at(f, console);
        Instant until = f.optional("until") == null ? null : f.requiredStorableInstant("until");
        String kind = f.required("kind", 32);
        return new OperatorAction(f.required("actionId", 100), f.required("alarmId", 200),
                ActionKind.parse(kind), f.required("operator", 100), console, at,
                JsonFields.limited("note", f.optional("note"), 4000),
                JsonFields.limited("assignee", f.optional("assignee"), 100), until,
                JsonFields.limited("disposition", f.optional("disposition"), 200), kind);
    }

    /** {@code at}: the HLC text, or a plain ISO-8601 instant from a third party (counter 0, node = console). */
    private static HybridTimestamp at(JsonFields f, String console) throws ContractViolation {
        String text = f.required("at", 160);
        if (text.indexOf('#') >= 0) {
            HybridTimestamp at;
            try {
                at = HybridTimestamp.parse(text);
            } catch (IllegalArgumentException e) {
                throw new ContractViolation("field 'at' is not a hybrid timestamp: " + text);
            }
            if (at.node().length() > MAX_NODE) {
                throw new ContractViolation("field 'at' names a node longer than " + MAX_NODE + " characters");
            }
            return at;
        }
        Instant instant = f.requiredInstant("at");
        if (console.chars().anyMatch(Character::isWhitespace)) {
            throw new ContractViolation("field 'console' contains whitespace: " + console);
        }
        if (instant.isBefore(Instant.EPOCH) || instant.isAfter(Instant.ofEpochMilli(HybridTimestamp.MAX_WALL))) {
            throw new ContractViolation("field 'at' outside 1970..9999: " + text);
        }
        return HybridTimestamp.ofInstant(instant, console);
    }

    public String encode(OperatorAction a) {
        ObjectNode n = JsonFields.MAPPER.createObjectNode();
        n.put("schema", SCHEMA);
        n.put("actionId", a.actionId());
        n.put("alarmId", a.alarmId());
        n.put("kind", a.kindName());
        n.put("operator", a.operator());
        n.put("console", a.console());
        n.put("at", a.at().toString());
        putIfPresent(n, "note", a.note());
        putIfPresent(n, "assignee", a.assignee());
        putIfPresent(n, "until", a.until() == null ? null : a.until().toString());
        putIfPresent(n, "disposition", a.disposition());
        return AlarmCodec.write(n);
    }

    private static void putIfPresent(ObjectNode n, String name, String value) {
        if (value != null) {
            n.put(name, value);
        }
    }
}
