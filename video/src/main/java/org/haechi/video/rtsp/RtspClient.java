package org.haechi.video.rtsp;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A minimal RTSP client (RFC 2326) for one video track: DESCRIBE, SETUP (RTP over the RTSP connection first, RTP
 * over UDP when the server answers 461, as VLC's does), PLAY, keep-alive, TEARDOWN; Digest or Basic login from the
 * URL's user part. {@link #next()} runs on one reading thread; {@link #close()} may come from any thread and makes
 * a blocked {@code next()} fail at once.
 */
public final class RtspClient implements AutoCloseable {
    private static final int READ_TIMEOUT_MS = 5000;
    private static final int SILENCE_LIMIT_MS = 10_000;
    private static final int UDP_BUFFER = 4 * 1024 * 1024;
    private final String url;
    private final String user;
    private final String password;
    private final String host;
    private final int port;
    private final Socket socket;
    private DataInputStream in;
    private OutputStream out;
    private final byte[] packet = new byte[65536];
    private final DatagramPacket datagram = new DatagramPacket(packet, packet.length);
    private RtspAuth auth;
    private int cseq;
    private String session;
    private long keepAliveNanos = 30_000_000_000L;
    private long lastKeepAlive;
    private SdpTrack track;
    private volatile DatagramSocket rtp;
    private volatile DatagramSocket rtcp;
    private int rtpChannel;
    private volatile boolean closed;

    private RtspClient(String url, String user, String password, String host, int port) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.host = host;
        this.port = port;
        this.socket = new Socket();
    }

    /**
     * Connects and starts playing the first H.264 or H.265 track. Throws {@link UnsupportedStreamException} when the
     * session has no such track, and an IOException saying what went wrong otherwise.
     */
    public static RtspClient open(String cameraUrl, int connectTimeoutMs) throws IOException {
        RtspClient client = create(cameraUrl);
        client.start(connectTimeoutMs);
        return client;
    }

    /**
     * A client for {@code cameraUrl} that has not connected yet (no I/O here): {@link #start} connects, and a
     * {@link #close()} from another thread before or during it makes it fail at once.
     */
    public static RtspClient create(String cameraUrl) throws IOException {
        URI uri;
        try {
            uri = new URI(cameraUrl);
        } catch (java.net.URISyntaxException e) {
            throw new IOException("not a camera URL: " + e.getReason());
        }
        String host = uri.getHost();
        if (host == null) {
            throw new IOException("no host in " + cameraUrl);
        }
        String[] login = credentials(uri.getUserInfo());
        String authority = uri.getRawAuthority();
        String plain = "rtsp://" + authority.substring(authority.indexOf('@') + 1)
                + (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new RtspClient(plain, login[0], login[1], host, uri.getPort() > 0 ? uri.getPort() : 554);
    }

    /** Connects and plays; on failure everything opened is closed again. */
    public void start(int connectTimeoutMs) throws IOException {
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), connectTimeoutMs);
            socket.setSoTimeout(READ_TIMEOUT_MS);
            in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
            out = socket.getOutputStream();
            handshake();
        } catch (IOException e) {
            boolean stopped = closed;
            close();
            throw stopped ? new IOException("stopped while connecting") : e;
        } catch (RuntimeException e) {
            close();
            throw new IOException("the camera's answer makes no sense: " + e, e);
        }
    }

    /** User and password from the URL's user part, decoded ("%40" is "@"; a "+" stays a plus). */
    private static String[] credentials(String userInfo) {
        if (userInfo == null) {
            return new String[] {null, null};
        }
        int colon = userInfo.indexOf(':');
        return colon < 0 ? new String[] {userInfo, ""}
                : new String[] {userInfo.substring(0, colon), userInfo.substring(colon + 1)};
    }

    private void handshake() throws IOException {
        RtspResponse describe = request("DESCRIBE", url, Map.of("Accept", "application/sdp"));
        String base = describe.header("Content-Base");
        track = SdpTrack.parse(describe.body(), base != null ? base : url);
        if (track == null) {
            throw new UnsupportedStreamException("no H.264 or H.265 video in " + url);
        }
        RtspResponse setup = request("SETUP", track.controlUrl(),
                Map.of("Transport", "RTP/AVP/TCP;unicast;interleaved=0-1"), true);
        if (setup.status() == 461 || setup.status() == 400) {
            setup = setupUdp();
        } else {
            check(setup, "SETUP");
            rtpChannel = interleavedChannel(setup.header("Transport"));
        }
        session = sessionId(setup.header("Session"));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Range", "npt=0.000-");
        request("PLAY", base != null ? base : url, headers);
        lastKeepAlive = System.nanoTime();
        if (rtp == null) {
            socket.setSoTimeout(SILENCE_LIMIT_MS);
        }
    }

    private RtspResponse setupUdp() throws IOException {
        openUdpPair();
        RtspResponse setup = request("SETUP", track.controlUrl(), Map.of("Transport",
                "RTP/AVP;unicast;client_port=" + rtp.getLocalPort() + "-" + rtcp.getLocalPort()));
        return setup;
    }

    /** An even port for RTP and the next one for RTCP (RFC 3550 section 11), bound on every interface. */
    private void openUdpPair() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            DatagramSocket a = new DatagramSocket(0);
            int even = a.getLocalPort();
            if (even % 2 != 0 || even == 65534) {
                a.close();
                continue;
            }
            try {
                rtcp = new DatagramSocket(even + 1);
                rtp = a;
                a.setReceiveBufferSize(UDP_BUFFER);
                a.setSoTimeout(1000);
                return;
            } catch (SocketException e) {
                a.close();
                if (rtcp != null) {
                    rtcp.close();
                }
                rtp = null;
                rtcp = null;
            }
        }
        throw new IOException("no free UDP port pair for RTP");
    }

    static int interleavedChannel(String transport) {
        if (transport != null) {
            for (String p : transport.split(";")) {
                if (p.startsWith("interleaved=")) {
                    try {
                        return Integer.parseInt(p.substring(12).split("-")[0].trim());
                    } catch (NumberFormatException e) {
                        return 0;
                    }
                }
            }
        }
        return 0;
    }

    static String sessionId(String header) {
        if (header == null) {
            return null;
        }
        return header.split(";")[0].trim();
    }

    /** The track being played. */
    SdpTrack track() {
        return track;
    }

    /** Whether RTP comes over UDP (false: interleaved on the RTSP connection). */
    boolean udp() {
        return rtp != null;
    }

    /**
     * The next RTP packet of the video track; blocks. Fails when closed, when the server ends the session, or after
     * 10 s without a packet. The packet's buffer is reused by the next call.
     */
    RtpPacket next() throws IOException {
        long silentSince = System.nanoTime();
        while (true) {
            if (closed) {
                throw new IOException("closed");
            }
            keepAliveIfDue();
            RtpPacket p = rtp != null ? receiveUdp() : receiveInterleaved();
            if (p != null && p.payloadType() == track.payloadType()) {
                return p;
            }
            if (System.nanoTime() - silentSince > SILENCE_LIMIT_MS * 1_000_000L) {
                throw new IOException("no video for " + SILENCE_LIMIT_MS / 1000 + " s");
            }
        }
    }

    private RtpPacket receiveUdp() throws IOException {
        DatagramPacket d = datagram;
        d.setLength(packet.length);
        try {
            rtp.receive(d);
        } catch (SocketTimeoutException e) {
            return null;
        }
        drainResponses();
        // Only the camera's packets: anyone can send to an open UDP port. (Not connect(): some servers send from
        // another port than the one they announce.)
        return d.getAddress().equals(socket.getInetAddress()) ? RtpPacket.parse(packet, 0, d.getLength()) : null;
    }

    private RtpPacket receiveInterleaved() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new IOException("the server ended the session");
        }
        if (b == '$') {
            int channel = in.readUnsignedByte();
            int size = in.readUnsignedShort();
            in.readFully(packet, 0, size);
            return channel == rtpChannel ? RtpPacket.parse(packet, 0, size) : null;
        }
        if (b == 'R') {
            RtspResponse.read(in, "R");
        }
        return null;
    }

    /** Keep-alive answers arrive on the RTSP connection while RTP comes over UDP; read them so they do not pile up. */
    private void drainResponses() throws IOException {
        if (in.available() > 0) {
            response();
        }
    }

    private void keepAliveIfDue() throws IOException {
        long now = System.nanoTime();
        if (now - lastKeepAlive > keepAliveNanos) {
            lastKeepAlive = now;
            send("OPTIONS", url, Map.of());
        }
    }

    private RtspResponse request(String method, String target, Map<String, String> headers) throws IOException {
        RtspResponse r = request(method, target, headers, false);
        check(r, method);
        return r;
    }

    private RtspResponse request(String method, String target, Map<String, String> headers, boolean lenient)
            throws IOException {
        send(method, target, headers);
        RtspResponse r = response();
        if (r.status() == 401 && auth == null && user != null) {
            auth = RtspAuth.fromChallenges(r.all("WWW-Authenticate"), user, password);
            if (auth != null) {
                send(method, target, headers);
                r = response();
            }
        }
        if (r.header("Session") != null && r.header("Session").contains("timeout=")) {
            keepAliveNanos = keepAlive(r.header("Session"));
        }
        return r;
    }

    /** The next response; RTP a camera sends on the connection before its PLAY answer is skipped. */
    private RtspResponse response() throws IOException {
        while (true) {
            int b = in.read();
            while (b == '\r' || b == '\n') {
                b = in.read();
            }
            if (b != '$') {
                if (b < 0) {
                    throw new IOException("the camera closed the connection");
                }
                return RtspResponse.read(in, String.valueOf((char) b));
            }
            in.skipNBytes(1);
            in.skipNBytes(in.readUnsignedShort());
        }
    }

    static long keepAlive(String sessionHeader) {
        for (String p : sessionHeader.split(";")) {
            String t = p.trim();
            if (t.startsWith("timeout=")) {
                try {
                    return Math.max(5, Long.parseLong(t.substring(8).trim()) / 2) * 1_000_000_000L;
                } catch (NumberFormatException e) {
                    break;
                }
            }
        }
        return 30_000_000_000L;
    }

    private void check(RtspResponse r, String method) throws IOException {
        if (r.status() != 200) {
            throw new IOException("RTSP " + method + ": " + r.status() + " " + r.reason());
        }
    }

    private void send(String method, String target, Map<String, String> headers) throws IOException {
        StringBuilder s = new StringBuilder(method).append(' ').append(target).append(" RTSP/1.0\r\n");
        synchronized (out) {
            s.append("CSeq: ").append(++cseq).append("\r\n");
            s.append("User-Agent: Haechi\r\n");
            if (session != null) {
                s.append("Session: ").append(session).append("\r\n");
            }
            if (auth != null) {
                s.append("Authorization: ").append(auth.header(method, target)).append("\r\n");
            }
            headers.forEach((k, v) -> s.append(k).append(": ").append(v).append("\r\n"));
            s.append("\r\n");
            out.write(s.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    /** Says TEARDOWN (without waiting for the answer) and closes the sockets; any thread, more than once. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (session != null && out != null && !socket.isClosed()) {
                send("TEARDOWN", url, Map.of());
            }
        } catch (IOException e) {
            // the connection is already gone
        }
        closeQuietly(socket);
        DatagramSocket a = rtp;
        DatagramSocket b = rtcp;
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }
}
