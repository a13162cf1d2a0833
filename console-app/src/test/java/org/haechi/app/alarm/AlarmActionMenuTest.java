package org.haechi.app.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicInteger;
import org.haechi.core.alarm.ActionKind;
import org.haechi.core.alarm.Alarm;
import org.haechi.core.alarm.AlarmState;
import org.haechi.core.alarm.FoldedState;
import org.haechi.core.alarm.Severity;
import org.haechi.messaging.cache.AlarmStore;
import org.haechi.messaging.cache.CacheStores;
import org.haechi.messaging.cache.OperatorActions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queue's operator actions against a real H2 cache (no FX toolkit: executors are the calling thread): each
 * request is stored as this operator's action, folded into the alarm's workflow, queued for publishing, and the
 * queue gets the new state; a failure reaches the operator as a message.
 */
class AlarmActionMenuTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T05:00:00Z"), ZoneOffset.UTC);
    @TempDir
    Path dir;
    final List<Alarm> updated = new ArrayList<>();
    final List<String> errors = new ArrayList<>();
    final AtomicInteger publishes = new AtomicInteger();

    AlarmActionMenu menu(CacheStores cache, Alarm selected) {
        OperatorWorkflow workflow = new OperatorWorkflow(new OperatorActions(cache, "op-kim", "ws-1", CLOCK),
                publishes::incrementAndGet);
        return new AlarmActionMenu(() -> selected, workflow, Runnable::run, Runnable::run, updated::add,
                errors::add, ResourceBundle.getBundle("org.haechi.app.messages", java.util.Locale.ENGLISH), CLOCK);
    }

    @Test
    void everyActionIsStoredFoldedAndHandedToTheQueue() throws Exception {
        try (CacheStores cache = CacheStores.open(dir)) {
            Alarm bell = AlarmBoardViewModelTest.alarm("bell-1", Severity.CRITICAL, 1);
            try (Connection c = cache.db().connect()) {
                c.setAutoCommit(false);
                cache.alarms().insertNew(c, List.of(bell));
                c.commit();
            }
            AlarmActionMenu actions = menu(cache, bell);
            actions.request(new WorkflowRequest(ActionKind.ASSIGN, null, "op-lee", null, null)).join();
            assertThat(cache.alarms().workflow("bell-1").assignee()).isEqualTo("op-lee");
            actions.request(new WorkflowRequest(ActionKind.SNOOZE, null, null,
                    CLOCK.instant().plusSeconds(900), null)).join();
            assertThat(cache.alarms().workflow("bell-1").snoozedUntil()).isEqualTo(CLOCK.instant().plusSeconds(900));
            actions.request(WorkflowRequest.of(ActionKind.COMMENT, "patrol car 12 on its way")).join();
            actions.request(new WorkflowRequest(ActionKind.CLOSE, null, null, null, "FALSE_ALARM")).join();

            AlarmStore.Workflow w = cache.alarms().workflow("bell-1");
            assertThat(w.state()).isEqualTo(AlarmState.CLOSED);
            assertThat(w.disposition()).isEqualTo("FALSE_ALARM");
            FoldedState folded = cache.actions().folded("bell-1");
            assertThat(folded.comments()).extracting(FoldedState.Comment::text).contains("patrol car 12 on its way");
            assertThat(cache.actions().outbox()).hasSize(4).allMatch(a -> a.operator().equals("op-kim"));
            assertThat(publishes.get()).isEqualTo(4);
            assertThat(updated).hasSize(4);
            assertThat(updated.get(3).state()).isEqualTo(AlarmState.CLOSED);
            assertThat(updated.get(3).pending()).isTrue();
            assertThat(AlarmDetails.of(updated.get(3), List.of(), folded).details())
                    .containsEntry("disposition", "FALSE_ALARM").containsKey("note 1");
            assertThat(errors).isEmpty();
        }
    }

    @Test
    void aFailedActionIsReportedNotThrown() {
        AlarmActionMenu actions = new AlarmActionMenu(() -> AlarmBoardViewModelTest.alarm("x", Severity.LOW, 1),
                (id, r) -> {
                    throw new java.sql.SQLException("cache is read-only");
                }, Runnable::run, Runnable::run, updated::add, errors::add,
                ResourceBundle.getBundle("org.haechi.app.messages", java.util.Locale.ENGLISH), CLOCK);
        actions.request(WorkflowRequest.of(ActionKind.ACKNOWLEDGE, null)).join();
        assertThat(errors).containsExactly("ACKNOWLEDGE on 't' (x) failed: cache is read-only");
        assertThat(updated).isEmpty();
    }
}
