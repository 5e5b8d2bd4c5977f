package dev.forumkit.core.webhook;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Posts one delivery over HTTP/1.1 to the address {@link WebhookTargets} checked. Not the JDK HttpClient on purpose:
 * it resolves the host name itself and cannot be told which address to use, which would reopen the DNS rebinding
 * gap the check closes. HTTPS verifies the certificate against the URL's host name (SNI too). Redirects are never
 * followed (a 3xx is a failed attempt); only the status line is read.
 */
public final class WebhookSender {
    private static final int MAX_STATUS_LINE = 8192;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    public WebhookSender(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /** The receiver's HTTP status; an IOException when none came (refused, timed out, not HTTP). */
    public int post(WebhookTargets.Target target, Map<String, String> headers, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("POST ").append(target.requestTarget()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(target.hostHeader()).append("\r\n")
                .append("User-Agent: forumkit-webhooks\r\n")
                .append("Content-Type: application/json; charset=utf-8\r\n")
                .append("Content-Length: ").append(bytes.length).append("\r\n")
                .append("Connection: close\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("\r\n");
        try (Socket socket = open(target)) {
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.flush();
            return status(socket.getInputStream());
        }
    }

    private Socket open(WebhookTargets.Target target) throws IOException {
        Socket raw = new Socket();
        try {
            raw.connect(new InetSocketAddress(target.address(), target.port()), (int) connectTimeout.toMillis());
            raw.setSoTimeout((int) readTimeout.toMillis());
            if (!target.https()) {
                return raw;
            }
            SSLSocket tls = (SSLSocket) SSLContext.getDefault().getSocketFactory()
                    .createSocket(raw, target.host(), target.port(), true);
            SSLParameters p = tls.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            if (!target.host().contains(":") && !Character.isDigit(target.host().charAt(target.host().length() - 1))) {
                p.setServerNames(List.of(new SNIHostName(target.host())));
            }
            tls.setSSLParameters(p);
            tls.startHandshake();
            return tls;
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        } catch (NoSuchAlgorithmException e) {
            raw.close();
            throw new IOException("no TLS in this JDK", e);
        }
    }

    private static int status(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (line.length() > MAX_STATUS_LINE) {
                throw new IOException("the answer is not HTTP");
            }
            line.append((char) c);
        }
        String[] parts = line.toString().strip().split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("the answer is not HTTP");
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("the answer is not HTTP");
        }
    }
}
