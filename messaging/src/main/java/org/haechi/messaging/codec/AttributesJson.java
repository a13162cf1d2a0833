package org.haechi.messaging.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.Map;

/**
 * Free attributes (string to string) as the cache keeps them: one JSON object in a column. Written by hand rather
 * than through Jackson: building a generator per alarm was a visible share of the ingest profile, and a map of strings
 * needs only string escaping. The codecs measure with the same escaping what the column will have to hold.
 * Stateless and thread-safe.
 */
public final class AttributesJson {
    private AttributesJson() {
    }

    /** The attributes as a JSON object. Null keys and values do not occur (the codec drops them). */
    public static String write(Map<String, String> map) {
        StringBuilder sb = new StringBuilder(32 * map.size() + 2).append('{');
        for (Map.Entry<String, String> e : map.entrySet()) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            quote(sb, e.getKey()).append(':');
            quote(sb, e.getValue());
        }
        return sb.append('}').toString();
    }

    /** The attributes of a column; a value that is not such an object is kept whole under "attributes". */
    public static Map<String, String> read(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return JsonFields.MAPPER.readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            return Map.of("attributes", json);
        }
    }

    /** The length of {@link #write(Map)}'s text. */
    static long length(Map<String, String> map) {
        return write(map).length();
    }

    /** What one entry adds to {@link #write(Map)}'s text: its key and value quoted, a colon and a comma. */
    static long entryLength(String key, String value) {
        return quote(new StringBuilder(), key).length() + quote(new StringBuilder(), value).length() + 2;
    }

    private static StringBuilder quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"');
    }
}
