package org.haechi.video;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import uk.co.caprica.vlcj.media.MediaStatistics;
import uk.co.caprica.vlcj.player.base.MediaPlayer;
import uk.co.caprica.vlcj.player.base.MediaPlayerEventAdapter;
import uk.co.caprica.vlcj.player.embedded.EmbeddedMediaPlayer;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.BufferFormat;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.BufferFormatCallback;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.RenderCallback;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.format.RV32BufferFormat;

/**
 * Plays one camera into a {@link FrameSink} and keeps it alive: detects a stalled picture from libvlc's decoded
 * frame count, reconnects with capped exponential backoff, reports its status. Every libvlc call runs on the shared
 * control executor, never on a vlcj callback thread. Methods may be called from any thread.
 */
public final class TilePlayer implements AutoCloseable {
    static final Duration STALL_AFTER = Duration.ofSeconds(3);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(8);
    private static final int NO_SIGNAL_AFTER_ATTEMPTS = 4;

    private final VideoEngine engine;
    private final FrameSink sink;
    private final ScheduledExecutorService control;
    private final Consumer<TileStatus> statusListener;
    private final Clock clock;
    private final EmbeddedMediaPlayer player;
    // Strong references: a collected callback silently stops video (FACTS.md).
    private final BufferFormatCallback formatCallback = new FormatCallback();
    private final RenderCallback renderCallback = new Render();
    private final AtomicLong framesRendered = new AtomicLong();
    private final MediaStatistics stats = new MediaStatistics();
    private final ScheduledFuture<?> healthCheck;
    private CameraSource source;
    private RelayMedia relayMedia;
    private TileStatus status = new TileStatus(TileState.IDLE, 0, null, null);
    private int attempt;
    private int lastDecoded;
    private Instant startedAt;
    private Instant lastProgressAt;
    private ScheduledFuture<?> pendingRetry;
    private boolean relayTcp;
    private boolean transportSwitched;

    public TilePlayer(VideoEngine engine, FrameSink sink, ScheduledExecutorService control,
                      Consumer<TileStatus> statusListener, Clock clock) {
        this.engine = engine;
        this.sink = sink;
        this.control = control;
        this.statusListener = statusListener;
        this.clock = clock;
        this.player = engine.factory().mediaPlayers().newEmbeddedMediaPlayer();
        player.videoSurface().set(engine.factory().videoSurfaces().newVideoSurface(formatCallback, renderCallback,
                true));
        player.events().addMediaPlayerEventListener(new MediaPlayerEventAdapter() {
            @Override
            public void error(MediaPlayer mediaPlayer) {
                control.execute(() -> onFailure("stream error"));
            }

            @Override
            public void finished(MediaPlayer mediaPlayer) {
                control.execute(() -> onFailure("stream ended"));
            }
        });
        this.healthCheck = control.scheduleWithFixedDelay(this::checkHealth, 500, 500, TimeUnit.MILLISECONDS);
    }

    /** Starts showing {@code camera} (replacing what was shown). */
    public void play(CameraSource camera) {
        control.execute(() -> {
            stopMedia();
            source = camera;
            attempt = 0;
            relayTcp = engine.prefersTcp(camera.url());
            transportSwitched = false;
            startMedia();
        });
    }

    /** Stops and goes idle. */
    public void stop() {
        control.execute(() -> {
            stopMedia();
            source = null;
            publish(new TileStatus(TileState.IDLE, 0, null, null));
        });
    }

    public long framesRendered() {
        return framesRendered.get();
    }

    private void startMedia() {
        framesRendered.set(0);
        lastDecoded = 0;
        startedAt = clock.instant();
        lastProgressAt = startedAt;
        publish(new TileStatus(attempt == 0 ? TileState.CONNECTING : TileState.RECONNECTING, attempt,
                status.lastFrameAt(), null));
        boolean started;
        if (source.isRtsp() && !engine.canOpenRtspNatively()) {
            relayMedia = new RelayMedia(source.url(), relayTcp);
            started = player.media().play(relayMedia, ":demux=ts", ":file-caching=150", ":network-caching=150");
        } else {
            started = player.media().play(source.url(), ":network-caching=300", ":rtsp-tcp");
        }
        if (!started) {
            onFailure("could not open " + source.url());
        }
    }

