package org.haechi.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.haechi.core.asset.Asset;
import org.haechi.core.asset.AssetKind;
import org.haechi.sim.data.SeoulData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SimRegistryTest {
    private static final List<String> URLS = List.of("rtsp://127.0.0.1:8554/cam1", "rtsp://127.0.0.1:8554/cam2",
            "rtsp://127.0.0.1:8554/cam3", "rtsp://127.0.0.1:8554/cam4");
    private static SeoulData data;
    private static SimRegistry registry;

    @BeforeAll
    static void build() throws Exception {
        data = SeoulData.load();
        registry = new SimRegistry(data, URLS);
    }

    private static double distance(Asset a) {
        return a.location().distanceMetres(SimRegistry.STREAM_CENTRE);
    }

    @Test
    void streamsGoToTheRealCamerasNearestTheStreamCentre() {
        List<Asset> real = registry.realCameras();
        List<Asset> streamed = real.stream().filter(Asset::hasStream).toList();
        List<Asset> plain = real.stream().filter(a -> !a.hasStream()).toList();

        assertThat(real).hasSize(1_699);
        assertThat(streamed).hasSize(URLS.size());
        assertThat(streamed).extracting(Asset::streamUrl).containsExactlyInAnyOrderElementsOf(URLS);
        double farthestStreamed = streamed.stream().mapToDouble(SimRegistryTest::distance).max().orElseThrow();
        double nearestPlain = plain.stream().mapToDouble(SimRegistryTest::distance).min().orElseThrow();
        assertThat(farthestStreamed).isLessThanOrEqualTo(nearestPlain);
        // Gangnam station exit 10 has CCTV sites within a few hundred metres.
        assertThat(farthestStreamed).isLessThan(500);
    }

    @Test
    void theFirstStreamGoesToTheNearestCameraAndSoOn() {
        List<Asset> streamed = registry.realCameras().stream().filter(Asset::hasStream).toList();
        List<Asset> byUrl = URLS.stream()
                .map(u -> streamed.stream().filter(a -> a.streamUrl().equals(u)).findFirst().orElseThrow())
                .toList();

        for (int i = 1; i < byUrl.size(); i++) {
            assertThat(distance(byUrl.get(i - 1))).as("stream %d", i).isLessThanOrEqualTo(distance(byUrl.get(i)));
        }
    }

    @Test
    void streamedCamerasKeepTheirIdentityAndEverythingElse() {
        Map<String, Asset> original = data.gangnamCameras().stream()
                .collect(Collectors.toMap(Asset::id, a -> a));
        List<Asset> real = registry.realCameras();

        for (int i = 0; i < real.size(); i++) {
            Asset a = real.get(i);
            Asset o = data.gangnamCameras().get(i);
            assertThat(a.id()).as("order kept").isEqualTo(o.id());
            assertThat(a.location()).isEqualTo(original.get(a.id()).location());
            assertThat(a.attributes()).isEqualTo(o.attributes());
            if (!a.hasStream()) {
                assertThat(a).isEqualTo(o);
            }
        }
    }

    @Test
    void allHoldsEveryCameraAccessPointAndSchool() {
        List<Asset> all = registry.all();
        Map<AssetKind, Long> byKind = all.stream()
                .collect(Collectors.groupingBy(Asset::kind, Collectors.counting()));

        assertThat(all).hasSize(122_613 + 3_034 + 605);
        assertThat(byKind).containsOnly(Map.entry(AssetKind.CAMERA, 122_613L),
                Map.entry(AssetKind.ACCESS_POINT, 3_034L), Map.entry(AssetKind.SCHOOL, 605L));
        Set<String> ids = all.stream().map(Asset::id).collect(Collectors.toSet());
        assertThat(ids).hasSize(all.size());
        assertThat(all.stream().filter(Asset::isSynthetic).count()).isEqualTo(122_613L - 1_699L);
    }

    @Test
    void allListsStreamedCamerasFirstThenRealSitesThenSynthetic() {
        List<Asset> all = registry.all();

        assertThat(all.subList(0, URLS.size())).allMatch(Asset::hasStream);
        assertThat(all.subList(URLS.size(), all.size())).noneMatch(Asset::hasStream);
        int firstSynthetic = 0;
        while (!all.get(firstSynthetic).isSynthetic()) {
            firstSynthetic++;
        }
        assertThat(firstSynthetic).isEqualTo(1_699 + 605 + 3_034);
        assertThat(all.subList(firstSynthetic, all.size())).allMatch(Asset::isSynthetic);
    }
}
