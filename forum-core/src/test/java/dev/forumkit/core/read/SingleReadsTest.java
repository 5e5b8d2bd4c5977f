package dev.forumkit.core.read;

import dev.forumkit.core.Actor;
import dev.forumkit.core.Forum;
import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.NotAllowedException;
import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.Category;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Pbkdf2PasswordHasher;
import dev.forumkit.core.member.Registration;
import dev.forumkit.core.memory.InMemoryForumStorage;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.post.PostView;
import dev.forumkit.core.thread.EditablePost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The single-item read models (a post, a thread, a quote, the first unread post, an editable post) and the views
 * post commands return, against the in-memory storage: the same rules as the thread page, seen one item at a time.
 */
class SingleReadsTest {
    private InMemoryForumStorage storage;
    private Forum forum;
    private Actor admin;
    private Actor ann;
    private Actor bob;
    private Member annMember;
    private Board board;
    private Post opening;

    @BeforeEach
    void setUp() {
        storage = new InMemoryForumStorage();
        forum = Forum.create(storage, c -> c.passwordHasher(new Pbkdf2PasswordHasher(1_000)).viewFlushInterval(Duration.ZERO));
        admin = Actor.member(forum.members().registerFirstAdmin(new Registration("admin", "admin@example.org", "a long password")).id());
        annMember = forum.members().register(new Registration("ann", "ann@example.org", "another password"));
        ann = Actor.member(annMember.id());
        bob = Actor.member(forum.members().register(new Registration("bob", "bob@example.org", "a third password")).id());
        Category general = forum.boards().createCategory(admin, "General", "");
        board = forum.boards().createBoard(admin, general.id(), "Cycling", "", "");
        opening = forum.threads().start(ann, board.id(), "Route tips", "Where do you ride?");
    }

    @AfterEach
    void tearDown() {
        forum.close();
    }

    @Test
    void a_reply_comes_back_as_its_author_sees_it_from_the_one_command() {
        PostView v = forum.posts().reply(bob, opening.threadId(), "Along the river.");
        assertThat(v.post().number()).isEqualTo(2);
        assertThat(v.post().body()).isEqualTo("Along the river.");
        assertThat(v.bodyHtml()).contains("Along the river.");
        assertThat(v.author().username()).isEqualTo("bob");
        assertThat(v.author().messageCount()).as("counted by the reply itself").isEqualTo(1);
        assertThat(v.byThreadStarter()).isFalse();
        assertThat(v.reactionCounts()).isEmpty();
        assertThat(v.viewerReaction()).isNull();
        assertThat(v.canEdit()).isTrue();
        assertThat(v.canDelete()).isTrue();
        assertThat(v.canRestore()).isFalse();
        assertThat(v.canReact()).as("not on one's own post").isFalse();
        assertThat(forum.reading().post(bob, v.post().id())).as("the same as a later read").isEqualTo(v);
    }

    @Test
    void one_post_carries_the_viewers_flags_and_reaction() {
        Post reply = forum.posts().reply(bob, opening.threadId(), "Along the river.").post();
        forum.reactions().react(ann, reply.id(), "like");

        PostView asAnn = forum.reading().post(ann, reply.id());
        assertThat(asAnn.reactionCounts()).containsEntry("like", 1);
        assertThat(asAnn.viewerReaction()).isEqualTo("like");
        assertThat(asAnn.canEdit()).isFalse();
        assertThat(asAnn.canReact()).isTrue();

        PostView asGuest = forum.reading().post(Actor.guest(), reply.id());
        assertThat(asGuest.viewerReaction()).isNull();
        assertThat(asGuest.canEdit() || asGuest.canDelete() || asGuest.canReact()).isFalse();

        PostView asAdmin = forum.reading().post(admin, reply.id());
        assertThat(asAdmin.canEdit()).isTrue();
        assertThat(asAdmin.canDelete()).isTrue();
        assertThat(forum.reading().post(admin, opening.id()).canDelete()).as("the first post goes with its thread").isFalse();
        assertThat(forum.reading().post(admin, opening.id()).byThreadStarter()).isTrue();
    }

