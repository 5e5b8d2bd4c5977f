package dev.forumkit.core.mail;

import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.Validation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One e-mail to one recipient: a subject, a plain-text body, an optional HTML alternative ({@code null} for none),
 * extra headers such as {@code List-Unsubscribe} (in order) and the sender's idempotency key. The key names what the
 * e-mail is about (say {@code password-reset:42:7}); the Message-ID is derived from it, so the same e-mail sent again
 * after a crash carries the same Message-ID and can be recognised. Every field is checked here: no header name or
 * value, subject or address can hold CR or LF, so nothing a member typed can add a header or a recipient.
 */
public record Email(EmailAddress to, String subject, String text, String html, Map<String, String> headers, String key) {
    static final int MAX_BODY = 1 << 20;
    /** Set by the mailer from its own settings or the fields above; an extra header must not override them. */
    private static final Set<String> RESERVED = Set.of("from", "sender", "reply-to", "to", "cc", "bcc", "subject",
            "date", "message-id", "mime-version", "content-type", "content-transfer-encoding", "return-path");

    public Email {
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        Validation v = Validation.start().require(to != null, "to", "required", "to is required")
                .length(subject, "subject", 1, 255).noControlCharacters(subject, "subject")
                .length(text, "text", 1, MAX_BODY).wellFormed(text, "text")
                .wellFormed(html, "html")
                .require(html == null || html.length() <= MAX_BODY, "html", "too_long", "html must be at most "
                        + MAX_BODY + " characters")
                .length(key, "key", 1, 200).noControlCharacters(key, "key")
                .require(headers.size() <= 20, "headers", "too_many", "at most 20 extra headers");
        checkHeaders(headers, v);
        v.orThrow();
    }

    /** A plain-text e-mail without extra headers. */
    public static Email plain(EmailAddress to, String subject, String text, String key) {
        return new Email(to, subject, text, null, Map.of(), key);
    }

    /** The same e-mail with an HTML alternative to the plain text. */
    public Email withHtml(String value) {
        return new Email(to, subject, text, value, headers, key);
    }

    /** The same e-mail with one more header (e.g. {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click}). */
    public Email withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        if (more.putIfAbsent(name, value) != null) {
            throw InvalidInputException.of("headers", "duplicate", "header " + EmailAddress.quoted(name) + " is already set");
        }
        return new Email(to, subject, text, html, more, key);
    }

    /** The value of an extra header, found regardless of case; null if absent. */
    public String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /**
     * The Message-ID for this e-mail sent from {@code domain}: {@code <128 bits of SHA-256 of the key, in hex>@domain>}.
     * The key is hashed so that it may hold any characters and reveals nothing of what it names.
     */
    public String messageId(String domain) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(("forumkit-mail\n" + key).getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(hash, 0, 16) + "@" + domain + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void checkHeaders(Map<String, String> headers, Validation v) {
        Set<String> seen = new HashSet<>();
        headers.forEach((name, value) -> {
            String shown = name == null ? "null" : EmailAddress.quoted(name);
            boolean nameOk = name != null && name.matches("[!-9;-~]{1,76}");
            v.require(nameOk, "headers", "invalid_header_name", "header name " + shown
                    + " must be 1-76 printable ASCII characters without ':' or spaces");
            if (nameOk) {
                String lower = name.toLowerCase(Locale.ROOT);
                v.require(!RESERVED.contains(lower), "headers", "reserved_header", "header " + shown
                        + " is set by the mailer and cannot be given as an extra header");
                v.require(seen.add(lower), "headers", "duplicate", "header " + shown + " is given twice");
            }
            v.require(value != null && !value.isBlank(), "headers", "required", "header " + shown + " needs a value");
            v.require(value == null || value.codePoints().noneMatch(Character::isISOControl), "headers",
                    "invalid_characters", "header " + shown + " must not contain line breaks or other control characters");
            v.wellFormed(value, "headers");
            v.require(value == null || value.length() <= 900, "headers", "too_long", "header " + shown
                    + " must be at most 900 characters");
        });
    }

    @Override
    public String toString() {
        return "Email[to=" + to + ", subject=" + subject + ", key=" + key + ", headers=" + headers.keySet()
                + ", html=" + (html != null) + "]";
    }
}
