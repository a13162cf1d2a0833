package org.haechi.messaging.codec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import org.haechi.core.geo.GeoPoint;
import org.haechi.core.warning.WarningArea.Circle;

/**
 * Parses, repairs and writes CAP polygon ("lat,lon lat,lon ...") and circle ("lat,lon radius_km") texts in linear
 * time. Stateless and thread-safe.
 */
final class CapGeometry {
    /** How far past +-90 / +-180 a coordinate may stray (rounding by the sender) and still be clamped. */
    static final double TOLERANCE_DEGREES = 1e-3;

    private CapGeometry() {
    }

    /**
     * Parses one polygon into a closed ring, repairing what it safely can; returns null when the polygon cannot be
     * used. Every repair or drop adds a note, prefixed with {@code label}, to {@code repairs}.
     */
    static List<GeoPoint> polygon(String text, String label, Collection<String> repairs) {
        Pairs pairs = new Pairs();
        int n = text.length();
        int i = skipSpace(text, 0);
        while (i < n) {
            int end = tokenEnd(text, i);
            String lat = text.substring(i, end);
            int comma = skipSpace(text, end);
            if (comma < n && text.charAt(comma) == ',') {
                int lonStart = skipSpace(text, comma + 1);
                int lonEnd = tokenEnd(text, lonStart);
                pairs.add(lat, text.substring(lonStart, lonEnd));
                i = skipSpace(text, lonEnd);
            } else {
                pairs.malformed(lat);
                i = comma;
            }
        }
        if (pairs.outOfRange > 0) {
            repairs.add(label + ": dropped, coordinates outside WGS84 range (" + pairs.firstOutOfRange + ")");
            return null;
        }
        List<GeoPoint> ring = new ArrayList<>(pairs.points.size() + 1);
        int duplicates = 0;
        for (GeoPoint p : pairs.points) {
            if (!ring.isEmpty() && ring.get(ring.size() - 1).equals(p)) {
                duplicates++;
            } else {
                ring.add(p);
            }
        }
        boolean closed = false;
        if (!ring.isEmpty() && !ring.get(0).equals(ring.get(ring.size() - 1))) {
            ring.add(ring.get(0));
            closed = true;
        }
        int distinct = ring.size() < 2 ? ring.size() : new HashSet<>(ring.subList(0, ring.size() - 1)).size();
        if (distinct < 3) {
            String why = pairs.malformed > 0 ? " after dropping " + pairs.malformed + " malformed pair(s)" : "";
            repairs.add(label + ": dropped, fewer than 3 distinct vertices" + why);
            return null;
        }
        if (pairs.malformed > 0) {
            repairs.add(label + ": dropped " + pairs.malformed + " malformed coordinate pair(s), e.g. '"
                    + pairs.firstMalformed + "'");
        }
        if (pairs.clamped > 0) {
            repairs.add(label + ": clamped " + pairs.clamped + " coordinate(s) just past the +-180/+-90 limit");
        }
        if (duplicates > 0) {
            repairs.add(label + ": dropped " + duplicates + " consecutive duplicate point(s)");
        }
        if (closed) {
            repairs.add(label + ": ring was not closed; closed it by repeating the first point");
        }
        return ring;
    }

    /** Parses one circle; returns null (with a note) when it cannot be used. */
    static Circle circle(String text, String label, Collection<String> repairs) {
        String t = text.strip();
        int space = t.length() - 1;
        while (space >= 0 && !Character.isWhitespace(t.charAt(space))) {
            space--;
        }
        int comma = t.indexOf(',');
        if (space < 0 || comma < 0 || comma > space) {
            repairs.add(label + ": dropped, not 'lat,lon radius_km' ('" + shorten(t) + "')");
            return null;
        }
        Pairs pairs = new Pairs();
        pairs.add(t.substring(0, comma).strip(), t.substring(comma + 1, space).strip());
        double radius = parse(t.substring(space + 1));
        if (pairs.outOfRange > 0) {
            repairs.add(label + ": dropped, centre outside WGS84 range (" + pairs.firstOutOfRange + ")");
            return null;
        }
        if (pairs.points.isEmpty() || !(radius >= 0) || Double.isInfinite(radius)) {
            repairs.add(label + ": dropped, not 'lat,lon radius_km' ('" + shorten(t) + "')");
            return null;
        }
        if (pairs.clamped > 0) {
            repairs.add(label + ": clamped a centre coordinate just past the +-180/+-90 limit");
        }
        return new Circle(pairs.points.get(0), radius);
    }

    /** Writes a ring as CAP polygon text. */
    static String polygonText(List<GeoPoint> ring) {
        StringBuilder sb = new StringBuilder(ring.size() * 24);
        for (GeoPoint p : ring) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            appendPoint(sb, p);
        }
        return sb.toString();
    }

    /** Writes a circle as CAP circle text. */
    static String circleText(Circle c) {
        StringBuilder sb = new StringBuilder(48);
        appendPoint(sb, c.centre());
        return sb.append(' ').append(number(c.radiusKm())).toString();
    }

    private static void appendPoint(StringBuilder sb, GeoPoint p) {
        sb.append(number(p.lat())).append(',').append(number(p.lon()));
    }

    /** Shortest exact decimal form, never in exponent notation. */
    private static String number(double d) {
        String plain = BigDecimal.valueOf(d).toPlainString();
        return plain.endsWith(".0") ? plain.substring(0, plain.length() - 2) : plain;
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int tokenEnd(String s, int i) {
        while (i < s.length() && s.charAt(i) != ',' && !Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static double parse(String s) {
        if (s.isEmpty() || s.length() > 40) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    /** Collects parsed points and counts what was wrong with the rest. */
    private static final class Pairs {
        final List<GeoPoint> points = new ArrayList<>();
        int malformed;
        String firstMalformed;
        int outOfRange;
        String firstOutOfRange;
        int clamped;

        void add(String latText, String lonText) {
            double lat = parse(latText);
            double lon = parse(lonText);
            if (Double.isNaN(lat) || Double.isNaN(lon) || Double.isInfinite(lat) || Double.isInfinite(lon)) {
                malformed(latText + "," + lonText);
                return;
            }
            if (Math.abs(lat) > 90 + TOLERANCE_DEGREES || Math.abs(lon) > 180 + TOLERANCE_DEGREES) {
                if (outOfRange++ == 0) {
                    firstOutOfRange = shorten(latText + "," + lonText);
                }
                return;
            }
            double clampedLat = Math.max(-90, Math.min(90, lat));
            double clampedLon = Math.max(-180, Math.min(180, lon));
            if (clampedLat != lat || clampedLon != lon) {
                clamped++;
            }
            points.add(new GeoPoint(clampedLat, clampedLon));
        }

        void malformed(String token) {
            if (malformed++ == 0) {
                firstMalformed = shorten(token);
            }
        }
    }
}
