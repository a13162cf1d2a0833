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
                try (var c = s.db().connect()) {
                    c.setAutoCommit(false);
                    List<OperatorAction> fresh = s.actions().record(c, List.of(x), true);
                    c.commit();
                    if (fresh.isEmpty()) {
                        System.out.println("DBG not fresh " + x);
                    }
                    try (var c2 = s.db().connect(); var ps = c2.prepareStatement("SELECT (SELECT COUNT(*) FROM operator_action), (SELECT COUNT(*) FROM operator_action WHERE action_id = 'act-15'), (SELECT COUNT(*) FROM audit_log), (SELECT GROUP_CONCAT(action_id) FROM operator_action WHERE alarm_id = 'a-1')"); var rs = ps.executeQuery()) {
                        rs.next();
                        System.out.println("DBG after " + x.actionId() + " total=" + rs.getInt(1) + " act15=" + rs.getInt(2) + " audit=" + rs.getInt(3) + " a1=" + rs.getString(4));
                    }
                }
            }
            System.out.println("DBG folded " + s.actions().folded("a-1").actions());
            try (var c2 = s.db().connect(); var ps = c2.prepareStatement("SELECT action_id, alarm_id FROM operator_action WHERE action_id IN ('act-15', 'act-17')"); var rs = ps.executeQuery()) {
                while (rs.next()) {
                    System.out.println("DBG row " + rs.getString(1) + " " + rs.getString(2));
                }
            }
        }
    }
}
