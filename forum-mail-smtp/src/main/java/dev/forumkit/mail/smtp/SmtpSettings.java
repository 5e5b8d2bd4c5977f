package dev.forumkit.mail.smtp;

import dev.forumkit.core.mail.EmailAddress;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how {@link SmtpMailer} sends: the server's host and port, the TLS mode, an optional log-in (user and
 * password, both or neither), the From mailbox and one timeout for connecting, each read and each write.
 */
public record SmtpSettings(String host, int port, TlsMode tls, String user, String password, EmailAddress from,
                           Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public SmtpSettings {
        host = host == null ? null : host.strip();
        if (host == null || host.isEmpty() || !host.matches("[\\p{L}\\p{N}.:\\[\\]_-]+")) {
            throw new IllegalArgumentException("SMTP host must be a host name or IP address, not " + host);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("SMTP port must be 1-65535, not " + port);
        }
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(from, "from");
        user = user == null || user.isBlank() ? null : user;
        if ((user == null) != (password == null)) {
            throw new IllegalArgumentException("give both an SMTP user and a password, or neither");
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("SMTP timeout must be positive, not " + timeout);
        }
    }

    /** Settings for {@code host} with the mode's usual port, no log-in and the default timeout of 10 s. */
    public static SmtpSettings of(String host, TlsMode tls, EmailAddress from) {
        return new SmtpSettings(host, tls.defaultPort(), tls, null, null, from, DEFAULT_TIMEOUT);
    }

    public SmtpSettings withPort(int value) {
        return new SmtpSettings(host, value, tls, user, password, from, timeout);
    }

    public SmtpSettings withLogin(String newUser, String newPassword) {
        return new SmtpSettings(host, port, tls, newUser, newPassword, from, timeout);
    }

    public SmtpSettings withTimeout(Duration value) {
        return new SmtpSettings(host, port, tls, user, password, from, value);
    }

    /** Says where mail goes, for a log line; never shows the password. */
    public String describe() {
        return host + ":" + port + " (" + tls + (user == null ? "" : ", as " + user) + ") from " + from;
    }

    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", tls=" + tls + ", user=" + user
                + ", password=" + (password == null ? null : "***") + ", from=" + from + ", timeout=" + timeout + "]";
    }
}
