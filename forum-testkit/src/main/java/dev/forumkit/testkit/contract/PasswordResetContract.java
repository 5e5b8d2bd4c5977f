package dev.forumkit.testkit.contract;

import dev.forumkit.core.Forum;
import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.event.EventDelivery;
import dev.forumkit.core.event.EventCodec;
import dev.forumkit.core.event.StoredEvent;
import dev.forumkit.core.mail.InMemoryMailer;
import dev.forumkit.core.mail.MailException;
import dev.forumkit.core.mail.SentEmail;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Registration;
import dev.forumkit.core.session.SignedIn;
import dev.forumkit.testkit.ForumFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Password reset through the services and the outbox's mail consumer, with an in-memory mailer. */
public abstract class PasswordResetContract extends ContractBase {
    private static final Pattern LINK = Pattern.compile("https://forum\\.example\\.org/community/reset-password\\?token=([A-Za-z0-9_-]{43})");
    private final InMemoryMailer mailer = new InMemoryMailer();
    private Forum mailing;
    private Member alice;
    private volatile String refused;

    @BeforeEach
    void mailingForum() {
        forum.close(); // the base class's forum has no mailer to read; this one runs the same storage
        mailing = ForumFixture.forum(counted, clock, c -> c.mailer(e -> {
            if (e.to().address().equals(refused)) {
                throw new MailException("550 no such mailbox", true, null);
            }
            mailer.send(e);
        }).publicUrl("https://forum.example.org/community/"));
        forum = mailing;
        alice = mailing.members().register(new Registration("alice", "Alice@Example.org", ForumFixture.PASSWORD));
    }

    private String requestAndReadToken(String address) {
        mailing.passwordResets().request(address);
        mailing.outbox().drain();
        return token(last());
    }

    private SentEmail last() {
        List<SentEmail> sent = mailer.sent();
        assertThat(sent).isNotEmpty();
        return sent.get(sent.size() - 1);
    }

    private static String token(SentEmail e) {
        Matcher m = LINK.matcher(e.email().text());
        assertThat(m.find()).as("a reset link in %s", e.email().text()).isTrue();
        return m.group(1);
    }

