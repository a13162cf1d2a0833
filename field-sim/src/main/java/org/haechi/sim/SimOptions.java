package org.haechi.sim;

import java.nio.file.Path;

/**
 * How the field simulator behaves.
 *
 * @param workDir         its folder (test clips, the registry marker)
 * @param tags            number of tagged children
 * @param alarmIntervalMs mean time between alarms
 * @param stormAlarms     alarms to publish at once at start (0 for none)
 * @param streams         local RTSP test streams to serve (0 for none)
 * @param firstStreamPort port of the first stream; the others follow
 */
public record SimOptions(Path workDir, int tags, long alarmIntervalMs, int stormAlarms, int streams,
                         int firstStreamPort) {

    public static SimOptions defaults(Path workDir) {
        return new SimOptions(workDir, 500, 4000, 0, 4, 8554);
    }
}
