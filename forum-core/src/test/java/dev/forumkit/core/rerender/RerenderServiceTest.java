package dev.forumkit.core.rerender;

import dev.forumkit.core.Actor;
import dev.forumkit.core.Forum;
import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.NotAllowedException;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.markup.MarkupRenderer;
import dev.forumkit.core.markup.MentionResolver;
import dev.forumkit.core.markup.Rendered;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Pbkdf2PasswordHasher;
import dev.forumkit.core.member.Registration;
import dev.forumkit.core.memory.InMemoryForumStorage;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.post.PostId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rerender on the in-memory storage: batches in id order, only other versions, resumable, edits kept, admins only. */
class RerenderServiceTest {
    /** Wraps the source in a tag naming the version, and may act while rendering (to edit a post meanwhile). */
    private record Versioned(String version, Consumer<String> whileRendering) implements MarkupRenderer {
        @Override
        public Rendered render(String source, MentionResolver mentions) {
            whileRendering.accept(source);
            return new Rendered("<p class=\"" + version + "\">" + source + "</p>", Set.of(), version);
        }
    }

    /** Names each @word's member, or "?" for a name nobody has. */
    private record Naming() implements MarkupRenderer {
        @Override
        public Rendered render(String source, MentionResolver mentions) {
            return new Rendered(java.util.Arrays.stream(source.split(" "))
                    .map(w -> w.startsWith("@") ? mentions.resolve(w.substring(1)).map(m -> m.id().value() + ":" + m.username())
                            .orElse("?") : w)
                    .collect(java.util.stream.Collectors.joining(" ")), Set.of(), version());
        }

        @Override
        public String version() {
            return "names";
        }
    }

    private final InMemoryForumStorage storage = new InMemoryForumStorage();
    private final List<Forum> forums = new ArrayList<>();
    private Forum v1;
    private Member admin;
    private Member ann;
    private final List<Post> posts = new ArrayList<>();

    private Forum forum(MarkupRenderer renderer) {
        Forum f = Forum.create(storage, c -> c.passwordHasher(new Pbkdf2PasswordHasher(1_000))
                .viewFlushInterval(Duration.ZERO).markupRenderer(renderer));
        forums.add(f);
        return f;
    }

    @BeforeEach
    void fivePostsRenderedByVersionOne() {
        v1 = forum(new Versioned("v1", s -> { }));
        admin = v1.members().registerFirstAdmin(new Registration("admin", "admin@example.org", "a long password"));
        ann = v1.members().register(new Registration("ann", "ann@example.org", "another password"));
        Actor asAdmin = Actor.member(admin.id());
        Board board = v1.boards().createBoard(asAdmin, v1.boards().createCategory(asAdmin, "General", "").id(), "B", "", "");
        Post first = v1.threads().start(asAdmin, board.id(), "T", "one");
        posts.add(first);
        for (String body : List.of("two", "three", "four", "five")) {
            posts.add(v1.posts().reply(Actor.member(ann.id()), first.threadId(), body).post());
        }
        v1.posts().delete(asAdmin, posts.get(2).id(), "off topic"); // deleted posts are rerendered too: a restore shows them
    }

    @AfterEach
    void close() {
        forums.forEach(Forum::close);
    }

    private Post stored(Post p) {
        return storage.transactions().readOnly(() -> storage.posts().byId(p.id())).orElseThrow();
    }

    @Test
    void rerenders_every_post_of_another_version_in_batches_in_id_order() {
        Forum v2 = forum(new Versioned("v2", s -> { }));
        v2.posts().reply(Actor.member(ann.id()), posts.get(0).threadId(), "six"); // already v2: never taken
        assertThat(v2.rerendering().currentVersion()).isEqualTo("v2");
        assertThat(v2.rerendering().countStaleAsSystem()).isEqualTo(5);

        List<RerenderBatch> batches = new ArrayList<>();
        long done = v2.rerendering().rerenderAllAsSystem(null, 2, batches::add);

        assertThat(done).isEqualTo(5);
        assertThat(batches).extracting(RerenderBatch::found).containsExactly(2, 2, 1);
        assertThat(batches).extracting(RerenderBatch::lastPostId)
                .containsExactly(posts.get(1).id(), posts.get(3).id(), posts.get(4).id());
        for (Post p : posts) {
            assertThat(stored(p).renderVersion()).isEqualTo("v2");
            assertThat(stored(p).html()).isEqualTo("<p class=\"v2\">" + p.body() + "</p>");
        }
        assertThat(stored(posts.get(2)).isDeleted()).isTrue();
        assertThat(v2.rerendering().countStaleAsSystem()).isZero();
        assertThat(v2.rerendering().rerenderNextAsSystem(null, 100).finished()).isTrue();
    }

