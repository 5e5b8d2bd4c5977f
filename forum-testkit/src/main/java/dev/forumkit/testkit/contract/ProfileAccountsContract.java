package dev.forumkit.testkit.contract;

import dev.forumkit.core.ConflictException;
import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.NotAllowedException;
import dev.forumkit.core.group.GroupId;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberSort;
import dev.forumkit.core.member.Registration;
import dev.forumkit.core.policy.Grant;
import dev.forumkit.core.policy.GrantValue;
import dev.forumkit.core.policy.Permission;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.profile.DateStyle;
import dev.forumkit.core.profile.Online;
import dev.forumkit.core.profile.Profile;
import dev.forumkit.core.profile.ProfileEdit;
import dev.forumkit.core.session.Session;
import dev.forumkit.core.session.SignedIn;
import dev.forumkit.testkit.ForumFixture;
import dev.forumkit.testkit.StartedThread;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static dev.forumkit.testkit.ForumFixture.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Accounts and profiles through the services: profile fields, last seen, sessions, custom titles, deleting an account. */
public abstract class ProfileAccountsContract extends ContractBase {
    private static final Duration DAY = Duration.ofDays(1);

    private static ProfileEdit edit(String website, String signature) {
        return new ProfileEdit("I ride bikes.", "Lyon", website, signature, "Europe/Paris", DateStyle.DAY_MONTH_YEAR,
                false, true, "ja");
    }

    private static String fieldOf(InvalidInputException e) {
        return e.fieldErrors().get(0).field();
    }

    @Test
    void aMemberSavesTheirProfileAndTheSignatureIsRenderedSafely() {
        Member ann = fx().member("ann");
        Profile saved = forum.profiles().update(actor(ann), ann.id(),
                edit("https://example.org/ann", "Ride on <script>alert(1)</script>"));

        Profile stored = forum.profiles().of(ann.id());
        assertThat(stored).isEqualTo(saved);
        assertThat(stored.about()).isEqualTo("I ride bikes.");
        assertThat(stored.website()).isEqualTo("https://example.org/ann");
        assertThat(stored.signature()).isEqualTo("Ride on <script>alert(1)</script>");
        assertThat(stored.signatureHtml()).contains("Ride on").doesNotContain("<script");
        assertThat(stored.hideSignatures()).isTrue();
        assertThat(stored.language()).isEqualTo("ja");
        assertThat(stored.formatDate(Instant.parse("2026-07-01T10:00:00Z"))).isEqualTo("1 Jul 2026, 12:00");
    }

