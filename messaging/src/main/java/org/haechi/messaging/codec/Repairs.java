package org.haechi.messaging.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the codecs repair so that the cache holds a message the contract accepts: free text cut to its column, ending
 * in an ellipsis, and the repairs named in the message's {@link AlarmCodec#REPAIRED} attribute. Stateless.
 */
final class Repairs {
    /** What the attributes may take of their column, leaving room for the repair note. */
    static final int ATTRIBUTES_ROOM = AlarmCodec.MAX_ATTRIBUTES_JSON - 10_000;

    private Repairs() {
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
        long written = AttributesJson.length(attributes);
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
                written -= AttributesJson.entryLength(key, value);
            } else {
                String cut = fit(value, (int) keep, key, new ArrayList<>());
                attributes.put(key, cut);
                written += AttributesJson.entryLength(key, cut) - AttributesJson.entryLength(key, value);
            }
        }
    }

    /** Adds the {@link AlarmCodec#REPAIRED} attribute when there were repairs. */
    static void note(Map<String, String> attributes, List<String> repairs) {
        if (!repairs.isEmpty()) {
            attributes.put(AlarmCodec.REPAIRED, String.join("; ", repairs));
        }
    }
}
