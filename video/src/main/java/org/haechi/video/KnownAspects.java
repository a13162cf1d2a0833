package org.haechi.video;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The display aspect of each stream seen so far, most recently used kept (at most {@link #LIMIT} streams).
 * libvlc tells a video callback only the decoder's padded buffer size (640x384 for a 640x360 stream) when it asks
 * for the frame size, and the true picture size only once frames flow; remembering it lets the next start of the
 * same stream ask for frames of the right shape at once, so JavaFX draws them pixel for pixel. Any thread.
 */
final class KnownAspects {
    static final int LIMIT = 4096;
    private final Map<String, Double> byUrl = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Double> eldest) {
            return size() > LIMIT;
        }
    };

    synchronized void remember(String url, double aspect) {
        if (url != null && Double.isFinite(aspect) && aspect > 0) {
            byUrl.put(url, aspect);
        }
    }

    /** The aspect last seen for this stream, or NaN. */
    synchronized double of(String url) {
        Double a = url == null ? null : byUrl.get(url);
        return a == null ? Double.NaN : a;
    }
}
