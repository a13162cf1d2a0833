package org.haechi.app.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.haechi.core.asset.Asset;
import org.haechi.core.asset.AssetKind;
import org.haechi.core.asset.AssetStatus;
import org.haechi.core.geo.GeoPoint;
import org.haechi.core.position.TagPosition;
import org.haechi.map.query.ZoneContents;
import org.haechi.map.view.MapFeature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a drawn zone holds, people first: a list cut at 2,000 must not lose the tagged children behind thousands of
 * access points, and a tag not heard from for ten minutes is told apart (review, session 11). Worked out off the FX
 * thread.
 */
class ZoneContentsListTest {
    static final Instant NOW = Instant.parse("2026-11-29T05:00:00Z");
    static final GeoPoint HERE = new GeoPoint(37.5, 127.03);
    static final int ACCESS_POINTS = 2100;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void tagsComeFirstTheSilentOnesApartAndACutListSaysSo() throws Exception {
        AtomicReference<ConsoleMap> map = new AtomicReference<>();
        AtomicReference<List<MapFeature>> contents = new AtomicReference<>(List.of());
        FxToolkit.setupFixture(() -> {
            try {
                map.set(new ConsoleMap(false, Clock.fixed(NOW, ZoneOffset.UTC)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<Asset> many = new ArrayList<>();
            for (int i = 0; i < ACCESS_POINTS; i++) {
                many.add(new Asset(AssetKind.ACCESS_POINT, "ap-" + i, new GeoPoint(37.5 + i * 1e-7, 127.03),
                        "AP " + i, AssetStatus.ONLINE, null, 0, 0, 0, Map.of()));
            }
            map.get().putAssets(many);
            map.get().flushAssets();
            map.get().addFixes(List.of(new TagPosition("silent", NOW.minusSeconds(3600), HERE, 5),
                    new TagPosition("child-1", NOW.minusSeconds(20), HERE, 5)));
        });
        try {
            // The access points' index is built on the map's worker: ask until the answer holds them.
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
                FxToolkit.setupFixture(() -> map.get().contentsOf(ZoneContents.circle(HERE, 500), contents::set,
                        why -> { }));
                Thread.sleep(100);
                return contents.get().size() == ACCESS_POINTS + 2;
            });
            List<MapFeature> items = contents.get();
            assertThat(items.get(0).id()).isEqualTo("child-1");
            assertThat(ZoneContentsView.kindOf(items.get(0))).isEqualTo("TAG");
            assertThat(items.get(1).id()).isEqualTo("silent");
            assertThat(ZoneContentsView.kindOf(items.get(1))).isEqualTo("TAG_STALE");
            assertThat(items.subList(2, items.size())).allMatch(f -> ZoneContentsView.kindOf(f).equals("ACCESS_POINT"));

            AtomicReference<String> summary = new AtomicReference<>();
            AtomicReference<List<MapFeature>> listed = new AtomicReference<>();
            FxToolkit.setupFixture(() -> {
                ZoneContentsView view = new ZoneContentsView(f -> { },
                        ResourceBundle.getBundle("org.haechi.app.messages", Locale.ENGLISH));
                view.show("circle, radius 500 m", items);
                summary.set(view.summaryText());
                listed.set(view.items());
            });
            assertThat(summary.get()).isEqualTo("circle, radius 500 m (the first 2,000 of 2,102 listed)");
            assertThat(listed.get()).hasSize(2000).first().extracting(MapFeature::id).isEqualTo("child-1");
        } finally {
            FxToolkit.setupFixture(() -> map.get().close());
        }
    }

    /**
     * A coordinator picks a warning: who and what is inside its areas, a polygon and a circle that overlap, each once
     * and people first (review, session 11: only zones the operator drew could be asked).
     */
    @Test
    void whatIsInsideAWarningsAreasIsListedOnce() throws Exception {
        AtomicReference<ConsoleMap> map = new AtomicReference<>();
        AtomicReference<List<MapFeature>> contents = new AtomicReference<>(List.of());
        org.haechi.core.warning.WarningArea area = new org.haechi.core.warning.WarningArea("강남구",
                List.of(List.of(new GeoPoint(37.49, 127.02), new GeoPoint(37.49, 127.04), new GeoPoint(37.51, 127.04),
                        new GeoPoint(37.51, 127.02), new GeoPoint(37.49, 127.02))),
                List.of(new org.haechi.core.warning.WarningArea.Circle(HERE, 0.5)), List.of());
        org.haechi.core.warning.Warning warning = new org.haechi.core.warning.Warning("W-1", "kma", NOW, "Alert",
                List.of(), "호우경보", "Severe", "Immediate", "Likely", "호우경보", null, NOW, null, List.of(area),
                List.of());
        FxToolkit.setupFixture(() -> {
            try {
                map.set(new ConsoleMap(false, Clock.fixed(NOW, ZoneOffset.UTC)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            map.get().putAssets(List.of(new Asset(AssetKind.CAMERA, "cam-1", HERE, "cam", AssetStatus.ONLINE, null,
                    0, 60, 80, Map.of()), new Asset(AssetKind.SCHOOL, "far-school", new GeoPoint(37.6, 127.0), "far",
                    AssetStatus.ONLINE, null, 0, 0, 0, Map.of())));
            map.get().flushAssets();
            map.get().addFixes(List.of(new TagPosition("child-1", NOW.minusSeconds(20), HERE, 5)));
        });
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
                FxToolkit.setupFixture(() -> map.get().contentsOf(warning, contents::set, why -> { }));
                Thread.sleep(100);
                return contents.get().size() == 2;
            });
            assertThat(contents.get()).extracting(MapFeature::id).containsExactly("child-1", "cam-1");
        } finally {
            FxToolkit.setupFixture(() -> map.get().close());
        }
    }
}