    private void stopMedia() {
        cancelRetry();
        player.controls().stop();
        if (relayMedia != null) {
            relayMedia.closeRelay();
            relayMedia = null;
        }
    }

    private void checkHealth() {
        if (source == null || pendingRetry != null) {
            return;
        }
        Instant now = clock.instant();
        int decoded = player.media().isValid() && player.media().info().statistics(stats) ? stats.decodedVideo() : 0;
        if (decoded > lastDecoded) {
            lastDecoded = decoded;
            lastProgressAt = now;
            if (status.state() != TileState.PLAYING || Duration.between(status.lastFrameAt(), now).toMillis() > 900) {
                attempt = 0;
                engine.rememberTransport(source.url(), relayTcp);
                reportAspect();
                publish(new TileStatus(TileState.PLAYING, 0, now, null));
            }
            return;
        }
        if (status.state() == TileState.PLAYING && Duration.between(lastProgressAt, now).compareTo(STALL_AFTER) > 0) {
            publish(new TileStatus(TileState.STALLED, 0, status.lastFrameAt(), "no new frame"));
            scheduleReconnect();
        } else if (status.state() != TileState.PLAYING
                && Duration.between(startedAt, now).compareTo(CONNECT_TIMEOUT) > 0) {
            onFailure("no picture after " + CONNECT_TIMEOUT.toSeconds() + " s");
        }
    }

    private void reportAspect() {
        player.media().info().videoTracks().stream().filter(t -> t.width() > 0 && t.height() > 0).findFirst()
                .ifPresent(t -> {
                    double sar = t.sampleAspectRatio() > 0 && t.sampleAspectRatioBase() > 0
                            ? (double) t.sampleAspectRatio() / t.sampleAspectRatioBase() : 1.0;
                    sink.displayAspect(t.width() * sar / t.height());
                });
    }

    private void onFailure(String why) {
        if (source == null || pendingRetry != null) {
            return;
        }
        if (relayMedia != null && lastDecoded == 0 && !transportSwitched) {
            // Many RTSP servers (VLC's among them) refuse one of TCP or UDP: try the other at once, no backoff.
            transportSwitched = true;
            relayTcp = !relayTcp;
            stopMedia();
            startMedia();
            return;
        }
        publish(new TileStatus(attempt >= NO_SIGNAL_AFTER_ATTEMPTS ? TileState.NO_SIGNAL : TileState.RECONNECTING,
                attempt + 1, status.lastFrameAt(), why));
        scheduleReconnect();
    }

    private void scheduleReconnect() {
        attempt++;
        long delayMs = Math.min(500L << Math.min(attempt - 1, 5), 10_000L);
        player.controls().stop();
        if (relayMedia != null) {
            relayMedia.closeRelay();
            relayMedia = null;
        }
        pendingRetry = control.schedule(() -> {
            pendingRetry = null;
            if (source != null) {
                startMedia();
            }
        }, delayMs, TimeUnit.MILLISECONDS);
    }

    private void cancelRetry() {
        if (pendingRetry != null) {
            pendingRetry.cancel(false);
            pendingRetry = null;
        }
    }

    private void publish(TileStatus s) {
        status = s;
        statusListener.accept(s);
    }

    /** Stops playback and releases the native player; blocks until done. Not on a vlcj callback thread. */
    @Override
    public void close() {
        healthCheck.cancel(false);
        try {
            control.submit(() -> {
                stopMedia();
                source = null;
                player.release();
            }).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class FormatCallback implements BufferFormatCallback {
        @Override
        public BufferFormat getBufferFormat(int sourceWidth, int sourceHeight) {
            int[] size = sink.targetSize(sourceWidth, sourceHeight);
            return new RV32BufferFormat(size[0], size[1]);
        }

        @Override
        public void allocatedBuffers(ByteBuffer[] buffers) {
            // buffers are read in display()
        }
    }

    private final class Render implements RenderCallback {
        @Override
        public void display(MediaPlayer mediaPlayer, ByteBuffer[] nativeBuffers, BufferFormat format) {
            framesRendered.incrementAndGet();
            sink.frame(nativeBuffers[0], format.getWidth(), format.getHeight());
        }
    }
}
