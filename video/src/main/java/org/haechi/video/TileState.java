package org.haechi.video;

/** What a camera tile is doing, as the operator sees it. */
public enum TileState {
    IDLE, CONNECTING, PLAYING, STALLED, RECONNECTING, NO_SIGNAL, UNAVAILABLE
}
