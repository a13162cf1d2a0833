package org.haechi.app.camera;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.haechi.core.asset.Asset;
import org.haechi.core.geo.GeoPoint;
import org.haechi.video.CameraSource;

/**
 * The camera wall of a console that has just started, before an alarm or the operator has chosen cameras: the
 * streamed cameras nearest a point go on the empty tiles as the camera registry brings them in. The registry arrives
 * in batches over tens of seconds, so a wall filled once, from the first batch, kept empty tiles for good. Stops for
 * good at the first sign of a choice: a selected alarm, or a tile that no longer shows what this fill put there.
 * FX thread (called from the console's one-second tick).
 */
public final class StartupWallFill {
    private final GeoPoint centre;
    private final Map<Integer, String> placed = new HashMap<>();
    private boolean done;

    public StartupWallFill(GeoPoint centre) {
        this.centre = centre;
    }

    /**
     * The cameras to put on empty tiles now, by position.
     *
     * @param shown         the wall's cameras by position, null for an empty tile
     * @param streamed      the cameras with a stream known so far
     * @param alarmSelected whether the operator has an alarm selected (its cameras are the wall's business then)
     */
    public Map<Integer, CameraSource> next(List<CameraSource> shown, Collection<Asset> streamed,
                                           boolean alarmSelected) {
        if (done) {
            return Map.of();
        }
        if (alarmSelected || !showsOnlyWhatWasPlaced(shown)) {
            done = true;
            return Map.of();
        }
        Set<String> onWall = new HashSet<>(placed.values());
        Iterator<CameraSource> candidates = CameraChooser.nearestWithStream(centre, streamed,
                shown.size() + onWall.size()).stream().filter(c -> !onWall.contains(c.cameraId())).iterator();
        Map<Integer, CameraSource> out = new LinkedHashMap<>();
        for (int p = 0; p < shown.size() && candidates.hasNext(); p++) {
            if (shown.get(p) == null) {
                CameraSource c = candidates.next();
                out.put(p, c);
                placed.put(p, c.cameraId());
            }
        }
        done = placed.size() == shown.size();
        return out;
    }

    /** Whether the fill has stopped (the wall is full, or someone chose cameras). */
    public boolean isDone() {
        return done;
    }

    private boolean showsOnlyWhatWasPlaced(List<CameraSource> shown) {
        for (int p = 0; p < shown.size(); p++) {
            String id = shown.get(p) == null ? null : shown.get(p).cameraId();
            if (!Objects.equals(id, placed.get(p))) {
                return false;
            }
        }
        return placed.keySet().stream().allMatch(p -> p < shown.size());
    }
}