    @Test
    void a_deleted_post_comes_back_to_the_member_who_deleted_it_but_is_found_by_staff_only() {
        Post reply = forum.posts().reply(bob, opening.threadId(), "Oops").post();
        PostView deleted = forum.posts().delete(bob, reply.id(), "wrong thread");
        assertThat(deleted.post().isDeleted()).isTrue();
        assertThat(deleted.canRestore()).isFalse();

        assertThatThrownBy(() -> forum.reading().post(bob, reply.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> forum.reading().post(Actor.guest(), reply.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> forum.reading().quote(ann, reply.id())).isInstanceOf(NotFoundException.class);
        PostView asAdmin = forum.reading().post(admin, reply.id());
        assertThat(asAdmin.canRestore()).isTrue();
        assertThat(forum.posts().restore(admin, reply.id()).post().isDeleted()).isFalse();
    }

    @Test
    void an_edit_comes_back_with_the_new_body_and_its_reactions() {
        Post reply = forum.posts().reply(bob, opening.threadId(), "Along the river.").post();
        forum.reactions().react(ann, reply.id(), "like");
        PostView edited = forum.posts().edit(bob, reply.id(), "Along the river, mostly.");
        assertThat(edited.post().body()).isEqualTo("Along the river, mostly.");
        assertThat(edited.post().lastEdit().count()).isEqualTo(1);
        assertThat(edited.reactionCounts()).containsEntry("like", 1);
        assertThat(edited.viewerReaction()).isNull();
    }

    @Test
    void a_thread_summary_has_names_unread_and_the_viewers_flags() {
        forum.posts().reply(bob, opening.threadId(), "Along the river.");

        ThreadSummary asAnn = forum.reading().thread(ann, opening.threadId());
        assertThat(asAnn.boardTitle()).isEqualTo("Cycling");
        assertThat(asAnn.starterName()).isEqualTo("ann");
        assertThat(asAnn.lastPosterName()).isEqualTo("bob");
        assertThat(asAnn.unread()).as("bob's reply is new to ann").isTrue();
        assertThat(asAnn.canReply()).isTrue();
        assertThat(asAnn.canModerate()).isFalse();
        assertThat(forum.reading().thread(bob, opening.threadId()).unread()).as("one's own post is read").isFalse();

        forum.threads().lock(admin, opening.threadId(), true);
        assertThat(forum.reading().thread(ann, opening.threadId()).canReply()).as("locked").isFalse();
        ThreadSummary asAdmin = forum.reading().thread(admin, opening.threadId());
        assertThat(asAdmin.canModerate()).isTrue();
        assertThat(asAdmin.canReply()).isTrue();
        ThreadSummary asGuest = forum.reading().thread(Actor.guest(), opening.threadId());
        assertThat(asGuest.unread() || asGuest.canReply() || asGuest.canReact() || asGuest.canModerate()).isFalse();

        forum.threads().delete(admin, opening.threadId(), "");
        assertThatThrownBy(() -> forum.reading().thread(ann, opening.threadId())).isInstanceOf(NotFoundException.class);
        assertThat(forum.reading().thread(admin, opening.threadId()).thread().isDeleted()).isTrue();
    }

    @Test
    void a_quote_has_the_authors_name_and_source() {
        Post reply = forum.posts().reply(bob, opening.threadId(), "Along the **river**.").post();
        Quote q = forum.reading().quote(Actor.guest(), reply.id());
        assertThat(q.postId()).isEqualTo(reply.id());
        assertThat(q.authorName()).isEqualTo("bob");
        assertThat(q.body()).isEqualTo("Along the **river**.");
    }

    @Test
    void the_first_unread_post_follows_the_members_read_position() {
        Post second = forum.posts().reply(bob, opening.threadId(), "Two").post();
        Post third = forum.posts().reply(bob, opening.threadId(), "Three").post();
        assertThat(forum.reading().firstUnread(Actor.guest(), opening.threadId())).isEmpty();
        assertThat(forum.reading().firstUnread(ann, opening.threadId())).map(PostLocation::postId).contains(second.id());
        forum.reading().threadPage(ann, opening.threadId(), 1);
        assertThat(forum.reading().firstUnread(ann, opening.threadId())).as("all read: the last post")
                .map(PostLocation::postId).contains(third.id());
        forum.posts().delete(admin, second.id(), "");
        PostLocation forBobBefore = forum.reading().firstUnread(admin, opening.threadId()).orElseThrow();
        assertThat(forBobBefore.threadId()).isEqualTo(opening.threadId());
        forum.threads().delete(admin, opening.threadId(), "");
        assertThat(forum.reading().firstUnread(ann, opening.threadId())).as("a thread ann cannot see").isEmpty();
    }

    @Test
    void an_editable_post_is_found_and_refused_exactly_as_an_edit_would_be() {
        Post reply = forum.posts().reply(bob, opening.threadId(), "Along the river.").post();
        EditablePost e = forum.posts().editable(bob, reply.id());
        assertThat(e.post().id()).isEqualTo(reply.id());
        assertThat(e.thread().title()).isEqualTo("Route tips");
        assertThat(forum.posts().editable(admin, reply.id()).post().body()).isEqualTo("Along the river.");
        assertThatThrownBy(() -> forum.posts().editable(ann, reply.id())).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> forum.posts().editable(Actor.guest(), reply.id())).isInstanceOf(NotAllowedException.class);

        forum.posts().delete(bob, reply.id(), "");
        assertThatThrownBy(() -> forum.posts().editable(bob, reply.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> forum.posts().editable(admin, reply.id())).as("staff find it, but restore before editing")
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> forum.posts().edit(admin, reply.id(), "new words")).isInstanceOf(NotAllowedException.class);
    }

    @Test
    void the_gate_runs_only_for_valid_posts_and_a_refusal_writes_nothing() {
        AtomicInteger gate = new AtomicInteger();
        assertThatThrownBy(() -> forum.posts().reply(bob, opening.threadId(), "   ", gate::incrementAndGet))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> forum.threads().start(bob, board.id(), "", "body", gate::incrementAndGet))
                .isInstanceOf(InvalidInputException.class);
        assertThat(gate).as("a bad post never reaches the gate").hasValue(0);

        Runnable refuse = () -> {
            throw new IllegalStateException("rate limited");
        };
        assertThatThrownBy(() -> forum.posts().reply(bob, opening.threadId(), "Hello", refuse)).hasMessage("rate limited");
        assertThatThrownBy(() -> forum.threads().start(bob, board.id(), "Title", "Hello", refuse)).hasMessage("rate limited");
        assertThat(forum.reading().thread(bob, opening.threadId()).thread().replyCount()).isZero();
        assertThat(forum.reading().boardPage(bob, board.id(), 1).threads().total()).isEqualTo(1);

        forum.posts().reply(bob, opening.threadId(), "Hello", gate::incrementAndGet);
        assertThat(gate).hasValue(1);
    }
}
