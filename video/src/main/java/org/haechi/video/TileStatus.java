package org.haechi.video;

import java.time.Instant;

/**
 * A tile's state for display. Immutable; any thread.
 *
 * @param state       state
 * @param attempt     reconnection attempt number (0 when not reconnecting)
 * @param lastFrameAt when a new frame was last decoded, or null
 * @param detail      short reason text, or null
 */
public record TileStatus(TileState state, int attempt, Instant lastFrameAt, String detail) {

    static TileStatus idle() {
        return new TileStatus(TileState.IDLE, 0, null, null);
    }
}
