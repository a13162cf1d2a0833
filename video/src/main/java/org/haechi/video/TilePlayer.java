package org.haechi.video;

import java.awt.image.BufferedImage;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import uk.co.caprica.vlcj.media.MediaStatistics;
import uk.co.caprica.vlcj.player.base.State;
import uk.co.caprica.vlcj.player.embedded.EmbeddedMediaPlayer;

/**
 * Plays one camera into a {@link FrameSink} and keeps it alive: watches libvlc's decoded-frame count, reconnects
 * with capped exponential backoff, reports its status (rules in {@link TileHealth}). Every libvlc call runs on the
 * shared control executor, never on a vlcj callback thread. Methods may be called from any thread except
 * {@link #close()}, which blocks and must not run on the control thread; a closed player ignores further calls.
 */
public final class TilePlayer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TilePlayer.class.getName());
    private static final long TICK_MS = 200;
    /** Longest wait of a snapshot for a stream that is (re)starting. */
    static final long GRAB_WAIT_MS = 3000;
    private static final long GRAB_RETRY_MS = 100;
    private final VideoEngine engine;
    private final FrameSink sink;
    private final ScheduledExecutorService control;
    private final Consumer<TileStatus> statusListener;
    private final Clock clock;
    private final TileHealth health;
    private final EmbeddedMediaPlayer player;
    private final SinkSurface surface;
    private final MediaStatistics stats = new MediaStatistics();
    private final ScheduledFuture<?> healthCheck;
    private volatile int decodedFrames;
    private CameraSource source;
    private boolean mainStream;
    private RelayMedia relayMedia;
    private ScheduledFuture<?> pendingRetry;
    private boolean aspectReported;
    private long attemptStartedNanos;
    private boolean closed;

    public TilePlayer(VideoEngine engine, FrameSink sink, ScheduledExecutorService control,
                      Consumer<TileStatus> statusListener, Clock clock) {
        this(engine, sink, control, statusListener, clock, TileHealth.Timings.standard());
    }

    TilePlayer(VideoEngine engine, FrameSink sink, ScheduledExecutorService control,
               Consumer<TileStatus> statusListener, Clock clock, TileHealth.Timings timings) {
        this.engine = engine;
        this.sink = sink;
        this.control = control;
        this.statusListener = statusListener;
        this.clock = clock;
        this.health = new TileHealth(timings);
        this.player = engine.factory().mediaPlayers().newEmbeddedMediaPlayer();
        this.surface = new SinkSurface(sink);
        player.videoSurface().set(engine.factory().videoSurfaces().newVideoSurface(surface, surface, true));
        // No vlcj event listener: with one, vlcj decodes every native event (several a second per player, through
        // JNA reflection) on its event thread; the health check polls the player's state instead.
        this.healthCheck = control.scheduleWithFixedDelay(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    /** Starts showing {@code camera}'s main stream (replacing what was shown). */
    public void play(CameraSource camera) {
        play(camera, true);
    }

    /** Starts showing {@code camera}: its main stream, or its sub stream when it has one and main is false. */
    public void play(CameraSource camera, boolean main) {
        onControl(() -> {
            stopMedia();
            source = camera;
            mainStream = main;
            health.begin(clock.instant());
            startMedia();
        });
    }

    /** Stops and goes idle. */
    public void stop() {
        onControl(() -> {
            stopMedia();
            source = null;
            publish(health.idle());
        });
    }

    /** The camera being played, or null; control thread only (status listeners run there). */
    CameraSource source() {
        return source;
    }

    /** Frames handed to the sink since the last start (libvlc repaints a frozen picture, so this is not health). */
    public long framesRendered() {
        return surface.frames();
    }

    /** Frames libvlc decoded in the current attempt, as last observed by the health check. */
    public int decodedFrames() {
        return decodedFrames;
    }

    /**
     * The current picture at the stream's own size, taken by libvlc on the control thread. A stream that is starting
     * or restarting (a reconnection, or the one restart that gives a stream its true shape) is waited for, up to
     * {@value #GRAB_WAIT_MS} ms, without holding the control thread; fails when nothing is playing by then, or when
     * the player has been given another camera meanwhile (the picture would be that camera's). Completes on the
     * control thread: hand slow work on to another thread.
     */
    public CompletableFuture<BufferedImage> grab() {
        CompletableFuture<BufferedImage> picture = new CompletableFuture<>();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRAB_WAIT_MS);
        control.execute(() -> grabWhenPlaying(picture, source, deadline));
        return picture;
    }

    private void grabWhenPlaying(CompletableFuture<BufferedImage> picture, CameraSource wanted, long deadlineNanos) {
        try {
            if (closed || wanted == null || source != wanted) {
                throw new IllegalStateException("no picture to take");
            }
            if (!health.isPlaying()) {
                if (System.nanoTime() - deadlineNanos >= 0) {
                    throw new IllegalStateException("no picture to take");
                }
                control.schedule(() -> grabWhenPlaying(picture, wanted, deadlineNanos), GRAB_RETRY_MS,
                        TimeUnit.MILLISECONDS);
                return;
            }
            BufferedImage image = player.snapshots().get();
            if (image == null) {
                throw new IllegalStateException("libvlc took no snapshot");
            }
            picture.complete(image);
        } catch (RuntimeException e) {
            picture.completeExceptionally(e);
        }
    }

    private void startMedia() {
        String url = source.streamUrl(mainStream);
        surface.resetFrames();
        decodedFrames = 0;
        attemptStartedNanos = System.nanoTime();
        aspectReported = false;
        // The aspect this stream was last seen with, or NaN: never the previous stream's.
        sink.displayAspect(engine.aspects().of(url));
        publish(health.attemptStarted(clock.instant()));
        boolean started;
        if (CameraSource.isRtsp(url) && !engine.canOpenRtspNatively()) {
            relayMedia = new RelayMedia(url);
            started = player.media().play(relayMedia, ":demux=ts", decoderThreads());
        } else {
            relayMedia = null;
            started = player.media().play(url, ":network-caching=" + VideoEngine.NETWORK_CACHING_MS,
                    ":file-caching=" + VideoEngine.FILE_CACHING_MS, decoderThreads());
        }
        if (!started) {
            fail("could not open " + url);
        }
    }

    /** One decoding thread for a small tile (the engine's default); a tile shown alone may need more. */
    private String decoderThreads() {
        return ":avcodec-threads=" + (mainStream ? 0 : 1);
    }

    private void stopMedia() {
        cancelRetry();
        // End the relay first: a read blocked on a silent network then returns at once, so stop() cannot hang.
        if (relayMedia != null) {
            relayMedia.closeRelay();
        }
        player.controls().stop();
    }

    private void tick() {
        try {
            if (closed || source == null) {
                return;
            }
            if (pendingRetry != null) {
                if (health.checkOffline(clock.instant())) {
                    publish(health.status());
                }
                return;
            }
            if (hasEnded()) {
                String relayFailure = relayMedia == null ? null : relayMedia.failure();
                fail(relayFailure != null ? relayFailure
                        : player.status().state() == State.ERROR ? "stream error" : "stream ended");
                return;
            }
            int decoded = player.media().isValid() && player.media().info().statistics(stats)
                    ? stats.decodedVideo() : 0;
            decodedFrames = decoded;
            switch (health.observe(clock.instant(), decoded)) {
                case PUBLISH -> {
                    if (health.isPlaying() && !aspectReported) {
                        aspectReported = reportAspect();
                    }
                    publish(health.status());
                }
                case RECONNECT -> {
                    publish(health.status());
                    retryLater();
                }
                case FAILED -> fail("no picture after " + health.timings().connectTimeout().toSeconds() + " s");
                default -> {
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "video health check failed", e);
        }
    }

    /**
     * Whether libvlc gave up on the current attempt: error, end of stream, or stopped by itself (what it reports
     * when the relay's stream ends). A fresh attempt may still read as stopped for a moment, hence the grace.
     */
    private boolean hasEnded() {
        State state = player.status().state();
        return state == State.ERROR || state == State.ENDED
                || state == State.STOPPED && System.nanoTime() - attemptStartedNanos > 1_000_000_000L;
    }

    private boolean reportAspect() {
        return player.media().info().videoTracks().stream().filter(t -> t.width() > 0 && t.height() > 0)
                .findFirst().map(t -> {
                    double sar = t.sampleAspectRatio() > 0 && t.sampleAspectRatioBase() > 0
                            ? (double) t.sampleAspectRatio() / t.sampleAspectRatioBase() : 1.0;
                    double aspect = t.width() * sar / t.height();
                    engine.aspects().remember(source.streamUrl(mainStream), aspect);
                    sink.displayAspect(aspect);
                    return true;
                }).orElse(false);
    }

    private void fail(String why) {
        if (closed || source == null || pendingRetry != null) {
            return;
        }
        publish(health.failed(clock.instant(), why));
        retryLater();
    }

    private void retryLater() {
        stopMedia();
        pendingRetry = control.schedule(() -> {
            pendingRetry = null;
            if (!closed && source != null) {
                startMedia();
            }
        }, health.retryDelay().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void cancelRetry() {
        if (pendingRetry != null) {
            pendingRetry.cancel(false);
            pendingRetry = null;
        }
    }

    private void publish(TileStatus s) {
        try {
            statusListener.accept(s);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "tile status listener failed", e);
        }
    }

    private void onControl(Runnable task) {
        try {
            control.execute(() -> {
                if (!closed) {
                    task.run();
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.fine("video control thread stopped; ignored");
        }
    }

    /** Stops playback and releases the native player; blocks until done. Not on the control or a vlcj thread. */
    @Override
    public void close() {
        healthCheck.cancel(false);
        Runnable release = () -> {
            if (!closed) {
                closed = true;
                stopMedia();
                source = null;
                player.release();
                relayMedia = null;
            }
        };
        try {
            control.submit(release).get(10, TimeUnit.SECONDS);
        } catch (RejectedExecutionException e) {
            release.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.WARNING, "video player did not close cleanly", e);
        }
    }
}
