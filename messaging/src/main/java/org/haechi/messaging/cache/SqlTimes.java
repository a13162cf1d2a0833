package org.haechi.messaging.cache;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants to and from the cache's {@code TIMESTAMP WITH TIME ZONE} columns, as offset date-times in UTC. A
 * {@code java.sql.Timestamp} goes through the local time of the JVM's zone, and in the hour a daylight-saving zone
 * repeats when its clocks go back two instants have the same local time: one came back an hour off
 * ({@code DaylightSavingTest}). The audit log stored its times so from the start. Stateless.
 */
final class SqlTimes {
    private SqlTimes() {
    }

    /** Binds {@code at} (or SQL NULL) to parameter {@code index}. */
    static void set(PreparedStatement ps, int index, Instant at) throws SQLException {
        if (at == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        }
    }

    /** The instant in column {@code index}, or null. */
    static Instant get(ResultSet rs, int index) throws SQLException {
        OffsetDateTime at = rs.getObject(index, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
