package org.haechi.core.warning;

import java.util.Locale;

/**
 * Names one CAP alert: its sender and identifier. CAP makes an identifier unique only for its sender, so two agencies
 * may use the same one. A reference that did not say its sender (a malformed {@code references} entry) has none, and
 * then names the identifier whoever sent it.
 *
 * @param sender     the alert's sender, in lower case, or null when not known
 * @param identifier the alert's identifier
 */
public record CapReference(String sender, String identifier) {

    public CapReference {
        if (identifier == null || identifier.isBlank()) {
            throw new IllegalArgumentException("a reference needs an identifier");
        }
        // In lower case: senders are mail addresses or domain names, and feeds spell them differently.
        sender = sender == null || sender.isBlank() ? null : sender.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether this names the alert {@code other}: the same identifier, and the same sender when this knows it. */
    public boolean names(CapReference other) {
        return identifier.equals(other.identifier) && (sender == null || sender.equals(other.sender));
    }
}
