package org.haechi.app.alarm;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/**
 * A two-tone chime for CRITICAL alarms, played on its own thread; at most one at a time, extra requests while one
 * plays are dropped. A workstation without an audio device is told once in the log, and goes on silently.
 */
public final class CriticalSound implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(CriticalSound.class.getName());
    private final ExecutorService player = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "haechi-sound");
        t.setDaemon(true);
        return t;
    });
    private final byte[] chime = chime();
    private volatile boolean playing;
    private volatile boolean unavailable;

    /** Any thread. */
    public void play() {
        if (playing || unavailable) {
            return;
        }
        playing = true;
        player.execute(() -> {
            try {
                AudioFormat format = new AudioFormat(22_050, 16, 1, true, false);
                try (SourceDataLine line = AudioSystem.getSourceDataLine(format)) {
                    line.open(format);
                    line.start();
                    line.write(chime, 0, chime.length);
                    line.drain();
                }
            } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
                unavailable = true;
                LOG.info("no audio device, critical alarms are silent: " + e.getMessage());
            } finally {
                playing = false;
            }
        });
    }

    private static byte[] chime() {
        int rate = 22_050;
        int samples = rate * 6 / 10;
        byte[] out = new byte[samples * 2];
        for (int i = 0; i < samples; i++) {
            double f = i < samples / 2 ? 880 : 660;
            double envelope = Math.min(1, (samples - i) / (rate * 0.05));
            short s = (short) (Math.sin(2 * Math.PI * f * i / rate) * 12_000 * envelope);
            out[2 * i] = (byte) s;
            out[2 * i + 1] = (byte) (s >> 8);
        }
        return out;
    }

    @Override
    public void close() {
        player.shutdownNow();
    }
}
