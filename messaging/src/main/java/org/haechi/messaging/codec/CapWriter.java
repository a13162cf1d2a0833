package org.haechi.messaging.codec;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.haechi.core.geo.GeoPoint;
import org.haechi.core.warning.CapReference;
import org.haechi.core.warning.Warning;
import org.haechi.core.warning.WarningArea;

/** Writes a {@link Warning} as CAP 1.2 alert XML (see {@link CapCodec#encode}). Stateless and thread-safe. */
final class CapWriter {
    /** CAP date-time: seconds and an explicit offset, never "Z". */
    private static final DateTimeFormatter CAP_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    private CapWriter() {
    }

    static String write(Warning w) {
        StringBuilder x = new StringBuilder(1024);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<alert xmlns=\"").append(CapCodec.CAP12).append("\">\n");
        element(x, 1, "identifier", w.identifier());
        element(x, 1, "sender", w.sender());
        element(x, 1, "sent", time(w.sent()));
        element(x, 1, "status", w.status());
        element(x, 1, "msgType", orDefault(w.msgType(), "Alert"));
        element(x, 1, "scope", "Public");
        if (!w.references().isEmpty()) {
            StringBuilder refs = new StringBuilder();
            for (CapReference ref : w.references()) {
                if (refs.length() > 0) {
                    refs.append(' ');
                }
                String sender = ref.sender() != null ? ref.sender() : w.sender();
                refs.append(sender).append(',').append(ref.identifier()).append(',').append(time(w.sent()));
            }
            element(x, 1, "references", refs.toString());
        }
        x.append("  <info>\n");
        element(x, 2, "category", "Other");
        element(x, 2, "event", orDefault(w.event(), "Unknown"));
        element(x, 2, "urgency", orDefault(w.urgency(), "Unknown"));
        element(x, 2, "severity", orDefault(w.severity(), "Unknown"));
        element(x, 2, "certainty", orDefault(w.certainty(), "Unknown"));
        if (w.effective() != null) {
            element(x, 2, "effective", time(w.effective()));
        }
        if (w.expires() != null) {
            element(x, 2, "expires", time(w.expires()));
        }
        element(x, 2, "headline", w.headline());
        element(x, 2, "instruction", w.instruction());
        for (WarningArea area : w.areas()) {
            x.append("    <area>\n");
            element(x, 3, "areaDesc", area.description() == null ? "" : area.description());
            for (List<GeoPoint> ring : area.polygons()) {
                element(x, 3, "polygon", CapGeometry.polygonText(ring));
            }
            for (WarningArea.Circle circle : area.circles()) {
                element(x, 3, "circle", CapGeometry.circleText(circle));
            }
            for (String geocode : area.geocodes()) {
                int eq = geocode.indexOf('=');
                x.append("      <geocode>\n");
                element(x, 4, "valueName", eq < 0 ? "" : geocode.substring(0, eq));
                element(x, 4, "value", eq < 0 ? geocode : geocode.substring(eq + 1));
                x.append("      </geocode>\n");
            }
            x.append("    </area>\n");
        }
        x.append("  </info>\n");
        return x.append("</alert>\n").toString();
    }

    private static String time(Instant t) {
        return CAP_TIME.format(t.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Appends {@code <name>value</name>} on its own line; a null value writes nothing. */
    private static void element(StringBuilder x, int depth, String name, String value) {
        if (value == null) {
            return;
        }
        x.append("  ".repeat(depth)).append('<').append(name).append('>');
        escape(x, value);
        x.append("</").append(name).append(">\n");
    }

    /** Escapes markup characters and leaves out characters XML 1.0 cannot carry. */
    private static void escape(StringBuilder x, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> x.append("&amp;");
                case '<' -> x.append("&lt;");
                case '>' -> x.append("&gt;");
                case '\r' -> x.append("&#13;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n') {
                        if (c != 0xFFFE && c != 0xFFFF) {
                            x.append(c);
                        }
                    }
                }
            }
        }
    }
}
