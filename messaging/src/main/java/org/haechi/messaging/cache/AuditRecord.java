package org.haechi.messaging.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One stored audit record and its place in the chain: {@code hash = SHA-256(prevHash + "\n" + canonicalText())}, in
 * lower-case hex; the first record's {@code prevHash} is {@link #GENESIS}. Immutable; any thread.
 *
 * @param seq      1, 2, 3 ... without gaps
 * @param at       when it was recorded (this console's clock, milliseconds)
 * @param console  console id or null
 * @param operator operator id or null
 * @param kind     ACTION, STATE_CHANGE, SNAPSHOT ...
 * @param subject  alarm id, camera id ... or null
 * @param details  canonical JSON object (keys sorted)
 * @param prevHash the previous record's hash
 * @param hash     this record's hash
 */
public record AuditRecord(long seq, Instant at, String console, String operator, String kind, String subject,
                          String details, String prevHash, String hash) {
    /** The previous hash of the first record. */
    public static final String GENESIS = "0".repeat(64);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The text the hash covers: a JSON array of every field but the hashes, so no separator can be forged. */
    public String canonicalText() {
        ArrayNode a = JSON.createArrayNode();
        a.add(seq).add(at.toString()).add(console).add(operator).add(kind).add(subject).add(details);
        try {
            return JSON.writeValueAsString(a);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The hash this record must have, given its fields and {@code prevHash}. */
    public String expectedHash() {
        return sha256(prevHash + "\n" + canonicalText());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
