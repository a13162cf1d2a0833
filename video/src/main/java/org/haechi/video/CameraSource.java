package org.haechi.video;

/**
 * A camera to show on a tile: immutable, any thread. A camera may offer a smaller sub stream besides its main
 * stream; small tiles play the sub stream, a tile shown alone the main stream.
 *
 * @param cameraId     camera id
 * @param name         display name
 * @param url          main stream URL (rtsp://, http://, file path or file://)
 * @param subStreamUrl sub stream URL, or null when the camera has only one stream
 */
public record CameraSource(String cameraId, String name, String url, String subStreamUrl) {

    public CameraSource {
        if (subStreamUrl != null && subStreamUrl.isBlank()) {
            subStreamUrl = null;
        }
    }

    public CameraSource(String cameraId, String name, String url) {
        this(cameraId, name, url, null);
    }

    /** The URL to play: the main stream when asked for or when there is no sub stream, else the sub stream. */
    public String streamUrl(boolean mainStream) {
        return mainStream || subStreamUrl == null ? url : subStreamUrl;
    }

    public boolean hasSubStream() {
        return subStreamUrl != null;
    }

    public boolean isRtsp() {
        return isRtsp(url);
    }

    static boolean isRtsp(String url) {
        return url != null && url.regionMatches(true, 0, "rtsp://", 0, 7);
    }
}
