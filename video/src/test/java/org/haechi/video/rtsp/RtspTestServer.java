package org.haechi.video.rtsp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A one-client RTSP server on 127.0.0.1 for tests: Digest login, RTP interleaved on the RTSP connection (what most
 * IP cameras offer and VLC's server does not), RTCP before the PLAY answer and an answer between RTP packets (as
 * cameras do), a real H.264 byte stream sent as RTP (single NAL units and FU-A), then the connection is closed.
 */
final class RtspTestServer implements AutoCloseable {
    static final String REALM = "Haechi test camera";
    static final String NONCE = "5e1f3a";
    private final ServerSocket server;
    private final List<List<byte[]>> units;
    private final String user;
    private final String password;
    private final String sdpCodec;
    final List<String> methods = new CopyOnWriteArrayList<>();
    private final Thread thread;

    RtspTestServer(List<List<byte[]>> units, String user, String password, String sdpCodec) throws IOException {
        this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        this.units = units;
        this.user = user;
        this.password = password;
        this.sdpCodec = sdpCodec;
        this.thread = new Thread(this::serve, "rtsp-test-server");
        thread.setDaemon(true);
        thread.start();
    }

    String url(String credentials) {
        return "rtsp://" + credentials + "127.0.0.1:" + server.getLocalPort() + "/cam";
    }

