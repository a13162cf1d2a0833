package org.haechi.sim.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads Seoul's per-district CCTV count table (cctv-count-by-gu-2025.csv). */
final class CameraCounts {
    private static final Pattern ROW = Pattern.compile("^,([^,]+),(\\d+),");

    private CameraCounts() {
    }

    static Map<String, Integer> read(InputStream in) throws IOException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                Matcher m = ROW.matcher(line);
                if (m.find()) {
                    String name = m.group(1).replace(" ", "");
                    if (name.endsWith("구")) {
                        counts.put(name, Integer.parseInt(m.group(2)));
                    }
                }
            }
        }
        return counts;
    }
}
