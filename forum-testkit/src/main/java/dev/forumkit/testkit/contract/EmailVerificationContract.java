package dev.forumkit.testkit.contract;

import dev.forumkit.core.Actor;
import dev.forumkit.core.ConflictException;
import dev.forumkit.core.Forum;
import dev.forumkit.core.ForumException;
import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.NotAllowedException;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.Category;
import dev.forumkit.core.event.EventDelivery;
import dev.forumkit.core.event.EventCodec;
import dev.forumkit.core.event.StoredEvent;
import dev.forumkit.core.mail.InMemoryMailer;
import dev.forumkit.core.mail.SentEmail;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Registration;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.verify.EmailVerification.Purpose;
import dev.forumkit.core.verify.Verification;
import dev.forumkit.testkit.ForumFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * E-mail verification and change of address through the services and the outbox's mail consumer, with an in-memory
 * mailer, on a forum that requires a verified address to post.
 */
public abstract class EmailVerificationContract extends ContractBase {
    private static final Pattern LINK = Pattern.compile("https://forum\\.example\\.org/community/verify-email\\?token=([A-Za-z0-9_-]{43})");
    private final InMemoryMailer mailer = new InMemoryMailer();
    private Forum mailing;
    private Member admin;
    private Board board;
    private Post adminsPost;

    @BeforeEach
    void mailingForum() {
        forum.close(); // the base class's forum has no mailer to read and does not require verification
        mailing = forum(Verification.REQUIRED_TO_POST);
        forum = mailing;
        admin = mailing.members().registerFirstAdmin(new Registration("admin", "admin@example.org", ForumFixture.PASSWORD));
        Category general = mailing.boards().createCategory(Actor.member(admin.id()), "General", "");
        board = mailing.boards().createBoard(Actor.member(admin.id()), general.id(), "Cycling", "", null);
        adminsPost = mailing.threads().start(Actor.member(admin.id()), board.id(), "Routes", "Where do you ride?");
    }

    private Forum forum(Verification verification) {
        return ForumFixture.forum(counted, clock, c -> c.mailer(mailer).verification(verification)
                .publicUrl("https://forum.example.org/community/"));
    }

    private Member register(String name) {
        return mailing.members().register(new Registration(name, name + "@Example.org", ForumFixture.PASSWORD));
    }

    private List<SentEmail> sentTo(String address) {
        return mailer.sent().stream().filter(e -> e.email().to().address().equals(address)).toList();
    }

    private String lastTokenTo(String address) {
        mailing.outbox().drain();
        List<SentEmail> sent = sentTo(address);
        assertThat(sent).as("e-mails to %s", address).isNotEmpty();
        return token(sent.get(sent.size() - 1));
    }

    private static String token(SentEmail e) {
        Matcher m = LINK.matcher(e.email().text());
        assertThat(m.find()).as("a verification link in %s", e.email().text()).isTrue();
        return m.group(1);
    }

    private Member reload(Member m) {
        return mailing.members().byId(m.id()).orElseThrow();
    }

    private static void assertUnverifiedRefusal(Runnable posting) {
        assertThatThrownBy(posting::run).isInstanceOf(NotAllowedException.class)
                .hasMessageContaining("verify your e-mail address first")
                .extracting(e -> ((ForumException) e).code()).isEqualTo("email_unverified");
    }

