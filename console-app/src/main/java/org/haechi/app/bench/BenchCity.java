package org.haechi.app.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.haechi.core.asset.Asset;
import org.haechi.core.asset.AssetKind;
import org.haechi.core.asset.AssetStatus;
import org.haechi.core.geo.GeoPoint;
import org.haechi.core.warning.Warning;
import org.haechi.core.warning.WarningArea;
import org.haechi.sim.data.District;
import org.haechi.sim.data.SeoulData;
import org.haechi.sim.data.SyntheticCameras;
import org.haechi.sim.traffic.TagWalker;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The whole-Seoul benchmark scene: 122,613 cameras, 10,430 access points (3,034 real), 605 schools, 5,000 walking
 * tags and 20 disaster zones. Deterministic.
 */
final class BenchCity {
    static final int ACCESS_POINTS = 10_430;
    static final int TAGS = 5_000;
    static final int ZONES = 20;
    final List<Asset> assets = new ArrayList<>();
    final List<Warning> zones = new ArrayList<>();
    final TagWalker walker;

    BenchCity() throws Exception {
        SeoulData data = SeoulData.load();
        assets.addAll(data.gangnamCameras());
        assets.addAll(SyntheticCameras.generate(data, 20_261_128L));
        assets.addAll(data.accessPoints());
        assets.addAll(syntheticAccessPoints(data, ACCESS_POINTS - data.accessPoints().size()));
        assets.addAll(data.schools());
        List<GeoPoint> sites = assets.stream().filter(a -> !a.isSynthetic() || a.kind() == AssetKind.CAMERA)
                .limit(60_000).map(Asset::location).toList();
        walker = new TagWalker(sites, data.schools().stream().map(Asset::location).toList(), TAGS, 3);
        zones.addAll(zones(data, new Random(5)));
    }

    long count(AssetKind kind) {
        return assets.stream().filter(a -> a.kind() == kind).count();
    }

    private static List<Asset> syntheticAccessPoints(SeoulData data, int n) {
        Random random = new Random(17);
        GeometryFactory gf = new GeometryFactory();
        List<Asset> out = new ArrayList<>();
        List<District> districts = data.districts();
        for (int i = 0; i < n; i++) {
            District d = districts.get(random.nextInt(districts.size()));
            Envelope env = d.boundary().getEnvelopeInternal();
            Coordinate c;
            do {
                c = new Coordinate(env.getMinX() + random.nextDouble() * env.getWidth(),
                        env.getMinY() + random.nextDouble() * env.getHeight());
            } while (!d.boundary().contains(gf.createPoint(c)));
            out.add(new Asset(AssetKind.ACCESS_POINT, "ap-syn-" + i, new GeoPoint(c.y, c.x), "synthetic AP " + i,
                    random.nextInt(20) == 0 ? AssetStatus.OFFLINE : AssetStatus.ONLINE, null, Double.NaN, Double.NaN,
                    Double.NaN, Map.of("synthetic", "true")));
        }
        return out;
    }

    private static List<Warning> zones(SeoulData data, Random random) {
        List<Warning> out = new ArrayList<>();
        Instant now = Instant.now();
        String[] severities = {"Extreme", "Severe", "Moderate", "Minor"};
        for (int i = 0; i < ZONES; i++) {
            Envelope env = data.districts().get(i % data.districts().size()).boundary().getEnvelopeInternal();
            GeoPoint c = new GeoPoint(env.centre().y, env.centre().x);
            WarningArea area;
            if (i % 2 == 0) {
                area = new WarningArea("zone " + i, List.of(), List.of(new WarningArea.Circle(c, 0.5 + random
                        .nextDouble() * 1.5)), List.of());
            } else {
                double d = 0.01 + random.nextDouble() * 0.02;
                area = new WarningArea("zone " + i, List.of(List.of(new GeoPoint(c.lat() - d, c.lon() - d),
                        new GeoPoint(c.lat() - d, c.lon() + d), new GeoPoint(c.lat() + d, c.lon() + d * 1.5),
                        new GeoPoint(c.lat() + d, c.lon() - d), new GeoPoint(c.lat() - d, c.lon() - d))), List.of(),
                        List.of());
            }
            out.add(new Warning("bench-" + i, "bench", now, "Alert", List.of(), "Zone " + i,
                    severities[i % 4], "Immediate", "Observed", "Benchmark zone " + i, "", now,
                    now.plusSeconds(3600), List.of(area), List.of()));
        }
        return out;
    }
}
