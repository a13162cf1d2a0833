package org.haechi.video;

/**
 * What a camera tile is doing, as the operator sees it. Immutable; any thread.
 * <ul>
 * <li>{@code CONNECTING}: first attempt for this camera, no picture yet;</li>
 * <li>{@code PLAYING}: new frames are being decoded;</li>
 * <li>{@code STALLED}: no new frame for 3 s while the stream looked open (a reconnection follows);</li>
 * <li>{@code RECONNECTING}: retrying with capped exponential backoff (the attempt number is in the status);</li>
 * <li>{@code OFFLINE}: no picture for 30 s; still retrying, more slowly;</li>
 * <li>{@code UNAVAILABLE}: no libvlc on this machine.</li>
 * </ul>
 */
public enum TileState {
    IDLE, CONNECTING, PLAYING, STALLED, RECONNECTING, OFFLINE, UNAVAILABLE
}