    @Test
    void badProfileInputIsRefusedByFieldAndStoresNothing() {
        Member ann = fx().member("ann");
        for (String bad : new String[] {"javascript:alert(1)", "ftp://example.org", "example.org", "https://user@evil.example/"}) {
            assertThatThrownBy(() -> forum.profiles().update(actor(ann), ann.id(), edit(bad, null)))
                    .as(bad).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(fieldOf(e)).isEqualTo("website"));
        }
        assertThatThrownBy(() -> new ProfileEdit(null, null, null, null, "Mars/Olympus_Mons", null, false, false))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(fieldOf(e)).isEqualTo("time_zone"));
        assertThatThrownBy(() -> new ProfileEdit(null, null, null, null, null, null, false, false, "<script>"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(fieldOf(e)).isEqualTo("language"));
        String tooLong = "x".repeat(forum.profiles().signatureMaxLength() + 1);
        assertThatThrownBy(() -> forum.profiles().update(actor(ann), ann.id(), edit(null, tooLong)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(fieldOf(e)).isEqualTo("signature"));

        assertThat(read(() -> storage.profiles().byMember(ann.id()))).isEmpty();
    }

    @Test
    void membersEditOnlyTheirOwnProfileWhileAdminsEditAnyone() {
        Member ann = fx().member("ann");
        Member bob = fx().member("bob");

        assertThatThrownBy(() -> forum.profiles().update(actor(bob), ann.id(), edit(null, "bob was here")))
                .isInstanceOf(NotAllowedException.class);
        assertThat(forum.profiles().of(ann.id())).isEqualTo(Profile.empty(ann.id()));

        forum.profiles().update(actor(fx().admin()), ann.id(), edit(null, "tidied by staff"));
        assertThat(forum.profiles().of(ann.id()).signature()).isEqualTo("tidied by staff");
    }

    @Test
    void lastSeenCostsAtMostOneWritePerFiveMinutesAndCanBeHidden() {
        Member ann = fx().member("ann");
        long before = counted.writeTransactions();

        assertThat(forum.profiles().seen(ann.id())).isTrue();
        Instant first = clock.instant();
        for (int i = 0; i < 20; i++) {
            clock.advanceSeconds(10);
            assertThat(forum.profiles().seen(ann.id())).isFalse();
        }
        assertThat(counted.writeTransactions() - before).isEqualTo(1);
        assertThat(forum.profiles().of(ann.id()).visibleLastSeen()).isEqualTo(first.truncatedTo(java.time.temporal.ChronoUnit.MICROS));

        clock.advance(Duration.ofMinutes(5));
        assertThat(forum.profiles().seen(ann.id())).isTrue();
        assertThat(forum.profiles().of(ann.id()).lastSeenAt()).isAfter(first);

        forum.profiles().update(actor(ann), ann.id(), new ProfileEdit(null, null, null, null, null, null, true, false));
        assertThat(forum.profiles().of(ann.id()).visibleLastSeen()).isNull();
        assertThat(forum.profiles().of(ann.id()).lastSeenAt()).as("kept, only not shown").isNotNull();
    }

    @Test
    void onlineNowNamesMembersCountsHiddenOnesAndGuestsWithoutWritesForGuests() {
        Member ann = fx().member("ann");
        Member bob = fx().member("bob");
        forum.profiles().update(actor(bob), bob.id(), new ProfileEdit(null, null, null, null, null, null, true, false));
        long before = counted.writeTransactions();
        for (int i = 0; i < 50; i++) {
            forum.profiles().guestSeen("guest-" + (i % 3));
        }
        assertThat(counted.writeTransactions()).isEqualTo(before);
        forum.profiles().seen(ann.id());
        forum.profiles().seen(bob.id());

        Online online = forum.profiles().onlineNow();
        assertThat(online.members()).extracting(Member::username).containsExactly("ann");
        assertThat(online.hiddenMembers()).isEqualTo(1);
        assertThat(online.guests()).isEqualTo(3);

        clock.advance(Duration.ofMinutes(16));
        forum.profiles().guestSeen("guest-9");
        assertThat(forum.profiles().onlineNow()).isEqualTo(new Online(java.util.List.of(), 0, 1));
    }

    @Test
    void signingOutEverywhereElseKeepsThisSessionAndOneSessionCanBeEnded() {
        Member ann = fx().member("ann");
        SignedIn here = forum.sessions().create(ann.id(), DAY, null, "Firefox on Linux", "192.0.2.7");
        SignedIn phone = forum.sessions().create(ann.id(), DAY, null, "Safari on iPhone", "198.51.100.1");
        SignedIn laptop = forum.sessions().create(ann.id(), DAY, null, null, null);
        Member bob = fx().member("bob");
        SignedIn bobs = forum.sessions().create(bob.id(), DAY, null);

        assertThat(forum.sessions().of(ann.id())).extracting(Session::userAgent)
                .containsExactlyInAnyOrder("Firefox on Linux", "Safari on iPhone", null);
        assertThat(forum.sessions().endByHandle(ann.id(), bobs.session().handle())).as("not hers").isFalse();
        assertThat(forum.sessions().endByHandle(ann.id(), phone.session().handle())).isTrue();
        assertThat(forum.sessions().resolve(phone.token(), DAY)).isEmpty();

        assertThat(forum.sessions().endOthers(ann.id(), here.token())).isEqualTo(1);
        assertThat(forum.sessions().resolve(laptop.token(), DAY)).isEmpty();
        assertThat(forum.sessions().resolve(here.token(), DAY)).isPresent();
        assertThat(forum.sessions().resolve(bobs.token(), DAY)).isPresent();
    }

    @Test
    void aSessionRecordsItsLastUseAtMostEveryFewMinutes() {
        Member ann = fx().member("ann");
        SignedIn in = forum.sessions().create(ann.id(), Duration.ofDays(30), null, "Firefox", "192.0.2.7");
        Instant created = in.session().lastUsedAt();
        clock.advance(Duration.ofMinutes(2));
        long before = counted.writeTransactions();
        forum.sessions().resolve(in.token(), Duration.ofDays(30));
        assertThat(counted.writeTransactions()).isEqualTo(before);
        assertThat(forum.sessions().of(ann.id()).get(0).lastUsedAt()).isEqualTo(created);

        clock.advance(Duration.ofMinutes(4));
        forum.sessions().resolve(in.token(), Duration.ofDays(30));
        assertThat(forum.sessions().of(ann.id()).get(0).lastUsedAt()).isAfter(created);
    }

    @Test
    void theGridDecidesWhoSetsTheirOwnCustomTitle() {
        Member ann = fx().member("ann");
        forum.members().updateCustomTitle(actor(ann), ann.id(), "Unswerving cyclist");

        forum.permissions().set(actor(fx().admin()), new Grant(Grant.Subject.group(GroupId.MEMBERS), Grant.Scope.GLOBAL,
                Permission.SET_CUSTOM_TITLE, GrantValue.DENY));

        assertThatThrownBy(() -> forum.members().updateCustomTitle(actor(ann), ann.id(), "Self-made legend"))
                .isInstanceOf(NotAllowedException.class);
        assertThat(fx().reload(ann).customTitle()).isEqualTo("Unswerving cyclist");
        forum.members().updateCustomTitle(actor(fx().admin()), ann.id(), "Given by the admin");
        assertThat(fx().reload(ann).customTitle()).isEqualTo("Given by the admin");
        assertThatThrownBy(() -> forum.members().updateCustomTitle(actor(fx().member("bob")), ann.id(), "Bob says"))
                .isInstanceOf(NotAllowedException.class);
    }

    @Test
    void deletingAnAccountKeepsThePostsUnderADeletedMemberAndRemovesPersonalData() {
        Member ann = fx().member("ann");
        Member bob = fx().member("bob");
        StartedThread thread = fx().thread().by(ann).start();
        Post reply = fx().reply(bob, thread.id(), "nice ride, ann");
        forum.reactions().react(actor(ann), reply.id(), "like");
        forum.reactions().react(actor(bob), thread.first().id(), "like");
        forum.profiles().update(actor(ann), ann.id(), edit("https://example.org/ann", "my signature"));
        forum.members().updateCustomTitle(actor(ann), ann.id(), "Unswerving cyclist");
        forum.watching().watchThread(actor(ann), thread.id(), true);
        forum.alerts().ignore(actor(ann), bob.id());
        forum.alerts().ignore(actor(bob), ann.id());
        SignedIn session = forum.sessions().create(ann.id(), DAY, null);
        forum.profiles().seen(ann.id());

        assertThatThrownBy(() -> forum.profiles().deleteOwnAccount(actor(ann), "not my password"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(fieldOf(e)).isEqualTo("password"));
        assertThat(fx().reload(ann).isDeleted()).isFalse();

        forum.profiles().deleteOwnAccount(actor(ann), ForumFixture.PASSWORD);

        Member gone = fx().reload(ann);
        assertThat(gone.isDeleted()).isTrue();
        assertThat(gone.username()).isEqualTo("Deleted member " + ann.id().value());
        assertThat(gone.email()).doesNotContain("ann").endsWith(".invalid");
        assertThat(gone.customTitle()).isNull();
        assertThat(gone.messageCount()).as("posts stay, and so do their counts").isEqualTo(1);
        assertThat(gone.reactionScore()).isEqualTo(1);
        assertThat(fx().reload(thread.first()).authorId()).isEqualTo(ann.id());
        assertThat(forum.reading().threadPage(dev.forumkit.core.Actor.guest(), thread.id(), 1).posts().items().get(0)
                .author().username()).isEqualTo("Deleted member " + ann.id().value());
        assertThat(read(() -> storage.profiles().byMember(ann.id()))).isEmpty();
        assertThat(forum.sessions().resolve(session.token(), DAY)).isEmpty();
        assertThat(read(() -> storage.watches().countThreadsOf(ann.id()))).isZero();
        assertThat(read(() -> storage.ignores().ignoredBy(bob.id()))).isEmpty();
        assertThat(read(() -> storage.ignores().ignoredBy(ann.id()))).isEmpty();
        assertThat(forum.members().authenticate("ann", ForumFixture.PASSWORD)).isEmpty();
        assertThat(forum.members().authenticate(gone.username(), ForumFixture.PASSWORD)).isEmpty();
        assertThat(forum.members().authenticate(gone.username(), Member.DELETED_PASSWORD_HASH)).isEmpty();
        assertThatThrownBy(() -> forum.sessions().create(ann.id(), DAY, null)).isInstanceOf(dev.forumkit.core.NotFoundException.class);
        assertThat(forum.profiles().onlineNow().members()).extracting(Member::id).doesNotContain(ann.id());
        assertCountersMatchRecount();

        Member newcomer = forum.members().register(new Registration("ann", "ann@example.org", ForumFixture.PASSWORD));
        assertThat(newcomer.id()).as("the name and address are free again").isNotEqualTo(ann.id());
    }

    @Test
    void theOnlyAdminCannotDeleteTheirAccount() {
        Member admin = fx().admin();
        assertThatThrownBy(() -> forum.profiles().deleteOwnAccount(actor(admin), ForumFixture.PASSWORD))
                .isInstanceOf(ConflictException.class);
        assertThat(fx().reload(admin).isDeleted()).isFalse();
        assertThat(forum.members().authenticate(admin.username(), ForumFixture.PASSWORD)).isPresent();
    }

    @Test
    void theMemberListIsPagedSortedAndLeavesOutDeletedAccounts() {
        Member carol = fx().member("carol");
        clock.advance(Duration.ofMinutes(1));
        Member ann = fx().member("ann");
        clock.advance(Duration.ofMinutes(1));
        Member bob = fx().member("bob");
        StartedThread t = fx().thread().by(bob).start();
        fx().reply(bob, t.id());
        fx().reply(carol, t.id());
        forum.reactions().react(actor(ann), t.first().id(), "like");
        forum.profiles().deleteOwnAccount(actor(fx().member("dave")), ForumFixture.PASSWORD);
        String admin = fx().admin().username();
        String moderator = fx().moderator().username();

        var byName = forum.profiles().memberList(MemberSort.NAME, 1);
        assertThat(byName.total()).isEqualTo(5);
        assertThat(byName.items()).extracting(Member::username)
                .containsExactlyElementsOf(java.util.stream.Stream.of("ann", "bob", "carol", admin, moderator).sorted().toList());
        assertThat(forum.profiles().memberList(MemberSort.JOINED, 1).items().get(0).id()).isEqualTo(bob.id());
        assertThat(forum.profiles().memberList(MemberSort.MESSAGES, 1).items()).extracting(Member::id).startsWith(bob.id(), carol.id());
        assertThat(forum.profiles().memberList(MemberSort.REACTION_SCORE, 1).items().get(0).id()).isEqualTo(bob.id());
        assertThat(forum.profiles().memberList(MemberSort.NAME, 2).items()).isEmpty();
        assertThatThrownBy(() -> forum.profiles().memberList(MemberSort.NAME, 0)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aMembersPostsAndThreadsArePagedAndNeverShowBoardsHiddenFromTheViewer() {
        Member bob = fx().member("bob");
        var admin = actor(fx().admin());
        var secret = forum.boards().createBoard(admin, fx().category().id(), "Back room", "", "");
        StartedThread open = fx().thread().by(bob).titled("Open ride").start();
        clock.advanceSeconds(1);
        fx().thread().by(bob).in(secret).titled("Secret plans").start(); // before the board became private
        for (GroupId g : java.util.List.of(GroupId.GUESTS, GroupId.MEMBERS)) {
            forum.permissions().set(admin, new Grant(Grant.Subject.group(g), Grant.Scope.board(secret.id()),
                    Permission.VIEW_BOARD, GrantValue.DENY));
        }
        for (int i = 0; i < 21; i++) {
            clock.advanceSeconds(1);
            fx().reply(bob, open.id(), "reply " + i);
        }
        var guest = dev.forumkit.core.Actor.guest();

        var first = forum.profiles().activity(guest, bob.id(), false, 1);
        assertThat(first.items()).hasSize(20);
        assertThat(first.hasMore()).isTrue();
        assertThat(first.items().get(0).post().body()).isEqualTo("reply 20");
        assertThat(first.items()).extracting(dev.forumkit.core.profile.Activity.Item::threadTitle).containsOnly("Open ride");
        var second = forum.profiles().activity(guest, bob.id(), false, 2);
        assertThat(second.items()).hasSize(2);
        assertThat(second.hasMore()).isFalse();
        assertThat(forum.profiles().activity(actor(fx().member("carol")), bob.id(), true, 1).items())
                .extracting(dev.forumkit.core.profile.Activity.Item::threadTitle).containsExactly("Open ride");

        assertThat(forum.profiles().activity(admin, bob.id(), true, 1).items())
                .extracting(dev.forumkit.core.profile.Activity.Item::threadTitle).containsExactly("Secret plans", "Open ride");
        assertThat(forum.profiles().activity(admin, bob.id(), false, 2).items())
                .extracting(dev.forumkit.core.profile.Activity.Item::threadTitle).containsExactly("Open ride", "Secret plans", "Open ride");
        assertThatThrownBy(() -> forum.profiles().activity(guest, bob.id(), false, 0)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aProfilesCountsAndReactionsReceivedLeaveOutBoardsHiddenFromTheViewer() {
        Member bob = fx().member("bob");
        var admin = actor(fx().admin());
        var secret = forum.boards().createBoard(admin, fx().category().id(), "Back room", "", "");
        StartedThread open = fx().thread().by(bob).titled("Open ride").start();
        StartedThread hidden = fx().thread().by(bob).in(secret).titled("Secret plans").start();
        Post deleted = fx().reply(bob, open.id(), "soon gone");
        for (GroupId g : java.util.List.of(GroupId.GUESTS, GroupId.MEMBERS)) {
            forum.permissions().set(admin, new Grant(Grant.Subject.group(g), Grant.Scope.board(secret.id()),
                    Permission.VIEW_BOARD, GrantValue.DENY));
        }
        Member carol = fx().member("carol");
        forum.reactions().react(actor(carol), open.first().id(), "like");
        forum.reactions().react(actor(fx().moderator()), open.first().id(), "angry");
        forum.reactions().react(admin, hidden.first().id(), "love");
        forum.reactions().react(actor(carol), deleted.id(), "wow");
        forum.posts().delete(admin, deleted.id(), "off topic");

        var asGuest = forum.reading().memberProfile(dev.forumkit.core.Actor.guest(), bob.id());
        assertThat(asGuest.member().messageCount()).isEqualTo(1);
        assertThat(asGuest.member().reactionScore()).isZero(); // like +1, angry -1
        assertThat(asGuest.reactionsReceived()).containsExactly(java.util.Map.entry("like", 1), java.util.Map.entry("angry", 1));
        var asMember = forum.reading().memberProfile(actor(carol), bob.id());
        assertThat(asMember.reactionsReceived()).isEqualTo(asGuest.reactionsReceived());
        assertThat(asMember.member().messageCount()).isEqualTo(1);

        var asAdmin = forum.reading().memberProfile(admin, bob.id());
        assertThat(asAdmin.member().messageCount()).isEqualTo(2).isEqualTo(fx().reload(bob).messageCount());
        assertThat(asAdmin.member().reactionScore()).isEqualTo(1).isEqualTo(fx().reload(bob).reactionScore());
        assertThat(asAdmin.reactionsReceived()).containsExactly(java.util.Map.entry("like", 1),
                java.util.Map.entry("love", 1), java.util.Map.entry("angry", 1));
    }
}
