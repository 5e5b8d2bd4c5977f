package dev.forumkit.mail.smtp;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.forumkit.core.mail.EmailAddress;
import dev.forumkit.core.mail.Mailer;
import dev.forumkit.testkit.mail.MailerContract;
import dev.forumkit.testkit.mail.ReceivedEmail;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** The SMTP mailer against a real SMTP server (GreenMail, on a free port, fresh for every test). */
class SmtpMailerContractTest extends MailerContract {
    @RegisterExtension
    static final GreenMailExtension SERVER = new GreenMailExtension(TestSmtpServers.smtp());

    @Override
    protected Mailer createMailer(EmailAddress from) {
        return SmtpMailer.create(new SmtpSettings("127.0.0.1", SERVER.getSmtp().getPort(), TlsMode.NONE, null, null,
                from, Duration.ofSeconds(10)));
    }

    @Override
    protected List<ReceivedEmail> received() {
        return Arrays.stream(SERVER.getReceivedMessages()).map(Received::of).toList();
    }
}
