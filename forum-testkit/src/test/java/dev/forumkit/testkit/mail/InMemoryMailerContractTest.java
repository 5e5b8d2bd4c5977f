package dev.forumkit.testkit.mail;

import dev.forumkit.core.mail.EmailAddress;
import dev.forumkit.core.mail.InMemoryMailer;
import dev.forumkit.core.mail.Mailer;

import java.util.List;

/** The in-memory mailer keeps what it is given; the contract reads it back from there. */
class InMemoryMailerContractTest extends MailerContract {
    private InMemoryMailer mailer;

    @Override
    protected Mailer createMailer(EmailAddress from) {
        mailer = new InMemoryMailer(from);
        return mailer;
    }

    @Override
    protected List<ReceivedEmail> received() {
        // a server sees the ASCII form of an internationalised domain
        return mailer.sent().stream().map(s -> new ReceivedEmail(s.from(),
                new EmailAddress(s.email().to().asciiAddress(), s.email().to().name()), s.email().subject(), s.email().text(), s.email().html(), s.messageId(), s.email().headers())).toList();
    }
}
