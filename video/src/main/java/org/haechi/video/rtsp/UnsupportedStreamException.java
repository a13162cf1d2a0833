package org.haechi.video.rtsp;

import java.io.IOException;

/** The RTSP session has no track Haechi can relay itself (such as MJPEG or MPEG-4 video); another relay may. */
public final class UnsupportedStreamException extends IOException {
    private static final long serialVersionUID = 1L;

    public UnsupportedStreamException(String message) {
        super(message);
    }
}
