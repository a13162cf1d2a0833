package org.haechi.app.alarm;

import org.haechi.core.alarm.Alarm;
import org.haechi.messaging.cache.OperatorActions;

/**
 * Records the queue's requests as this operator's actions (outbox first, applied locally as pending), then asks for
 * them to be published. Thread-safe; off the FX thread.
 */
public final class OperatorWorkflow implements WorkflowRequest.Handler {
    private final OperatorActions actions;
    private final Runnable publish;

    public OperatorWorkflow(OperatorActions actions, Runnable publish) {
        this.actions = actions;
        this.publish = publish;
    }

    @Override
    public Alarm apply(String alarmId, WorkflowRequest r) throws Exception {
        Alarm updated = switch (r.kind()) {
            case ASSIGN -> actions.assign(alarmId, r.assignee(), r.note());
            case SNOOZE -> actions.snooze(alarmId, r.until(), r.note());
            case CLOSE -> actions.close(alarmId, r.disposition(), r.note());
            default -> actions.perform(alarmId, r.kind(), r.note());
        };
        publish.run();
        return updated;
    }
}
