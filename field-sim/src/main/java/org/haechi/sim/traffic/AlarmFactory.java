package org.haechi.sim.traffic;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.haechi.core.alarm.Alarm;
import org.haechi.core.alarm.AlarmState;
import org.haechi.core.alarm.AlarmType;
import org.haechi.core.alarm.Severity;
import org.haechi.core.asset.Asset;
import org.haechi.core.geo.GeoPoint;
import org.haechi.core.position.TagPosition;

/**
 * Makes realistic alarms of every type at real Seoul places: analytics and bells at CCTV sites, SOS at a tagged
 * child's position, outages of real cameras and access points. Single-threaded.
 */
public final class AlarmFactory {
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")
            .withZone(ZoneOffset.UTC);
    private static final List<String> ANALYTICS = List.of("loitering", "fall detected", "fight detected",
            "intrusion into restricted area", "abandoned object", "crowd density high", "wrong-way vehicle");
    private final Random random;
    private final List<Asset> cameras;
    private final List<Asset> accessPoints;
    private final List<Asset> schools;
    private final AtomicLong sequence = new AtomicLong();
    private final java.util.function.Function<GeoPoint, String> districtAt;

    public AlarmFactory(List<Asset> cameras, List<Asset> accessPoints, List<Asset> schools,
                        java.util.function.Function<GeoPoint, String> districtAt, long seed) {
        this.random = new Random(seed);
        this.districtAt = districtAt;
        this.cameras = cameras;
        this.accessPoints = accessPoints;
        this.schools = schools;
    }

    /** A random alarm; {@code tag} supplies the child for SOS and geofence alarms. */
    public Alarm next(Instant now, TagPosition tag) {
        int roll = random.nextInt(100);
        if (roll < 30) {
            Asset cam = pick(cameras);
            return alarm(AlarmType.CCTV_ANALYTICS, random.nextInt(4) == 0 ? Severity.HIGH : Severity.MEDIUM, now,
                    cam.location(), cam.id(), "Video analytics: " + pick(ANALYTICS) + " - " + cam.name(), cam);
        } else if (roll < 45) {
            Asset cam = pick(cameras);
            return alarm(AlarmType.EMERGENCY_BELL, Severity.CRITICAL, now, cam.location(),
                    "bell-" + cam.id().substring(4), "Emergency bell pressed at " + cam.name(), cam);
        } else if (roll < 55) {
            return alarm(AlarmType.CHILD_SOS, Severity.CRITICAL, now, tag.location(), tag.personId(),
                    "SOS pressed by tagged child " + tag.personId(), null);
        } else if (roll < 60) {
            Asset school = pick(schools);
            return alarm(AlarmType.GEOFENCE_EXIT, Severity.HIGH, now, tag.location(), tag.personId(),
                    "Tag " + tag.personId() + " left the safe zone of " + school.name(), school);
        } else if (roll < 63) {
            return alarm(AlarmType.GEOFENCE_ENTER, Severity.MEDIUM, now, tag.location(), tag.personId(),
                    "Tag " + tag.personId() + " entered a restricted zone (construction site)", null);
        } else if (roll < 73) {
            Asset cam = pick(cameras);
            return alarm(AlarmType.CAMERA_OFFLINE, Severity.MEDIUM, now, cam.location(), cam.id(),
                    "Camera offline: " + cam.name(), cam);
        } else if (roll < 81) {
            Asset ap = pick(accessPoints);
            return alarm(AlarmType.AP_DOWN, Severity.LOW, now, ap.location(), ap.id(),
                    "Public WiFi access point down: " + ap.name(), ap);
        } else if (roll < 92) {
            Asset cam = pick(cameras);
            return alarm(AlarmType.CITIZEN_REPORT, Severity.MEDIUM, now, jitter(cam.location()), null,
                    "Citizen report near " + cam.name(), cam);
        } else if (roll < 97) {
            return alarm(AlarmType.CYBER, Severity.HIGH, now, null, "nms-core-01",
                    "Repeated failed logins on the camera network management system", null);
        }
        Asset school = pick(schools);
        return alarm(AlarmType.DISASTER, Severity.HIGH, now, school.location(), "kma",
                "Flooding reported near " + school.name(), school);
    }

    private Alarm alarm(AlarmType type, Severity severity, Instant now, GeoPoint at, String sourceId, String title,
                        Asset near) {
        String id = type.name().toLowerCase().replace('_', '-') + "-" + ID_TIME.format(now) + "-"
                + sequence.incrementAndGet() + "-" + Integer.toHexString(random.nextInt(0x10000));
        Map<String, String> attrs = new HashMap<>();
        String district = at == null ? null : districtAt.apply(at);
        if (district != null) {
            attrs.put("district", district);
        }
        if (near != null) {
            attrs.put("nearAsset", near.id());
        }
        return new Alarm(id, type, type.name(), severity, now, now, at, sourceId, title, attrs, AlarmState.NEW,
                false);
    }

    private GeoPoint jitter(GeoPoint p) {
        return new GeoPoint(p.lat() + (random.nextDouble() - 0.5) * 0.001, p.lon() + (random.nextDouble() - 0.5)
                * 0.001);
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
