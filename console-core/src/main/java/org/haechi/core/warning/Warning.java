package org.haechi.core.warning;

import java.time.Instant;
import java.util.List;

/**
 * A disaster warning decoded from a CAP alert (first info block drives display). Immutable; any thread.
 *
 * @param identifier  CAP identifier
 * @param sender      CAP sender
 * @param sent        CAP sent time
 * @param msgType     Alert, Update, Cancel, ...
 * @param references  earlier alerts this one updates or cancels (or, as an Ack or Error, answers)
 * @param event       event text
 * @param severity    CAP severity (Extreme, Severe, Moderate, Minor, Unknown)
 * @param urgency     CAP urgency
 * @param certainty   CAP certainty
 * @param headline    headline
 * @param instruction instruction
 * @param effective   start of validity (effective, else sent, as CAP 1.2 says)
 * @param expires     end of validity or null when open-ended
 * @param areas       areas
 * @param repairs     what was repaired on the way in (empty when the document was clean)
 * @param status      CAP status: Actual, Exercise, System, Test or Draft (only Actual is a live warning)
 */
public record Warning(String identifier, String sender, Instant sent, String msgType, List<CapReference> references,
                      String event, String severity, String urgency, String certainty, String headline,
                      String instruction, Instant effective, Instant expires, List<WarningArea> areas,
                      List<String> repairs, String status) {

    public Warning {
        references = List.copyOf(references);
        areas = List.copyOf(areas);
        repairs = List.copyOf(repairs);
        status = status == null || status.isBlank() ? "Actual" : status;
    }

    /** A live (status Actual) warning. */
    public Warning(String identifier, String sender, Instant sent, String msgType, List<CapReference> references,
                   String event, String severity, String urgency, String certainty, String headline,
                   String instruction, Instant effective, Instant expires, List<WarningArea> areas,
                   List<String> repairs) {
        this(identifier, sender, sent, msgType, references, event, severity, urgency, certainty, headline,
                instruction, effective, expires, areas, repairs, "Actual");
    }

    /** This alert's own name: its sender and identifier. */
    public CapReference key() {
        return new CapReference(sender, identifier);
    }

    /**
     * The warnings this one replaces or withdraws: its references when it is an Update or a Cancel; none otherwise (an
     * Ack or Error also references alerts, and takes nothing away).
     */
    public List<CapReference> supersedes() {
        boolean replaces = "Update".equalsIgnoreCase(msgType) || "Cancel".equalsIgnoreCase(msgType);
        return replaces ? references : List.of();
    }

    /** True for a real warning; Test, Exercise, System and Draft alerts are not drawn as live zones. */
    public boolean isLive() {
        return "Actual".equalsIgnoreCase(status);
    }

    /** True when the warning is in force at {@code now}. */
    public boolean isActiveAt(Instant now) {
        boolean started = effective == null || !now.isBefore(effective);
        boolean notExpired = expires == null || now.isBefore(expires);
        return started && notExpired && !"Cancel".equalsIgnoreCase(msgType);
    }
}
