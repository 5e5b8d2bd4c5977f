package dev.forumkit.testkit.mail;

import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.mail.Email;
import dev.forumkit.core.mail.EmailAddress;
import dev.forumkit.core.mail.Mailer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link Mailer} must do: deliver plain text with an optional HTML alternative, extra headers, Unicode in
 * subjects, names and bodies, bodies exactly as written, and the Message-ID derived from the e-mail's key; keep a
 * message to its one recipient whatever its content; and be safe from several threads. Bad addresses and headers are
 * refused before anything is sent. Subclasses create the mailer and say what their server received.
 */
public abstract class MailerContract {
    /** The sender every mailer under test is set up with; its display name is not ASCII on purpose. */
    protected static final EmailAddress FROM = new EmailAddress("forum@example.org", "Forum Ünïcode ✉ Team");
    private static final EmailAddress ANN = new EmailAddress("ann@example.org", "Ann");
    private Mailer mailer;

    /** A mailer that sends as {@code from}, to a server the test can read back. */
    protected abstract Mailer createMailer(EmailAddress from);

    /** Every e-mail the server received so far, oldest first, one entry per mailbox it reached. */
    protected abstract List<ReceivedEmail> received();

    @BeforeEach
    final void createContractMailer() {
        mailer = createMailer(FROM);
    }

    @Test
    void sendsPlainText() {
        mailer.send(Email.plain(ANN, "Welcome to the forum", "Hello Ann,\n\nwelcome aboard.\n", "welcome:1"));

        ReceivedEmail mail = only();
        assertThat(mail.from()).isEqualTo(FROM);
        assertThat(mail.to()).isEqualTo(ANN);
        assertThat(mail.subject()).isEqualTo("Welcome to the forum");
        assertThat(mail.text()).isEqualTo(ReceivedEmail.body("Hello Ann,\n\nwelcome aboard.\n"));
        assertThat(mail.html()).isNull();
    }

    @Test
    void sendsHtmlAsAnAlternativeToThePlainText() {
        mailer.send(Email.plain(ANN, "New reply", "kenji replied: see https://forum.example.org/posts/7/\n", "reply:7")
                .withHtml("<p><b>kenji</b> replied: <a href=\"https://forum.example.org/posts/7/\">see the post</a></p>"));

        ReceivedEmail mail = only();
        assertThat(mail.text()).isEqualTo(ReceivedEmail.body("kenji replied: see https://forum.example.org/posts/7/\n"));
        assertThat(mail.html()).isEqualTo("<p><b>kenji</b> replied: <a href=\"https://forum.example.org/posts/7/\">see the post</a></p>");
    }

