package org.haechi.app.audit;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.haechi.messaging.cache.AuditLog;
import org.haechi.messaging.cache.AuditVerification;
import org.haechi.messaging.cache.CacheDatabase;

/**
 * {@code ./haechi audit verify [--data-dir DIR]}: walks the audit log's SHA-256 chain in the console's cache and
 * prints {@code AUDIT OK <n>} (exit 0) or {@code AUDIT BROKEN at <seq>: <reason>} (exit 1); usage or a cache that
 * cannot be opened (the console still running on it, for one) exit 2. Opens the cache read-only. Runs on the main
 * thread, no display needed.
 */
public final class AuditMain {
    private AuditMain() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /** Runs the command; returns the exit status. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Path dataDir = Path.of(System.getProperty("user.home"), ".local", "share", "haechi");
        if (args.isEmpty() || !args.get(0).equals("verify")) {
            return usage(err);
        }
        for (int i = 1; i < args.size(); i++) {
            if (args.get(i).equals("--data-dir") && i + 1 < args.size()) {
                dataDir = Path.of(args.get(++i));
            } else {
                return usage(err);
            }
        }
        Path cache = dataDir.resolve("cache");
        if (!cache.resolve("cache.mv.db").toFile().isFile()) {
            err.println("haechi audit: no cache at " + cache.toAbsolutePath());
            return 2;
        }
        // Read only: the cache is evidence, and verifying it must not migrate or otherwise write it.
        try (CacheDatabase db = CacheDatabase.openReadOnly(cache)) {
            AuditVerification result = new AuditLog(db, Clock.systemUTC()).verify();
            out.println(result);
            return result.ok() ? 0 : 1;
        } catch (SQLException | RuntimeException e) {
            err.println("haechi audit: cannot read the cache at " + cache.toAbsolutePath() + " (is the console still "
                    + "running on it?): " + e.getMessage());
            return 2;
        }
    }

    private static int usage(PrintStream err) {
        err.println("usage: ./haechi audit verify [--data-dir DIR]");
        return 2;
    }
}
