package dev.forumkit.web;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.forumkit.core.Forum;
import dev.forumkit.core.ForumConfig;
import dev.forumkit.core.mail.EmailAddress;
import dev.forumkit.core.member.Pbkdf2PasswordHasher;
import dev.forumkit.core.memory.InMemoryForumStorage;
import dev.forumkit.mail.smtp.SmtpMailer;
import dev.forumkit.mail.smtp.SmtpSettings;
import dev.forumkit.mail.smtp.TestSmtpServers;
import dev.forumkit.mail.smtp.TlsMode;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A forum whose e-mail goes through the real SMTP mailer to a GreenMail server, with a settable clock and no outbox
 * thread: tests call {@link #drain()} to let the mail consumer send, then read what the server received.
 */
final class MailWorld {
    static final String PUBLIC_URL = "https://forum.example.org/community";
    final Community.SettableClock clock = new Community.SettableClock(Instant.parse("2026-03-01T10:00:00Z"));
    final Forum forum;

    MailWorld(GreenMailExtension smtp, Consumer<ForumConfig> more) {
        this.forum = Forum.create(new InMemoryForumStorage(), c -> {
            c.passwordHasher(new Pbkdf2PasswordHasher(1_000)).viewFlushInterval(Duration.ZERO)
                    .outboxPollInterval(Duration.ZERO).clock(clock);
            mailTo(smtp).accept(c);
            more.accept(c);
        });
    }

    /** A forum's e-mail through the real SMTP mailer to the (started) GreenMail server, its links under {@link #PUBLIC_URL}. */
    static Consumer<ForumConfig> mailTo(GreenMailExtension smtp) {
        return c -> c.mailer(SmtpMailer.create(new SmtpSettings("127.0.0.1", smtp.getSmtp().getPort(), TlsMode.NONE, null,
                null, new EmailAddress("forum@example.org", "Example Forum"), Duration.ofSeconds(10)))).publicUrl(PUBLIC_URL + "/");
    }

    static GreenMailExtension smtpServer() {
        return new GreenMailExtension(TestSmtpServers.smtp());
    }

    void drain() {
        forum.outbox().drain();
    }

    /** The plain-text part of a received message (or its whole body when it is not multipart). */
    static String text(MimeMessage m) {
        return part(m, "text/plain");
    }

    static String html(MimeMessage m) {
        return part(m, "text/html");
    }

    private static String part(MimeMessage m, String type) {
        try {
            Object content = m.getContent();
            if (content instanceof Multipart parts) {
                for (int i = 0; i < parts.getCount(); i++) {
                    BodyPart p = parts.getBodyPart(i);
                    if (p.isMimeType(type)) {
                        return p.getContent().toString();
                    }
                }
                return null;
            }
            return m.isMimeType(type) ? content.toString() : null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first link in the text starting with the public URL and the given path; the path and query after the base. */
    static String link(MimeMessage m, String path) {
        Matcher found = Pattern.compile(Pattern.quote(PUBLIC_URL + path) + "\\S*").matcher(text(m));
        if (!found.find()) {
            throw new AssertionError("no " + path + " link in: " + text(m));
        }
        return found.group().substring(PUBLIC_URL.length());
    }

    static List<String> recipients(MimeMessage[] messages) {
        return java.util.Arrays.stream(messages).map(x -> {
            try {
                return x.getAllRecipients()[0].toString();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
