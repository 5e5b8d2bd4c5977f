package dev.forumkit.core.internal;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.LastPost;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.reaction.ReactionTypes;
import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.core.thread.ForumThread;

import java.util.Map;
import java.util.TreeMap;

/**
 * Every counter change in one place, run inside the command's transaction. A post is visible when neither it
 * nor its thread is deleted; board and member counters count visible posts only, thread counters count the
 * thread's not-deleted posts whatever the thread's own state. Member counters are kept in total and by board (the
 * board's part is what a viewer who may not see that board does not see).
 */
public final class Counters {
    private final ForumStorage s;
    private final ReactionTypes types;

    Counters(ForumStorage storage, ReactionTypes types) {
        this.s = storage;
        this.types = types;
    }

    public void threadStarted(ForumThread thread, Post first) {
        LastPost last = LastPost.of(first);
        s.threads().setLastPost(thread.id(), last);
        s.boards().addPost(thread.boardId(), 1, last);
        s.members().addCounters(first.authorId(), thread.boardId(), 1, 0);
        s.readStates().markRead(first.authorId(), thread.id(), first.number()); // one's own post is never unread
    }

    /**
     * A reply was added to {@code thread}, whose row this transaction locked and read; the reply's number is the post
     * counter read there plus one ({@link #nextNumber}): the thread's counter, reply count and last post move in one
     * update of its row.
     */
    public void replied(ForumThread thread, Post reply) {
        LastPost last = LastPost.of(reply);
        s.threads().addReply(thread.id(), last);
        if (!thread.isDeleted()) {
            s.boards().addPost(thread.boardId(), 0, last);
            s.members().addCounters(reply.authorId(), thread.boardId(), 1, 0);
        }
        s.readStates().markRead(reply.authorId(), thread.id(), reply.number());
        // the author has read the thread up to their reply: its news, quotes and mentions of them are no news
        s.alerts().markReadInThread(reply.authorId(), thread.id(), reply.number());
    }

    /**
     * The number of the reply about to be added to {@code locked}, a thread read under its row lock
     * ({@code Threads.byIdForUpdate}) in this transaction: its post counter plus one. {@link #replied} moves the
     * counter, atomically and only from the value read here.
     */
    public static int nextNumber(ForumThread locked) {
        return locked.postCounter() + 1;
    }

    /** A reply was soft-deleted ({@code sign} -1) or restored (+1). The first post never goes alone. */
    public void replyVisibilityChanged(ForumThread thread, Post post, int sign) {
        s.threads().addReplies(thread.id(), sign);
        LastPost threadLast = s.posts().lastVisibleInThread(thread.id()).map(LastPost::of).orElse(null);
        s.threads().setLastPost(thread.id(), threadLast);
        if (!thread.isDeleted()) {
            s.boards().addCounters(thread.boardId(), 0, sign);
            refreshBoardLastPost(thread.boardId());
            long score = types.score(s.reactions().countsByPost(java.util.List.of(post.id()))
                    .getOrDefault(post.id(), Map.of()));
            s.members().addCounters(post.authorId(), thread.boardId(), sign, sign * score);
        }
    }

    /** A whole thread was soft-deleted (-1) or restored (+1): its visible posts leave or rejoin every count. */
    public void threadVisibilityChanged(ForumThread thread, int sign) {
        Map<MemberId, Integer> postsByAuthor = new TreeMap<>(java.util.Comparator.comparingLong(MemberId::value));
        postsByAuthor.putAll(s.posts().visibleCountsByAuthor(thread.id()));
        int visiblePosts = postsByAuthor.values().stream().mapToInt(Integer::intValue).sum();
        s.boards().addCounters(thread.boardId(), sign, (long) sign * visiblePosts);
        refreshBoardLastPost(thread.boardId());
        Map<MemberId, Map<String, Integer>> reactions = s.reactions().countsByReceiverInThread(thread.id());
        java.util.Set<MemberId> authors = new java.util.TreeSet<>(java.util.Comparator.comparingLong(MemberId::value));
        authors.addAll(postsByAuthor.keySet());
        authors.addAll(reactions.keySet());
        for (MemberId author : authors) { // in id order, so concurrent commands lock member rows alike
            int posts = postsByAuthor.getOrDefault(author, 0);
            long score = types.score(reactions.getOrDefault(author, Map.of()));
            s.members().addCounters(author, thread.boardId(), sign * posts, sign * score);
        }
    }

    /** A visible thread moved between boards: its authors' counters on the two boards follow, their totals stay. */
    public void threadMoved(ForumThread thread, BoardId from, BoardId to) {
        Map<MemberId, Integer> postsByAuthor = s.posts().visibleCountsByAuthor(thread.id());
        int visiblePosts = postsByAuthor.values().stream().mapToInt(Integer::intValue).sum();
        // touch the two board rows in id order: opposite moves at once must not deadlock
        if (from.value() < to.value()) {
            s.boards().addCounters(from, -1, -visiblePosts);
            s.boards().addCounters(to, 1, visiblePosts);
        } else {
            s.boards().addCounters(to, 1, visiblePosts);
            s.boards().addCounters(from, -1, -visiblePosts);
        }
        refreshBoardLastPost(from);
        ForumThread fresh = s.threads().byId(thread.id()).orElseThrow();
        if (fresh.lastPost() != null) {
            s.boards().offerLastPost(to, fresh.lastPost());
        }
        Map<MemberId, Map<String, Integer>> reactions = s.reactions().countsByReceiverInThread(thread.id());
        for (MemberId author : authorsInIdOrder(postsByAuthor, reactions)) {
            int posts = postsByAuthor.getOrDefault(author, 0);
            long score = types.score(reactions.getOrDefault(author, Map.of()));
            if (posts != 0 || score != 0) {
                s.members().addCounters(author, from, -posts, -score);
                s.members().addCounters(author, to, posts, score);
            }
        }
    }

    /** Members in id order, so concurrent commands lock member rows alike. */
    private static java.util.Set<MemberId> authorsInIdOrder(Map<MemberId, Integer> posts, Map<MemberId, ?> reactions) {
        java.util.Set<MemberId> authors = new java.util.TreeSet<>(java.util.Comparator.comparingLong(MemberId::value));
        authors.addAll(posts.keySet());
        authors.addAll(reactions.keySet());
        return authors;
    }

    /**
     * A member's reaction on a visible post on {@code board} went from {@code oldType} to {@code newType} (either may
     * be null).
     */
    public void reactionChanged(MemberId receiver, BoardId board, String oldType, String newType) {
        int delta = (newType == null ? 0 : types.weight(newType)) - (oldType == null ? 0 : types.weight(oldType));
        if (delta != 0) {
            s.members().addCounters(receiver, board, 0, delta);
        }
    }

    private void refreshBoardLastPost(BoardId board) {
        LastPost last = s.threads().latestVisibleInBoard(board).map(ForumThread::lastPost).orElse(null);
        s.boards().setLastPost(board, last);
    }
}
