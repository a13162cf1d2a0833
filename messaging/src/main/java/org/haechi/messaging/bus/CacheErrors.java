package org.haechi.messaging.bus;

import java.sql.SQLException;
import org.haechi.messaging.cache.CacheDatabase;

/** What an error from the H2 cache says about its cause, and how to tell the operator in one line. Stateless. */
final class CacheErrors {
    private CacheErrors() {
    }

    /** Duplicate key, concurrent update, lock timeout or deadlock: another transaction got there first. */
    static boolean isConcurrentWrite(SQLException e) {
        return CacheDatabase.isContention(e);
    }

    /** SQLSTATE class 22 (data exception) or 23 (integrity constraint): the batch, not the cache, is at fault. */
    static boolean isBadData(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    /**
     * The first line of H2's message, without the SQL statement it appends, and its error code; led by the operating
     * system's words when an I/O error is the cause ("No space left on device"), which H2's general error buries.
     */
    static String shortReason(SQLException e) {
        return shortReason(e, 100);
    }

    static String shortReason(SQLException e, int maxChars) {
        String line = e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getMessage().lines().findFirst().orElse("");
        int sql = line.indexOf("; SQL statement");
        line = (sql < 0 ? line : line.substring(0, sql)).strip();
        String io = ioCause(e);
        if (io != null && !line.contains(io)) {
            line = io + " (" + line + ")";
        }
        if (line.length() > maxChars) {
            line = line.substring(0, maxChars - 3) + "...";
        }
        return line + " [" + e.getErrorCode() + "]";
    }

    /** The message of the first I/O error among the causes, or null. */
    private static String ioCause(Throwable e) {
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof java.io.IOException && t.getMessage() != null) {
                return t.getMessage();
            }
        }
        return null;
    }
}
