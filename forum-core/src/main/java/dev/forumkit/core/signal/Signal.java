package dev.forumkit.core.signal;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One notice on the bus: a topic ({@code outbox}) and a short body (a position, a kind). Kept small on purpose: it
 * must fit PostgreSQL's NOTIFY payload (under 8,000 bytes) with room to spare, and receivers read the rest from the
 * storage, which is the truth; a signal only says "look now".
 */
public record Signal(String topic, String body) {
    /** Longest body: far below NOTIFY's limit, so that no caller is tempted to ship data through the bus. */
    public static final int MAX_BODY = 200;
    private static final Pattern TOPIC = Pattern.compile("[a-z][a-z0-9.-]{0,39}");

    public Signal {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(body, "body");
        if (!TOPIC.matcher(topic).matches()) {
            throw new IllegalArgumentException("a signal topic is 1-40 of a-z, 0-9, '.', '-', starting with a letter: " + topic);
        }
        if (body.length() > MAX_BODY) {
            throw new IllegalArgumentException("a signal body has at most " + MAX_BODY + " characters, not " + body.length());
        }
        for (int i = 0; i < body.length(); i++) {
            if (Character.isISOControl(body.charAt(i))) {
                throw new IllegalArgumentException("a signal body has no control characters");
            }
        }
    }

    /** The wire form: {@code topic:body} (a topic has no colon, so the first one splits them). */
    public String encode() {
        return topic + ":" + body;
    }

    /** Reads the wire form back; throws {@link IllegalArgumentException} for anything {@link #encode()} never writes. */
    public static Signal decode(String wire) {
        int colon = wire.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("not a signal: " + wire);
        }
        return new Signal(wire.substring(0, colon), wire.substring(colon + 1));
    }
}
