package org.haechi.sim.traffic;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.haechi.core.geo.GeoPoint;
import org.haechi.core.warning.Warning;
import org.haechi.core.warning.WarningArea;

/** The CAP warnings the simulator issues at start: typical Seoul weather and hazard warnings. */
public final class WarningFactory {
    private WarningFactory() {
    }

    public static List<Warning> atStart(Instant now) {
        Instant sent = now.truncatedTo(ChronoUnit.SECONDS);
        Instant expires = sent.plus(6, ChronoUnit.HOURS);
        String stamp = Long.toString(sent.getEpochSecond());
        WarningArea hanRiver = new WarningArea("서울 영등포구·용산구 한강변 (Han river banks, Yeongdeungpo and Yongsan)",
                List.of(ring(37.5400, 126.8900, 37.5400, 126.9650, 37.5180, 127.0000, 37.5080, 126.9700,
                        37.5200, 126.8900)), List.of(), List.of());
        WarningArea gasLeak = new WarningArea("강남구 역삼동 가스 누출 (gas leak, Yeoksam-dong)", List.of(),
                List.of(new WarningArea.Circle(new GeoPoint(37.5006, 127.0364), 0.5)), List.of());
        WarningArea wholeCity = new WarningArea("서울특별시 전역 (all of Seoul)", List.of(), List.of(),
                List.of("KOSTAT=11"));
        return List.of(
                new Warning("kma-heavyrain-" + stamp, "kma.go.kr", sent, "Alert", List.of(), "호우경보 Heavy rain warning",
                        "Severe", "Immediate", "Observed", "호우경보: 한강변 저지대 침수 우려 (Heavy rain: flooding of Han "
                        + "river low ground)", "하천변 접근 금지, 지하차도 우회 (Keep away from river banks; avoid "
                        + "underpasses)", sent, expires, List.of(hanRiver), List.of()),
                new Warning("fire-gasleak-" + stamp, "fire.seoul.go.kr", sent, "Alert", List.of(), "가스 누출 Gas leak",
                        "Extreme", "Immediate", "Likely", "역삼동 가스 누출, 반경 500 m 대피 (Gas leak, evacuate 500 m)",
                        "창문을 닫고 안내에 따라 대피 (Close windows, follow evacuation guidance)", sent,
                        sent.plus(2, ChronoUnit.HOURS), List.of(gasLeak), List.of()),
                new Warning("kma-coldwave-" + stamp, "kma.go.kr", sent, "Alert", List.of(), "한파주의보 Cold wave advisory",
                        "Moderate", "Expected", "Likely", "한파주의보 (Cold wave advisory)",
                        "수도관 동파 주의 (Protect water pipes from freezing)", sent, expires.plus(12, ChronoUnit.HOURS),
                        List.of(wholeCity), List.of()));
    }

    private static List<GeoPoint> ring(double... latLon) {
        List<GeoPoint> points = new java.util.ArrayList<>();
        for (int i = 0; i < latLon.length; i += 2) {
            points.add(new GeoPoint(latLon[i], latLon[i + 1]));
        }
        points.add(points.get(0));
        return points;
    }
}
