package org.haechi.messaging.cache;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one audit record says, before it is sequenced and chained by {@link AuditLog}. Immutable; any thread.
 *
 * @param console  console id the event came from, or null
 * @param operator operator id, or null
 * @param kind     ACTION, STATE_CHANGE, SNAPSHOT ... (upper case, at most 32 characters)
 * @param subject  what it is about (alarm id, camera id), or null
 * @param details  free details; null values are left out; kept in key order so the text is canonical
 */
public record AuditEntry(String console, String operator, String kind, String subject, Map<String, String> details) {

    public AuditEntry {
        if (kind == null || !kind.matches("[A-Z][A-Z0-9_]{0,31}")) {
            throw new IllegalArgumentException("audit kind must be upper case, at most 32 characters: " + kind);
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        if (details != null) {
            details.forEach((k, v) -> {
                if (v != null) {
                    sorted.put(k, v);
                }
            });
        }
        details = java.util.Collections.unmodifiableSortedMap(sorted);
    }
}
