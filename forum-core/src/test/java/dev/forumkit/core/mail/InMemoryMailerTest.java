package dev.forumkit.core.mail;

import dev.forumkit.core.Forum;
import dev.forumkit.core.memory.InMemoryForumStorage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryMailerTest {

    @Test
    void keepsEachSendIncludingRepeatsUntilCleared() {
        InMemoryMailer mailer = new InMemoryMailer();
        Email mail = Email.plain(EmailAddress.of("ann@example.org"), "Hi", "text", "k1");

        mailer.send(mail);
        mailer.send(mail);

        assertThat(mailer.sent()).hasSize(2).allSatisfy(s -> {
            assertThat(s.from()).isEqualTo(EmailAddress.of("forum@localhost"));
            assertThat(s.messageId()).isEqualTo(mail.messageId("localhost"));
        });
        mailer.clear();
        assertThat(mailer.sent()).isEmpty();
    }

    @Test
    void theForumHandsOutTheMailerItWasGivenAndLogsByDefault() {
        InMemoryMailer mailer = new InMemoryMailer();
        try (Forum forum = Forum.create(new InMemoryForumStorage(), c -> c.mailer(mailer));
             Forum plain = Forum.create(new InMemoryForumStorage())) {
            assertThat(forum.mailer()).isSameAs(mailer);
            assertThat(plain.mailer()).isInstanceOf(LoggingMailer.class);
        }
    }
}
