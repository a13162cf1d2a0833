package org.haechi.app.camera;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.haechi.core.alarm.Alarm;
import org.haechi.core.alarm.AlarmState;
import org.haechi.core.alarm.AlarmType;
import org.haechi.core.alarm.Severity;
import org.haechi.core.asset.Asset;
import org.haechi.video.CameraSource;

/**
 * The CAMERA_OFFLINE alarm a console raises when a tile of its wall has had no picture for long enough. Its id
 * names the camera and the minute it was found offline, so consoles of one centre that watch the same camera in the
 * same minute raise one alarm, not one each. Any thread.
 */
public final class OfflineCameraAlarm {
    private OfflineCameraAlarm() {
    }

    /**
     * @param camera  the camera whose tile went offline
     * @param asset   the camera as the map knows it (position, district), or null
     * @param console this console's id, kept as an attribute
     * @param now     when the wall found it offline
     * @param why     the tile's last error (such as "Connection refused"), or null
     */
    public static Alarm of(CameraSource camera, Asset asset, String console, Instant now, String why) {
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        Map<String, String> attributes = new LinkedHashMap<>();
        if (asset != null) {
            attributes.putAll(asset.attributes().entrySet().stream()
                    .filter(e -> e.getKey().equals("district"))
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        }
        attributes.put("raisedBy", console);
        attributes.put("streamUrl", camera.url());
        if (why != null && !why.isBlank()) {
            attributes.put("reason", why);
        }
        return new Alarm("cam-offline-" + camera.cameraId() + "-" + minute.toEpochMilli() / 60_000,
                AlarmType.CAMERA_OFFLINE, AlarmType.CAMERA_OFFLINE.name(), Severity.MEDIUM, now, now,
                asset == null ? null : asset.location(), camera.cameraId(), "Camera offline: " + camera.name(),
                attributes, AlarmState.NEW, false);
    }
}
