package dev.forumkit.core;

import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.Category;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Pbkdf2PasswordHasher;
import dev.forumkit.core.member.Registration;
import dev.forumkit.core.memory.InMemoryForumStorage;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.reaction.ReactionResult;
import dev.forumkit.core.read.ThreadPage;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's embedding example, kept compiling and true. */
class ForumExampleTest {
    @Test
    void the_readme_example_works() {
        try (Forum forum = Forum.create(new InMemoryForumStorage(),
                config -> config.passwordHasher(new Pbkdf2PasswordHasher(1_000)).viewFlushInterval(Duration.ZERO))) {
            Member admin = forum.members().registerFirstAdmin(new Registration("admin", "admin@example.org", "a long password"));
            Member ann = forum.members().register(new Registration("ann", "ann@example.org", "another password"));
            Actor asAdmin = Actor.member(admin.id());
            Actor asAnn = Actor.member(ann.id());

            Category general = forum.boards().createCategory(asAdmin, "General", "");
            Board cycling = forum.boards().createBoard(asAdmin, general.id(), "Cycling", "Two wheels", "Welcome! Join today.");

            Post first = forum.threads().start(asAdmin, cycling.id(), "Route tips", "Where do you ride?");
            Post reply = forum.posts().reply(asAnn, first.threadId(), "Along the river, mostly.").post();
            ReactionResult liked = forum.reactions().react(asAdmin, reply.id(), "like");

            ThreadPage page = forum.reading().threadPage(Actor.guest(), first.threadId(), 1);

            assertThat(admin.role()).isEqualTo(dev.forumkit.core.member.Role.ADMIN);
            assertThat(reply.number()).isEqualTo(2);
            assertThat(liked.authorReactionScore()).isEqualTo(1);
            assertThat(page.posts().items()).extracting(v -> v.post().number()).containsExactly(1, 2);
            assertThat(page.posts().items().get(1).author().reactionScore()).isEqualTo(1);
            assertThat(page.posts().items().get(0).byThreadStarter()).isTrue();
            assertThat(page.canReply()).isFalse();
            assertThat(forum.counters().recountAsSystem(false).clean()).isTrue();
        }
    }
}
