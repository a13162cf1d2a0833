package org.haechi.app.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.haechi.core.geo.GeoPoint;
import org.haechi.core.warning.Warning;
import org.haechi.core.warning.WarningArea;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * A warning whose area is given only by geocodes has no shape on the map; the list of warnings in force is where the
 * coordinator sees it (review, session 10: such warnings were stored but shown nowhere).
 */
class WarningsInForceViewTest {
    static final ResourceBundle EN = ResourceBundle.getBundle("org.haechi.app.messages", Locale.ENGLISH);
    static final ResourceBundle KO = ResourceBundle.getBundle("org.haechi.app.messages", Locale.KOREAN);
    static final Instant SENT = Instant.parse("2026-07-15T04:55:00Z");

    static Warning warning(List<WarningArea> areas) {
        return new Warning("KMA-1", "weather@kma.go.kr", SENT, "Alert", List.of(), "호우경보", "Severe", "Immediate",
                "Likely", "서울 동남권 호우경보", null, SENT, null, areas, List.of());
    }

    @Test
    void theEndOfValidityLeadsTheSecondLine() {
        Warning w = new Warning("KMA-2", "weather@kma.go.kr", SENT, "Alert", List.of(), "한파주의보", null, null, null,
                null, null, SENT, SENT.plusSeconds(3600), List.of(new WarningArea("서울", List.of(), List.of(),
                List.of())), List.of());
        assertThat(WarningsInForceView.describe(w, EN)).startsWith("한파주의보\nuntil ").endsWith(" · [no map area] 서울");
    }

    @Test
    void anAreaGivenOnlyByGeocodesIsListedAndMarkedAsHavingNoMapArea() {
        Warning w = warning(List.of(new WarningArea("서울특별시 강남구", List.of(), List.of(),
                List.of("KMA_ZONE=11B10101"))));
        assertThat(WarningsInForceView.describe(w, EN)).isEqualTo(
                "Severe · 서울 동남권 호우경보\n[no map area] 서울특별시 강남구 (KMA_ZONE=11B10101)");
        assertThat(WarningsInForceView.describe(w, KO)).endsWith("\n[지도 영역 없음] 서울특별시 강남구 (KMA_ZONE=11B10101)");
        assertThat(WarningsInForceView.anchor(w)).isNull();
    }

    @Test
    void anAreaWithAShapeIsNamedAndCentresTheMapOnIt() {
        GeoPoint centre = new GeoPoint(37.4979, 127.0276);
        Warning w = warning(List.of(new WarningArea("", List.of(), List.of(), List.of("KMA_ZONE=11B10102")),
                new WarningArea("강남역", List.of(), List.of(new WarningArea.Circle(centre, 1.5)), List.of())));
        assertThat(WarningsInForceView.describe(w, EN))
                .endsWith("\n[no map area] KMA_ZONE=11B10102; 강남역");
        assertThat(WarningsInForceView.anchor(w)).isEqualTo(centre);
    }

    /**
     * The status tick hands the list the warnings in force every second: an unchanged set keeps the operator's pick
     * (and does not centre the map again); a new one replaces the rows and the count.
     */
    @Test
    void aRefreshWithTheSameWarningsKeepsThePickAndANewSetReplacesIt() throws Exception {
        FxToolkit.registerPrimaryStage();
        List<GeoPoint> centred = new CopyOnWriteArrayList<>();
        GeoPoint centre = new GeoPoint(37.4979, 127.0276);
        Warning withShape = warning(List.of(new WarningArea("강남역", List.of(),
                List.of(new WarningArea.Circle(centre, 1.5)), List.of())));
        Warning geocodesOnly = warning(List.of(new WarningArea("서울", List.of(), List.of(), List.of("KOSTAT=11"))));
        AtomicReference<WarningsInForceView> view = new AtomicReference<>();
        try {
            FxToolkit.setupFixture(() -> {
                WarningsInForceView v = new WarningsInForceView(centred::add, w -> { }, EN);
                Stage stage = new Stage();
                stage.setScene(new Scene(v, 300, 200));
                stage.show();
                v.show(List.of(withShape));
                view.set(v);
            });
            ListView<?> list = (ListView<?>) view.get().lookup("#warnings-list");
            FxToolkit.setupFixture(() -> list.getSelectionModel().select(0));
            assertThat(centred).containsExactly(centre);
            FxToolkit.setupFixture(() -> view.get().show(List.of(withShape)));
            assertThat(list.getSelectionModel().getSelectedIndex()).isZero();
            assertThat(centred).hasSize(1);
            FxToolkit.setupFixture(() -> view.get().show(List.of(withShape, geocodesOnly)));
            assertThat(view.get().shown()).containsExactly(withShape, geocodesOnly);
            assertThat(((Label) view.get().lookup("#warnings-title")).getText()).isEqualTo("Warnings in force: 2");
        } finally {
            FxToolkit.cleanupStages();
        }
    }
}
