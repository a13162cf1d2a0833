package org.haechi.sim.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.haechi.core.asset.Asset;
import org.haechi.core.asset.AssetKind;
import org.haechi.core.asset.AssetStatus;
import org.haechi.core.geo.GeoPoint;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Places synthetic cameras inside each district, as many as the district's real 2025 count (less the real sites
 * already known there), so the city holds its real total. Every one is marked {@code synthetic=true}.
 * Deterministic for a seed.
 */
public final class SyntheticCameras {
    private SyntheticCameras() {
    }

    public static List<Asset> generate(SeoulData data, long seed) {
        Random random = new Random(seed);
        GeometryFactory gf = new GeometryFactory();
        Map<String, Integer> counts = data.cameraCounts();
        long realInGangnam = data.gangnamCameras().size();
        List<Asset> out = new ArrayList<>();
        for (District d : data.districts()) {
            int target = counts.getOrDefault(d.name(), 0) - (int) (d.name().equals("강남구") ? realInGangnam : 0);
            PreparedGeometry inside = PreparedGeometryFactory.prepare(d.boundary());
            Envelope env = d.boundary().getEnvelopeInternal();
            for (int i = 1; i <= target; i++) {
                Coordinate c;
                do {
                    c = new Coordinate(env.getMinX() + random.nextDouble() * env.getWidth(),
                            env.getMinY() + random.nextDouble() * env.getHeight());
                } while (!inside.contains(gf.createPoint(c)));
                out.add(new Asset(AssetKind.CAMERA, "cam-syn-" + d.code() + "-" + i, new GeoPoint(c.y, c.x),
                        d.nameEng() + " synthetic camera " + i, AssetStatus.ONLINE, null,
                        random.nextInt(360), 60 + random.nextInt(31), 40 + random.nextInt(41),
                        Map.of("synthetic", "true", "district", d.name(),
                                "source", "synthetic, placed in proportion to Seoul's 2025 per-district count")));
            }
        }
        return out;
    }
}
