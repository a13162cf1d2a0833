package org.haechi.core.alarm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;

/**
 * Simulated consoles sharing actions over a bus: skewed wall clocks, per-recipient delays, duplicate deliveries,
 * consoles offline for a while (their own actions wait in their outbox; what was sent to them is replayed, jittered,
 * when they come back). Each console stamps with its own {@link HybridClock} and observes what it receives.
 */
final class ConsoleSimulation {
    static final long T0 = Instant.parse("2026-11-28T05:00:00Z").toEpochMilli();
    static final ActionKind[] KINDS = ActionKind.values();

    /** One operator action to take: who, what, when (after the previous step), and how the bus delivers it. */
    record Step(int actor, int kind, int target, int gapMs, List<Integer> delays, boolean duplicate, boolean detail) {
    }

    /** Offline from {@code from} for {@code length} ms of simulated time ({@code length} 0: never offline). */
    record Offline(int from, int length) {
        boolean covers(long t) {
            return length > 0 && t >= from && t < (long) from + length;
        }

        long end() {
            return (long) from + length;
        }
    }

    /** A whole run. */
    record Scenario(List<Integer> skews, List<Offline> offline, List<Step> steps, long jitterSeed) {
        int consoles() {
            return skews.size();
        }
    }

    /** One console: its clock, what it received in arrival order (duplicates included), what it made. */
    static final class Console {
        final String id;
        final SettableClock wall = new SettableClock(T0);
        final HybridClock clock;
        final List<OperatorAction> received = new ArrayList<>();
        final List<OperatorAction> made = new ArrayList<>();

        Console(String id) {
            this.id = id;
            clock = new HybridClock(id, wall);
        }
    }

    /** An action and the ids its console had seen when it was taken. */
    record Made(OperatorAction action, Set<String> seenBefore) {
    }

    private record Event(long time, long seq, int step, OperatorAction action, int to) {
    }

    final List<Console> consoles = new ArrayList<>();
    final List<Made> made = new ArrayList<>();
    private final Scenario scenario;
    private final Random jitter;
    private final PriorityQueue<Event> queue = new PriorityQueue<>((a, b) -> a.time != b.time
            ? Long.compare(a.time, b.time) : Long.compare(a.seq, b.seq));
    private long seq;

    ConsoleSimulation(Scenario scenario) {
        this.scenario = scenario;
        this.jitter = new Random(scenario.jitterSeed());
        for (int i = 0; i < scenario.consoles(); i++) {
            consoles.add(new Console("ws-0" + i));
        }
    }

    ConsoleSimulation run() {
        long t = 0;
        for (int i = 0; i < scenario.steps().size(); i++) {
            t += scenario.steps().get(i).gapMs();
            queue.add(new Event(t, seq++, i, null, -1));
        }
        while (!queue.isEmpty()) {
            Event e = queue.poll();
            if (e.action == null) {
                perform(e.time, scenario.steps().get(e.step));
            } else {
                deliver(e);
            }
        }
        return this;
    }

    private void perform(long t, Step step) {
        int actor = step.actor() % scenario.consoles();
        Console c = consoles.get(actor);
        c.wall.set(T0 + t + scenario.skews().get(actor));
        ActionKind kind = KINDS[step.kind() % KINDS.length];
        HybridTimestamp at = c.clock.now();
        String assignee = kind == ActionKind.ASSIGN && step.target() < scenario.consoles()
                ? "op-" + step.target() : null;
        Instant until = kind == ActionKind.SNOOZE && step.detail() ? at.instant().plusSeconds(300) : null;
        String disposition = kind == ActionKind.CLOSE && step.detail() ? "FALSE_ALARM" : null;
        String note = step.detail() ? "note " + made.size() : null;
        OperatorAction a = new OperatorAction("act-" + made.size(), "alarm-1", kind, "op-" + actor, c.id, at, note,
                assignee, until, disposition);
        Set<String> seen = new HashSet<>();
        c.received.forEach(r -> seen.add(r.actionId()));
        made.add(new Made(a, seen));
        c.made.add(a);
        c.received.add(a);
        Offline off = scenario.offline().get(actor);
        long published = off.covers(t) ? off.end() : t;
        for (int to = 0; to < scenario.consoles(); to++) {
            long delay = step.delays().get(to % step.delays().size());
            queue.add(new Event(published + delay, seq++, -1, a, to));
            if (step.duplicate()) {
                queue.add(new Event(published + delay + jitter.nextInt(60_000), seq++, -1, a, to));
            }
        }
    }

    private void deliver(Event e) {
        Offline off = scenario.offline().get(e.to);
        if (off.covers(e.time)) {
            queue.add(new Event(off.end() + jitter.nextInt(5_000), seq++, -1, e.action, e.to));
            return;
        }
        Console c = consoles.get(e.to);
        c.wall.set(Math.max(0, T0 + e.time + scenario.skews().get(e.to)));
        c.clock.observe(e.action.at());
        c.received.add(e.action);
    }
}
