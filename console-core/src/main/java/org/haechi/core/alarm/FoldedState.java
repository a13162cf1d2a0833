package org.haechi.core.alarm;

import java.time.Instant;
import java.util.List;

/**
 * The operator state of one alarm as folded from its set of actions by {@link AlarmFold}. Immutable; any thread.
 *
 * @param state        workflow state
 * @param assignee     the operator who holds the claim, or null
 * @param disposition  how it was closed (kept while CLOSED, cleared by REOPEN), or null
 * @param snoozedUntil while SNOOZED: until when; else null
 * @param comments     every note, in HLC order
 * @param lastChange   HLC of the last action that changed state, assignee, disposition or snooze; null if none did
 * @param changedBy    operator of that action, or null
 * @param actions      number of distinct actions folded
 */
public record FoldedState(AlarmState state, String assignee, String disposition, Instant snoozedUntil,
                          List<Comment> comments, HybridTimestamp lastChange, String changedBy, int actions) {

    /** The state of an alarm nobody has acted on. */
    public static final FoldedState INITIAL = new FoldedState(AlarmState.NEW, null, null, null, List.of(), null,
            null, 0);

    public FoldedState {
        comments = List.copyOf(comments);
    }

    /**
     * One operator note.
     *
     * @param at       HLC of the action that carried it
     * @param operator who wrote it
     * @param kind     the action it came with (COMMENT, or the note of an ACKNOWLEDGE, CLOSE ...)
     * @param text     the note
     */
    public record Comment(HybridTimestamp at, String operator, ActionKind kind, String text) {
    }
}
