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
import java.util.concurrent.atomic.AtomicReference;
import org.haechi.core.geo.GeoPoint;
import org.haechi.core.position.TagPosition;
import org.haechi.map.query.ZoneContents;
import org.haechi.map.view.MapFeature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * What a drawn zone holds, people first: a list cut at 2,000 must not lose the tagged children behind thousands of
 * access points, and a tag not heard from for ten minutes is told apart (review, session 11).
 */
class ZoneContentsListTest {
    static final Instant NOW = Instant.parse("2026-11-29T05:00:00Z");
    static final GeoPoint HERE = new GeoPoint(37.5, 127.03);

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void tagsComeFirstTheSilentOnesApartAndACutListSaysSo() throws Exception {
        AtomicReference<List<MapFeature>> contents = new AtomicReference<>();
        AtomicReference<String> summary = new AtomicReference<>();
        ResourceBundle text = ResourceBundle.getBundle("org.haechi.app.messages", Locale.ENGLISH);
        FxToolkit.setupFixture(() -> {
            try (ConsoleMap map = new ConsoleMap(false, Clock.fixed(NOW, ZoneOffset.UTC))) {
                map.addFixes(List.of(new TagPosition("silent", NOW.minusSeconds(3600), HERE, 5),
                        new TagPosition("child-1", NOW.minusSeconds(20), HERE, 5)));
                map.contentsOf(ZoneContents.circle(HERE, 500), contents::set);
                Thread.sleep(500); // the map's worker, then the FX thread, which this fixture holds
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        for (int i = 0; i < 100 && contents.get() == null; i++) {
            Thread.sleep(50);
        }
        assertThat(contents.get()).hasSize(2);
        assertThat(contents.get().get(0).id()).isEqualTo("child-1");
        assertThat(ZoneContentsView.kindOf(contents.get().get(1))).isEqualTo("TAG_STALE");
        FxToolkit.setupFixture(() -> {
            ZoneContentsView view = new ZoneContentsView(f -> { }, text);
            List<MapFeature> items = new ArrayList<>(contents.get());
            for (int i = items.size(); i < 2102; i++) {
                items.add(new MapFeature("access points", "x-" + i, "AP", Map.of("kind", "ACCESS_POINT"), 37.5,
                        127.03));
            }
            view.show("circle, radius 500 m", items);
            summary.set(view.summaryText());
            assertThat(view.items()).hasSize(2000);
            assertThat(view.items().get(0).id()).isEqualTo("child-1");
        });
        assertThat(summary.get()).isEqualTo("circle, radius 500 m (the first 2,000 of 2,102 listed)");
    }
}
