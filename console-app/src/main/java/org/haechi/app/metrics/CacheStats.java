package org.haechi.app.metrics;

/**
 * Figures read from the cache every few seconds by a background poll; read by metrics and the status bar.
 *
 * @param alarms      distinct alarms in the cache
 * @param openAlarms  open alarms in the cache
 * @param rejected    rejected messages stored
 * @param bytes       size of the cache file
 */
public record CacheStats(long alarms, long openAlarms, long rejected, long bytes) {
    public static final CacheStats EMPTY = new CacheStats(0, 0, 0, 0);
}
