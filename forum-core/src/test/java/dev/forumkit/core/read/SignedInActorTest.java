package dev.forumkit.core.read;

import dev.forumkit.core.Actor;
import dev.forumkit.core.Forum;
import dev.forumkit.core.NotAllowedException;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.Category;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Pbkdf2PasswordHasher;
import dev.forumkit.core.member.Registration;
import dev.forumkit.core.member.Role;
import dev.forumkit.core.memory.InMemoryForumStorage;
import dev.forumkit.core.post.Post;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An actor that carries the member record its caller read for the request ({@link Actor#signedIn}): reads take that
 * record, commands read the member again in their own transaction, so a role taken away meanwhile holds there.
 */
class SignedInActorTest {
    @Test
    void reads_take_the_handed_over_member_and_commands_read_it_afresh() {
        try (Forum forum = Forum.create(new InMemoryForumStorage(), c -> c.passwordHasher(new Pbkdf2PasswordHasher(1_000)))) {
            Member admin = forum.members().registerFirstAdmin(new Registration("admin", "admin@example.org", "a long password"));
            Actor asAdmin = Actor.member(admin.id());
            Member mod = forum.members().register(new Registration("mod", "mod@example.org", "another password"));
            Member asModerator = forum.members().changeRole(asAdmin, mod.id(), Role.MODERATOR);
            Category general = forum.boards().createCategory(asAdmin, "General", "");
            Board board = forum.boards().createBoard(asAdmin, general.id(), "Cycling", "", "");
            Post first = forum.threads().start(asAdmin, board.id(), "Route tips", "Where do you ride?");

            Actor carried = Actor.signedIn(asModerator);
            assertThat(carried).isEqualTo(Actor.member(mod.id())); // the same actor, by id
            assertThat(forum.reading().threadPage(carried, first.threadId(), 1).canModerate()).isTrue();

            forum.members().changeRole(asAdmin, mod.id(), Role.MEMBER);
            // the record read for a request that began before the change still speaks for that request's reads ...
            assertThat(forum.reading().threadPage(carried, first.threadId(), 1).canModerate()).isTrue();
            // ... but never for a command: it reads the member in its transaction
            assertThatThrownBy(() -> forum.threads().lock(carried, first.threadId(), true))
                    .isInstanceOf(NotAllowedException.class);
            // and the next request, with the member read again, sees the change
            Member now = forum.members().byId(mod.id()).orElseThrow();
            assertThat(forum.reading().threadPage(Actor.signedIn(now), first.threadId(), 1).canModerate()).isFalse();
        }
    }

    @Test
    void the_chrome_of_a_page_is_one_read_of_counts_and_settings() {
        try (Forum forum = Forum.create(new InMemoryForumStorage(), c -> c.passwordHasher(new Pbkdf2PasswordHasher(1_000)))) {
            Member ann = forum.members().register(new Registration("ann", "ann@example.org", "another password"));
            ViewerChrome with = forum.reading().chrome(Actor.signedIn(ann), true);
            assertThat(with.unreadAlerts()).isZero();
            assertThat(with.unreadConversations()).isZero();
            assertThat(with.settings().memberId()).isEqualTo(ann.id());
            assertThat(forum.reading().chrome(Actor.member(ann.id()), false).settings()).isNull();
            assertThatThrownBy(() -> forum.reading().chrome(Actor.guest(), true)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void a_signed_in_actor_needs_a_member() {
        assertThatThrownBy(() -> Actor.signedIn(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
