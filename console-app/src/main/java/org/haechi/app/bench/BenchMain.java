package org.haechi.app.bench;

import java.util.Arrays;

/** {@code ./haechi bench NAME}: runs one benchmark and ends with its RESULT line. */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String name = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (name) {
            case "map" -> MapBench.main(rest);
            case "video" -> VideoBench.main(rest);
            case "ingest" -> IngestBench.main(rest);
            case "table" -> TableWarmUpBench.main(rest);
            case "refused" -> RefusedBench.main(rest);
            case "zones" -> ZoneBench.main(rest);
            default -> {
                System.err.println("usage: ./haechi bench map|ingest|video|table|refused|zones");
                System.exit(2);
            }
        }
    }
}