    @Test
    void registrationMailsALinkAndUntilItIsOpenedTheMemberCanReadButNotPost() {
        Member ann = register("ann");
        assertThat(ann.emailVerified()).isFalse();
        Actor asAnn = Actor.member(ann.id());
        String token = lastTokenTo("ann@example.org");
        SentEmail mail = sentTo("ann@example.org").get(0);
        assertThat(mail.email().subject()).isEqualTo("Confirm your e-mail address at forum.example.org");
        assertThat(mail.email().html()).contains("verify-email?token=" + token);

        assertThat(mailing.reading().threadPage(asAnn, adminsPost.threadId(), 1).posts().items()).hasSize(1);
        assertUnverifiedRefusal(() -> mailing.threads().start(asAnn, board.id(), "Hello", "My first thread"));
        assertUnverifiedRefusal(() -> mailing.posts().reply(asAnn, adminsPost.threadId(), "My first reply"));
        assertUnverifiedRefusal(() -> mailing.reactions().react(asAnn, adminsPost.id(), "like"));
        assertThat(mailing.members().authenticate("ann", ForumFixture.PASSWORD)).isPresent();

        assertThat(mailing.emailVerifications().usable(token)).get()
                .satisfies(l -> assertThat(l.purpose()).isEqualTo(Purpose.CONFIRM_ADDRESS))
                .satisfies(l -> assertThat(l.email()).isEqualTo("ann@example.org"));
        Member verified = mailing.emailVerifications().confirm(token);

        assertThat(verified.emailVerified()).isTrue();
        assertThat(reload(ann).emailVerified()).isTrue();
        mailing.posts().reply(asAnn, adminsPost.threadId(), "My first reply");
        mailing.reactions().react(asAnn, adminsPost.id(), "like");
        mailing.threads().start(asAnn, board.id(), "Hello", "My first thread");
        assertThat(mailing.emailVerifications().usable(token)).isEmpty();
        assertThatThrownBy(() -> mailing.emailVerifications().confirm(token))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("already used");
        assertCountersMatchRecount();
    }

    @Test
    void withVerificationOffRegistrationSendsNothingAndUnverifiedMembersPost() {
        mailing.close();
        mailing = forum(Verification.OFF);
        forum = mailing;
        Member ann = register("ann");
        mailing.outbox().drain();

        assertThat(mailer.sent()).isEmpty();
        assertThat(ann.emailVerified()).isFalse();
        mailing.posts().reply(Actor.member(ann.id()), adminsPost.threadId(), "Posting without verifying");
    }

