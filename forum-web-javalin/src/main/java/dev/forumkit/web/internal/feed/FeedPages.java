package dev.forumkit.web.internal.feed;

import dev.forumkit.core.Actor;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.feed.BoardFeed;
import dev.forumkit.core.feed.FeedPost;
import dev.forumkit.core.feed.FeedService;
import dev.forumkit.core.feed.FeedThread;
import dev.forumkit.core.feed.ThreadFeed;
import dev.forumkit.core.post.Post;
import dev.forumkit.web.Access;
import dev.forumkit.web.internal.Call;
import dev.forumkit.web.internal.html.Links;
import dev.forumkit.web.internal.html.PageTable;
import dev.forumkit.web.internal.html.Params;

import java.time.Instant;
import java.util.List;

/**
 * Atom feeds of the forum (newest threads), of What's new (threads by last activity), of each board and of each
 * thread (newest posts). Feed readers send no cookies, and a feed is one document for everyone: every feed is built
 * as a guest sees the forum, whoever asks, so a private board has no feed (404) and its threads are in none.
 */
public final class FeedPages {
    /** Entries per feed: enough for a reader polling every few hours, small enough to build on every change. */
    public static final int SIZE = 30;

    private FeedPages() {
    }

    public static void register(PageTable t) {
        t.get("/feed.atom", Access.ANYONE, FeedPages::forum);
        t.get("/whats-new/feed.atom", Access.ANYONE, FeedPages::whatsNew);
        t.get("/boards/{board}/feed.atom", Access.ANYONE, FeedPages::board);
        t.get("/threads/{thread}/feed.atom", Access.ANYONE, FeedPages::thread);
    }

    private static FeedService feeds(Call call) {
        return call.api().forum().feeds();
    }

    private static Document forum(Call call) {
        Links abs = new Links(SiteAddress.of(call));
        List<FeedThread> threads = feeds(call).newestThreads(Actor.guest(), SIZE);
        AtomFeed feed = new AtomFeed(abs.base() + "/feed.atom", "Newest threads | forumkit", abs.home(), Instant.EPOCH);
        // a thread's entry is its opening post: updated when that post is edited, not when someone replies
        threads.forEach(t -> feed.add(entry(abs, t, t.opening() == null ? t.thread().createdAt() : edited(t.opening().post()))));
        return feed.document();
    }

    private static Document whatsNew(Call call) {
        Links abs = new Links(SiteAddress.of(call));
        List<FeedThread> threads = feeds(call).latestThreads(Actor.guest(), SIZE);
        AtomFeed feed = new AtomFeed(abs.base() + "/whats-new/feed.atom", "What's new | forumkit", abs.whatsNew(), Instant.EPOCH);
        threads.forEach(t -> feed.add(entry(abs, t, t.thread().lastActivityAt())));
        return feed.document();
    }

    private static Document board(Call call) {
        Links abs = new Links(SiteAddress.of(call));
        BoardFeed b = feeds(call).board(Actor.guest(), BoardId.of(Params.id(call, "board")), SIZE);
        // the feed's id has the board's id only, so renaming the board does not make it another feed
        AtomFeed feed = new AtomFeed(abs.base() + "/boards/" + b.board().id().value() + "/feed.atom", b.board().title() + " | forumkit",
                abs.board(b.board()), Instant.EPOCH);
        b.threads().forEach(t -> feed.add(entry(abs, t, t.thread().lastActivityAt())));
        return feed.document();
    }

    private static Document thread(Call call) {
        Links abs = new Links(SiteAddress.of(call));
        ThreadFeed t = feeds(call).thread(Actor.guest(), ThreadId.of(Params.id(call, "thread")), SIZE);
        AtomFeed feed = new AtomFeed(abs.base() + "/threads/" + t.thread().id().value() + "/feed.atom",
                t.thread().title() + " | forumkit", abs.thread(t.thread()), t.thread().createdAt());
        for (FeedPost p : t.posts()) {
            String permalink = abs.post(p.post().id());
            feed.add(new AtomFeed.Entry(permalink, p.post().isFirst() ? t.thread().title() : "Re: " + t.thread().title()
                    + " (#" + p.post().number() + ")", permalink, p.authorName(), p.post().createdAt(), edited(p.post()), p.html()));
        }
        return feed.document();
    }

    private static AtomFeed.Entry entry(Links abs, FeedThread t, Instant updated) {
        String html = t.opening() == null ? "" : t.opening().html();
        return new AtomFeed.Entry(abs.base() + "/threads/" + t.thread().id().value() + "/", t.thread().title(),
                abs.thread(t.thread()), t.starterName(), t.thread().createdAt(), updated, html);
    }

    private static Instant edited(Post p) {
        return p.lastEdit() == null ? p.createdAt() : p.lastEdit().at();
    }
}
