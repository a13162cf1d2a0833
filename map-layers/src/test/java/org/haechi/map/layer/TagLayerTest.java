package org.haechi.map.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.haechi.core.geo.GeoPoint;
import org.haechi.core.position.TagPosition;
import org.junit.jupiter.api.Test;

/** The map keeps each tag's newest fix, and a device clock far ahead does not freeze the tag (review, session 11). */
class TagLayerTest {
    static final Instant NOW = Instant.parse("2026-11-28T05:10:00Z");
    final TagLayer tags = new TagLayer(10, Clock.fixed(NOW, ZoneOffset.UTC));

    static TagPosition fix(Instant at, double lat) {
        return new TagPosition("tag-1", at, new GeoPoint(lat, 127.0), 5);
    }

    @Test
    void anOlderFixIsIgnoredButOneFarAheadIsReplacedByTheNext() {
        tags.addFixes(List.of(fix(NOW.minusSeconds(10), 37.51), fix(NOW.minusSeconds(20), 37.40)));
        assertThat(tags.latest()).extracting(p -> p.location().lat()).containsExactly(37.51);

        tags.addFixes(List.of(fix(Instant.parse("2099-01-01T00:00:00Z"), 37.0)));
        assertThat(tags.latest()).extracting(p -> p.location().lat()).containsExactly(37.0);
        tags.addFixes(List.of(fix(NOW.minusSeconds(5), 37.52)));
        assertThat(tags.latest()).extracting(p -> p.location().lat()).containsExactly(37.52);

        tags.addFixes(List.of(fix(NOW.plus(TagPosition.MAX_AHEAD), 37.53), fix(NOW.minusSeconds(1), 37.54)));
        assertThat(tags.latest()).as("a fix just inside the bound still orders").extracting(p -> p.location().lat())
                .containsExactly(37.53);
    }

    /** A tag not heard from for ten minutes says so: its position is where it was, not where it is. */
    @Test
    void aTagSilentForTenMinutesIsMarkedStale() {
        tags.addFixes(List.of(new TagPosition("fresh", NOW.minusSeconds(30), new GeoPoint(37.50, 127.0), 5),
                new TagPosition("silent", NOW.minus(TagLayer.STALE_AFTER).minusSeconds(60),
                        new GeoPoint(37.51, 127.0), 5)));
        org.haechi.map.view.Viewport v = new org.haechi.map.view.Viewport(
                org.haechi.map.view.WebMercator.x(127.0), org.haechi.map.view.WebMercator.y(37.505), 2, 800, 2000);
        assertThat(tags.hit(v, v.screenX(org.haechi.map.view.WebMercator.x(127.0)),
                v.screenY(org.haechi.map.view.WebMercator.y(37.51)))).hasValueSatisfying(f ->
                assertThat(f.title()).isEqualTo("Tagged person silent (no fix for 11 min)"));
        assertThat(tags.hit(v, v.screenX(org.haechi.map.view.WebMercator.x(127.0)),
                v.screenY(org.haechi.map.view.WebMercator.y(37.50)))).hasValueSatisfying(f ->
                assertThat(f.title()).isEqualTo("Tagged person fresh"));
    }
}
