package org.haechi.messaging.codec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.haechi.core.position.TagPosition;

/** Wire codec for {@code haechi.position/1}. Stateless and thread-safe. */
public final class PositionCodec {
    public static final String SCHEMA = "haechi.position/1";

    public TagPosition decode(String body) throws ContractViolation {
        JsonFields f = JsonFields.parse(body, SCHEMA);
        return new TagPosition(f.required("personId", 100), f.requiredStorableInstant("fixAt"),
                f.requiredTopLevelPoint(),
                f.optionalDouble("accuracyM"));
    }

    public String encode(TagPosition p) {
        ObjectNode n = JsonFields.MAPPER.createObjectNode();
        n.put("schema", SCHEMA);
        n.put("personId", p.personId());
        n.put("fixAt", p.fixAt().toString());
        n.put("lat", p.location().lat());
        n.put("lon", p.location().lon());
        if (Double.isFinite(p.accuracyM())) {
            n.put("accuracyM", p.accuracyM());
        }
        return AlarmCodec.write(n);
    }
}
