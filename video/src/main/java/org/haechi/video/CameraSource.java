package org.haechi.video;

/**
 * A camera to show on a tile.
 *
 * @param cameraId camera id
 * @param name     display name
 * @param url      stream URL (rtsp://, http://, file path or file://)
 */
public record CameraSource(String cameraId, String name, String url) {

    public boolean isRtsp() {
        return url != null && url.regionMatches(true, 0, "rtsp://", 0, 7);
    }
}
