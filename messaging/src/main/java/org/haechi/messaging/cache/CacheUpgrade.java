package org.haechi.messaging.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Brings a cache's schema to this version's (Flyway), so that a failed upgrade never leaves a cache that no version
 * opens. H2 commits each DDL statement at once, so a migration that fails or is killed half-way cannot simply run
 * again ("duplicate column"), and Flyway then refuses every start ("detected failed migration"). Before migrating an
 * existing cache, its file is copied aside with the database shut; if the migration fails, the copy is put back, and
 * the operator is told what failed. The copy is deleted once the upgrade has worked. Called once, at open.
 */
final class CacheUpgrade {
    private static final Logger LOG = Logger.getLogger(CacheUpgrade.class.getName());

    private CacheUpgrade() {
    }

    /** Migrates the cache of {@code db} (its file {@code file}) with the migrations in {@code locations}. */
    static void migrate(CacheDatabase db, String url, Path file, String... locations) throws SQLException {
        Flyway flyway = Flyway.configure().dataSource(url, "sa", "").locations(locations).load();
        Path copy = null;
        try {
            MigrationInfo current = flyway.info().current();
            MigrationInfo[] pending = flyway.info().pending();
            if (current != null && pending.length > 0) {
                copy = file.resolveSibling(file.getFileName() + ".before-" + pending[pending.length - 1].getVersion());
                db.close();
                Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                LOG.info("upgrading the cache from version " + current.getVersion() + " to "
                        + pending[pending.length - 1].getVersion() + "; a copy is in " + copy + " meanwhile");
            }
            flyway.migrate();
        } catch (FlywayException e) {
            throw new SQLException(putBack(db, file, copy) + reason(e), e);
        } catch (IOException e) {
            throw new SQLException("the cache in " + file.getParent() + " was not upgraded: it could not be copied "
                    + "aside first (" + e.getMessage() + "); free some disk space and start again", e);
        }
        deleteQuietly(copy);
    }

    /** Restores the copy made before the failed upgrade; returns what to tell the operator of it. */
    private static String putBack(CacheDatabase db, Path file, Path copy) {
        if (copy == null) {
            return "the cache in " + file.getParent() + " cannot be opened by this version: ";
        }
        db.close();
        try {
            Files.copy(copy, file, StandardCopyOption.REPLACE_EXISTING);
            deleteQuietly(copy);
            return "the cache in " + file.getParent() + " could not be upgraded, and is as it was before (nothing "
                    + "lost; this version cannot use it until the cause is mended): ";
        } catch (IOException e) {
            return "the cache in " + file.getParent() + " could not be upgraded, and its copy from before could not "
                    + "be put back (" + e.getMessage() + "): it is in " + copy + ": ";
        }
    }

    private static String reason(FlywayException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage().strip();
        if (message.contains("checksum mismatch")) {
            return "it was written by another build of Haechi whose schema changes differ from this one's. Start "
                    + "with another data folder, or move this cache aside. " + message;
        }
        return message;
    }

    private static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warning("could not delete " + p + ": " + e.getMessage());
        }
    }
}
