package org.haechi.app.importer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.haechi.app.LaunchOptions;
import org.haechi.map.importer.ImportException;
import org.haechi.map.importer.ImportKind;
import org.haechi.map.importer.ImportResult;
import org.haechi.map.importer.Importer;
import org.haechi.messaging.cache.CacheStores;

/**
 * {@code ./haechi import FILE [--kind K] [--crs EPSG:n] [--data-dir DIR]}: reads a registry or layer file and stores
 * it in the cache in one transaction, writes the skipped rows to a report file, and ends with one line
 * {@code IMPORTED <n> SKIPPED <m>} on stdout. Runs on the calling thread; the console must not hold the cache open.
 */
public final class ImportCommand {
    static final String USAGE = """
            Usage: ./haechi import FILE [--kind CAMERA|ACCESS_POINT|SCHOOL|LAYER] [--crs EPSG:n] [--data-dir DIR]
              FILE        .geojson/.json, .gpkg, .shp (with .dbf, .prj, .cpg) or .csv (Korean standard CSV)
              --kind      what the rows become (default: guessed from the file name, else LAYER)
              --crs       coordinate system of the file's coordinates, e.g. EPSG:5186 (overrides the file's own)
              --data-dir  data folder whose cache receives the import (default ~/.local/share/haechi)""";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    /** AssetStore.upsert binds the ids as one H2 array, which holds at most 65,536 values. */

    private ImportCommand() {
    }

    /** The parsed command line. */
    record Options(Path file, ImportKind kind, boolean kindGuessed, String crs, Path dataDir) {

        static Options parse(List<String> args) {
            List<String> rest = new ArrayList<>(args);
            Path file = null;
            ImportKind kind = null;
            String crs = null;
            Path dataDir = LaunchOptions.parse(List.of()).dataDir();
            while (!rest.isEmpty()) {
                String a = rest.remove(0);
                switch (a) {
                    case "--kind" -> kind = ImportKind.parse(value(a, rest));
                    case "--crs" -> crs = value(a, rest);
                    case "--data-dir" -> dataDir = Path.of(value(a, rest));
                    default -> {
                        if (a.startsWith("--") || file != null) {
                            throw new IllegalArgumentException("unexpected argument " + a);
                        }
                        file = Path.of(a);
                    }
                }
            }
            if (file == null) {
                throw new IllegalArgumentException("no FILE to import");
            }
            return new Options(file, kind != null ? kind : guessKind(file), kind == null, crs, dataDir);
        }

        private static String value(String option, List<String> rest) {
            if (rest.isEmpty()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return rest.remove(0);
        }
    }

    /** CAMERA for "cctv"/"camera" in the file name, ACCESS_POINT for "wifi", SCHOOL for "school", else LAYER. */
    static ImportKind guessKind(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.contains("cctv") || name.contains("camera") || name.contains("카메라")) {
            return ImportKind.CAMERA;
        }
        if (name.contains("wifi") || name.contains("와이파이")) {
            return ImportKind.ACCESS_POINT;
        }
        if (name.contains("school") || name.contains("학교")) {
            return ImportKind.SCHOOL;
        }
        return ImportKind.LAYER;
    }

    public static int run(List<String> args) {
        return run(args, System.out, System.err);
    }

    /** Runs the command; returns the exit status: 0 imported, 1 nothing imported (reason on err), 2 usage. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.contains("--help") || args.contains("-h")) {
            out.println(USAGE);
            return 0;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("haechi import: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (options.kindGuessed()) {
            err.println("haechi import: importing as " + options.kind() + " (guessed from the file name; choose with "
                    + "--kind)");
        }
        ImportResult result;
        try {
            result = new Importer().read(options.file(), options.kind(), options.crs(), new ProgressPrinter(err));
        } catch (ImportException e) {
            err.println("haechi import: cannot import " + options.file().getFileName() + ": " + e.getMessage());
            err.println("haechi import: nothing was imported.");
            return 1;
        }
        err.println("haechi import: read " + result.format() + (result.charset() == null ? "" : ", " + result.charset())
                + ", coordinates " + result.crs());
        err.println("haechi import: writing " + result.importedCount() + " rows to the cache in one transaction...");
        try {
            Path report = store(options, result);
            err.println("haechi import: report: " + report.toAbsolutePath());
        } catch (SQLException | IOException | RuntimeException e) {
            err.println("haechi import: cannot store the import in " + options.dataDir() + ": " + describe(e));
            err.println("haechi import: nothing was imported.");
            return 1;
        }
        out.println("IMPORTED " + result.importedCount() + " SKIPPED " + result.skipped().size());
        return 0;
    }

    private static String describe(Exception e) {
        Throwable t = e;
        while (t.getCause() != null && !(t instanceof SQLException)) {
            t = t.getCause();
        }
        if (t instanceof SQLException s && s.getErrorCode() == 90020) {
            return "the cache is in use: close the console first (" + s.getMessage().lines().findFirst().orElse("")
                    + ")";
        }
        return String.valueOf(t.getMessage());
    }

    /** Writes the result and its report together: both or, on failure, neither. */
    private static Path store(Options options, ImportResult result) throws SQLException, IOException {
        Path report = ImportReport.write(options.dataDir().resolve("import-reports"), options, result,
                LocalDateTime.now().format(STAMP));
        boolean committed = false;
        try (CacheStores stores = CacheStores.open(options.dataDir().resolve("cache"))) {
            ImportWriter.write(stores, options.kind(), layerName(options.file()), result);
            committed = true;
        } finally {
            if (!committed) {
                Files.deleteIfExists(report);
            }
        }
        return report;
    }

    static String layerName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Prints progress to stderr at most once a second. */
    private static final class ProgressPrinter implements org.haechi.map.importer.ImportProgress {
        private static final long SECOND = 1_000_000_000L;
        private final PrintStream err;
        private long next = System.nanoTime() + SECOND;

        ProgressPrinter(PrintStream err) {
            this.err = err;
        }

        @Override
        public void update(long done, long total) {
            long now = System.nanoTime();
            if (now - next < 0) {
                return;
            }
            next = now + SECOND;
            err.println(total > 0 ? "haechi import: " + (done * 100 / total) + "%" : "haechi import: " + done);
        }
    }
}
