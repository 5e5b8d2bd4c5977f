package dev.forumkit.core.mail;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Keeps every e-mail it is given, in order, instead of sending it: for tests and demos. A re-send of the same e-mail
 * is kept again (with the same Message-ID), so tests can count how often a flow sent it.
 */
public final class InMemoryMailer implements Mailer {
    private final EmailAddress from;
    private final List<SentEmail> sent = new CopyOnWriteArrayList<>();

    public InMemoryMailer(EmailAddress from) {
        this.from = Objects.requireNonNull(from, "from");
    }

    /** A mailer sending as {@code forum@localhost}. */
    public InMemoryMailer() {
        this(EmailAddress.of("forum@localhost"));
    }

    @Override
    public void send(Email email) {
        sent.add(SentEmail.of(from, Objects.requireNonNull(email, "email")));
    }

    /** Everything sent so far, oldest first. */
    public List<SentEmail> sent() {
        return List.copyOf(sent);
    }

    /** Forgets what was sent. */
    public void clear() {
        sent.clear();
    }
}