    @Test
    void sendsExtraHeadersAsGiven() {
        mailer.send(Email.plain(ANN, "Thread watch", "A reply.\n", "watch:3:9")
                .withHeader("List-Unsubscribe", "<https://forum.example.org/unsubscribe/3f9a>, <mailto:unsubscribe@example.org?subject=3f9a>")
                .withHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
                .withHeader("X-Forum-Board", "Café ☕ & Bikes"));

        ReceivedEmail mail = only();
        assertThat(mail.header("List-Unsubscribe"))
                .isEqualTo("<https://forum.example.org/unsubscribe/3f9a>, <mailto:unsubscribe@example.org?subject=3f9a>");
        assertThat(mail.header("list-unsubscribe-post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(mail.header("X-Forum-Board")).isEqualTo("Café ☕ & Bikes");
    }

    @Test
    void carriesUnicodeInSubjectNamesAndBodies() {
        EmailAddress zoe = new EmailAddress("zoe@example.org", "Zoë Ångström, \"Jr.\" 日本");
        String subject = "Ответ в теме «Велосипеды по Москве» 🚲 — and a long tail so the encoded header must fold twice";
        String text = "Zoë, 日本語のテキスト, emoji 🚲🚴‍♀️, Ελληνικά.\n";
        mailer.send(Email.plain(zoe, subject, text, "unicode:1").withHtml("<p>Zoë, 日本語 🚲</p>"));

        ReceivedEmail mail = only();
        assertThat(mail.to()).isEqualTo(zoe);
        assertThat(mail.from()).isEqualTo(FROM);
        assertThat(mail.subject()).isEqualTo(subject);
        assertThat(mail.text()).isEqualTo(ReceivedEmail.body(text));
        assertThat(mail.html()).isEqualTo("<p>Zoë, 日本語 🚲</p>");
    }

    @Test
    void keepsTheBodyExactlyAsWritten() {
        String text = "first line\n.\n..\nFrom the start of a line\ntrailing spaces   \n\ttab\n"
                + "x".repeat(2000) + "\n= not an escape =3D\n";
        mailer.send(Email.plain(ANN, "Edge cases", text, "edges:1"));

        assertThat(only().text()).isEqualTo(ReceivedEmail.body(text));
    }

    @Test
    void sendsToInternationalisedDomainsInTheirAsciiForm() {
        EmailAddress idn = EmailAddress.of("ann@exämple.org");
        mailer.send(Email.plain(idn, "Hi", "Hello.\n", "idn:1"));

        assertThat(only().to().address()).isEqualTo("ann@xn--exmple-cua.org").isEqualTo(idn.asciiAddress());
    }

    @Test
    void derivesTheMessageIdFromTheKey() {
        Email first = Email.plain(ANN, "Reset your password", "Link one\n", "password-reset:42:1");
        mailer.send(first);
        mailer.send(Email.plain(ANN, "Reset your password", "Link one, sent again after a crash\n", "password-reset:42:1"));
        mailer.send(Email.plain(ANN, "Reset your password", "Link two\n", "password-reset:42:2"));

        List<ReceivedEmail> mails = received();
        assertThat(mails).hasSize(3);
        assertThat(mails.get(0).messageId()).isEqualTo(first.messageId(FROM.asciiDomain()))
                .matches("<[0-9a-f]{32}@example\\.org>");
        assertThat(mails.get(1).messageId()).isEqualTo(mails.get(0).messageId());
        assertThat(mails.get(2).messageId()).isNotEqualTo(mails.get(0).messageId());
    }

    @Test
    void deliversOnlyToTheRecipientWhateverTheBodySays() {
        mailer.send(Email.plain(ANN, "Quote", "text\r\nBcc: eve@example.org\r\n\r\nTo: eve@example.org\n", "body-injection:1")
                .withHtml("<p>\r\nBcc: eve@example.org\r\n</p>"));

        assertThat(only().to()).isEqualTo(ANN);
    }

    @Test
    void refusesBadAddressesBeforeSending() {
        for (String bad : List.of("ann@example.org\r\nBcc: eve@example.org", "ann@example.org\nBcc: eve@example.org",
                "ann", "ann@", "@example.org", "ann @example.org", "ann@exa mple.org", "ännä@example.org",
                "ann@example.org>", "<ann@example.org", "a@b@example.org", "ann@-example.org", "ann@example..org",
                "ann\u0000@example.org", "")) {
            assertRefused(() -> EmailAddress.of(bad), "address");
            if (!bad.contains("<")) { // "Ann <<ann@example.org>" is a fine address with an odd name
                assertRefused(() -> EmailAddress.parse("Ann <" + bad + ">"), "address");
            }
        }
        assertRefused(() -> new EmailAddress("ann@example.org", "Ann\r\nBcc: eve@example.org"), "name");
        assertRefused(() -> new EmailAddress("ann@example.org", "Ann\u0085"), "name");
        assertRefused(() -> EmailAddress.parse("Ann\r\nBcc: eve@example.org <ann@example.org>"), "name");
        assertThat(received()).isEmpty();
    }

    @Test
    void refusesHeaderInjectionBeforeSending() {
        assertRefused(() -> Email.plain(ANN, "Hi\r\nBcc: eve@example.org", "x", "k"), "subject");
        assertRefused(() -> Email.plain(ANN, "Hi\nBcc: eve@example.org", "x", "k"), "subject");
        assertRefused(() -> Email.plain(ANN, "Hi", "x", "k\r\n"), "key");
        assertRefused(() -> Email.plain(null, "Hi", "x", "k"), "to");
        Email ok = Email.plain(ANN, "Hi", "x", "k");
        for (Map.Entry<String, String> bad : List.of(Map.entry("X-Evil\r\nBcc", "eve@example.org"),
                Map.entry("Bad Name", "v"), Map.entry("X:Y", "v"), Map.entry("X-Ünïcode", "v"), Map.entry("", "v"),
                Map.entry("Bcc", "eve@example.org"), Map.entry("CC", "eve@example.org"), Map.entry("To", "eve@example.org"),
                Map.entry("Content-Type", "text/html"), Map.entry("Message-ID", "<x@y>"), Map.entry("From", "eve@example.org"),
                Map.entry("X-Ok", "v\r\nBcc: eve@example.org"), Map.entry("X-Ok", "v\nBcc: eve@example.org"),
                Map.entry("X-Ok", "v\rBcc: eve@example.org"), Map.entry("X-Ok", " "), Map.entry("X-Ok", "x".repeat(901)))) {
            assertRefused(() -> ok.withHeader(bad.getKey(), bad.getValue()), "headers");
        }
        assertRefused(() -> ok.withHeader("List-Id", "a").withHeader("list-id", "b"), "headers");
        assertThat(received()).isEmpty();
    }

    @Test
    void refusesNothingButANullEmailAtTheMailer() {
        assertThatThrownBy(() -> mailer.send(null)).isInstanceOf(NullPointerException.class);
        assertThat(received()).isEmpty();
    }

    @Test
    void sendsFromSeveralThreadsAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> sends = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Email mail = Email.plain(EmailAddress.of("member" + i + "@example.org"), "Mail " + i, "Body " + i + "\n", "concurrent:" + i);
                sends.add(pool.submit(() -> mailer.send(mail)));
            }
            for (Future<?> send : sends) {
                send.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<ReceivedEmail> mails = received();
        assertThat(mails).hasSize(20);
        Set<String> ids = new HashSet<>();
        mails.forEach(m -> {
            String n = m.subject().substring("Mail ".length());
            assertThat(m.to().address()).isEqualTo("member" + n + "@example.org");
            assertThat(m.text()).isEqualTo(ReceivedEmail.body("Body " + n + "\n"));
            ids.add(m.messageId());
        });
        assertThat(ids).hasSize(20);
    }

    private ReceivedEmail only() {
        List<ReceivedEmail> mails = received();
        assertThat(mails).as("e-mails received").hasSize(1);
        return mails.get(0);
    }

    private static void assertRefused(Supplier<?> construction, String field) {
        assertThatThrownBy(construction::get).as("should be refused: " + field).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors())
                        .extracting(InvalidInputException.FieldError::field).contains(field));
    }
}