    @Test
    void aRequestMailsALinkThatSetsTheNewPasswordOnce() {
        String token = requestAndReadToken("  alice@EXAMPLE.org ");

        SentEmail mail = last();
        assertThat(mail.email().to().address()).isEqualTo("alice@example.org");
        assertThat(mail.email().html()).contains("reset-password?token=" + token);
        assertThat(mailing.passwordResets().usable(token)).isTrue();

        mailing.passwordResets().confirm(token, "a-brand-new-password");

        assertThat(mailing.members().authenticate("alice", "a-brand-new-password")).isPresent();
        assertThat(mailing.members().authenticate("alice", ForumFixture.PASSWORD)).isEmpty();
        assertThat(mailing.passwordResets().usable(token)).isFalse();
        assertThatThrownBy(() -> mailing.passwordResets().confirm(token, "yet-another-password"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("already used");
        assertThat(mailing.members().authenticate("alice", "a-brand-new-password")).isPresent();
    }

    @Test
    void theEmailSpeaksTheMembersLanguageElseTheForums() {
        requestAndReadToken("alice@example.org");
        assertThat(last().email().subject()).isEqualTo("Reset your password at forum.example.org");
        assertThat(last().email().text()).startsWith("Hello alice,");

        mailing.profiles().update(ForumFixture.actor(alice), alice.id(), new dev.forumkit.core.profile.ProfileEdit(null, null, null,
                null, null, null, false, false, "ja"));
        String token = requestAndReadToken("alice@example.org");
        assertThat(last().email().subject()).isEqualTo("forum.example.org のパスワード再設定");
        assertThat(last().email().text()).startsWith("alice さん").contains("reset-password?token=" + token);
        assertThat(last().email().html()).contains("新しいパスワードを設定する");

        mailing.close(); // the same storage under a forum whose e-mails default to Japanese (the base class closes it)
        Forum japanese = ForumFixture.forum(counted, clock, c -> c.mailer(mailer::send)
                .publicUrl("https://forum.example.org/community/").locale(java.util.Locale.JAPANESE));
        forum = japanese;
        japanese.members().register(new Registration("bob", "bob@example.org", ForumFixture.PASSWORD));
        japanese.passwordResets().request("bob@example.org");
        japanese.outbox().drain();
        assertThat(last().email().to().address()).isEqualTo("bob@example.org");
        assertThat(last().email().text()).startsWith("bob さん");
    }

    @Test
    void anUnknownAddressSendsNothingAndAnswersTheSame() {
        mailing.passwordResets().request("nobody@example.org");
        mailing.outbox().drain();

        assertThat(mailer.sent()).isEmpty();
        assertThatThrownBy(() -> mailing.passwordResets().request("not an address"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theTokenIsStoredOnlyHashedAndNeverInTheOutbox() {
        String token = requestAndReadToken("alice@example.org");

        assertThat(read(() -> storage.passwordResets().byTokenHash(token))).isEmpty();
        assertThat(read(() -> storage.eventLog().after(0, 100))).allSatisfy(e -> assertThat(e.toString()).doesNotContain(token));
    }

    @Test
    void aLinkExpiresAfterAnHour() {
        String token = requestAndReadToken("alice@example.org");
        clock.advance(Duration.ofMinutes(59));
        assertThat(mailing.passwordResets().usable(token)).isTrue();
        clock.advance(Duration.ofMinutes(1));

        assertThatThrownBy(() -> mailing.passwordResets().confirm(token, "a-brand-new-password"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("expired");
        assertThat(mailing.members().authenticate("alice", ForumFixture.PASSWORD)).isPresent();
    }

    @Test
    void usingALinkEndsEverySessionAndKillsTheOtherLinks() {
        SignedIn phone = mailing.sessions().create(alice.id(), Duration.ofDays(30), null);
        SignedIn laptop = mailing.sessions().create(alice.id(), Duration.ofDays(30), null);
        String first = requestAndReadToken("alice@example.org");
        String second = requestAndReadToken("alice@example.org");
        assertThat(second).isNotEqualTo(first);

        mailing.passwordResets().confirm(second, "a-brand-new-password");

        assertThat(mailing.sessions().resolve(phone.token(), Duration.ofDays(30))).isEmpty();
        assertThat(mailing.sessions().resolve(laptop.token(), Duration.ofDays(30))).isEmpty();
        assertThat(mailing.passwordResets().usable(first)).isFalse();
    }

    @Test
    void aBadTokenOrAShortPasswordChangesNothing() {
        String token = requestAndReadToken("alice@example.org");

        assertThatThrownBy(() -> mailing.passwordResets().confirm("x".repeat(43), "a-brand-new-password"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> mailing.passwordResets().confirm("<script>", "a-brand-new-password"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> mailing.passwordResets().confirm(token, "short"))
                .isInstanceOf(InvalidInputException.class);
        assertThat(mailing.passwordResets().usable(token)).isTrue();
        assertThat(mailing.members().authenticate("alice", ForumFixture.PASSWORD)).isPresent();
    }

    @Test
    void aRedeliveredRequestIsSentAgainWithTheSameMessageIdAndBothLinksWork() {
        mailing.passwordResets().request("alice@example.org");
        long position = read(() -> storage.eventLog().head());
        StoredEvent stored = read(() -> storage.eventLog().after(position - 1, 1)).get(0);
        EventDelivery delivery = new EventDelivery(position, EventCodec.decode(stored.event()), stored.createdAt());

        // what the mail consumer does on a delivery, twice: as after a crash before its position was recorded
        mailing.passwordResets().send(delivery);
        mailing.passwordResets().send(delivery);

        List<SentEmail> sent = mailer.sent();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).messageId()).isEqualTo(sent.get(1).messageId());
        assertThat(sent.get(0).email().key()).isEqualTo("password-reset:" + position);
        String a = token(sent.get(0));
        String b = token(sent.get(1));
        assertThat(mailing.passwordResets().usable(a)).isTrue();
        assertThat(mailing.passwordResets().usable(b)).isTrue();

        mailing.passwordResets().confirm(a, "a-brand-new-password");
        assertThat(mailing.passwordResets().usable(b)).isFalse();
    }

    @Test
    void theOutboxSendsEachRequestOnce() {
        mailing.passwordResets().request("alice@example.org");
        mailing.outbox().drain();
        mailing.outbox().drain();

        assertThat(mailer.sent()).hasSize(1);
    }

    @Test
    void anEmailThatCanNeverGoOutIsDroppedAndDoesNotHoldUpTheOthers() {
        mailing.members().register(new Registration("zoe", "zoë@example.org", ForumFixture.PASSWORD)); // not ASCII
        mailing.members().register(new Registration("gone", "gone@example.org", ForumFixture.PASSWORD));
        refused = "gone@example.org";

        mailing.passwordResets().request("zoë@example.org");
        mailing.passwordResets().request("gone@example.org");
        mailing.passwordResets().request("alice@example.org");
        mailing.outbox().drain();

        assertThat(mailer.sent()).extracting(e -> e.email().to().address()).containsExactly("alice@example.org");
        assertThat(read(() -> storage.eventLog().consumer(dev.forumkit.core.Forum.MAIL_CONSUMER)).orElseThrow().position())
                .isEqualTo(read(() -> storage.eventLog().head()));
    }

    @Test
    void aMailServerThatIsDownMakesTheOutboxRetryAndSendLater() {
        refused = null;
        Forum flaky = mailing;
        flaky.close();
        java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean(true);
        mailing = ForumFixture.forum(counted, clock, c -> c.mailer(e -> {
            if (down.get()) {
                throw new MailException("421 try again later", false, null);
            }
            mailer.send(e);
        }).publicUrl("https://forum.example.org"));
        forum = mailing;

        mailing.passwordResets().request("alice@example.org");
        mailing.outbox().drain();
        assertThat(mailer.sent()).isEmpty();

        down.set(false);
        clock.advance(Duration.ofMinutes(10)); // past the outbox's backoff
        mailing.outbox().drain();
        assertThat(mailer.sent()).hasSize(1);
    }
}
