package org.haechi.messaging.cache;

/**
 * The outcome of {@link AuditLog#verify()}: intact with its record count, or the first broken link.
 * Immutable; any thread.
 *
 * @param ok        true when every link holds
 * @param count     records checked (all of them when ok)
 * @param brokenSeq the seq of the first broken link (0 when ok)
 * @param reason    why it is broken (null when ok)
 */
public record AuditVerification(boolean ok, long count, long brokenSeq, String reason) {

    static AuditVerification intact(long count) {
        return new AuditVerification(true, count, 0, null);
    }

    static AuditVerification broken(long count, long seq, String reason) {
        return new AuditVerification(false, count, seq, reason);
    }

    /** {@code AUDIT OK <n>} or {@code AUDIT BROKEN at <seq>: <reason>}. */
    @Override
    public String toString() {
        return ok ? "AUDIT OK " + count : "AUDIT BROKEN at " + brokenSeq + ": " + reason;
    }
}
