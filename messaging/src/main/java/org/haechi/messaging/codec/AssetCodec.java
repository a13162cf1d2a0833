package org.haechi.messaging.codec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.haechi.core.asset.Asset;
import org.haechi.core.asset.AssetKind;
import org.haechi.core.asset.AssetStatus;

/** Wire codec for {@code haechi.asset/1}. Stateless and thread-safe. */
public final class AssetCodec {
    public static final String SCHEMA = "haechi.asset/1";

    public Asset decode(String body) throws ContractViolation {
        JsonFields f = JsonFields.parse(body, SCHEMA);
        String kind = f.required("kind");
        String id = f.required("id", 200);
        String streamUrl = JsonFields.limited("streamUrl", f.optional("streamUrl"), 2000);
        List<String> repairs = new ArrayList<>(0);
        String name = Repairs.fit(f.optional("name"), 1000, "name", repairs);
        Map<String, String> attributes = f.stringMap("attributes");
        Repairs.note(attributes, repairs);
        return new Asset(AssetKind.parse(kind), id, f.requiredTopLevelPoint(), name,
                AssetStatus.parse(f.optional("status")), streamUrl, f.optionalDouble("headingDeg"),
                f.optionalDouble("fovDeg"), f.optionalDouble("rangeM"), attributes);
    }

    public String encode(Asset a) {
        ObjectNode n = JsonFields.MAPPER.createObjectNode();
        n.put("schema", SCHEMA);
        n.put("kind", a.kind().name());
        n.put("id", a.id());
        n.put("lat", a.location().lat());
        n.put("lon", a.location().lon());
        if (a.name() != null) {
            n.put("name", a.name());
        }
        n.put("status", a.status().name());
        if (a.streamUrl() != null) {
            n.put("streamUrl", a.streamUrl());
        }
        putFinite(n, "headingDeg", a.headingDeg());
        putFinite(n, "fovDeg", a.fovDeg());
        putFinite(n, "rangeM", a.rangeM());
        ObjectNode attrs = n.putObject("attributes");
        a.attributes().forEach(attrs::put);
        return AlarmCodec.write(n);
    }

    private static void putFinite(ObjectNode n, String name, double v) {
        if (Double.isFinite(v)) {
            n.put(name, v);
        }
    }
}
