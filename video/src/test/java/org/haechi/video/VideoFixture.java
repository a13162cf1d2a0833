package org.haechi.video;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What every test on real streams needs: libvlc, the local stream servers (in {@code clips}) and a control thread.
 * Skips the test class where libvlc, ffmpeg or cvlc is missing; {@link #close()} ends them in order.
 */
final class VideoFixture implements AutoCloseable {
    final VideoEngine engine;
    final LocalStreams streams;
    final ScheduledExecutorService control;

    private VideoFixture(VideoEngine engine, LocalStreams streams, ScheduledExecutorService control) {
        this.engine = engine;
        this.streams = streams;
        this.control = control;
    }

    static VideoFixture open(Path clips) {
        VideoEngine engine = VideoEngine.start();
        if (!engine.isAvailable() || !LocalStreams.toolsAvailable()) {
            engine.close();
            assumeTrue(false, "libvlc, ffmpeg and cvlc needed");
        }
        return new VideoFixture(engine, new LocalStreams(clips), Executors.newSingleThreadScheduledExecutor());
    }

    @Override
    public void close() {
        streams.close();
        control.shutdownNow();
        engine.close();
    }
}
