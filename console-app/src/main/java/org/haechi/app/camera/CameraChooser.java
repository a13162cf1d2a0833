package org.haechi.app.camera;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.haechi.core.asset.Asset;
import org.haechi.core.geo.GeoPoint;
import org.haechi.video.CameraSource;

/** Picks the cameras with a stream nearest to a point, nearest first. Stateless. */
public final class CameraChooser {
    private CameraChooser() {
    }

    public static List<CameraSource> nearestWithStream(GeoPoint point, Collection<Asset> cameras, int count) {
        return cameras.stream().filter(Asset::hasStream)
                .sorted(Comparator.comparingDouble(a -> a.location().distanceMetres(point)))
                .limit(count).map(CameraChooser::source).toList();
    }

    /** The camera as the wall plays it: its stream, and its smaller sub stream when the registry names one. */
    public static CameraSource source(Asset a) {
        return new CameraSource(a.id(), a.name() == null ? a.id() : a.name(), a.streamUrl(),
                a.attributes().get("subStreamUrl"));
    }
}
