package org.haechi.video;

import java.nio.ByteBuffer;

/**
 * Receives decoded frames (BGRA, premultiplied, {@code width * 4} bytes per row) on a libvlc thread. Must copy what
 * it needs and return quickly; must never call back into libvlc.
 */
public interface FrameSink {
    /** The size libvlc should scale the picture to, given the source size; called before frames flow. */
    default int[] targetSize(int sourceWidth, int sourceHeight) {
        return new int[] {sourceWidth, sourceHeight};
    }

    void frame(ByteBuffer bgra, int width, int height);

    /**
     * The picture's true display aspect (width / height, sample aspect applied), known once the stream plays.
     * libvlc's buffer size can differ from it (it is 640x386 for a 640x360 RTP stream), so a sink that shows
     * the picture must use this aspect, not the buffer's. Called on the video control thread.
     */
    default void displayAspect(double aspect) {
    }
}
