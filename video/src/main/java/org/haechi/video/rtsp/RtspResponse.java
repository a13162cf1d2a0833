package org.haechi.video.rtsp;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** An RTSP response (RFC 2326 section 7): status, headers (names compared without case), body. Immutable. */
record RtspResponse(int status, String reason, List<String[]> headers, String body) {
    private static final int MAX_LINE = 8192;
    private static final int MAX_BODY = 256 * 1024;
    private static final int MAX_HEADERS = 100;

    /** The first value of header {@code name}, or null. */
    String header(String name) {
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase(name)) {
                return h[1];
            }
        }
        return null;
    }

    List<String> all(String name) {
        List<String> values = new ArrayList<>();
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase(name)) {
                values.add(h[1]);
            }
        }
        return values;
    }

    /** Reads a response whose status line starts after {@code firstBytes} already consumed ("" when none). */
    static RtspResponse read(InputStream in, String firstBytes) throws IOException {
        String statusLine = firstBytes + line(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("RTSP/")) {
            throw new IOException("not an RTSP response: " + abbreviate(statusLine));
        }
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("not an RTSP response: " + abbreviate(statusLine));
        }
        List<String[]> headers = new ArrayList<>();
        for (String l = line(in); !l.isEmpty(); l = line(in)) {
            if (headers.size() >= MAX_HEADERS) {
                throw new IOException("more than " + MAX_HEADERS + " RTSP headers");
            }
            int colon = l.indexOf(':');
            if (colon > 0) {
                headers.add(new String[] {l.substring(0, colon).trim(), l.substring(colon + 1).trim()});
            }
        }
        RtspResponse head = new RtspResponse(status, parts.length > 2 ? parts[2] : "", headers, "");
        String length = head.header("Content-Length");
        int size;
        try {
            size = length == null ? 0 : Integer.parseInt(length.trim());
        } catch (NumberFormatException e) {
            throw new IOException("RTSP Content-Length is not a number: " + abbreviate(length));
        }
        if (size < 0 || size > MAX_BODY) {
            throw new IOException("RTSP body of " + size + " bytes refused");
        }
        byte[] body = in.readNBytes(size);
        if (body.length < size) {
            throw new EOFException("RTSP connection closed in a response");
        }
        return new RtspResponse(status, head.reason(), headers, new String(body, StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder s = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("RTSP connection closed");
            }
            if (c != '\r') {
                s.append((char) c);
            }
            if (s.length() > MAX_LINE) {
                throw new IOException("RTSP header line too long");
            }
        }
        return s.toString();
    }

    private static String abbreviate(String s) {
        String t = s.length() > 60 ? s.substring(0, 60) + "..." : s;
        return t.toLowerCase(Locale.ROOT).chars().allMatch(c -> c >= 32 && c < 127) ? t : "(binary)";
    }
}