    @Test
    void theFirstAdminAndMembersTheCallerVouchesForAreVerifiedWithoutAnEmail() {
        Member vouched = mailing.members().registerVerified(new Registration("bea", "bea@example.org", ForumFixture.PASSWORD));
        mailing.outbox().drain();

        assertThat(admin.emailVerified()).isTrue();
        assertThat(vouched.emailVerified()).isTrue();
        assertThat(reload(vouched).emailVerified()).isTrue();
        assertThat(mailer.sent()).isEmpty();
        mailing.posts().reply(Actor.member(vouched.id()), adminsPost.threadId(), "Vouched for");
        assertThatThrownBy(() -> mailing.emailVerifications().resend(Actor.member(vouched.id())))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aResentLinkReplacesTheOlderOne() {
        Member ann = register("ann");
        String first = lastTokenTo("ann@example.org");

        mailing.emailVerifications().resend(Actor.member(ann.id()));
        String second = lastTokenTo("ann@example.org");

        assertThat(second).isNotEqualTo(first);
        assertThat(mailing.emailVerifications().usable(first)).isEmpty();
        assertThatThrownBy(() -> mailing.emailVerifications().confirm(first)).isInstanceOf(InvalidInputException.class);
        mailing.emailVerifications().confirm(second);
        assertThat(reload(ann).emailVerified()).isTrue();
        assertThatThrownBy(() -> mailing.emailVerifications().resend(Actor.guest())).isInstanceOf(NotAllowedException.class);
    }

    @Test
    void aRedeliveredRequestIsSentAgainWithTheSameMessageIdAndBothLinksWork() {
        Member ann = register("ann");
        long position = read(() -> storage.eventLog().head());
        StoredEvent stored = read(() -> storage.eventLog().after(position - 1, 1)).get(0);
        EventDelivery delivery = new EventDelivery(position, EventCodec.decode(stored.event()), stored.createdAt());

        // what the mail consumer does on a delivery, twice: as after a crash before its position was recorded
        mailing.emailVerifications().send(delivery);
        mailing.emailVerifications().send(delivery);

        List<SentEmail> sent = mailer.sent();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).messageId()).isEqualTo(sent.get(1).messageId());
        assertThat(sent.get(0).email().key()).isEqualTo("email-verification:" + position);
        assertThat(mailing.emailVerifications().usable(token(sent.get(0)))).isPresent();
        assertThat(mailing.emailVerifications().usable(token(sent.get(1)))).isPresent();
        mailing.emailVerifications().confirm(token(sent.get(1)));
        assertThat(reload(ann).emailVerified()).isTrue();
    }

    @Test
    void theOutboxSendsEachRequestOnceAndNothingOnceVerified() {
        Member ann = register("ann");
        mailing.outbox().drain();
        mailing.outbox().drain();
        assertThat(mailer.sent()).hasSize(1);

        mailing.emailVerifications().resend(Actor.member(ann.id())); // verified before the consumer gets to it
        mailing.emailVerifications().confirm(token(mailer.sent().get(0)));
        mailing.outbox().drain();
        assertThat(mailer.sent()).hasSize(1);
    }

    @Test
    void aLinkExpiresAfterADay() {
        Member ann = register("ann");
        String token = lastTokenTo("ann@example.org");
        clock.advance(Duration.ofHours(23).plusMinutes(59));
        assertThat(mailing.emailVerifications().usable(token)).isPresent();
        clock.advance(Duration.ofMinutes(1));

        assertThat(mailing.emailVerifications().usable(token)).isEmpty();
        assertThatThrownBy(() -> mailing.emailVerifications().confirm(token))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("expired");
        assertThat(reload(ann).emailVerified()).isFalse();
    }

    @Test
    void garbageTokensAreRefusedAsInvalid() {
        register("ann");
        lastTokenTo("ann@example.org");

        for (String bad : new String[] {null, "", "x".repeat(43), "<script>", "a".repeat(5000)}) {
            assertThat(mailing.emailVerifications().usable(bad)).isEmpty();
            assertThatThrownBy(() -> mailing.emailVerifications().confirm(bad)).isInstanceOf(InvalidInputException.class)
                    .extracting(e -> ((InvalidInputException) e).code()).isNotNull();
        }
    }

    @Test
    void theTokenIsStoredOnlyHashedAndNeverInTheOutbox() {
        register("ann");
        String token = lastTokenTo("ann@example.org");

        assertThat(read(() -> storage.emailVerifications().byTokenHash(token))).isEmpty();
        assertThat(read(() -> storage.eventLog().after(0, 100))).allSatisfy(e -> assertThat(e.toString()).doesNotContain(token));
    }

    @Test
    void aChangeOfAddressTakesEffectOnlyThroughTheLinkSentToTheNewAddress() {
        Member ann = register("ann");
        String verify = lastTokenTo("ann@example.org");
        Actor asAnn = Actor.member(ann.id());

        mailing.passwordResets().request("ann@example.org");
        mailing.emailVerifications().changeEmail(asAnn, ForumFixture.PASSWORD, "  Ann.New@Example.org ");
        String change = lastTokenTo("ann.new@example.org");
        Matcher resetLink = Pattern.compile("reset-password\\?token=([A-Za-z0-9_-]{43})").matcher(sentTo("ann@example.org")
                .stream().filter(e -> e.email().key().startsWith("password-reset:")).findFirst().orElseThrow().email().text());
        assertThat(resetLink.find()).isTrue();
        String reset = resetLink.group(1);
        assertThat(mailing.passwordResets().usable(reset)).isTrue();

        assertThat(reload(ann).email()).isEqualTo("ann@example.org");
        SentEmail notice = sentTo("ann@example.org").get(sentTo("ann@example.org").size() - 1);
        assertThat(notice.email().subject()).contains("is about to change");
        assertThat(notice.email().text()).contains("ann.new@example.org").doesNotContain(change);
        assertThat(sentTo("ann.new@example.org").get(0).email().subject()).contains("new e-mail address");
        assertThat(mailing.emailVerifications().usable(change)).get()
                .satisfies(l -> assertThat(l.purpose()).isEqualTo(Purpose.CHANGE_ADDRESS));

        Member changed = mailing.emailVerifications().confirm(change);

        assertThat(changed.email()).isEqualTo("ann.new@example.org");
        assertThat(changed.emailVerified()).isTrue();
        assertThat(mailing.members().authenticate("ann.new@example.org", ForumFixture.PASSWORD)).isPresent();
        assertThat(mailing.members().authenticate("ann@example.org", ForumFixture.PASSWORD)).isEmpty();
        // the link to the old address proves nothing any more
        assertThat(mailing.emailVerifications().usable(verify)).isEmpty();
        assertThatThrownBy(() -> mailing.emailVerifications().confirm(verify)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> mailing.emailVerifications().confirm(change)).isInstanceOf(InvalidInputException.class);
        assertThat(mailing.passwordResets().usable(reset)).as("a reset link mailed to the old address").isFalse();
        mailing.posts().reply(asAnn, adminsPost.threadId(), "Verified through the change");
    }

    @Test
    void aChangeNeedsTheCurrentPasswordAndAFreeWellFormedNewAddress() {
        Member ann = register("ann");
        register("bob");
        Actor asAnn = Actor.member(ann.id());

        assertThatThrownBy(() -> mailing.emailVerifications().changeEmail(asAnn, "wrong password", "ann2@example.org"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("current password is wrong");
        assertThatThrownBy(() -> mailing.emailVerifications().changeEmail(asAnn, ForumFixture.PASSWORD, "BOB@example.org"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("that e-mail address is already registered");
        assertThatThrownBy(() -> mailing.emailVerifications().changeEmail(asAnn, ForumFixture.PASSWORD, "ann@EXAMPLE.org"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("already your e-mail address");
        assertThatThrownBy(() -> mailing.emailVerifications().changeEmail(asAnn, ForumFixture.PASSWORD, "not an address"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("name@example.org");
        assertThatThrownBy(() -> mailing.emailVerifications().changeEmail(Actor.guest(), ForumFixture.PASSWORD, "g@example.org"))
                .isInstanceOf(NotAllowedException.class);
        mailing.outbox().drain();
        assertThat(mailer.sent()).extracting(e -> e.email().to().address())
                .containsExactlyInAnyOrder("ann@example.org", "bob@example.org"); // only the registration links
        assertThat(reload(ann).email()).isEqualTo("ann@example.org");
    }

    @Test
    void aNewAddressTakenBeforeTheLinkIsOpenedIsRefusedAndTheLinkStaysUsable() {
        Member ann = register("ann");
        mailing.emailVerifications().changeEmail(Actor.member(ann.id()), ForumFixture.PASSWORD, "shared@example.org");
        String change = lastTokenTo("shared@example.org");
        Member squatter = mailing.members().register(new Registration("sam", "shared@example.org", ForumFixture.PASSWORD));

        assertThatThrownBy(() -> mailing.emailVerifications().confirm(change))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("that e-mail address is already registered");
        assertThat(reload(ann).email()).isEqualTo("ann@example.org");
        assertThat(reload(squatter).email()).isEqualTo("shared@example.org");
        assertThat(mailing.emailVerifications().usable(change)).isPresent();
    }

    @Test
    void aNewerChangeRequestReplacesTheOlderLink() {
        Member ann = register("ann");
        Actor asAnn = Actor.member(ann.id());
        mailing.emailVerifications().changeEmail(asAnn, ForumFixture.PASSWORD, "first@example.org");
        String first = lastTokenTo("first@example.org");
        mailing.emailVerifications().changeEmail(asAnn, ForumFixture.PASSWORD, "second@example.org");
        String second = lastTokenTo("second@example.org");

        assertThat(mailing.emailVerifications().usable(first)).isEmpty();
        mailing.emailVerifications().confirm(second);
        assertThat(reload(ann).email()).isEqualTo("second@example.org");
    }
}
