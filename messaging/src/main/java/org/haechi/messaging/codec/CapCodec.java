package org.haechi.messaging.codec;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.haechi.core.geo.GeoPoint;
import org.haechi.core.warning.CapReference;
import org.haechi.core.warning.Warning;
import org.haechi.core.warning.WarningArea;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Wire codec for disaster warnings: CAP 1.2 alerts (CAP 1.1 accepted on decode). Stateless and thread-safe.
 *
 * <p>Decoding refuses what is unsafe (DTDs, entities, over 8 MiB) or meaningless, and repairs what it safely can
 * (unclosed rings, longitudes a hair past 180, duplicate or malformed points), listing each repair in
 * {@link Warning#repairs()}. Signatures are ignored, not verified.
 */
public final class CapCodec {
    public static final String CAP12 = "urn:oasis:names:tc:emergency:cap:1.2";
    public static final String CAP11 = "urn:oasis:names:tc:emergency:cap:1.1";
    /** Date-times as agencies write them besides CAP's form: a space for the 'T', offsets without a colon. */
    private static final DateTimeFormatter UNTIDY_TIME = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    /** A date, one 'T' or blank, a time: the separator is made a 'T' before {@link #UNTIDY_TIME} reads it. */
    private static final Pattern DATE_SPACE_TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[Tt ](\\d{2}:.*)");
    /** Longest identifier kept (the warning table's key), and most references read from one alert. */
    private static final int MAX_IDENTIFIER = 500;
    private static final int MAX_REFERENCES = 1000;

    /** Decodes a CAP 1.1 or 1.2 alert; the first info block drives the displayed fields. */
    public Warning decode(String xml) throws ContractViolation {
        Element alert = SecureXml.parse(xml).getDocumentElement();
        String ns = alert.getNamespaceURI();
        if (!"alert".equals(alert.getLocalName()) || !(CAP12.equals(ns) || CAP11.equals(ns))) {
            throw new ContractViolation("not a CAP 1.1/1.2 alert");
        }
        Set<String> repairs = new LinkedHashSet<>();
        String identifier = JsonFields.limited("identifier", required(alert, ns, "identifier"), MAX_IDENTIFIER);
        String sender = JsonFields.limited("sender", required(alert, ns, "sender"), MAX_IDENTIFIER);
        String sentText = required(alert, ns, "sent");
        OffsetDateTime sentAt = parseTime(sentText, null, "sent", repairs);
        if (sentAt == null) {
            throw new ContractViolation("sent '" + sentText + "' is not a CAP date-time");
        }
        Instant sent = sentAt.toInstant();
        String msgType = text(alert, ns, "msgType");
        if (msgType == null) {
            msgType = "Alert";
            repairs.add("msgType missing; taken as Alert");
        }
        JsonFields.limited("msgType", msgType, 16);
        List<CapReference> references = references(text(alert, ns, "references"), repairs);

        List<Element> infos = children(alert, ns, "info");
        Element info = infos.isEmpty() ? null : infos.get(0);
        ZoneOffset sentOffset = sentAt.getOffset();
        Instant effective = optionalTime(info, ns, "effective", sentOffset, repairs);
        optionalTime(info, ns, "onset", sentOffset, repairs); // read for its repairs only: it does not delay validity
        Instant expires = optionalTime(info, ns, "expires", sentOffset, repairs);
        if (effective == null) {
            // CAP 1.2: "If this item is not included, the effective time SHALL be assumed to be the same as in
            // <sent>". A warning of a typhoon due at 03:00 is in force from when it was sent: people prepare.
            effective = sent;
        }

        Map<Object, WarningArea> areas = new LinkedHashMap<>();
        int areaCount = 0;
        for (Element each : infos) {
            for (Element areaElement : children(each, ns, "area")) {
                List<String> notes = new ArrayList<>();
                WarningArea area = area(areaElement, ns, ++areaCount, notes);
                if (area == null || areas.putIfAbsent(sameAreaKey(area), area) == null) {
                    repairs.addAll(notes); // a repeated area (another language) would only repeat its notes
                }
            }
        }
        boolean withdrawal = "Cancel".equalsIgnoreCase(msgType);
        if (areas.isEmpty() && !withdrawal && (areaCount > 0 || info == null)) {
            List<String> why = repairs.stream().filter(r -> r.startsWith("area")).toList();
            throw new ContractViolation("no usable area" + (why.isEmpty() ? "" : ": " + String.join("; ", why)));
        }
        return new Warning(identifier, sender, sent, msgType, references, text(info, ns, "event"),
                text(info, ns, "severity"), text(info, ns, "urgency"), text(info, ns, "certainty"),
                text(info, ns, "headline"), text(info, ns, "instruction"), effective, expires,
                List.copyOf(areas.values()), List.copyOf(repairs), text(alert, ns, "status"));
    }

    /**
     * Encodes a warning as a CAP 1.2 alert (status Actual, scope Public, one info block, category Other). Times are
     * written to the second in UTC; references are written as "sender,identifier,sent" triplets with their own sender
     * (this warning's when not known) and this warning's sent time, since the referenced alerts' are not kept.
     */
    public String encode(Warning w) {
        return CapWriter.write(w);
    }

    private static WarningArea area(Element area, String ns, int index, Collection<String> repairs) {
        String description = text(area, ns, "areaDesc");
        String label = description == null ? "area " + index : "area '" + description + "'";
        List<List<GeoPoint>> polygons = new ArrayList<>();
        int n = 0;
        for (Element polygon : children(area, ns, "polygon")) {
            List<GeoPoint> ring = CapGeometry.polygon(polygon.getTextContent(), label + " polygon " + ++n, repairs);
            if (ring != null) {
                polygons.add(ring);
            }
        }
        List<WarningArea.Circle> circles = new ArrayList<>();
        n = 0;
        for (Element circle : children(area, ns, "circle")) {
            WarningArea.Circle c = CapGeometry.circle(circle.getTextContent(), label + " circle " + ++n, repairs);
            if (c != null) {
                circles.add(c);
            }
        }
        List<String> geocodes = new ArrayList<>();
        for (Element geocode : children(area, ns, "geocode")) {
            String name = text(geocode, ns, "valueName");
            String value = text(geocode, ns, "value");
            if (value != null) {
                geocodes.add(name == null ? value : name + "=" + value);
            }
        }
        if (polygons.isEmpty() && circles.isEmpty() && geocodes.isEmpty() && description == null) {
            repairs.add(label + ": dropped, no usable geometry, geocode or description");
            return null;
        }
        return new WarningArea(description == null ? "" : description, polygons, circles, geocodes);
    }

    /**
     * Areas repeated by info blocks in other languages count once: the same geometry (or, without geometry, the same
     * geocodes) is the same area whatever its description says; the first info block's description is kept.
     */
    private static Object sameAreaKey(WarningArea a) {
        if (a.hasGeometry() || !a.geocodes().isEmpty()) {
            return List.of(a.polygons(), a.circles(), a.geocodes());
        }
        return a.description();
    }

    /**
     * CAP references are "sender,identifier,sent" triplets separated by whitespace; keeps each one's sender and
     * identifier (a malformed entry's identifier without its sender).
     */
    private static List<CapReference> references(String text, Collection<String> repairs) {
        List<CapReference> refs = new ArrayList<>();
        if (text == null) {
            return refs;
        }
        String[] triplets = text.strip().split("\\s+");
        if (triplets.length > MAX_REFERENCES) {
            repairs.add(triplets.length + " references; read the first " + MAX_REFERENCES);
        }
        for (String triplet : Arrays.asList(triplets).subList(0, Math.min(triplets.length, MAX_REFERENCES))) {
            String[] parts = triplet.split(",", -1);
            String shown = cut(triplet);
            String sender = null;
            String id;
            if (parts.length == 3 && !parts[1].isBlank()) {
                sender = parts[0];
                id = parts[1];
            } else if (parts.length == 1) {
                id = triplet;
                repairs.add("reference '" + shown + "' is not sender,identifier,sent; taken as an identifier");
            } else if (!parts[1].isBlank()) {
                id = parts[1];
                repairs.add("reference '" + shown + "' is not sender,identifier,sent; took '" + cut(id) + "'");
            } else {
                repairs.add("reference '" + shown + "' has no identifier; ignored");
                continue;
            }
            if (id.length() > MAX_IDENTIFIER || (sender != null && sender.length() > MAX_IDENTIFIER)) {
                repairs.add("reference '" + shown + "': sender or identifier longer than " + MAX_IDENTIFIER
                        + " characters; ignored");
            } else {
                refs.add(new CapReference(sender, id));
            }
        }
        return refs;
    }

    /** A text as a repair note quotes it: at most 120 characters. */
    private static String cut(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "..." : text;
    }

    private static String required(Element parent, String ns, String name) throws ContractViolation {
        String value = text(parent, ns, name);
        if (value == null) {
            throw new ContractViolation("missing required element '" + name + "'");
        }
        return value;
    }

    private static Instant optionalTime(Element info, String ns, String name, ZoneOffset sentOffset,
                                        Collection<String> repairs) {
        String value = text(info, ns, name);
        if (value == null) {
            return null;
        }
        OffsetDateTime time = parseTime(value, sentOffset, name, repairs);
        if (time == null) {
            repairs.add(name + " '" + value + "' is not a CAP date-time; ignored");
        }
        return time == null ? null : time.toInstant();
    }

    /**
     * A CAP date-time, or one written as agencies' systems often do: a space for the 'T', an offset without its colon
     * ({@code +0900}) or hours only, and, when {@code fallback} is given, no offset at all (then {@code sent}'s offset
     * is taken). Each such reading is noted in {@code repairs}; null when the text is no date-time.
     */
    static OffsetDateTime parseTime(String text, ZoneOffset fallback, String name, Collection<String> repairs) {
        try {
            return OffsetDateTime.parse(text); // CAP's own form
        } catch (DateTimeParseException notStrict) {
            // read below as agencies write it
        }
        try {
            TemporalAccessor t = untidy(text);
            if (t instanceof OffsetDateTime odt) {
                repairs.add(name + " '" + text + "' is not in CAP's date-time form; read as " + odt);
                return odt;
            }
            if (fallback != null && t instanceof LocalDateTime ldt) {
                repairs.add(name + " '" + text + "' has no time zone; read with sent's offset " + fallback);
                return ldt.atOffset(fallback);
            }
        } catch (DateTimeParseException e) {
            // not a date-time at all
        }
        return null;
    }

    /** Parses an untidy date-time; an OffsetDateTime, or a LocalDateTime when it has no offset. */
    private static TemporalAccessor untidy(String text) {
        Matcher m = DATE_SPACE_TIME.matcher(text);
        if (!m.matches()) {
            throw new DateTimeParseException("not a date and time", text, 0);
        }
        return UNTIDY_TIME.parseBest(m.group(1) + "T" + m.group(2), OffsetDateTime::from, LocalDateTime::from);
    }

    /** Trimmed text of the first child element {@code name}, or null when absent or blank. */
    private static String text(Element parent, String ns, String name) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) {
                String value = e.getTextContent().strip();
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String ns, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) {
                found.add(e);
            }
        }
        return found;
    }
}
