package dev.forumkit.core.read;

import dev.forumkit.core.Actor;
import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.board.Category;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.internal.ServiceContext;
import dev.forumkit.core.markup.MentionResolver;
import dev.forumkit.core.markup.PlainTextRenderer;
import dev.forumkit.core.member.AuthorCard;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.policy.Action;
import dev.forumkit.core.policy.Policy;
import dev.forumkit.core.policy.Standing;
import dev.forumkit.core.policy.Target;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.post.PostView;
import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.core.thread.ForumThread;
import dev.forumkit.core.thread.ViewCounter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The read side. Every view is built from a fixed handful of storage calls (no call per item). Reading writes
 * nothing for guests; for members, viewing a thread page advances their read position.
 */
public final class ReadService {
    private final ServiceContext ctx;
    private final ForumStorage s;
    private final Policy policy;
    private final ViewCounter views;
    private final ReadMarks marks;
    private static final PlainTextRenderer FALLBACK = new PlainTextRenderer();

    public ReadService(ServiceContext ctx, ViewCounter views, ReadMarks marks) {
        this.ctx = ctx;
        this.s = ctx.storage;
        this.policy = ctx.policy;
        this.views = views;
        this.marks = marks;
    }

    /** The member's read position in a thread (the number of the last post they have seen), buffered marks included. */
    public int lastRead(MemberId member, ThreadId thread) {
        return s.transactions().readOnly(() -> marks.lastRead(member, thread));
    }

    public BoardIndex boardIndex(Actor actor) {
        return s.transactions().readOnly(() -> {
            List<Category> categories = s.categories().all();
            List<Board> boards = s.boards().all();
            Set<ThreadId> threadIds = new HashSet<>();
            Set<MemberId> authorIds = new HashSet<>();
            for (Board b : boards) {
                if (b.lastPost() != null) {
                    threadIds.add(b.lastPost().threadId());
                    authorIds.add(b.lastPost().authorId());
                }
            }
            Map<ThreadId, ForumThread> threads = threadIds.isEmpty() ? Map.of() : s.threads().byIds(threadIds);
            Map<MemberId, Member> authors = authorIds.isEmpty() ? Map.of() : s.members().byIds(authorIds);
            List<BoardIndex.Section> sections = new ArrayList<>();
            for (Category c : categories) {
                List<BoardIndex.BoardSummary> summaries = boards.stream().filter(b -> b.categoryId().equals(c.id()))
                        .map(b -> new BoardIndex.BoardSummary(b,
                                b.lastPost() == null ? null : title(threads.get(b.lastPost().threadId())),
                                b.lastPost() == null ? null : name(authors.get(b.lastPost().authorId()))))
                        .toList();
                sections.add(new BoardIndex.Section(c, summaries));
            }
            return new BoardIndex(sections);
        });
    }

    public BoardPage boardPage(Actor actor, BoardId boardId, int page) {
        requirePage(page);
        return s.transactions().readOnly(() -> {
            Member me = ctx.load(actor);
            Standing standing = ctx.standing(me);
            Board board = s.boards().byId(boardId).orElseThrow(() -> new NotFoundException("no board " + boardId));
            Category category = s.categories().byId(board.categoryId()).orElseThrow();
            boolean staff = standing.isStaff();
            int per = ctx.threadsPerPage;
            int total = staff ? s.threads().countInBoard(boardId, true) : board.threadCount();
            List<ForumThread> threads = s.threads().pageInBoard(boardId, staff, (page - 1) * per, per);
            List<ThreadSummary> items = summaries(me, threads, Map.of(board.id(), board));
            return new BoardPage(board, category, new Page<>(items, page, Page.lastPage(total, per), per, total),
                    me == null ? board.guestNotice() : null,
                    policy.allows(standing, Action.START_THREAD, Target.NONE));
        });
    }

    /** Page n of a thread; a member's read position moves to the last post shown. */
    public ThreadPage threadPage(Actor actor, ThreadId threadId, int page) {
        requirePage(page);
        ThreadPage view = s.transactions().readOnly(() -> buildThreadPage(actor, threadId, page));
        views.record(threadId);
        if (!actor.isGuest() && !view.posts().items().isEmpty()) {
            int lastShown = view.posts().items().get(view.posts().items().size() - 1).post().number();
            boolean advances = view.posts().items().stream().anyMatch(PostView::unread);
            if (advances) {
                MemberId me = actor.memberId().orElseThrow();
                marks.record(me, threadId, lastShown);
            }
        }
        return view;
    }

