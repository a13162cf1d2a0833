package org.haechi.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.haechi.core.asset.Asset;
import org.haechi.core.geo.GeoPoint;
import org.haechi.sim.data.SeoulData;
import org.haechi.sim.data.SyntheticCameras;

/** The simulated city's asset registry: real sites first, then synthetic cameras up to Seoul's real total. */
public final class SimRegistry {
    /** Gangnam station exit 10, near which the test streams are given to real cameras. */
    public static final GeoPoint STREAM_CENTRE = new GeoPoint(37.4979, 127.0276);
    private final List<Asset> realCameras;
    private final List<Asset> syntheticCameras;
    private final SeoulData data;

    public SimRegistry(SeoulData data, List<String> streamUrls) {
        this.data = data;
        this.realCameras = withStreams(data.gangnamCameras(), streamUrls);
        this.syntheticCameras = SyntheticCameras.generate(data, 20_261_128L);
    }

    /** Gives the streams to the real cameras nearest the stream centre, nearest first. */
    private static List<Asset> withStreams(List<Asset> cameras, List<String> urls) {
        List<Asset> nearest = cameras.stream()
                .sorted(Comparator.comparingDouble(a -> a.location().distanceMetres(STREAM_CENTRE)))
                .limit(urls.size()).toList();
        List<Asset> out = new ArrayList<>(cameras);
        for (int i = 0; i < nearest.size(); i++) {
            Asset a = nearest.get(i);
            Asset streamed = new Asset(a.kind(), a.id(), a.location(), a.name(), a.status(), urls.get(i),
                    a.headingDeg(), a.fovDeg(), a.rangeM(), a.attributes());
            out.set(out.indexOf(a), streamed);
        }
        return out;
    }

    public List<Asset> realCameras() {
        return realCameras;
    }

    /** Everything, in publishing order: streamed and real assets first so the map fills where it matters. */
    public List<Asset> all() {
        List<Asset> all = new ArrayList<>(realCameras.size() + syntheticCameras.size() + 4000);
        realCameras.stream().filter(Asset::hasStream).forEach(all::add);
        realCameras.stream().filter(a -> !a.hasStream()).forEach(all::add);
        all.addAll(data.schools());
        all.addAll(data.accessPoints());
        all.addAll(syntheticCameras);
        return all;
    }

    public SeoulData data() {
        return data;
    }
}
