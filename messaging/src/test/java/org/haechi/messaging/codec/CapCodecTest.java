package org.haechi.messaging.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.haechi.core.geo.GeoPoint;
import org.haechi.core.warning.CapReference;
import org.haechi.core.warning.Warning;
import org.haechi.core.warning.WarningArea;
import org.junit.jupiter.api.Test;

class CapCodecTest {
    private final CapCodec codec = new CapCodec();

    @Test
    void heavyRainWarningTakesFirstInfoAndCountsRepeatedLanguageAreaOnce() throws Exception {
        Warning w = codec.decode(golden("heavy-rain-seoul.xml"));

        assertThat(w.identifier()).isEqualTo("KMA-20260715-1400-HRW-0031");
        assertThat(w.sender()).isEqualTo("weather@kma.go.kr");
        assertThat(w.sent()).isEqualTo(Instant.parse("2026-07-15T04:55:00Z"));
        assertThat(w.msgType()).isEqualTo("Alert");
        assertThat(w.references()).isEmpty();
        assertThat(w.event()).isEqualTo("호우경보");
        assertThat(w.severity()).isEqualTo("Severe");
        assertThat(w.urgency()).isEqualTo("Immediate");
        assertThat(w.certainty()).isEqualTo("Likely");
        assertThat(w.headline()).isEqualTo("서울 동남권 호우경보 발표");
        assertThat(w.instruction()).startsWith("저지대 침수와 하천 범람에 유의하시고");
        assertThat(w.effective()).isEqualTo(Instant.parse("2026-07-15T05:00:00Z"));
        assertThat(w.expires()).isEqualTo(Instant.parse("2026-07-15T21:00:00Z"));
        assertThat(w.areas()).hasSize(1);
        WarningArea area = w.areas().get(0);
        assertThat(area.description()).isEqualTo("서울특별시 동남권 (강남구, 서초구, 송파구)");
        assertThat(area.polygons()).hasSize(1);
        List<GeoPoint> ring = area.polygons().get(0);
        assertThat(ring).hasSize(10).startsWith(new GeoPoint(37.512, 126.982));
        assertThat(ring.get(ring.size() - 1)).isEqualTo(ring.get(0));
        assertThat(area.geocodes()).containsExactly("KMA_ZONE=11B10101");
        assertThat(w.repairs()).isEmpty();
        assertThat(w.isActiveAt(Instant.parse("2026-07-15T12:00:00Z"))).isTrue();
    }

    @Test
    void cap11AlertWithCircleIsAcceptedAndInForceFromSent() throws Exception {
        Warning w = codec.decode(golden("cap11-circle.xml"));

        assertThat(w.identifier()).isEqualTo("SEOUL-119-20261128-0007");
        assertThat(w.severity()).isEqualTo("Extreme");
        assertThat(w.effective()).as("no <effective>: sent's time (CAP 1.2), not onset's")
                .isEqualTo(Instant.parse("2026-11-27T20:12:00Z"));
        assertThat(w.areas()).singleElement().satisfies(a -> {
            assertThat(a.polygons()).isEmpty();
            assertThat(a.circles()).containsExactly(new WarningArea.Circle(new GeoPoint(37.5446, 127.0557), 2.0));
        });
        assertThat(w.repairs()).isEmpty();
    }

    @Test
    void unclosedRingIsClosedAndFlagged() throws Exception {
        Warning w = codec.decode(golden("unclosed-ring.xml"));

        List<GeoPoint> ring = w.areas().get(0).polygons().get(0);
        assertThat(ring).hasSize(5);
        assertThat(ring.get(4)).isEqualTo(ring.get(0)).isEqualTo(new GeoPoint(37.635, 126.9));
        assertThat(w.repairs()).singleElement().asString().contains("not closed").contains("polygon 1");
    }

    @Test
    void longitudeJustPast180IsClampedAndFlagged() throws Exception {
        Warning w = codec.decode(golden("lon-past-180.xml"));

        List<GeoPoint> ring = w.areas().get(0).polygons().get(0);
        assertThat(ring).hasSize(5).contains(new GeoPoint(-16.5, 180.0), new GeoPoint(-18.0, 180.0));
        assertThat(ring).allSatisfy(p -> assertThat(p.lon()).isBetween(-180.0, 180.0));
        assertThat(w.repairs()).singleElement().asString().contains("clamped 2 coordinate");
    }

