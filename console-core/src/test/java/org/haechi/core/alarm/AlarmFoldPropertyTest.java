package org.haechi.core.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.haechi.core.alarm.ConsoleSimulation.Console;
import org.haechi.core.alarm.ConsoleSimulation.Made;
import org.haechi.core.alarm.ConsoleSimulation.Offline;
import org.haechi.core.alarm.ConsoleSimulation.Scenario;
import org.haechi.core.alarm.ConsoleSimulation.Step;

/** Convergence of the action merge across simulated consoles, whatever the skew, delays, duplicates and outages. */
class AlarmFoldPropertyTest {

    @Property(tries = 1000, edgeCases = EdgeCasesMode.MIXIN)
    void consolesThatReceivedTheSameActionsShowTheSameState(@ForAll("scenarios") Scenario scenario) {
        ConsoleSimulation sim = new ConsoleSimulation(scenario).run();
        Set<String> all = new HashSet<>();
        sim.made.forEach(m -> all.add(m.action().actionId()));
        FoldedState expected = AlarmFold.fold(sim.consoles.get(0).received);
        for (Console c : sim.consoles) {
            Set<String> ids = new HashSet<>();
            c.received.forEach(a -> ids.add(a.actionId()));
            assertThat(ids).as("everything reached %s", c.id).isEqualTo(all);
            assertThat(AlarmFold.fold(c.received)).as("state at %s", c.id).isEqualTo(expected);
        }
        assertThat(expected.actions()).isEqualTo(all.size());
        boolean outage = scenario.offline().stream().anyMatch(o -> o.length() > 0);
        Statistics.label("final state").collect(expected.state());
        Statistics.label("outage").collect(outage);
        Statistics.label("claimed").collect(expected.assignee() != null);
    }

    @Property(tries = 1000, edgeCases = EdgeCasesMode.MIXIN)
    void anActionTakenAfterSeeingAnotherOrdersAfterItWhateverTheSkew(@ForAll("scenarios") Scenario scenario) {
        ConsoleSimulation sim = new ConsoleSimulation(scenario).run();
        java.util.Map<String, HybridTimestamp> at = new java.util.HashMap<>();
        sim.made.forEach(m -> at.put(m.action().actionId(), m.action().at()));
        for (Made m : sim.made) {
            for (String earlier : m.seenBefore()) {
                assertThat(m.action().at()).as("%s after %s", m.action().actionId(), earlier)
                        .isGreaterThan(at.get(earlier));
            }
        }
        for (Console c : sim.consoles) {
            for (int i = 1; i < c.made.size(); i++) {
                assertThat(c.made.get(i).at()).isGreaterThan(c.made.get(i - 1).at());
            }
        }
    }

    @Property(tries = 1000, edgeCases = EdgeCasesMode.MIXIN)
    void theFoldIgnoresOrderAndDuplicates(@ForAll("actionSets") List<OperatorAction> actions,
                                          @ForAll Random random) {
        List<OperatorAction> delivered = new ArrayList<>(actions);
        for (OperatorAction a : actions) {
            if (random.nextInt(3) == 0) {
                delivered.add(a);
            }
        }
        Collections.shuffle(delivered, random);
        assertThat(AlarmFold.fold(delivered)).isEqualTo(AlarmFold.fold(actions));
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Arbitraries.integers().between(2, 4).flatMap(n -> Combinators.combine(
                Arbitraries.integers().between(-120_000, 120_000).list().ofSize(n),
                offline().list().ofSize(n),
                step(n).list().ofMinSize(1).ofMaxSize(30),
                Arbitraries.longs()).as(Scenario::new));
    }

    private static Arbitrary<Offline> offline() {
        Arbitrary<Offline> outage = Combinators.combine(Arbitraries.integers().between(0, 90_000),
                Arbitraries.integers().between(1, 600_000)).as(Offline::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Offline(0, 0))),
                net.jqwik.api.Tuple.of(1, outage));
    }

    private static Arbitrary<Step> step(int consoles) {
        return Combinators.combine(Arbitraries.integers().between(0, consoles - 1),
                Arbitraries.integers().between(0, ConsoleSimulation.KINDS.length - 1),
                Arbitraries.integers().between(0, consoles),
                Arbitraries.integers().between(0, 3_000),
                Arbitraries.integers().between(0, 120_000).list().ofSize(consoles),
                Arbitraries.of(true, false), Arbitraries.of(true, false)).as(Step::new);
    }

    /** Actions stamped directly, with equal wall times, equal HLCs on one node and third-party counter-0 stamps. */
    @Provide
    Arbitrary<List<OperatorAction>> actionSets() {
        Arbitrary<OperatorAction> action = Combinators.combine(
                Arbitraries.integers().between(0, 40), Arbitraries.of(ActionKind.values()),
                Arbitraries.of("op-0", "op-1", "op-2"), Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, 2), Arbitraries.of("ws-0", "ws-1"),
                Arbitraries.of(null, "op-0", "op-2"), Arbitraries.of(true, false)).as(
                        (id, kind, op, wall, counter, node, assignee, detail) -> new OperatorAction("a" + id,
                                "alarm-1", kind, op, node, new HybridTimestamp(ConsoleSimulation.T0 + wall, counter,
                                node), detail ? "n" + id : null, assignee,
                                detail ? java.time.Instant.ofEpochMilli(ConsoleSimulation.T0 + 9) : null,
                                detail ? "RESOLVED" : null));
        return action.list().ofMaxSize(25).uniqueElements(OperatorAction::actionId);
    }
}
