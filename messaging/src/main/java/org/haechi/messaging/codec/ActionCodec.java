package org.haechi.messaging.codec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.haechi.core.alarm.ActionKind;
import org.haechi.core.alarm.OperatorAction;

/** Wire codec for {@code haechi.action/1}. Stateless and thread-safe. */
public final class ActionCodec {
    public static final String SCHEMA = "haechi.action/1";

    public OperatorAction decode(String body) throws ContractViolation {
        JsonFields f = JsonFields.parse(body, SCHEMA);
        return new OperatorAction(f.required("actionId"), f.required("alarmId"), ActionKind.parse(f.required("kind")),
                f.required("operator"), f.required("console"), f.requiredInstant("at"), f.optional("note"));
    }

    public String encode(OperatorAction a) {
        ObjectNode n = JsonFields.MAPPER.createObjectNode();
        n.put("schema", SCHEMA);
        n.put("actionId", a.actionId());
        n.put("alarmId", a.alarmId());
        n.put("kind", a.kind().name());
        n.put("operator", a.operator());
        n.put("console", a.console());
        n.put("at", a.at().toString());
        if (a.note() != null) {
            n.put("note", a.note());
        }
        return AlarmCodec.write(n);
    }
}
