package org.haechi.core.alarm;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Folds the set of actions on one alarm into its operator state. A pure function: the result depends only on the
 * set of distinct actions (by action id), never on their arrival order or on duplicates, so every console that holds
 * the same actions shows the same state. Stateless; any thread.
 *
 * <p>The actions are applied in HLC order ({@code at}, then {@code actionId}); the rules (ADR 0006):
 * <ul>
 *   <li>state, disposition and snooze time: the last action that may change them wins (last writer wins);</li>
 *   <li>a CLOSED alarm changes only by REOPEN (a late ACKNOWLEDGE from a console that had not seen the CLOSE does not
 *       reopen it); CLOSE keeps the last disposition given;</li>
 *   <li>ACKNOWLEDGE moves only NEW or SNOOZED alarms (it never undoes an assignment or escalation);</li>
 *   <li>claims, first wins: the first ASSIGN on an unclaimed alarm makes its assignee (the acting operator when none
 *       is named) the owner. A later ASSIGN counts only when the owner makes it (a hand-over to someone else, or
 *       taking it back after an escalation or snooze); anyone else's ASSIGN changes nothing;</li>
 *   <li>REOPEN sets NEW and releases the claim, the disposition and the snooze;</li>
 *   <li>every note is kept as a comment, in HLC order; UNKNOWN actions change nothing.</li>
 * </ul>
 */
public final class AlarmFold {
    /** How long a SNOOZE without {@code until} lasts. */
    public static final Duration DEFAULT_SNOOZE = Duration.ofMinutes(15);
    /** The order actions are applied in. */
    public static final Comparator<OperatorAction> ORDER = Comparator.comparing(OperatorAction::at)
            .thenComparing(OperatorAction::actionId);
    // Two copies of one id with different content (a broken sender): keep one, chosen by content, not by arrival.
    private static final Comparator<OperatorAction> COPY = ORDER.thenComparing(Object::toString);

    private AlarmFold() {
    }

    /**
     * Of two copies of one action id, the one every console keeps: chosen by content, never by arrival, so that
     * consoles that received them in different orders hold the same one.
     */
    public static OperatorAction preferredCopy(OperatorAction a, OperatorAction b) {
        return COPY.compare(a, b) <= 0 ? a : b;
    }

    /** The state folded from {@code actions} (any order, duplicates allowed, all for the same alarm). */
    public static FoldedState fold(Collection<OperatorAction> actions) {
        Folding f = new Folding();
        distinct(actions).forEach(f::apply);
        return f.result();
    }

    /** The distinct actions by id, in {@link #ORDER}. */
    public static List<OperatorAction> distinct(Collection<OperatorAction> actions) {
        Map<String, OperatorAction> byId = new HashMap<>();
        String alarmId = null;
        for (OperatorAction a : actions) {
            if (alarmId != null && !alarmId.equals(a.alarmId())) {
                throw new IllegalArgumentException("actions of two alarms: " + alarmId + ", " + a.alarmId());
            }
            alarmId = a.alarmId();
            byId.merge(a.actionId(), a, AlarmFold::preferredCopy);
        }
        List<OperatorAction> ordered = new ArrayList<>(byId.values());
        ordered.sort(ORDER);
        return ordered;
    }

    private static final class Folding {
        private AlarmState state = AlarmState.NEW;
        private String owner;
        private String disposition;
        private Instant snoozedUntil;
        private final List<FoldedState.Comment> comments = new ArrayList<>();
        private HybridTimestamp lastChange;
        private String changedBy;
        private int count;

        void apply(OperatorAction a) {
            count++;
            if (a.kind() == ActionKind.UNKNOWN) {
                return;
            }
            if (a.note() != null && !a.note().isBlank()) {
                comments.add(new FoldedState.Comment(a.at(), a.operator(), a.kind(), a.note()));
            }
            if (change(a)) {
                lastChange = a.at();
                changedBy = a.operator();
            }
        }

        private boolean change(OperatorAction a) {
            boolean open = state.isOpen();
            return switch (a.kind()) {
                case ACKNOWLEDGE -> (state == AlarmState.NEW || state == AlarmState.SNOOZED)
                        && set(AlarmState.ACKNOWLEDGED, null);
                case ASSIGN -> open && claim(a);
                case ESCALATE -> open && set(AlarmState.ESCALATED, null);
                case SNOOZE -> open && set(AlarmState.SNOOZED, a.until() != null ? a.until()
                        : a.at().instant().plus(DEFAULT_SNOOZE));
                case CLOSE -> close(a.disposition());
                case REOPEN -> reopen();
                case COMMENT, UNKNOWN -> false;
            };
        }

        private boolean claim(OperatorAction a) {
            if (owner != null && !owner.equals(a.operator())) {
                return false;
            }
            String target = a.assignee() == null || a.assignee().isBlank() ? a.operator() : a.assignee();
            boolean moved = !target.equals(owner);
            owner = target;
            return set(AlarmState.ASSIGNED, null) | moved;
        }

        private boolean close(String newDisposition) {
            boolean changed = set(AlarmState.CLOSED, null);
            if (newDisposition != null && !newDisposition.isBlank() && !newDisposition.equals(disposition)) {
                disposition = newDisposition;
                changed = true;
            }
            return changed;
        }

        private boolean reopen() {
            boolean changed = owner != null || disposition != null;
            owner = null;
            disposition = null;
            return set(AlarmState.NEW, null) | changed;
        }

        /** Sets state and snooze time; true when either changed. */
        private boolean set(AlarmState newState, Instant until) {
            boolean changed = newState != state || !Objects.equals(until, snoozedUntil);
            state = newState;
            snoozedUntil = until;
            return changed;
        }

        FoldedState result() {
            return new FoldedState(state, owner, disposition, snoozedUntil, comments, lastChange, changedBy, count);
        }
    }
}