    @Test
    void geocodeOnlyAreaIsKeptWithoutGeometryAndValidityStartsAtSent() throws Exception {
        Warning w = codec.decode(golden("geocode-only.xml"));

        assertThat(w.areas()).singleElement().satisfies(a -> {
            assertThat(a.hasGeometry()).isFalse();
            assertThat(a.description()).isEqualTo("서울특별시 종로구");
            assertThat(a.geocodes()).containsExactly("ADM_CD=1111000000");
        });
        assertThat(w.effective()).isEqualTo(w.sent()).isEqualTo(Instant.parse("2026-12-05T12:30:00Z"));
        assertThat(w.repairs()).isEmpty();
    }

    @Test
    void envelopedSignatureIsIgnoredNotVerified() throws Exception {
        Warning w = codec.decode(golden("signed.xml"));

        assertThat(w.identifier()).isEqualTo("KMA-20260910-1700-TYW-0005");
        assertThat(w.event()).isEqualTo("태풍경보");
        assertThat(w.effective()).as("sent at 17:00 KST, the typhoon due at 03:00: in force from 17:00")
                .isEqualTo(Instant.parse("2026-09-10T08:00:00Z"));
        assertThat(w.areas()).singleElement().satisfies(a -> assertThat(a.polygons()).hasSize(1));
        assertThat(w.repairs()).isEmpty();
    }

    @Test
    void cancelKeepsIdentifierOfEachReferencedAlert() throws Exception {
        Warning w = codec.decode(golden("cancel.xml"));

        assertThat(w.msgType()).isEqualTo("Cancel");
        assertThat(w.references()).containsExactly(
                new CapReference("weather@kma.go.kr", "KMA-20260715-1400-HRW-0031"),
                new CapReference("weather@kma.go.kr", "KMA-20260715-1730-HRW-0032"));
        assertThat(w.isActiveAt(w.sent())).isFalse();
        assertThat(w.repairs()).isEmpty();
    }

    @Test
    void cancelWithoutInfoIsAccepted() throws Exception {
        Warning w = codec.decode(minimalAlert("<msgType>Cancel</msgType>"
                + "<references>weather@kma.go.kr,KMA-1,2026-07-15T13:55:00+09:00</references>", ""));

        assertThat(w.references()).containsExactly(new CapReference("weather@kma.go.kr", "KMA-1"));
        assertThat(w.areas()).isEmpty();
        assertThat(w.effective()).isEqualTo(w.sent());
    }

    @Test
    void billionLaughsDoctypeIsRejectedAsUnsafeDtd() {
        assertThatThrownBy(() -> codec.decode(golden("dtd-entity.xml")))
                .isInstanceOf(ContractViolation.class).hasMessageContaining("DTD");
    }

    @Test
    void doctypeAfterCommentIsStillRejected() {
        String xml = "<?xml version=\"1.0\"?><!-- hi --><!DOCTYPE alert SYSTEM \"file:///etc/passwd\">"
                + "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"/>";
        assertThatThrownBy(() -> codec.decode(xml)).isInstanceOf(ContractViolation.class).hasMessageContaining("DTD");
    }

    @Test
    void rssDocumentIsRejectedAsNotCap() {
        assertThatThrownBy(() -> codec.decode(golden("not-cap.xml")))
                .isInstanceOf(ContractViolation.class).hasMessage("not a CAP 1.1/1.2 alert");
    }

    @Test
    void alertInForeignNamespaceIsRejectedAsNotCap() {
        String xml = "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.0\"><identifier>x</identifier></alert>";
        assertThatThrownBy(() -> codec.decode(xml))
                .isInstanceOf(ContractViolation.class).hasMessage("not a CAP 1.1/1.2 alert");
    }

    @Test
    void notWellFormedDocumentIsRejectedWithParserReason() {
        assertThatThrownBy(() -> codec.decode(golden("not-well-formed.xml")))
                .isInstanceOf(ContractViolation.class)
                .hasMessageStartingWith("not well-formed XML (line 14");
    }

    @Test
    void unrepairablePolygonLeavesNoUsableAreaAndIsRejected() {
        assertThatThrownBy(() -> codec.decode(golden("unrepairable-polygon.xml")))
                .isInstanceOf(ContractViolation.class)
                .hasMessageStartingWith("no usable area")
                .hasMessageContaining("fewer than 3 distinct vertices");
    }