    @Test
    void a_run_stopped_after_one_batch_goes_on_where_it_stopped_from_its_position_or_from_the_start() {
        Forum v2 = forum(new Versioned("v2", s -> { }));
        RerenderBatch first = v2.rerendering().rerenderNextAsSystem(null, 2); // then the process was killed

        assertThat(first.rerendered()).isEqualTo(2);
        assertThat(v2.rerendering().countStaleAsSystem()).isEqualTo(3);
        RerenderBatch next = v2.rerendering().rerenderNextAsSystem(first.lastPostId(), 1);
        assertThat(next.lastPostId()).isEqualTo(posts.get(2).id());
        List<RerenderBatch> rest = new ArrayList<>();
        assertThat(v2.rerendering().rerenderAllAsSystem(null, 10, rest::add)).as("the rest, found by version").isEqualTo(2);
        assertThat(rest).extracting(RerenderBatch::lastPostId).containsExactly(posts.get(4).id());
        assertThat(posts).allMatch(p -> stored(p).renderVersion().equals("v2"));
    }

    @Test
    void a_post_edited_while_its_batch_renders_keeps_the_edit() {
        Post edited = posts.get(3);
        Forum v2 = forum(new Versioned("v2", source -> {
            if (source.equals("four")) { // the author edits it while the batch renders, on a node still at v1
                v1.posts().edit(Actor.member(ann.id()), edited.id(), "four, edited");
            }
        }));

        RerenderBatch batch = v2.rerendering().rerenderNextAsSystem(null, 10);

        assertThat(batch.found()).isEqualTo(5);
        assertThat(batch.rerendered()).isEqualTo(4);
        assertThat(batch.skipped()).isEqualTo(1);
        assertThat(stored(edited).body()).isEqualTo("four, edited");
        assertThat(stored(edited).html()).isEqualTo("<p class=\"v1\">four, edited</p>");
        assertThat(v2.rerendering().countStaleAsSystem()).as("left for the next run").isEqualTo(1);
    }

    @Test
    void renders_a_post_as_a_rerender_would_store_it_without_storing_it() {
        Forum v2 = forum(new Versioned("v2", s -> { }));
        Post loaded = new Post(PostId.of(999), posts.get(0).threadId(), 9, ann.id(), "imported", posts.get(0).createdAt(), null, null);

        Post rendered = v2.rerendering().renderedAsSystem(loaded);

        assertThat(rendered.html()).isEqualTo("<p class=\"v2\">imported</p>");
        assertThat(rendered.renderVersion()).isEqualTo("v2");
        assertThat(rendered.withRendering(null, null)).isEqualTo(loaded);
        assertThat(storage.transactions().readOnly(() -> storage.posts().byId(PostId.of(999)))).as("nothing stored").isEmpty();
        assertThat(v2.rerendering().countStaleAsSystem()).as("the stored posts are untouched").isEqualTo(5);
    }

    @Test
    void a_bulk_rendering_resolves_mentions_as_a_single_rendering_does_also_when_a_name_comes_again() {
        Forum f = forum(new Naming());
        var bulk = f.rerendering().bulkRenderingAsSystem();

        for (String source : List.of("hi @ann and @nobody", "@ANN again, @admin", "hi @ann and @nobody")) {
            assertThat(bulk.apply(source)).isEqualTo(f.rerendering().renderedAsSystem(source));
        }
        assertThat(bulk.apply("hi @ann and @nobody").html()).isEqualTo("hi " + ann.id().value() + ":ann and ?");
    }

    @Test
    void only_admins_may_rerender_and_the_batch_size_is_bounded() {
        Forum v2 = forum(new Versioned("v2", s -> { }));
        assertThatThrownBy(() -> v2.rerendering().rerenderNext(Actor.member(ann.id()), null, 10))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> v2.rerendering().countStale(Actor.guest())).isInstanceOf(NotAllowedException.class);
        assertThat(v2.rerendering().countStaleAsSystem()).isEqualTo(5);
        assertThatThrownBy(() -> v2.rerendering().rerenderNextAsSystem(null, 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> v2.rerendering().rerenderNextAsSystem(null, RerenderService.MAX_BATCH + 1))
                .isInstanceOf(InvalidInputException.class);

        RerenderBatch batch = v2.rerendering().rerenderNext(Actor.member(admin.id()), PostId.of(posts.get(3).id().value()), 10);
        assertThat(batch.rerendered()).isEqualTo(1);
        assertThat(v2.rerendering().countStale(Actor.member(admin.id()))).isEqualTo(4);
    }
}
