package dev.forumkit.app;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the forum's e-mails in a GreenMail server are about: a password reset, or (by the post they link to) a thread.
 * GreenMail lists its messages by mailbox, not in the order they came, so every look goes through all of them.
 */
final class Mailbox {
    static final String RESET_SUBJECT = "Reset your password";
    private static final Pattern POST_LINK = Pattern.compile("/posts/(\\d+)/");
    private final GreenMailExtension smtp;
    /** By recipient and Message-ID: the post a message links to (0: none). */
    private final Map<String, Long> about = new HashMap<>();

    Mailbox(GreenMailExtension smtp) {
        this.smtp = smtp;
    }

    /**
     * What arrived, by "{recipient} {thread id}" for notifications and "{recipient} reset" for reset links, each with
     * the Message-IDs of its copies; the file tells which thread a post is in.
     */
    Map<String, List<String>> received(H2File file) throws Exception {
        Map<String, List<String>> out = new TreeMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            String to = m.getAllRecipients()[0].toString();
            String key;
            if (m.getSubject().startsWith(RESET_SUBJECT)) {
                key = to + " reset";
            } else {
                long post = linkedPost(m);
                assertThat(post).as("a link to the post in: %s", text(m)).isPositive();
                key = to + " " + file.number("SELECT thread_id FROM posts WHERE id = " + post);
            }
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(m.getMessageID());
        }
        return out;
    }

    /** Waits up to 60 s until {@code count} e-mails about the given posts arrived; else fails with what is stuck. */
    void awaitEmailsAbout(Set<Long> posts, int count, Supplier<String> stuck) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            long found = 0;
            for (MimeMessage m : smtp.getReceivedMessages()) {
                found += posts.contains(about.computeIfAbsent(m.getAllRecipients()[0] + " " + m.getMessageID(),
                        k -> linkedPost(m))) ? 1 : 0;
            }
            if (found >= count) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + count + " e-mails about the " + posts.size() + " replies of this try in 60 s;"
                + " the e-mails are about the posts " + new TreeSet<>(about.values()) + "\n" + stuck.get());
    }

    /** Waits until the server has taken in what a dead or stopped forum sent (a last DATA may still be read). */
    void settle() throws InterruptedException {
        int last = -1;
        for (int n = smtp.getReceivedMessages().length; n != last; n = smtp.getReceivedMessages().length) {
            last = n;
            Thread.sleep(300);
        }
    }

    private static long linkedPost(MimeMessage m) {
        try {
            Matcher post = POST_LINK.matcher(m.getSubject().startsWith(RESET_SUBJECT) ? "" : text(m));
            return post.find() ? Long.parseLong(post.group(1)) : 0L;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(MimeMessage m) {
        try {
            Object content = m.getContent();
            if (content instanceof Multipart parts) {
                for (int i = 0; i < parts.getCount(); i++) {
                    BodyPart p = parts.getBodyPart(i);
                    if (p.isMimeType("text/plain")) {
                        return p.getContent().toString();
                    }
                }
            }
            return content.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