    @Test
    void missingIdentifierIsRejected() {
        String xml = "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><sender>s</sender>"
                + "<sent>2026-11-28T05:12:00+09:00</sent></alert>";
        assertThatThrownBy(() -> codec.decode(xml))
                .isInstanceOf(ContractViolation.class).hasMessageContaining("identifier");
    }

    @Test
    void documentOver8MiBIsRejectedBeforeParsing() {
        String xml = "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><note>" + "x".repeat(8 * 1024 * 1024)
                + "</note></alert>";
        assertThatThrownBy(() -> codec.decode(xml))
                .isInstanceOf(ContractViolation.class).hasMessage("document larger than 8 MiB");
    }

    @Test
    void malformedPairDuplicatePointsAndBadExpiresAreRepairedAndFlagged() throws Exception {
        Warning w = codec.decode(minimalAlert("<msgType>Alert</msgType>", "<expires>tomorrow</expires>"
                + "<area><areaDesc>Mapo</areaDesc><polygon>37.55,126.90 37.55,126.90 37.56,126.95 abc,126.96"
                + " 37.52,126.95 37.55,126.90</polygon></area>"));

        assertThat(w.areas().get(0).polygons().get(0)).containsExactly(new GeoPoint(37.55, 126.9),
                new GeoPoint(37.56, 126.95), new GeoPoint(37.52, 126.95), new GeoPoint(37.55, 126.9));
        assertThat(w.expires()).isNull();
        assertThat(w.repairs()).hasSize(3)
                .anySatisfy(r -> assertThat(r).contains("malformed").contains("abc,126.96"))
                .anySatisfy(r -> assertThat(r).contains("1 consecutive duplicate"))
                .anySatisfy(r -> assertThat(r).contains("expires 'tomorrow'"));
    }

    @Test
    void polygonFarOutsideRangeIsDroppedButDescribedAreaKept() throws Exception {
        Warning w = codec.decode(minimalAlert("<msgType>Alert</msgType>",
                "<area><areaDesc>Swapped</areaDesc><polygon>126.9,37.5 127.0,37.5 127.0,37.6 126.9,37.5</polygon>"
                        + "</area>"));

        assertThat(w.areas()).singleElement().satisfies(a -> {
            assertThat(a.hasGeometry()).isFalse();
            assertThat(a.description()).isEqualTo("Swapped");
        });
        assertThat(w.repairs()).singleElement().asString().contains("outside WGS84 range");
    }

    @Test
    void fiftyThousandPointPolygonDecodesQuickly() throws Exception {
        int n = 50_000;
        StringBuilder polygon = new StringBuilder(n * 22);
        for (int i = 0; i < n; i++) {
            double angle = 2 * Math.PI * i / n;
            polygon.append(String.format(java.util.Locale.ROOT, "%.6f,%.6f ",
                    37.55 + 0.1 * Math.sin(angle), 126.99 + 0.1 * Math.cos(angle)));
        }
        String xml = minimalAlert("<msgType>Alert</msgType>",
                "<area><areaDesc>Seoul ring</areaDesc><polygon>" + polygon + "</polygon></area>");
        codec.decode(xml);

        Warning w = codec.decode(xml);

        List<GeoPoint> ring = w.areas().get(0).polygons().get(0);
        assertThat(ring).hasSize(n + 1);
        assertThat(ring.get(n)).isEqualTo(ring.get(0));
        assertThat(w.repairs()).singleElement().asString().contains("not closed");
    }

    @Test
    void encodedWarningDecodesToTheSameWarning() throws Exception {
        List<GeoPoint> ring = new ArrayList<>(List.of(new GeoPoint(37.5665, 126.978), new GeoPoint(37.57, 127.0),
                new GeoPoint(37.55, 127.01), new GeoPoint(-0.00001, 179.9999)));
        ring.add(ring.get(0));
        WarningArea zone = new WarningArea("중구 & <시청> 일대", List.of(ring),
                List.of(new WarningArea.Circle(new GeoPoint(37.5665, 126.978), 1.5)), List.of("ADM_CD=1114000000"));
        WarningArea described = new WarningArea("Jung-gu", List.of(), List.of(), List.of());
        Warning original = new Warning("SIM-0001", "field-sim@haechi.local", Instant.parse("2026-11-27T20:12:00Z"),
                "Update", List.of(new CapReference("field-sim@haechi.local", "SIM-0000")), "Gas leak", "Severe",
                "Immediate", "Observed",
                "시청역 가스 누출", "지하철 1·2호선 시청역 출입 금지\n우회하십시오",
                Instant.parse("2026-11-27T20:15:00Z"), Instant.parse("2026-11-28T02:00:00Z"), List.of(zone, described),
                List.of());

        String xml = codec.encode(original);
        Warning decoded = codec.decode(xml);

        assertThat(xml).contains("<status>Actual</status>", "<scope>Public</scope>",
                "<sent>2026-11-27T20:12:00+00:00</sent>", "<circle>37.5665,126.978 1.5</circle>",
                "field-sim@haechi.local,SIM-0000,2026-11-27T20:12:00+00:00");
        assertThat(decoded).isEqualTo(original);
    }

