package org.haechi.app.alarm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.collections.ObservableListBase;
import org.haechi.core.alarm.Alarm;

/**
 * The queue's rows: a read-only observable list kept in queue order, replaced as a whole by
 * {@link #replaceSorted}, which reports the difference as ONE list change made of the rows removed and added (as a
 * {@code SortedList} would report them, so a table keeps its selection), found in one linear walk of the old and
 * the new rows. FX thread (or a test thread).
 */
final class QueueList extends ObservableListBase<Alarm> {
    private List<Alarm> rows = new ArrayList<>();

    @Override
    public Alarm get(int index) {
        return rows.get(index);
    }

    @Override
    public int size() {
        return rows.size();
    }

    /**
     * Makes {@code next} the content. Both the current rows and {@code next} must be sorted by {@code order}, a
     * total order; a row present in both is the same instance. A row whose instance changed is reported as
     * replaced (removed and added at its place).
     */
    void replaceSorted(List<Alarm> next, Comparator<Alarm> order) {
        List<Alarm> old = rows;
        rows = next;
        beginChange();
        try {
            // j: position in the new rows (those before j are final); i: next old row not yet matched or removed.
            int i = 0;
            int j = 0;
            while (i < old.size() || j < next.size()) {
                if (i < old.size() && j < next.size() && old.get(i) == next.get(j)) {
                    i++;
                    j++;
                } else if (j >= next.size() || (i < old.size() && order.compare(old.get(i), next.get(j)) <= 0)) {
                    // old row i sorts before the next new row, or is its older version: it is not in the new rows
                    nextRemove(j, old.get(i));
                    i++;
                } else {
                    nextAdd(j, j + 1);
                    j++;
                }
            }
        } finally {
            endChange();
        }
    }
}
