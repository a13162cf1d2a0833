package org.haechi.sim.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.haechi.core.asset.Asset;
import org.haechi.core.asset.AssetKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

class SeoulDataTest {
    private static SeoulData data;

    @BeforeAll
    static void load() throws Exception {
        data = SeoulData.load();
    }

    private static Set<String> ids(List<Asset> assets) {
        return assets.stream().map(Asset::id).collect(Collectors.toSet());
    }

    @Test
    void loadsTheTwentyFiveDistrictsWithBoundaries() {
        List<District> districts = data.districts();

        assertThat(districts).hasSize(25);
        assertThat(districts).extracting(District::name).doesNotHaveDuplicates().allMatch(n -> n.endsWith("구"))
                .contains("강남구", "종로구", "중구", "송파구");
        assertThat(districts).extracting(District::code).doesNotHaveDuplicates().allMatch(c -> c.startsWith("11"));
        assertThat(districts).extracting(District::nameEng).contains("Gangnam-gu", "Jongno-gu");
        for (District d : districts) {
            assertThat(d.boundary().isEmpty()).as(d.name()).isFalse();
            assertThat(d.boundary().getArea()).as(d.name()).isPositive();
            // x = lon, y = lat, inside a box around Seoul
            assertThat(d.boundary().getEnvelopeInternal().getMinX()).as(d.name()).isGreaterThan(126.7);
            assertThat(d.boundary().getEnvelopeInternal().getMaxX()).as(d.name()).isLessThan(127.3);
            assertThat(d.boundary().getEnvelopeInternal().getMinY()).as(d.name()).isGreaterThan(37.4);
            assertThat(d.boundary().getEnvelopeInternal().getMaxY()).as(d.name()).isLessThan(37.8);
        }
    }

    @Test
    void loadsThe1699GangnamCctvSitesWithUniqueIds() {
        List<Asset> cameras = data.gangnamCameras();

        assertThat(cameras).hasSize(1_699);
        assertThat(ids(cameras)).hasSize(1_699);
        assertThat(cameras).allSatisfy(a -> {
            assertThat(a.kind()).isEqualTo(AssetKind.CAMERA);
            assertThat(a.id()).startsWith("cam-gn-");
            assertThat(a.isSynthetic()).isFalse();
            assertThat(a.attributes()).containsEntry("district", "강남구");
            assertThat(a.hasStream()).isFalse();
        });
    }

    @Test
    void gangnamCctvSitesLieInOrRightBesideGangnam() {
        Geometry gangnam = data.districts().stream().filter(d -> d.name().equals("강남구")).findFirst()
                .orElseThrow().boundary();
        GeometryFactory gf = new GeometryFactory();
        // The 2017 registry and the 2018 boundary are independent sources; allow sites on the border.
        Geometry nearGangnam = gangnam.buffer(0.005);

        assertThat(data.gangnamCameras()).allSatisfy(a -> assertThat(
                nearGangnam.contains(gf.createPoint(new Coordinate(a.location().lon(), a.location().lat()))))
                .as("%s at %s", a.id(), a.location()).isTrue());
    }

    @Test
    void loadsThe3034AccessPointsWithUniqueIds() {
        List<Asset> aps = data.accessPoints();

        assertThat(aps).hasSize(3_034);
        assertThat(ids(aps)).hasSize(3_034);
        assertThat(aps).allSatisfy(a -> assertThat(a.kind()).isEqualTo(AssetKind.ACCESS_POINT));
    }

    @Test
    void loadsThe605ElementarySchoolsWithUniqueIds() {
        List<Asset> schools = data.schools();

        assertThat(schools).hasSize(605);
        assertThat(ids(schools)).hasSize(605);
        assertThat(schools).allSatisfy(a -> {
            assertThat(a.kind()).isEqualTo(AssetKind.SCHOOL);
            assertThat(a.id()).startsWith("school-");
            assertThat(a.name()).isNotBlank();
        });
    }

    @Test
    void idsAreUniqueAcrossAllKinds() {
        int total = data.gangnamCameras().size() + data.accessPoints().size() + data.schools().size();
        Set<String> all = new java.util.HashSet<>();
        all.addAll(ids(data.gangnamCameras()));
        all.addAll(ids(data.accessPoints()));
        all.addAll(ids(data.schools()));

        assertThat(all).hasSize(total);
    }

    @Test
    void cameraCountsAddUpToSeoulsTotalAndGangnamHas8600() {
        Map<String, Integer> counts = data.cameraCounts();

        assertThat(counts).hasSize(25).containsEntry("강남구", 8_600).containsEntry("중구", 3_427)
                .containsEntry("종로구", 3_125).doesNotContainKey("계");
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(122_613);
    }

    @Test
    void everyDistrictHasACameraCountUnderTheSameName() {
        assertThat(data.cameraCounts().keySet())
                .containsExactlyInAnyOrderElementsOf(data.districts().stream().map(District::name).toList());
    }
}
