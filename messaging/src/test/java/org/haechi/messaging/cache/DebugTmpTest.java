package org.haechi.messaging.cache;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.haechi.core.alarm.OperatorAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebugTmpTest {
    @TempDir
    Path dir;

    @Test
    void dump() throws Exception {
        List<OperatorAction> actions = ActionConvergenceTest.actions(new Random(4));
        try (CacheStores s = CacheStores.open(dir)) {
            ActionConvergenceTest.insertAlarms(s);
            for (OperatorAction x : actions) {
                ActionConvergenceTest.record(s, List.of(x));
                if (x.actionId().equals("act-15") || x.actionId().equals("act-16")) {
                    System.out.println("DBG after " + x.actionId() + " " + s.actions().folded("a-1").actions());
                }
            }
            try (var c = s.db().connect(); var ps = c.prepareStatement("SELECT action_id, hlc, kind, alarm_id FROM operator_action WHERE action_id in ('act-15','act-17','act-16') ORDER BY hlc"); var rs = ps.executeQuery()) {
                while (rs.next()) System.out.println("DBG row " + rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)+ " " + rs.getString(4));
            }
            actions.stream().filter(a -> a.alarmId().equals("a-1")).forEach(a -> System.out.println("DBG act " + a.actionId() + " " + a.at() + " " + a.kind()));
            System.out.println("DBG " + org.haechi.core.alarm.AlarmFold.distinct(actions.stream().filter(a -> a.alarmId().equals("a-1")).toList()).size());
        }
    }
}