    private ThreadPage buildThreadPage(Actor actor, ThreadId threadId, int page) {
        Member me = ctx.load(actor);
        Standing standing = ctx.standing(me);
        boolean staff = policy.allows(standing, Action.VIEW_DELETED, Target.NONE);
        ForumThread thread = s.threads().byId(threadId).filter(t -> !t.isDeleted() || staff)
                .orElseThrow(() -> new NotFoundException("no thread " + threadId));
        thread = withPendingViews(thread);
        Board board = s.boards().byId(thread.boardId()).orElseThrow();
        Category category = s.categories().byId(board.categoryId()).orElseThrow();
        int per = ctx.postsPerPage;
        int from = (page - 1) * per + 1;
        List<Post> posts = s.posts().byNumberRange(threadId, from, from + per - 1, staff);
        Set<MemberId> authorIds = posts.stream().map(Post::authorId).collect(Collectors.toCollection(HashSet::new));
        authorIds.add(thread.starterId());
        Map<MemberId, Member> authors = s.members().byIds(authorIds);
        List<PostId> postIds = posts.stream().map(Post::id).toList();
        Map<PostId, Map<String, Integer>> counts = postIds.isEmpty() ? Map.of() : s.reactions().countsByPost(postIds);
        Map<PostId, String> mine = me == null || postIds.isEmpty() ? Map.of() : s.reactions().typesBy(me.id(), postIds);
        int lastRead = me == null ? Integer.MAX_VALUE : marks.lastRead(me.id(), threadId);
        Instant now = ctx.now();
        List<PostView> items = new ArrayList<>(posts.size());
        for (Post p : posts) {
            boolean own = me != null && p.authorId().equals(me.id());
            Target target = Target.content(own, thread.locked(), p.isDeleted() || thread.isDeleted());
            Member author = authors.get(p.authorId());
            items.add(new PostView(p, bodyHtml(p), author == null ? AuthorCard.unknown(p.authorId()) : AuthorCard.of(author, now),
                    p.authorId().equals(thread.starterId()), counts.getOrDefault(p.id(), Map.of()), mine.get(p.id()),
                    p.number() > lastRead,
                    policy.allows(standing, Action.EDIT_POST, target),
                    policy.allows(standing, Action.DELETE_POST, target) && !p.isFirst() && !p.isDeleted(),
                    policy.allows(standing, Action.RESTORE_POST, target) && p.isDeleted(),
                    policy.allows(standing, Action.REACT, target)));
        }
        int highest = staff ? thread.postCounter() : (thread.lastPost() == null ? 0 : thread.lastPost().number());
        long total = staff ? thread.postCounter() : thread.replyCount() + 1L;
        int lastPage = Page.lastPage(highest, per);
        int firstUnread = me == null || thread.lastPost() == null || thread.lastPost().number() <= lastRead ? 0 : lastRead + 1;
        Member starter = authors.get(thread.starterId());
        Target threadTarget = Target.content(me != null && thread.starterId().equals(me.id()), thread.locked(), thread.isDeleted());
        return new ThreadPage(thread, board, category,
                starter == null ? AuthorCard.unknown(thread.starterId()) : AuthorCard.of(starter, now),
                new Page<>(items, page, lastPage, per, total), firstUnread,
                policy.allows(standing, Action.REPLY, threadTarget),
                policy.allows(standing, Action.LOCK_THREAD, threadTarget),
                policy.allows(standing, Action.REACT, Target.content(false, thread.locked(), thread.isDeleted())));
    }

    /** Where a post is: thread, page and anchor. Deleted posts are found by staff only. */
    public PostLocation locate(Actor actor, PostId postId) {
        return s.transactions().readOnly(() -> {
            Standing standing = ctx.standing(ctx.load(actor));
            boolean staff = policy.allows(standing, Action.VIEW_DELETED, Target.NONE);
            Post post = s.posts().byId(postId).filter(p -> !p.isDeleted() || staff)
                    .orElseThrow(() -> new NotFoundException("no post " + postId));
            ForumThread thread = s.threads().byId(post.threadId()).filter(t -> !t.isDeleted() || staff)
                    .orElseThrow(() -> new NotFoundException("no post " + postId));
            int page = (post.number() - 1) / ctx.postsPerPage + 1;
            return new PostLocation(post.id(), thread.id(), thread.slug(), post.number(), page, "post-" + post.id());
        });
    }

