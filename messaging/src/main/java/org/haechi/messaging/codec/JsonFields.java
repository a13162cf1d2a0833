package org.haechi.messaging.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.haechi.core.geo.GeoPoint;

/** Reads required and optional fields of a JSON wire message, turning every break into a {@link ContractViolation}. */
final class JsonFields {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** The instants the cache stores as they are (a SQL timestamp silently wraps years past 9999 digits). */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");
    private final JsonNode root;

    private JsonFields(JsonNode root) {
        this.root = root;
    }

    static JsonFields parse(String body, String expectedSchema) throws ContractViolation {
        if (body == null || body.isBlank()) {
            throw new ContractViolation("empty body");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ContractViolation("not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new ContractViolation("not a JSON object");
        }
        JsonFields fields = new JsonFields(node);
        String schema = fields.required("schema");
        if (!expectedSchema.equals(schema)) {
            throw new ContractViolation("schema is '" + schema + "', expected '" + expectedSchema + "'");
        }
        return fields;
    }

    String required(String name) throws ContractViolation {
        JsonNode v = root.get(name);
        if (v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank()) {
            throw new ContractViolation("missing required field '" + name + "'");
        }
        return v.asText();
    }

    /** A required field the cache keeps in a column of {@code max} characters: an identifier, never cut. */
    String required(String name, int max) throws ContractViolation {
        return limited(name, required(name), max);
    }

    static String limited(String name, String value, int max) throws ContractViolation {
        if (value != null && value.length() > max) {
            throw new ContractViolation("field '" + name + "' longer than " + max + " characters");
        }
        return value;
    }

    static boolean storable(Instant at) {
        return !at.isBefore(EARLIEST) && !at.isAfter(LATEST);
    }

    /** A required instant the cache stores: one outside the years 0001 to 9999 breaks the contract. */
    Instant requiredStorableInstant(String name) throws ContractViolation {
        Instant at = requiredInstant(name);
        if (!storable(at)) {
            throw new ContractViolation("field '" + name + "' outside the years 0001 to 9999: " + at);
        }
        return at;
    }

    String optional(String name) {
        JsonNode v = root.get(name);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
    }

    Instant requiredInstant(String name) throws ContractViolation {
        String text = required(name);
        Instant plain = UtcInstants.parseOrNull(text);
        if (plain != null) {
            return plain;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e2) {
                throw new ContractViolation("field '" + name + "' is not an ISO-8601 instant: " + text);
            }
        }
    }

    double optionalDouble(String name) throws ContractViolation {
        JsonNode v = root.get(name);
        if (v == null || v.isNull()) {
            return Double.NaN;
        }
        if (!v.isNumber()) {
            throw new ContractViolation("field '" + name + "' is not a number");
        }
        return v.asDouble();
    }

    double requiredDouble(String name) throws ContractViolation {
        double d = optionalDouble(name);
        if (Double.isNaN(d)) {
            throw new ContractViolation("missing required field '" + name + "'");
        }
        return d;
    }

    /** The point at {@code lat}/{@code lon} of {@code node}, validated against WGS84 ranges. */
    static GeoPoint point(JsonNode node, String what) throws ContractViolation {
        JsonNode lat = node.get("lat");
        JsonNode lon = node.get("lon");
        if (lat == null || lon == null || !lat.isNumber() || !lon.isNumber()) {
            throw new ContractViolation(what + " needs numeric lat and lon");
        }
        if (!GeoPoint.isValid(lat.asDouble(), lon.asDouble())) {
            throw new ContractViolation(what + " outside -90..90 / -180..180: " + lat.asText() + "," + lon.asText());
        }
        return new GeoPoint(lat.asDouble(), lon.asDouble());
    }

    GeoPoint optionalLocation(String name) throws ContractViolation {
        JsonNode v = root.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw new ContractViolation("field '" + name + "' is not an object");
        }
        return point(v, "field '" + name + "'");
    }

    GeoPoint requiredTopLevelPoint() throws ContractViolation {
        return point(root, "position");
    }

    Map<String, String> stringMap(String name) throws ContractViolation {
        JsonNode v = root.get(name);
        Map<String, String> out = new LinkedHashMap<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isObject()) {
            throw new ContractViolation("field '" + name + "' is not an object");
        }
        v.fields().forEachRemaining(e -> {
            if (!e.getValue().isNull()) {
                out.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
            }
        });
        return out;
    }
}
