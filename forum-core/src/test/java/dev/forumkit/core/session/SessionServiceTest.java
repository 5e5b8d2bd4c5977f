package dev.forumkit.core.session;

import dev.forumkit.core.Forum;
import dev.forumkit.core.ManualClock;
import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.member.Pbkdf2PasswordHasher;
import dev.forumkit.core.member.Registration;
import dev.forumkit.core.memory.InMemoryForumStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sessions through core's service over the in-memory storage, with a clock the test moves. */
class SessionServiceTest {
    private static final Duration DAY = Duration.ofDays(1);

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T10:00:00Z"));
    private InMemoryForumStorage storage;
    private Forum forum;
    private Member ann;
    private Member bob;

    @BeforeEach
    void setUp() {
        storage = new InMemoryForumStorage();
        forum = Forum.create(storage, c -> c.clock(clock).passwordHasher(new Pbkdf2PasswordHasher(1_000))
                .viewFlushInterval(Duration.ZERO));
        forum.members().registerFirstAdmin(new Registration("admin", "admin@example.org", "a long password"));
        ann = forum.members().register(new Registration("ann", "ann@example.org", "another password"));
        bob = forum.members().register(new Registration("bob", "bob@example.org", "a third password"));
    }

    @AfterEach
    void tearDown() {
        forum.close();
    }

    private Optional<Session> stored(String token) {
        return storage.transactions().readOnly(() -> storage.sessions().byTokenHash(SessionTokens.hash(token)));
    }

    @Test
    void a_new_session_signs_the_member_in_and_stores_only_the_hash_of_its_token() {
        SignedIn in = forum.sessions().create(ann.id(), DAY, null);
        assertThat(SessionTokens.wellFormed(in.token())).isTrue();
        assertThat(in.member().id()).isEqualTo(ann.id());
        assertThat(in.session().expiresAt()).isEqualTo(clock.instant().plus(DAY));
        assertThat(stored(in.token())).contains(in.session());
        assertThat(storage.transactions().readOnly(() -> storage.sessions().byTokenHash(in.token()))).isEmpty();

        Optional<SignedIn> found = forum.sessions().resolve(in.token(), DAY);
        assertThat(found).isPresent();
        assertThat(found.get().member().username()).isEqualTo("ann");
        assertThat(found.get().extended()).isFalse();
    }

    @Test
    void signing_in_again_on_a_client_ends_its_old_session() {
        SignedIn planted = forum.sessions().create(bob.id(), DAY, null);
        SignedIn in = forum.sessions().create(ann.id(), DAY, planted.token());
        assertThat(in.token()).isNotEqualTo(planted.token());
        assertThat(forum.sessions().resolve(planted.token(), DAY)).isEmpty();
        assertThat(forum.sessions().resolve(in.token(), DAY)).map(s -> s.member().id()).contains(ann.id());
    }

    @Test
    void a_session_slides_once_half_its_lifetime_is_used_and_ends_when_it_expires() {
        SignedIn in = forum.sessions().create(ann.id(), DAY, null);
        clock.advance(Duration.ofHours(11));
        assertThat(forum.sessions().resolve(in.token(), DAY).orElseThrow().extended()).isFalse();
        assertThat(stored(in.token()).orElseThrow().expiresAt()).isEqualTo(in.session().expiresAt());

        clock.advance(Duration.ofHours(2)); // 13 hours in: less than half is left
        SignedIn slid = forum.sessions().resolve(in.token(), DAY).orElseThrow();
        assertThat(slid.extended()).isTrue();
        assertThat(slid.session().expiresAt()).isEqualTo(clock.instant().plus(DAY));
        assertThat(stored(in.token()).orElseThrow().expiresAt()).isEqualTo(clock.instant().plus(DAY));

        clock.advance(DAY);
        assertThat(forum.sessions().resolve(in.token(), DAY)).as("expired").isEmpty();
    }

    @Test
    void extend_moves_the_expiry_of_an_existing_session_only() {
        SignedIn in = forum.sessions().create(ann.id(), DAY, null);
        clock.advance(Duration.ofHours(1));
        assertThat(forum.sessions().extend(in.token(), Duration.ofDays(2)).orElseThrow().expiresAt())
                .isEqualTo(clock.instant().plus(Duration.ofDays(2)));
        assertThat(stored(in.token()).orElseThrow().expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(2)));
        assertThat(forum.sessions().extend(SessionTokens.newToken(), DAY)).isEmpty();
    }

    @Test
    void ending_one_session_or_all_of_a_member() {
        SignedIn phone = forum.sessions().create(ann.id(), DAY, null);
        SignedIn laptop = forum.sessions().create(ann.id(), DAY, null);
        SignedIn bobs = forum.sessions().create(bob.id(), DAY, null);

        assertThat(forum.sessions().end(phone.token())).isTrue();
        assertThat(forum.sessions().end(phone.token())).isFalse();
        assertThat(forum.sessions().resolve(phone.token(), DAY)).isEmpty();
        assertThat(forum.sessions().resolve(laptop.token(), DAY)).isPresent();

        forum.sessions().create(ann.id(), DAY, null);
        assertThat(forum.sessions().endAll(ann.id())).isEqualTo(2);
        assertThat(forum.sessions().resolve(laptop.token(), DAY)).isEmpty();
        assertThat(forum.sessions().resolve(bobs.token(), DAY)).as("another member's session stays").isPresent();
    }

    @Test
    void tokens_a_client_made_up_find_nothing_and_write_nothing() {
        for (String bad : new String[] {null, "", "short", "x".repeat(43) + "y", "!".repeat(43)}) {
            assertThat(forum.sessions().resolve(bad, DAY)).isEmpty();
            assertThat(forum.sessions().end(bad)).isFalse();
            assertThat(forum.sessions().extend(bad, DAY)).isEmpty();
        }
        assertThat(forum.sessions().resolve(SessionTokens.newToken(), DAY)).isEmpty();
    }

    @Test
    void a_session_needs_a_member_and_a_positive_lifetime() {
        assertThatThrownBy(() -> forum.sessions().create(MemberId.of(999), DAY, null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> forum.sessions().create(ann.id(), Duration.ZERO, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> forum.sessions().resolve(SessionTokens.newToken(), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_password_change_ends_every_session_of_the_member() {
        SignedIn in = forum.sessions().create(ann.id(), DAY, null);
        forum.members().changePassword(dev.forumkit.core.Actor.member(ann.id()), "another password", "a brand new password");
        assertThat(forum.sessions().resolve(in.token(), DAY)).isEmpty();
    }
}
