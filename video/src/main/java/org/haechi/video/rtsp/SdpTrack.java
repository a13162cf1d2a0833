package org.haechi.video.rtsp;

import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The first video track of an RTSP session description (RFC 4566) that Haechi can relay itself: H.264 or H.265 over
 * RTP. Immutable.
 *
 * @param codec          "H264" or "H265"
 * @param payloadType    RTP payload type
 * @param controlUrl     absolute URL to SETUP
 * @param parameterSets  the sprop parameter sets (VPS/SPS/PPS) from the fmtp line, each one NAL unit, maybe empty
 */
record SdpTrack(String codec, int payloadType, String controlUrl, List<byte[]> parameterSets) {

    /** Parses {@code sdp}; returns null when there is no H.264 or H.265 video track in it. */
    static SdpTrack parse(String sdp, String baseUrl) {
        String sessionControl = null;
        boolean inVideo = false;
        boolean sawMedia = false;
        int payloadType = -1;
        String codec = null;
        String control = null;
        List<byte[]> sets = new ArrayList<>();
        for (String raw : sdp.split("\r?\n")) {
            String line = raw.trim();
            if (line.startsWith("m=")) {
                if (codec != null) {
                    break;
                }
                sawMedia = true;
                inVideo = line.startsWith("m=video ");
                String[] parts = line.split(" ");
                payloadType = inVideo && parts.length > 3 ? parseInt(parts[3]) : -1;
                control = null;
            } else if (line.startsWith("a=control:")) {
                if (!sawMedia) {
                    sessionControl = line.substring(10);
                } else if (inVideo) {
                    control = line.substring(10);
                }
            } else if (inVideo && line.startsWith("a=rtpmap:" + payloadType + " ")) {
                String name = line.substring(line.indexOf(' ') + 1).split("/")[0].toUpperCase(Locale.ROOT);
                if (name.equals("H264") || name.equals("H265")) {
                    codec = name;
                }
            } else if (inVideo && line.startsWith("a=fmtp:" + payloadType + " ")) {
                sets = parameterSets(line.substring(line.indexOf(' ') + 1));
            }
        }
        if (codec == null) {
            return null;
        }
        return new SdpTrack(codec, payloadType, resolve(baseUrl, sessionControl, control), sets);
    }

    private static List<byte[]> parameterSets(String fmtp) {
        List<byte[]> sets = new ArrayList<>();
        for (String param : fmtp.split(";")) {
            String p = param.trim();
            int eq = p.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = p.substring(0, eq).toLowerCase(Locale.ROOT);
            if (key.equals("sprop-parameter-sets") || key.equals("sprop-vps") || key.equals("sprop-sps")
                    || key.equals("sprop-pps")) {
                for (String b64 : p.substring(eq + 1).split(",")) {
                    try {
                        if (!b64.isBlank()) {
                            sets.add(Base64.getDecoder().decode(b64.trim()));
                        }
                    } catch (IllegalArgumentException e) {
                        // a broken parameter set: the in-band ones will do
                    }
                }
            }
        }
        return sets;
    }

    /** RFC 2326 C.1.1: a track's control URL is absolute, or relative to the session's base, or "*". */
    static String resolve(String baseUrl, String sessionControl, String trackControl) {
        String base = sessionControl != null && !sessionControl.equals("*") && sessionControl.contains("://")
                ? sessionControl : baseUrl;
        if (trackControl == null || trackControl.equals("*")) {
            return base;
        }
        if (trackControl.regionMatches(true, 0, "rtsp://", 0, 7)) {
            return trackControl;
        }
        if (trackControl.startsWith("/")) {
            URI b = URI.create(base);
            return b.getScheme() + "://" + b.getRawAuthority() + trackControl;
        }
        // Joined as text, as live555 and ffmpeg do: a base may carry a query (Dahua's
        // "realmonitor?channel=1&subtype=0/"), which URI resolution would drop.
        return (base.endsWith("/") ? base : base + "/") + trackControl;
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
