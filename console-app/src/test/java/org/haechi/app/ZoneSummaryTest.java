package org.haechi.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.haechi.map.view.MapFeature;
import org.junit.jupiter.api.Test;

/** A zone's summary counts by kind, people first, in the operator's language. */
class ZoneSummaryTest {
    static MapFeature of(String kind) {
        return new MapFeature("x", "id", "t", Map.of("kind", kind), 37.5, 127.0);
    }

    @Test
    void countsByKindPeopleFirstInTheOperatorsLanguage() {
        List<MapFeature> items = List.of(of("ACCESS_POINT"), of("CAMERA"), of("TAG"), of("ACCESS_POINT"),
                of("TAG_STALE"), of("LAMP_POST"));
        assertThat(ZoneSummary.of(items, ResourceBundle.getBundle("org.haechi.app.messages", Locale.ENGLISH)))
                .isEqualTo("tagged people: 1, tagged people with no fix for 10 min or more: 1, cameras: 1, "
                        + "access points: 2, LAMP_POST: 1");
        assertThat(ZoneSummary.of(items, ResourceBundle.getBundle("org.haechi.app.messages", Locale.KOREAN)))
                .isEqualTo("위치 태그 1, 10분 이상 위치 미수신 태그 1, CCTV 1, 공공 와이파이 2, LAMP_POST 1");
        assertThat(ZoneSummary.of(List.of(), ResourceBundle.getBundle("org.haechi.app.messages", Locale.KOREAN)))
                .isEqualTo("구역 안에 없음");
    }
}
