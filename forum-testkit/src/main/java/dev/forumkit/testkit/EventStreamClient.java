package dev.forumkit.testkit;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A raw Server-Sent Events client on a plain socket, as a test or benchmark sees the wire: it sends one
 * {@code GET} with {@code Accept: text/event-stream}, reads the status and headers, then parses events and comment
 * lines on a daemon thread (chunked or not). No library stands between the test and the bytes the server wrote.
 */
public final class EventStreamClient implements AutoCloseable {
    /** One event: its {@code event:} name ("message" when none), {@code data:} lines joined by newlines, {@code id:}. */
    public record Event(String name, String data, String id, long receivedNanos) {
    }

    private final Socket socket;
    private final int status;
    private final Map<String, String> headers;
    private final String body;
    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();
    private volatile boolean ended;

    private EventStreamClient(Socket socket, int status, Map<String, String> headers, String body) {
        this.socket = socket;
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    /**
     * Connects and reads the answer's head; a 200 {@code text/event-stream} answer is then read as events, any other
     * answer is read whole ({@link #body()}). {@code extraHeaders}: e.g. {@code Cookie}.
     */
    public static EventStreamClient open(URI uri, Map<String, String> extraHeaders) {
        try {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 10_000);
            socket.setSoTimeout(0);
            StringBuilder request = new StringBuilder()
                    .append("GET ").append(uri.getRawPath()).append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    .append(" HTTP/1.1\r\nHost: ").append(uri.getHost()).append(':').append(uri.getPort())
                    .append("\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\n");
            extraHeaders.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
            String statusLine = line(in);
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String h = line(in); !h.isEmpty(); h = line(in)) {
                int colon = h.indexOf(':');
                headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
            }
            InputStream content = "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? new Chunked(in) : in;
            String type = headers.getOrDefault("content-type", "");
            if (status != 200 || !type.startsWith("text/event-stream")) {
                String length = headers.get("content-length");
                byte[] rest = length != null ? in.readNBytes(Integer.parseInt(length)) : content.readAllBytes();
                socket.close();
                EventStreamClient done = new EventStreamClient(socket, status, headers, new String(rest, StandardCharsets.UTF_8));
                done.ended = true;
                return done;
            }
            EventStreamClient client = new EventStreamClient(socket, status, headers, null);
            Thread reader = new Thread(() -> client.read(content), "sse-client");
            reader.setDaemon(true);
            reader.start();
            return client;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int status() {
        return status;
    }

    /** A response header, by lower-case name. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The whole body of an answer that was not an event stream; null for a stream. */
    public String body() {
        return body;
    }

    /** The next event, waiting at most {@code timeout}; null if none came. */
    public Event next(Duration timeout) {
        try {
            return events.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The next event named {@code name}, skipping others, waiting at most {@code timeout} in all; null if none came. */
    public Event next(String name, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        for (long left = timeout.toNanos(); left > 0; left = end - System.nanoTime()) {
            Event e = next(Duration.ofNanos(left));
            if (e != null && e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }

    /** Comment lines received so far (heartbeats), without the colon. */
    public List<String> comments() {
        return List.copyOf(comments);
    }

    /** Whether the server ended the stream (or the connection broke). */
    public boolean ended() {
        return ended;
    }

    private void read(InputStream in) {
        String name = null;
        StringBuilder data = null;
        String id = null;
        try {
            while (true) {
                String l = line(in);
                if (l.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(name == null ? "message" : name, data.toString(), id, System.nanoTime()));
                    }
                    name = null;
                    data = null;
                    id = null;
                } else if (l.startsWith(":")) {
                    comments.add(l.substring(1).trim());
                } else {
                    int colon = l.indexOf(':');
                    String field = colon < 0 ? l : l.substring(0, colon);
                    String value = colon < 0 ? "" : l.substring(colon + 1).replaceFirst("^ ", "");
                    switch (field) {
                        case "event" -> name = value;
                        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                        case "id" -> id = value;
                        default -> { } // retry and unknown fields: not used here
                    }
                }
            }
        } catch (IOException e) {
            ended = true;
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("stream ended");
            }
            b.write(c);
        }
        String s = b.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public void close() {
        ended = true;
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /** HTTP/1.1 chunked transfer coding, undone. */
    private static final class Chunked extends InputStream {
        private final InputStream in;
        private long left;
        private boolean done;

        Chunked(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            if (done) {
                return -1;
            }
            if (left == 0) {
                String size = line(in);
                while (size.isEmpty()) {
                    size = line(in); // the CRLF after the previous chunk's data
                }
                int semi = size.indexOf(';');
                left = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
                if (left == 0) {
                    done = true;
                    return -1;
                }
            }
            int c = in.read();
            if (c < 0) {
                throw new EOFException("stream ended inside a chunk");
            }
            left--;
            return c;
        }
    }
}
