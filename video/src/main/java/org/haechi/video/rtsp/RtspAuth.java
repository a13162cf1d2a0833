package org.haechi.video.rtsp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Answers an RTSP server's login challenge (RFC 2617 as RTSP cameras use it): Digest with MD5 when offered (with
 * {@code qop=auth} when the server asks for it), Basic otherwise. The credentials come from the camera URL's user
 * part. One client's thread.
 */
final class RtspAuth {
    private final String user;
    private final String password;
    private final Map<String, String> digest;
    private final boolean basic;
    private int nonceCount;

    private RtspAuth(String user, String password, Map<String, String> digest, boolean basic) {
        this.user = user;
        this.password = password;
        this.digest = digest;
        this.basic = basic;
    }

    /** From the WWW-Authenticate headers of a 401; null when none of them is Digest or Basic. */
    static RtspAuth fromChallenges(List<String> challenges, String user, String password) {
        for (String c : challenges) {
            if (c.regionMatches(true, 0, "Digest ", 0, 7)) {
                return new RtspAuth(user, password, parameters(c.substring(7)), false);
            }
        }
        for (String c : challenges) {
            if (c.regionMatches(true, 0, "Basic", 0, 5)) {
                return new RtspAuth(user, password, null, true);
            }
        }
        return null;
    }

    /** The Authorization header value for {@code method} on {@code uri}. */
    String header(String method, String uri) {
        if (basic) {
            return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
        }
        String realm = digest.getOrDefault("realm", "");
        String nonce = digest.getOrDefault("nonce", "");
        String ha1 = md5(user + ":" + realm + ":" + password);
        String ha2 = md5(method + ":" + uri);
        String head = "Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\""
                + uri + "\"";
        String tail = (digest.containsKey("opaque") ? ", opaque=\"" + digest.get("opaque") + "\"" : "")
                + (digest.containsKey("algorithm") ? ", algorithm=" + digest.get("algorithm") : "");
        if (!qopAuth()) {
            return head + ", response=\"" + md5(ha1 + ":" + nonce + ":" + ha2) + "\"" + tail;
        }
        String nc = String.format(Locale.ROOT, "%08x", ++nonceCount);
        String cnonce = HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(8)
                .putLong(java.util.concurrent.ThreadLocalRandom.current().nextLong()).array());
        return head + ", response=\"" + md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2) + "\""
                + ", qop=auth, nc=" + nc + ", cnonce=\"" + cnonce + "\"" + tail;
    }

    private boolean qopAuth() {
        String qop = digest.get("qop");
        if (qop == null) {
            return false;
        }
        for (String option : qop.split(",")) {
            if (option.trim().equalsIgnoreCase("auth")) {
                return true;
            }
        }
        return false;
    }

    static Map<String, String> parameters(String s) {
        Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        int i = 0;
        while (i < s.length()) {
            int eq = s.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String key = s.substring(i, eq).trim().replace(",", "").trim();
            int end;
            String value;
            if (eq + 1 < s.length() && s.charAt(eq + 1) == '"') {
                end = s.indexOf('"', eq + 2);
                end = end < 0 ? s.length() : end;
                value = s.substring(eq + 2, end);
                end++;
            } else {
                end = s.indexOf(',', eq);
                end = end < 0 ? s.length() : end;
                value = s.substring(eq + 1, end).trim();
            }
            map.put(key.toLowerCase(Locale.ROOT), value);
            i = end + 1;
        }
        return map;
    }

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