    private void serve() {
        try (Socket s = server.accept()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = s.getOutputStream();
            while (true) {
                String requestLine = in.readLine();
                if (requestLine == null) {
                    return;
                }
                Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                for (String l = in.readLine(); l != null && !l.isEmpty(); l = in.readLine()) {
                    int colon = l.indexOf(':');
                    headers.put(l.substring(0, colon).trim(), l.substring(colon + 1).trim());
                }
                String[] parts = requestLine.split(" ");
                String method = parts[0];
                methods.add(method);
                String cseq = "CSeq: " + headers.get("CSeq") + "\r\n";
                if (!authorized(method, parts[1], headers.get("Authorization"))) {
                    reply(out, "401 Unauthorized", cseq + "WWW-Authenticate: Digest realm=\"" + REALM + "\", nonce=\""
                            + NONCE + "\"\r\n", "");
                    continue;
                }
                switch (method) {
                    case "DESCRIBE" -> {
                        out.write(new byte[] {'\r', '\n'});     // a stray line end before the answer
                        reply(out, "200 OK", cseq + "Content-Type: application/sdp\r\nContent-Base: "
                            + parts[1] + "/\r\n", "v=0\r\ns=test\r\nt=0 0\r\nm=video 0 RTP/AVP 96\r\na=rtpmap:96 "
                            + sdpCodec + "/90000\r\na=control:trackID=1\r\n");
                    }
                    case "SETUP" -> reply(out, "200 OK", cseq + "Transport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n"
                            + "Session: 42;timeout=60\r\n", "");
                    case "PLAY" -> {
                        // some cameras start sending before they answer PLAY
                        out.write(new byte[] {'$', 1, 0, 4, 9, 9, 9, 9});
                        reply(out, "200 OK", cseq + "Session: 42\r\n", "");
                        sendUnits(out);
                        return;
                    }
                    default -> reply(out, "200 OK", cseq, "");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private boolean authorized(String method, String uri, String authorization) {
        if (user == null) {
            return true;
        }
        return authorization != null && authorization.contains("response=\""
                + digest(user, REALM, password, NONCE, method, uri) + "\"");
    }

    static String digest(String user, String realm, String password, String nonce, String method, String uri) {
        return md5(md5(user + ":" + realm + ":" + password) + ":" + nonce + ":" + md5(method + ":" + uri));
    }

    static String digestQop(String user, String realm, String password, String nonce, String nc, String cnonce,
                            String method, String uri) {
        return md5(md5(user + ":" + realm + ":" + password) + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:"
                + md5(method + ":" + uri));
    }

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void reply(OutputStream out, String status, String headers, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        out.write(("RTSP/1.0 " + status + "\r\n" + headers + "Content-Length: " + b.length + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.write(b);
        out.flush();
    }

    /** Each access unit as RTP on channel 0, 1/15 s apart in RTP time; a keep-alive answer in the middle. */
    private void sendUnits(OutputStream out) throws IOException {
        int seq = 1000;
        long ts = 4_000_000_000L;
        for (int u = 0; u < units.size(); u++) {
            List<byte[]> nals = units.get(u);
            List<byte[]> payloads = new ArrayList<>();
            for (byte[] nal : nals) {
                payloads.addAll(fragments(nal));
            }
            for (int i = 0; i < payloads.size(); i++) {
                byte[] payload = payloads.get(i);
                byte[] rtp = new byte[12 + payload.length];
                rtp[0] = (byte) 0x80;
                rtp[1] = (byte) ((i == payloads.size() - 1 ? 0x80 : 0) | 96);
                rtp[2] = (byte) (seq >> 8);
                rtp[3] = (byte) seq++;
                long t = ts & 0xFFFFFFFFL;
                rtp[4] = (byte) (t >> 24);
                rtp[5] = (byte) (t >> 16);
                rtp[6] = (byte) (t >> 8);
                rtp[7] = (byte) t;
                System.arraycopy(payload, 0, rtp, 12, payload.length);
                out.write(new byte[] {'$', 0, (byte) (rtp.length >> 8), (byte) rtp.length});
                out.write(rtp);
            }
            if (u == units.size() / 2) {
                reply(out, "200 OK", "CSeq: 99\r\n", "");
                out.write(new byte[] {'$', 1, 0, 4, 1, 2, 3, 4});
            }
            ts += 6000;
        }
        out.flush();
    }

    /** A NAL unit as one payload, or as FU-A fragments of at most 1,200 bytes. */
    static List<byte[]> fragments(byte[] nal) {
        if (nal.length <= 1200) {
            return List.of(nal);
        }
        List<byte[]> out = new ArrayList<>();
        for (int at = 1; at < nal.length; at += 1200) {
            int n = Math.min(1200, nal.length - at);
            byte[] f = new byte[2 + n];
            f[0] = (byte) ((nal[0] & 0xE0) | 28);
            f[1] = (byte) ((at == 1 ? 0x80 : 0) | (at + n == nal.length ? 0x40 : 0) | (nal[0] & 0x1F));
            System.arraycopy(nal, at, f, 2, n);
            out.add(f);
        }
        return out;
    }

    /** Splits an Annex B byte stream into access units (a picture starts at a slice whose first_mb_in_slice is 0). */
    static List<List<byte[]>> accessUnits(byte[] annexB) {
        List<byte[]> nals = new ArrayList<>();
        int start = -1;
        for (int i = 0; i + 2 < annexB.length; i++) {
            if (annexB[i] == 0 && annexB[i + 1] == 0 && annexB[i + 2] == 1) {
                if (start >= 0) {
                    int end = i > 0 && annexB[i - 1] == 0 ? i - 1 : i;
                    nals.add(java.util.Arrays.copyOfRange(annexB, start, end));
                }
                start = i + 3;
                i += 2;
            }
        }
        nals.add(java.util.Arrays.copyOfRange(annexB, start, annexB.length));
        List<List<byte[]>> units = new ArrayList<>();
        List<byte[]> current = new ArrayList<>();
        boolean sawPicture = false;
        for (byte[] nal : nals) {
            int type = nal[0] & 0x1F;
            boolean vcl = type == 1 || type == 5;
            boolean startsPicture = vcl ? (nal[1] & 0x80) != 0 : type == 9 || type == 7 || type == 8 || type == 6;
            if (sawPicture && startsPicture) {
                units.add(current);
                current = new ArrayList<>();
                sawPicture = false;
            }
            current.add(nal);
            sawPicture |= vcl;
        }
        units.add(current);
        return units;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
