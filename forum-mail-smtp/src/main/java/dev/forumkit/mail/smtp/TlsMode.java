package dev.forumkit.mail.smtp;

import java.util.Locale;

/** How the connection to the SMTP server is protected. */
public enum TlsMode {
    /** Plain text: only for a server on the same machine or network. */
    NONE(25),
    /** Plain connection upgraded with STARTTLS before anything else is said; fails if the server does not offer it. */
    STARTTLS(587),
    /** TLS from the first byte ("SMTPS"). */
    TLS(465);

    private final int defaultPort;

    TlsMode(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    /** The port this mode usually runs on: 25, 587 or 465. */
    public int defaultPort() {
        return defaultPort;
    }

    /** Reads {@code none}, {@code starttls} or {@code tls}, whatever the case. */
    public static TlsMode parse(String text) {
        for (TlsMode mode : values()) {
            if (mode.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("TLS mode must be none, starttls or tls, not " + text);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
