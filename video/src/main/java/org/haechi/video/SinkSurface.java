package org.haechi.video;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import uk.co.caprica.vlcj.player.base.MediaPlayer;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.BufferFormat;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.BufferFormatCallback;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.RenderCallback;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.format.RV32BufferFormat;

/**
 * vlcj's video callbacks for one player, handing frames to a {@link FrameSink}. libvlc's threads call it; it never
 * calls back into libvlc. The player must hold it for as long as it lives: a collected callback silently stops
 * video (FACTS.md).
 */
final class SinkSurface implements BufferFormatCallback, RenderCallback {
    private final FrameSink sink;
    private final AtomicLong frames = new AtomicLong();

    SinkSurface(FrameSink sink) {
        this.sink = sink;
    }

    @Override
    public BufferFormat getBufferFormat(int sourceWidth, int sourceHeight) {
        int[] size = sink.targetSize(sourceWidth, sourceHeight);
        return new RV32BufferFormat(size[0], size[1]);
    }

    @Override
    public void allocatedBuffers(ByteBuffer[] buffers) {
        // buffers are read in display()
    }

    @Override
    public void display(MediaPlayer mediaPlayer, ByteBuffer[] nativeBuffers, BufferFormat format) {
        frames.incrementAndGet();
        sink.frame(nativeBuffers[0], format.getWidth(), format.getHeight());
    }

    long frames() {
        return frames.get();
    }

    void resetFrames() {
        frames.set(0);
    }
}
