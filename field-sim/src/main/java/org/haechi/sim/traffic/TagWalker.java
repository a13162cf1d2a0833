package org.haechi.sim.traffic;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.haechi.core.geo.GeoPoint;
import org.haechi.core.position.TagPosition;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Moves tagged children on foot between real street-side sites (CCTV sites, WiFi spots, schools): each walks from
 * site to a nearby site at a walking pace. No road network is shipped, so paths are straight between sites that
 * stand on streets. Single-threaded (the simulator's thread).
 */
public final class TagWalker {
    private static final double METRES_PER_DEG_LAT = 111_320;
    private final STRtree sites = new STRtree();
    private final List<Tag> tags = new ArrayList<>();
    private final Random random;

    public TagWalker(List<GeoPoint> waypoints, List<GeoPoint> homes, int count, long seed) {
        random = new Random(seed);
        waypoints.forEach(p -> sites.insert(new Envelope(p.lon(), p.lon(), p.lat(), p.lat()), p));
        sites.build();
        for (int i = 0; i < count; i++) {
            GeoPoint home = homes.get(random.nextInt(homes.size()));
            tags.add(new Tag(String.format("tag-%06d", i + 1), home, nextSite(home), 0.9 + random.nextDouble()));
        }
    }

    /** Advances every tag by {@code seconds} and returns their fixes at {@code now}. */
    public List<TagPosition> step(double seconds, Instant now) {
        List<TagPosition> fixes = new ArrayList<>(tags.size());
        for (Tag t : tags) {
            t.advance(seconds * t.speed);
            fixes.add(new TagPosition(t.id, now, t.at, 5 + random.nextInt(20)));
        }
        return fixes;
    }

    /** Where a tag is now (for SOS alarms). */
    public TagPosition randomTag(Instant now) {
        Tag t = tags.get(random.nextInt(tags.size()));
        return new TagPosition(t.id, now, t.at, 8);
    }

    /** A random site near {@code from}: within 400 m, else within a wider box, doubling up to 6.4 km. */
    private GeoPoint nextSite(GeoPoint from) {
        for (double metres = 400; metres <= 6400; metres *= 2) {
            double d = metres / METRES_PER_DEG_LAT;
            @SuppressWarnings("unchecked")
            List<GeoPoint> near = sites.query(new Envelope(from.lon() - d * 1.26, from.lon() + d * 1.26,
                    from.lat() - d, from.lat() + d));
            near.removeIf(p -> p.equals(from));
            if (!near.isEmpty()) {
                return near.get(random.nextInt(near.size()));
            }
        }
        return from;
    }

    private final class Tag {
        final String id;
        final double speed;
        GeoPoint at;
        GeoPoint target;

        Tag(String id, GeoPoint at, GeoPoint target, double speed) {
            this.id = id;
            this.at = at;
            this.target = target;
            this.speed = speed;
        }

        void advance(double metres) {
            double left = at.distanceMetres(target);
            if (left <= metres || left < 1) {
                at = target;
                target = nextSite(at);
                return;
            }
            double f = metres / left;
            at = new GeoPoint(at.lat() + (target.lat() - at.lat()) * f, at.lon() + (target.lon() - at.lon()) * f);
        }
    }
}
