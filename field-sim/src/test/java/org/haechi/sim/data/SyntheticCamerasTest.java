package org.haechi.sim.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.haechi.core.asset.Asset;
import org.haechi.core.asset.AssetKind;
import org.haechi.core.geo.GeoPoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

class SyntheticCamerasTest {
    private static final long SEED = 20_261_128L;
    private static SeoulData data;
    private static List<Asset> synthetic;
    private static List<Asset> again;

    @BeforeAll
    static void generate() throws Exception {
        data = SeoulData.load();
        synthetic = SyntheticCameras.generate(data, SEED);
        again = SyntheticCameras.generate(data, SEED);
    }

    @Test
    void realPlusSyntheticCamerasMakeSeoulsTotalOf122613() {
        assertThat(data.gangnamCameras().size() + synthetic.size()).isEqualTo(122_613);
    }

    @Test
    void everySyntheticCameraIsMarkedSynthetic() {
        assertThat(synthetic).allSatisfy(a -> {
            assertThat(a.isSynthetic()).as(a.id()).isTrue();
            assertThat(a.kind()).isEqualTo(AssetKind.CAMERA);
            assertThat(a.id()).startsWith("cam-syn-");
            assertThat(a.name()).contains("synthetic");
        });
    }

    @Test
    void syntheticIdsAreUniqueAndDistinctFromRealOnes() {
        Set<String> ids = synthetic.stream().map(Asset::id).collect(Collectors.toSet());

        assertThat(ids).hasSize(synthetic.size());
        assertThat(data.gangnamCameras()).noneMatch(a -> ids.contains(a.id()));
    }

    @Test
    void everySyntheticCameraLiesInsideItsDistrictPolygon() {
        GeometryFactory gf = new GeometryFactory();
        Map<String, PreparedGeometry> boundaries = new HashMap<>();
        data.districts().forEach(d -> boundaries.put(d.name(), PreparedGeometryFactory.prepare(d.boundary())));
        int checked = 0;
        for (Asset a : synthetic) {
            String district = a.attributes().get("district");
            assertThat(boundaries).as(a.id()).containsKey(district);
            GeoPoint p = a.location();
            boolean inside = boundaries.get(district).contains(gf.createPoint(new Coordinate(p.lon(), p.lat())));
            assertThat(inside).as("%s at %s inside %s", a.id(), p, district).isTrue();
            checked++;
        }
        assertThat(checked).isEqualTo(synthetic.size());
    }

    @Test
    void eachDistrictGetsItsRealCountLessTheKnownRealSites() {
        Map<String, Long> perDistrict = synthetic.stream()
                .collect(Collectors.groupingBy(a -> a.attributes().get("district"), Collectors.counting()));

        for (District d : data.districts()) {
            long expected = data.cameraCounts().get(d.name())
                    - (d.name().equals("강남구") ? data.gangnamCameras().size() : 0);
            assertThat(perDistrict.getOrDefault(d.name(), 0L)).as(d.name()).isEqualTo(expected);
        }
        assertThat(perDistrict.get("강남구")).isEqualTo(8_600L - 1_699L);
    }

    @Test
    void syntheticCamerasHavePlausibleFieldsOfView() {
        assertThat(synthetic).allSatisfy(a -> {
            assertThat(a.hasFieldOfView()).isTrue();
            assertThat(a.headingDeg()).isBetween(0.0, 359.0);
            assertThat(a.fovDeg()).isBetween(60.0, 90.0);
            assertThat(a.rangeM()).isBetween(40.0, 80.0);
        });
    }

    @Test
    void generationIsDeterministicForASeed() {
        assertThat(again).hasSameSizeAs(synthetic);
        for (int i = 0; i < synthetic.size(); i++) {
            Asset a = synthetic.get(i);
            Asset b = again.get(i);
            assertThat(b.id()).isEqualTo(a.id());
            assertThat(b.location()).as(a.id()).isEqualTo(a.location());
        }
        assertThat(again).isEqualTo(synthetic);
    }

    @Test
    void anotherSeedPlacesTheCamerasElsewhere() {
        // Same counts and ids, but none of the first hundred positions repeats.
        List<Asset> other = SyntheticCameras.generate(data, SEED + 1);

        assertThat(other).hasSameSizeAs(synthetic);
        assertThat(other.get(0).id()).isEqualTo(synthetic.get(0).id());
        Set<GeoPoint> first = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            first.add(synthetic.get(i).location());
        }
        assertThat(other.subList(0, 100)).extracting(Asset::location).noneMatch(first::contains);
    }
}
