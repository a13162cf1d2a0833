package org.haechi.messaging.cache;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;

/**
 * Brings a cache's schema to this version's (Flyway), so that a failed upgrade never leaves a cache that no version
 * opens (ADR 0012). H2 commits each DDL statement at once, so a migration that fails or is killed half-way cannot
 * simply run again ("duplicate column"), and Flyway then refuses every start ("detected failed migration"). Before
 * migrating an existing cache, its file is copied aside with the database shut, complete before it is named
 * {@code cache.mv.db.before-<version>}. If the migration fails, the copy is put back and the operator is told what
 * failed; if the process dies meanwhile, the next start finds the copy and puts it back before anything else. The
 * copy is deleted once the upgrade has worked. Called once, at open.
 */
final class CacheUpgrade {
    private static final Logger LOG = Logger.getLogger(CacheUpgrade.class.getName());
    private static final String COPY = ".before-";

    private CacheUpgrade() {
    }

    /** Migrates the cache of {@code db} (its file {@code file}) with the migrations in {@code locations}. */
    static void migrate(CacheDatabase db, String url, Path file, String... locations) throws SQLException {
        Flyway flyway = Flyway.configure().dataSource(url, "sa", "").locations(locations).load();
        Path copy = null;
        try {
            putBackInterrupted(db, flyway, file);
            MigrationInfoService info = flyway.info();
            MigrationInfo current = info.current();
            MigrationInfo[] pending = info.pending();
            if (current != null && pending.length > 0) {
                String target = pending[pending.length - 1].getVersion().getVersion();
                db.close();
                copy = copyAside(file, target);
                LOG.info("upgrading the cache from version " + current.getVersion() + " to " + target
                        + "; a copy is in " + copy + " meanwhile");
            }
            flyway.migrate();
        } catch (FlywayException e) {
            throw new SQLException(putBack(db, file, copy) + reason(e), e);
        } catch (IOException e) {
            throw new SQLException("the cache in " + file.getParent() + " was not upgraded: it could not be copied "
                    + "aside first (" + e.getMessage() + "); free some disk space and start again", e);
        } catch (RuntimeException | Error e) {
            LOG.severe(putBack(db, file, copy) + e);
            throw e;
        }
        deleteQuietly(copy);
    }

    /** Copies the cache file aside, under a name it takes only once complete. */
    private static Path copyAside(Path file, String version) throws IOException {
        Path copy = file.resolveSibling(file.getFileName() + COPY + version);
        Path partial = file.resolveSibling(copy.getFileName() + ".part");
        try {
            Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(partial);
            throw e;
        }
        return copy;
    }

    /**
     * A copy left by an upgrade the process did not live to finish goes back first. One left by an upgrade that did
     * finish (its deletion failed) is stale, and deleted: putting it back would lose what came since.
     */
    private static void putBackInterrupted(CacheDatabase db, Flyway flyway, Path file) throws SQLException {
        Path dir = file.getParent();
        String prefix = file.getFileName() + COPY;
        try (DirectoryStream<Path> left = Files.newDirectoryStream(dir, prefix + "*")) {
            MigrationInfo done = null;
            for (Path p : left) {
                String name = p.getFileName().toString();
                if (!name.endsWith(".part") && done == null) {
                    done = flyway.info().current(); // read once, and only when a copy is there
                }
                if (name.endsWith(".part") || finished(done, name.substring(prefix.length()))) {
                    deleteQuietly(p);
                    continue;
                }
                db.close();
                Files.move(p, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                LOG.warning("an upgrade of the cache in " + dir + " was interrupted; the cache is back as it was "
                        + "before it, and the upgrade runs again");
            }
        } catch (IOException e) {
            throw new SQLException("the cache in " + dir + " has a copy from an interrupted upgrade that could not be "
                    + "put back (" + e.getMessage() + "): move " + prefix + "* to " + file.getFileName()
                    + " by hand", e);
        }
    }

    /** Whether the cache's schema ({@code current}, its last migration) already holds {@code version}, applied well. */
    private static boolean finished(MigrationInfo current, String version) {
        return current != null && current.getState().isApplied() && !current.getState().isFailed()
                && current.getVersion().isAtLeast(version);
    }

    /** Restores the copy made before the failed upgrade; returns what to tell the operator of it. */
    private static String putBack(CacheDatabase db, Path file, Path copy) {
        if (copy == null) {
            return "the cache in " + file.getParent() + " cannot be opened by this version: ";
        }
        db.close();
        try {
            Files.move(copy, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return "the cache in " + file.getParent() + " could not be upgraded, and is as it was before (nothing "
                    + "lost; this version cannot use it until the cause is mended): ";
        } catch (IOException e) {
            return "the cache in " + file.getParent() + " could not be upgraded, and its copy from before could not "
                    + "be put back (" + e.getMessage() + "); it is in " + copy + ", and the next start tries again: ";
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
