package dev.forumkit.testkit.contract;

import dev.forumkit.core.Forum;
import dev.forumkit.core.NotAllowedException;
import dev.forumkit.core.markup.MarkupRenderer;
import dev.forumkit.core.markup.MentionResolver;
import dev.forumkit.core.markup.Rendered;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.rerender.RerenderBatch;
import dev.forumkit.testkit.ForumFixture;
import dev.forumkit.testkit.StartedThread;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.forumkit.testkit.ForumFixture.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rerender: the posts whose stored rendering is of another renderer version (or missing) are found in id order from a
 * position, counted, and given a new rendering only while their body is unchanged; the use case rebuilds them all in
 * batches, resumably, as admin or system only.
 */
public abstract class RerenderContract extends ContractBase {
    /** Wraps the source in a tag naming the version. */
    private record Versioned(String version) implements MarkupRenderer {
        @Override
        public Rendered render(String source, MentionResolver mentions) {
            return new Rendered("<p class=\"" + version + "\">" + source + "</p>", Set.of(), version);
        }
    }

    private final List<Forum> forums = new ArrayList<>();
    private Member alice;
    private List<Post> posts;

    private Forum forum(String rendererVersion) {
        Forum f = ForumFixture.forum(storage, clock, c -> c.markupRenderer(new Versioned(rendererVersion)));
        forums.add(f);
        return f;
    }

    /** Six posts: four rendered by v1 (one of them deleted), one by v2, one stored without a rendering. */
    @BeforeEach
    void posts() {
        alice = fx().member("alice");
        Forum v1 = forum("v1");
        Post first = v1.threads().start(actor(alice), fx().board().id(), "Renderings", "one");
        List<Post> all = new ArrayList<>(List.of(first));
        all.add(v1.posts().reply(actor(alice), first.threadId(), "two").post());
        all.add(v1.posts().reply(actor(alice), first.threadId(), "three").post());
        all.add(forum("v2").posts().reply(actor(alice), first.threadId(), "four").post());
        all.add(v1.posts().reply(actor(alice), first.threadId(), "five").post());
        v1.posts().delete(actor(fx().moderator()), all.get(4).id(), "off topic");
        all.add(tx(() -> {
            int number = storage.threads().allocatePostNumber(first.threadId());
            return storage.posts().add(Post.withoutId(first.threadId(), number, alice.id(), "six", clock.instant()));
        }));
        posts = List.copyOf(all);
    }

    @AfterEach
    void closeForums() {
        forums.forEach(Forum::close);
    }

    private Post stored(Post p) {
        return read(() -> storage.posts().byId(p.id())).orElseThrow();
    }

    private static List<PostId> ids(List<Post> list) {
        return list.stream().map(Post::id).toList();
    }

    private List<PostId> ids(int... indexes) {
        List<PostId> out = new ArrayList<>();
        for (int i : indexes) {
            out.add(posts.get(i).id());
        }
        return out;
    }

    @Test
    void postsOfAnotherVersionAreFoundInIdOrderFromAPositionAndCounted() {
        assertThat(ids(read(() -> storage.posts().renderedOtherThan("v2", null, 10)))).isEqualTo(ids(0, 1, 2, 4, 5));
        assertThat(ids(read(() -> storage.posts().renderedOtherThan("v2", null, 2)))).isEqualTo(ids(0, 1));
        assertThat(ids(read(() -> storage.posts().renderedOtherThan("v2", posts.get(2).id(), 10)))).isEqualTo(ids(4, 5));
        assertThat(ids(read(() -> storage.posts().renderedOtherThan("v1", posts.get(0).id(), 10)))).isEqualTo(ids(3, 5));
        assertThat(read(() -> storage.posts().renderedOtherThan("v2", posts.get(5).id(), 10))).isEmpty();
        assertThat(read(() -> storage.posts().countRenderedOtherThan("v2"))).isEqualTo(5);
        assertThat(read(() -> storage.posts().countRenderedOtherThan("v1"))).isEqualTo(2);
        assertThat(read(() -> storage.posts().countRenderedOtherThan("v9"))).isEqualTo(6);
    }

    @Test
    void aRenderingIsStoredOnlyWhileTheBodyIsUnchanged() {
        Post p = posts.get(1);
        assertThat(tx(() -> storage.posts().setRendering(p.id(), "two", "<p>2</p>", "v3"))).isTrue();
        assertThat(stored(p).html()).isEqualTo("<p>2</p>");
        assertThat(stored(p).renderVersion()).isEqualTo("v3");
        assertThat(stored(p).body()).isEqualTo("two");
        assertThat(stored(p).lastEdit()).as("a rerender is not an edit").isNull();

        assertThat(tx(() -> storage.posts().setRendering(p.id(), "an older body", "<p>old</p>", "v4"))).isFalse();
        assertThat(stored(p).html()).isEqualTo("<p>2</p>");
        assertThat(stored(p).renderVersion()).isEqualTo("v3");
        assertThat(tx(() -> storage.posts().setRendering(PostId.of(posts.get(5).id().value() + 1000), "six", "x", "v3"))).isFalse();
        assertThat(stored(posts.get(4)).isDeleted()).isTrue();
        assertThat(tx(() -> storage.posts().setRendering(posts.get(4).id(), "five", "<p>5</p>", "v3"))).isTrue();
        assertThat(stored(posts.get(4)).isDeleted()).as("the deletion stays").isTrue();
    }

    @Test
    void aRerenderRebuildsEveryOtherVersionInBatchesAndAKilledRunGoesOnWithWhatIsLeft() {
        Forum v2 = forum("v2");
        assertThat(v2.rerendering().countStaleAsSystem()).isEqualTo(5);

        RerenderBatch first = v2.rerendering().rerenderNextAsSystem(null, 2); // the run was killed after this batch
        assertThat(first.rerendered()).isEqualTo(2);
        assertThat(first.lastPostId()).isEqualTo(posts.get(1).id());
        assertThat(v2.rerendering().countStaleAsSystem()).isEqualTo(3);

        List<RerenderBatch> batches = new ArrayList<>();
        long done = v2.rerendering().rerenderAllAsSystem(null, 2, batches::add); // a new run, from the start

        assertThat(done).isEqualTo(3);
        assertThat(batches).extracting(RerenderBatch::lastPostId).containsExactly(posts.get(4).id(), posts.get(5).id());
        for (Post p : posts) {
            assertThat(stored(p).renderVersion()).isEqualTo("v2");
            assertThat(stored(p).html()).isEqualTo("<p class=\"v2\">" + p.body() + "</p>");
        }
        assertThat(v2.rerendering().countStaleAsSystem()).isZero();
        assertThat(v2.rerendering().rerenderNextAsSystem(null, 10).finished()).isTrue();
    }

    @Test
    void onlyAdminsMayRerender() {
        Forum v2 = forum("v2");
        assertThatThrownBy(() -> v2.rerendering().rerenderNext(actor(fx().moderator()), null, 10)).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> v2.rerendering().rerenderNext(actor(alice), null, 10)).isInstanceOf(NotAllowedException.class);
        assertThat(v2.rerendering().countStaleAsSystem()).isEqualTo(5);

        assertThat(v2.rerendering().rerenderNext(actor(fx().admin()), null, 10).rerendered()).isEqualTo(5);
        assertThat(v2.rerendering().countStale(actor(fx().admin()))).isZero();
        StartedThread later = fx().thread().by(alice).start(); // the fixture's own forum renders as plain text
        assertThat(v2.rerendering().countStaleAsSystem()).isEqualTo(1);
        assertThat(stored(later.first()).renderVersion()).isNotEqualTo("v2");
    }
}
