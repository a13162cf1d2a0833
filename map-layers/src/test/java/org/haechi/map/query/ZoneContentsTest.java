package org.haechi.map.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.haechi.core.asset.Asset;
import org.haechi.core.asset.AssetKind;
import org.haechi.core.asset.AssetStatus;
import org.haechi.core.geo.GeoPoint;
import org.haechi.core.position.TagPosition;
import org.haechi.map.layer.PointIndex;
import org.junit.jupiter.api.Test;

class ZoneContentsTest {
    static Asset school(String id, double lat, double lon) {
        return new Asset(AssetKind.SCHOOL, id, new GeoPoint(lat, lon), id, AssetStatus.ONLINE, null, Double.NaN,
                Double.NaN, Double.NaN, Map.of());
    }

    @Test
    void polygonZoneListsTheAssetsAndTagsInsideIt() {
        ZoneContents zone = ZoneContents.polygon(List.of(new GeoPoint(37.50, 127.00), new GeoPoint(37.50, 127.05),
                new GeoPoint(37.53, 127.05), new GeoPoint(37.53, 127.00)));
        PointIndex index = new PointIndex(List.of(school("in", 37.51, 127.02), school("out", 37.56, 127.02),
                school("edge-out", 37.5301, 127.02)));
        assertThat(zone.assetsIn(index)).extracting(Asset::id).containsExactly("in");
        List<TagPosition> tags = List.of(new TagPosition("t-in", Instant.EPOCH, new GeoPoint(37.52, 127.04), 5),
                new TagPosition("t-out", Instant.EPOCH, new GeoPoint(37.49, 127.04), 5));
        assertThat(zone.tagsIn(tags)).extracting(TagPosition::personId).containsExactly("t-in");
    }

    @Test
    void circleZoneUsesGroundMetres() {
        GeoPoint centre = new GeoPoint(37.5, 127.0);
        ZoneContents zone = ZoneContents.circle(centre, 300);
        double lonPer100m = 100 / (111_320.0 * Math.cos(Math.toRadians(37.5)));
        assertThat(zone.contains(new GeoPoint(37.5, 127.0 + 2.8 * lonPer100m))).isTrue();
        assertThat(zone.contains(new GeoPoint(37.5, 127.0 + 3.2 * lonPer100m))).isFalse();
    }
}
