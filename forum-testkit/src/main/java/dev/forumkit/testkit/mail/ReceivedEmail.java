package dev.forumkit.testkit.mail;

import dev.forumkit.core.mail.EmailAddress;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One e-mail as it reached one mailbox, decoded: header values and names as people read them (RFC 2047 undone),
 * bodies with line ends as {@code \n} and without a final line end (SMTP servers may add or drop that one),
 * {@code html} null when the e-mail had no HTML part. Adapter tests build these from whatever their server received.
 */
public record ReceivedEmail(EmailAddress from, EmailAddress to, String subject, String text, String html,
                            String messageId, Map<String, String> headers) {
    public ReceivedEmail {
        Objects.requireNonNull(to, "to");
        text = body(text);
        html = body(html);
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** A body as it is compared: line ends as {@code \n}, no final line end. */
    public static String body(String sent) {
        if (sent == null) {
            return null;
        }
        String lf = sent.replace("\r\n", "\n");
        return lf.endsWith("\n") ? lf.substring(0, lf.length() - 1) : lf;
    }

    /** A header's value, whatever the case of its name; null if absent. */
    public String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
