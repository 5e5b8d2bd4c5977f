package dev.forumkit.core.feed;

import dev.forumkit.core.Actor;
import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.internal.ServiceContext;
import dev.forumkit.core.markup.MentionResolver;
import dev.forumkit.core.markup.PlainTextRenderer;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.policy.Action;
import dev.forumkit.core.policy.Permission;
import dev.forumkit.core.policy.Permissions;
import dev.forumkit.core.policy.Target;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.read.Page;
import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.core.thread.ForumThread;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Feeds and sitemaps: bounded lists of what an actor may read (boards they may view and read; never deleted threads
 * or posts, whoever asks), built without counting a view or moving a read position, so a feed reader polling every
 * few minutes changes nothing. Each call is one read-only transaction.
 */
public final class FeedService {
    /** Most entries one call returns: feeds stay small, sitemaps stay within the protocol's 50,000 URLs a file. */
    public static final int MAX_LIMIT = 50_000;
    private static final PlainTextRenderer FALLBACK = new PlainTextRenderer();
    private final ServiceContext ctx;
    private final ForumStorage s;

    public FeedService(ServiceContext ctx) {
        this.ctx = ctx;
        this.s = ctx.storage;
    }

    /** The boards whose threads the actor may read, in display order. */
    public List<Board> readableBoards(Actor actor) {
        return s.transactions().readOnly(() -> readable(ctx.load(actor)));
    }

    /** The newest threads by creation, on every board the actor may read. */
    public List<FeedThread> newestThreads(Actor actor, int limit) {
        checkLimit(limit);
        return s.transactions().readOnly(() -> {
            Member me = ctx.load(actor);
            Map<BoardId, Board> boards = byId(readable(me));
            return entries(s.threads().newestExcluding(excluded(boards), limit), boards);
        });
    }

    /** The threads with the latest activity (What's new), on every board the actor may read. */
    public List<FeedThread> latestThreads(Actor actor, int limit) {
        checkLimit(limit);
        return s.transactions().readOnly(() -> {
            Member me = ctx.load(actor);
            Map<BoardId, Board> boards = byId(readable(me));
            return entries(s.threads().latestExcluding(excluded(boards), false, 0, limit), boards);
        });
    }

    /** A board's threads by last activity; a board the actor may not read is not found. */
    public BoardFeed board(Actor actor, BoardId boardId, int limit) {
        checkLimit(limit);
        return s.transactions().readOnly(() -> {
            Member me = ctx.load(actor);
            Board board = s.boards().byId(boardId).filter(b -> mayRead(me, b.id()))
                    .orElseThrow(() -> new NotFoundException("no board " + boardId));
            // board pages put pinned threads first; twice the limit holds the newest by activity unless more are pinned
            List<ForumThread> threads = new ArrayList<>(s.threads().pageInBoard(boardId, false, 0, Math.min(MAX_LIMIT, 2 * limit)));
            threads.sort(Comparator.comparing(ForumThread::lastActivityAt).reversed()
                    .thenComparing(Comparator.comparingLong((ForumThread t) -> t.id().value()).reversed()));
            return new BoardFeed(board, entries(threads.subList(0, Math.min(limit, threads.size())), Map.of(board.id(), board)));
        });
    }

    /** A thread's newest visible posts, newest first; a deleted thread or one on a board the actor may not read is not found. */
    public ThreadFeed thread(Actor actor, ThreadId threadId, int limit) {
        checkLimit(limit);
        return s.transactions().readOnly(() -> {
            Member me = ctx.load(actor);
            ForumThread thread = s.threads().byId(threadId).filter(t -> !t.isDeleted() && mayRead(me, t.boardId()))
                    .orElseThrow(() -> new NotFoundException("no thread " + threadId));
            Board board = s.boards().byId(thread.boardId()).orElseThrow();
            int highest = thread.postCounter();
            List<Post> posts = new ArrayList<>(s.posts().byNumberRange(threadId, Math.max(1, highest - limit + 1), highest, false));
            posts.sort(Comparator.comparingInt(Post::number).reversed());
            Map<MemberId, Member> authors = s.members().byIds(posts.stream().map(Post::authorId).collect(Collectors.toSet()));
            return new ThreadFeed(thread, board, posts.stream().map(p -> post(p, authors)).toList());
        });
    }

    /** Page n (from 1) of the threads the actor may read, by last activity, newest first: the sitemap's threads. */
    public Page<ForumThread> threads(Actor actor, int page, int perPage) {
        checkLimit(perPage);
        if (page < 1) {
            throw InvalidInputException.of("page", "out_of_range", "pages start at 1");
        }
        return s.transactions().readOnly(() -> {
            Map<BoardId, Board> boards = byId(readable(ctx.load(actor)));
            // the boards' thread counters count visible threads: no scan of the threads table
            long total = boards.values().stream().mapToLong(Board::threadCount).sum();
            List<ForumThread> items = s.threads().latestExcluding(excluded(boards), false, (page - 1) * perPage, perPage);
            return new Page<>(items, page, Page.lastPage(total, perPage), perPage, total);
        });
    }

    private List<Board> readable(Member me) {
        return s.boards().all().stream().filter(b -> mayRead(me, b.id())).toList();
    }

    private boolean mayRead(Member me, BoardId board) {
        Permissions p = ctx.permissions(me, board);
        return p.has(Permission.VIEW_BOARD) && ctx.policy.allows(p, Action.READ_FORUM, Target.board(board));
    }

    /** Every board not in the map: the ones the actor may not read. */
    private Set<BoardId> excluded(Map<BoardId, Board> readable) {
        return s.boards().all().stream().map(Board::id).filter(id -> !readable.containsKey(id)).collect(Collectors.toSet());
    }

    private static Map<BoardId, Board> byId(List<Board> boards) {
        return boards.stream().collect(Collectors.toMap(Board::id, Function.identity()));
    }

    /** One query for the names, one per thread for its opening post (a feed has a few dozen entries at most). */
    private List<FeedThread> entries(List<ForumThread> threads, Map<BoardId, Board> boards) {
        Set<MemberId> starters = new HashSet<>();
        threads.forEach(t -> starters.add(t.starterId()));
        Map<MemberId, Member> names = starters.isEmpty() ? Map.of() : s.members().byIds(starters);
        List<FeedThread> out = new ArrayList<>(threads.size());
        for (ForumThread t : threads) {
            Board board = boards.get(t.boardId());
            if (board == null) {
                continue; // moved to a board the actor may not read since the list was made
            }
            FeedPost opening = s.posts().byNumberRange(t.id(), 1, 1, false).stream().findFirst()
                    .map(p -> post(p, names)).orElse(null);
            out.add(new FeedThread(t, board, name(names.get(t.starterId())), opening));
        }
        return out;
    }

    private static FeedPost post(Post p, Map<MemberId, Member> authors) {
        // a post stored without a rendering (an old import) is shown as escaped text, as on the thread page
        String html = p.html() != null ? p.html() : FALLBACK.render(p.body(), MentionResolver.NONE).html();
        return new FeedPost(p, name(authors.get(p.authorId())), html);
    }

    private static String name(Member m) {
        return m == null ? "unknown member" : m.username();
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInputException.of("limit", "out_of_range", "between 1 and " + MAX_LIMIT + " entries");
        }
    }
}