    private static String minimalAlert(String header, String infoBody) {
        String info = infoBody.isEmpty() ? "" : "<info><category>Other</category><event>Test</event>"
                + "<urgency>Unknown</urgency><severity>Minor</severity><certainty>Unknown</certainty>" + infoBody
                + "</info>";
        return "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>T-1</identifier>"
                + "<sender>test@haechi.local</sender><sent>2026-11-28T05:12:00+09:00</sent><status>Actual</status>"
                + header + "<scope>Public</scope>" + info + "</alert>";
    }

    @Test
    void exerciseAlertIsKeptButNotLive() throws Exception {
        String xml = golden("heavy-rain-seoul.xml").replace("<status>Actual</status>", "<status>Exercise</status>");
        Warning w = codec.decode(xml);
        assertThat(w.status()).isEqualTo("Exercise");
        assertThat(w.isLive()).isFalse();
        assertThat(codec.decode(codec.encode(w)).status()).isEqualTo("Exercise");
        assertThat(codec.decode(golden("heavy-rain-seoul.xml")).isLive()).isTrue();
    }

    /** A UTF-8 file saved with a byte-order mark (common from Windows tools) keeps it as its first character. */
    @Test
    void aLeadingByteOrderMarkIsAccepted() throws Exception {
        Warning w = codec.decode("\uFEFF" + golden("heavy-rain-seoul.xml"));
        assertThat(w.identifier()).isEqualTo("KMA-20260715-1400-HRW-0031");
        assertThat(codec.decode("\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + minimalAlert("",
                "<area><areaDesc>Mapo</areaDesc></area>")).identifier()).isEqualTo("T-1");
    }

    /**
     * A few megabytes of nested elements overflowed the stack of the DOM's recursive text reading, an Error nothing
     * caught, which ended the consumer and dead-lettered the whole batch (review, session 10). The parser now stops
     * at a depth no CAP document needs.
     */
    @Test
    void elementsNestedTooDeepAreRejectedAsUnsafeBeforeAnythingRecursesOnThem() throws Exception {
        int depth = 200_000;
        String nested = "<a>".repeat(depth) + "x" + "</a>".repeat(depth);
        String xml = "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>" + nested
                + "</identifier></alert>";
        assertThatThrownBy(() -> codec.decode(xml)).isInstanceOf(ContractViolation.class)
                .hasMessage(SecureXml.TOO_DEEP);
        String deepestAccepted = "<a>".repeat(SecureXml.MAX_DEPTH - 1) + "</a>".repeat(SecureXml.MAX_DEPTH - 1);
        assertThat(SecureXml.parse("<r>" + deepestAccepted + "</r>").getDocumentElement().getLocalName())
                .isEqualTo("r");
    }

    /**
     * Times as agencies' systems write them: a space for the 'T', an offset without its colon; an offset of hours only
     * ({@code +09}) is read by Java's own ISO parser already.
     */
    @Test
    void untidyDateTimesAreReadAndFlagged() throws Exception {
        String xml = minimalAlert("<msgType>Alert</msgType>", "<effective>2026-11-28 06:00:00+0900</effective>"
                + "<expires>2026-11-28T09:30:00+09</expires><area><areaDesc>Mapo</areaDesc></area>")
                .replace("<sent>2026-11-28T05:12:00+09:00</sent>", "<sent>2026-11-28 05:12:00+09:00</sent>");
        Warning w = codec.decode(xml);
        assertThat(w.sent()).isEqualTo(Instant.parse("2026-11-27T20:12:00Z"));
        assertThat(w.effective()).isEqualTo(Instant.parse("2026-11-27T21:00:00Z"));
        assertThat(w.expires()).isEqualTo(Instant.parse("2026-11-28T00:30:00Z"));
        assertThat(w.repairs()).containsExactly(
                "sent '2026-11-28 05:12:00+09:00' is not in CAP's date-time form; read as 2026-11-28T05:12+09:00",
                "effective '2026-11-28 06:00:00+0900' is not in CAP's date-time form; read as 2026-11-28T06:00+09:00");
    }

    /** An expiry without a time zone is read in sent's: left unread, the warning would stay in force for ever. */
    @Test
    void anExpiryWithoutTimeZoneTakesSentsOffset() throws Exception {
        Warning w = codec.decode(minimalAlert("<msgType>Alert</msgType>", "<expires>2026-11-28T09:30:00</expires>"
                + "<area><areaDesc>Mapo</areaDesc></area>"));
        assertThat(w.expires()).isEqualTo(Instant.parse("2026-11-28T00:30:00Z"));
        assertThat(w.repairs()).containsExactly(
                "expires '2026-11-28T09:30:00' has no time zone; read with sent's offset +09:00");
    }

    /** The untidy reading is lenient in form only: no impossible date, no date run into its time. */
    @Test
    void anImpossibleDateOrOneWithoutSeparatorIsNoDateTime() throws Exception {
        Warning w = codec.decode(minimalAlert("<msgType>Alert</msgType>", "<effective>2026-02-30 06:00:00+0900"
                + "</effective><expires>2026-11-2806:00:00+0900</expires><area><areaDesc>Mapo</areaDesc></area>"));
        assertThat(w.effective()).as("sent, as without effective").isEqualTo(w.sent());
        assertThat(w.expires()).isNull();
        assertThat(w.repairs()).containsExactly(
                "effective '2026-02-30 06:00:00+0900' is not a CAP date-time; ignored",
                "expires '2026-11-2806:00:00+0900' is not a CAP date-time; ignored");
    }

    /** References are table keys: one longer than the key is ignored, and one alert names at most 1,000. */
    @Test
    void referencesPastTheKeyOrTheCountAreIgnoredAndFlagged() throws Exception {
        String longId = "x".repeat(501);
        StringBuilder many = new StringBuilder("s@x," + longId + ",2026-07-15T13:55:00+09:00");
        for (int i = 0; i < 1001; i++) {
            many.append(" s@x,id-").append(i).append(",2026-07-15T13:55:00+09:00");
        }
        Warning w = codec.decode(minimalAlert("<msgType>Cancel</msgType><references>" + many + "</references>", ""));
        assertThat(w.references()).extracting(CapReference::identifier).hasSize(999).startsWith("id-0")
                .endsWith("id-998");
        assertThat(w.repairs()).containsExactly("1002 references; read the first 1000",
                "reference 's@x," + "x".repeat(116) + "...': sender or identifier longer than 500 characters; ignored");
    }

    @Test
    void aSentTimeWithoutTimeZoneIsRejected() {
        String xml = minimalAlert("", "<area><areaDesc>Mapo</areaDesc></area>")
                .replace("2026-11-28T05:12:00+09:00", "2026-11-28T05:12:00");
        assertThatThrownBy(() -> codec.decode(xml)).isInstanceOf(ContractViolation.class)
                .hasMessage("sent '2026-11-28T05:12:00' is not a CAP date-time");
    }

    /** An Ack or Error references alerts too, and takes none of them away; an Update or Cancel does. */
    @Test
    void onlyAnUpdateOrCancelSupersedesWhatItReferences() throws Exception {
        String refs = "<references>weather@kma.go.kr,KMA-1,2026-07-15T13:55:00+09:00</references>";
        String area = "<area><areaDesc>Mapo</areaDesc></area>";
        assertThat(codec.decode(minimalAlert("<msgType>Ack</msgType>" + refs, area)).supersedes()).isEmpty();
        assertThat(codec.decode(minimalAlert("<msgType>Error</msgType>" + refs, area)).supersedes()).isEmpty();
        assertThat(codec.decode(minimalAlert("<msgType>Update</msgType>" + refs, area)).supersedes())
                .containsExactly(new CapReference("weather@kma.go.kr", "KMA-1"));
        assertThat(codec.decode(minimalAlert("<msgType>Cancel</msgType>" + refs, "")).supersedes())
                .containsExactly(new CapReference("weather@kma.go.kr", "KMA-1"));
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = CapCodecTest.class.getResourceAsStream("/golden/cap/" + name)) {
            assertThat(in).as("golden file %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