    /** Threads by latest activity, with unread flags for members. */
    public Page<ThreadSummary> whatsNew(Actor actor, int page) {
        requirePage(page);
        return s.transactions().readOnly(() -> {
            Member me = ctx.load(actor);
            boolean staff = policy.allows(ctx.standing(me), Action.VIEW_DELETED, Target.NONE);
            int per = ctx.threadsPerPage;
            List<Board> all = s.boards().all();
            // the boards' thread counters already count visible threads: no scan of every thread per page
            int total = staff ? s.threads().countAll(true) : all.stream().mapToInt(Board::threadCount).sum();
            List<ForumThread> threads = s.threads().latest(staff, (page - 1) * per, per);
            Map<BoardId, Board> boards = all.stream().collect(Collectors.toMap(Board::id, Function.identity()));
            return new Page<>(summaries(me, threads, boards), page, Page.lastPage(total, per), per, total);
        });
    }

    public MemberProfile memberProfile(Actor actor, MemberId memberId) {
        return s.transactions().readOnly(() -> {
            Standing standing = ctx.standing(ctx.load(actor));
            Member member = s.members().byId(memberId).orElseThrow(() -> new NotFoundException("no member " + memberId));
            List<Post> recent = s.posts().recentVisibleByAuthor(memberId, 10);
            Map<ThreadId, ForumThread> threads = recent.isEmpty() ? Map.of()
                    : s.threads().byIds(recent.stream().map(Post::threadId).collect(Collectors.toSet()));
            List<MemberProfile.RecentPost> posts = recent.stream()
                    .map(p -> new MemberProfile.RecentPost(p, title(threads.get(p.threadId())))).toList();
            return new MemberProfile(AuthorCard.of(member, ctx.now()), posts, standing.isStaff() ? member.ban() : null);
        });
    }

    private List<ThreadSummary> summaries(Member me, List<ForumThread> threads, Map<BoardId, Board> boards) {
        if (threads.isEmpty()) {
            return List.of();
        }
        Set<MemberId> names = new HashSet<>();
        for (ForumThread t : threads) {
            names.add(t.starterId());
            if (t.lastPost() != null) {
                names.add(t.lastPost().authorId());
            }
        }
        Map<MemberId, Member> members = s.members().byIds(names);
        Map<ThreadId, Integer> read = me == null ? Map.of()
                : marks.lastRead(me.id(), threads.stream().map(ForumThread::id).toList());
        List<ThreadSummary> out = new ArrayList<>(threads.size());
        for (ForumThread t : threads) {
            ForumThread shown = withPendingViews(t);
            boolean unread = me != null && t.lastPost() != null && t.lastPost().number() > read.getOrDefault(t.id(), 0);
            Board b = boards.get(t.boardId());
            out.add(new ThreadSummary(shown, b == null ? null : b.title(), name(members.get(t.starterId())),
                    t.lastPost() == null ? null : name(members.get(t.lastPost().authorId())), unread));
        }
        return out;
    }

    /** The stored rendering; a post stored without one (e.g. by an old import) is shown as escaped text. */
    private static String bodyHtml(Post p) {
        return p.html() != null ? p.html() : FALLBACK.render(p.body(), MentionResolver.NONE).html();
    }

    private ForumThread withPendingViews(ForumThread t) {
        long pending = views.pending(t.id());
        return pending == 0 ? t : new ForumThread(t.id(), t.boardId(), t.title(), t.starterId(), t.createdAt(), t.pinned(),
                t.locked(), t.deletion(), t.postCounter(), t.replyCount(), t.viewCount() + pending, t.lastPost());
    }

    private static String title(ForumThread t) {
        return t == null ? null : t.title();
    }

    private static String name(Member m) {
        return m == null ? null : m.username();
    }

    private static void requirePage(int page) {
        if (page < 1) {
            throw InvalidInputException.of("page", "out_of_range", "pages start at 1");
        }
    }
}
