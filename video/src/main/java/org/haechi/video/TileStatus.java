package org.haechi.video;

import java.time.Instant;

/**
 * A tile's state for display.
 *
 * @param state       state
 * @param attempt     reconnection attempt number (0 when not reconnecting)
 * @param lastFrameAt when the last new frame was decoded, or null
 * @param detail      short reason text, or null
 */
public record TileStatus(TileState state, int attempt, Instant lastFrameAt, String detail) {
}
