package dev.forumkit.core.read;

import dev.forumkit.core.Actor;
import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.board.Category;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.internal.SeenCounters;
import dev.forumkit.core.internal.ServiceContext;
import dev.forumkit.core.member.AuthorCard;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.policy.Action;
import dev.forumkit.core.policy.Permission;
import dev.forumkit.core.policy.Permissions;
import dev.forumkit.core.policy.Policy;
import dev.forumkit.core.policy.Standing;
import dev.forumkit.core.policy.Target;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.post.PostView;
import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.core.thread.ForumThread;
import dev.forumkit.core.thread.ThreadPlace;
import dev.forumkit.core.profile.MembersWithProfiles;
import dev.forumkit.core.thread.ViewCounter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final ThreadSummaries summaries;

    public ReadService(ServiceContext ctx, ViewCounter views, ReadMarks marks) {
        this.ctx = ctx;
        this.s = ctx.storage;
        this.policy = ctx.policy;
        this.views = views;
        this.marks = marks;
        this.summaries = new ThreadSummaries(ctx, views, marks);
    }

    /** The member's read position in a thread (the number of the last post they have seen), buffered marks included. */
    public int lastRead(MemberId member, ThreadId thread) {
        return s.transactions().readOnly(() -> marks.lastRead(member, thread));
    }

    /**
     * The frame of a signed-in member's page, in one read transaction (it was three, one per count and the settings):
     * the unread counts of the header, and the member's display settings unless the page read them already.
     */
    public ViewerChrome chrome(Actor actor, boolean withSettings) {
        MemberId id = actor.memberId().orElseThrow(() -> new IllegalArgumentException("a guest has no chrome of their own"));
        return s.transactions().readOnly(() -> {
            dev.forumkit.core.alert.UnreadCounts unread = s.alerts().unreadCounts(id); // both counts in one read
            return new ViewerChrome(unread.alerts(), unread.conversations(), withSettings
                    ? s.profiles().byMembers(java.util.Set.of(id)).getOrDefault(id, dev.forumkit.core.profile.Profile.empty(id))
                    : null);
        });
    }

    /** The categories and boards the viewer may see; a category whose every board is hidden from them is left out. */
    public BoardIndex boardIndex(Actor actor) {
        return s.transactions().readOnly(() -> {
            List<Category> categories = s.categories().all();
            List<Board> all = s.boards().all();
            Member me = ctx.viewer(actor);
            Set<BoardId> hidden = ctx.hiddenBoards(me);
            // a board one may view but not read is listed with its counters and without its last thread
            List<Board> boards = hidden.isEmpty() ? all : all.stream()
                    .filter(b -> !hidden.contains(b.id()) || ctx.permissions(me, b.id()).has(Permission.VIEW_BOARD))
                    .map(b -> hidden.contains(b.id()) ? withoutLastPost(b) : b).toList();
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
                List<BoardIndex.BoardSummary> boardSummaries = boards.stream().filter(b -> b.categoryId().equals(c.id()))
                        .map(b -> new BoardIndex.BoardSummary(b,
                                b.lastPost() == null ? null : title(threads.get(b.lastPost().threadId())),
                                b.lastPost() == null ? null : name(authors.get(b.lastPost().authorId()))))
                        .toList();
                boolean allHidden = boardSummaries.isEmpty()
                        && all.stream().anyMatch(b -> b.categoryId().equals(c.id()));
                if (!allHidden) {
                    sections.add(new BoardIndex.Section(c, boardSummaries));
                }
            }
            return new BoardIndex(sections);
        });
    }

    public BoardPage boardPage(Actor actor, BoardId boardId, int page) {
        requirePage(page);
        return s.transactions().readOnly(() -> {
            Member me = ctx.viewer(actor);
            Permissions standing = ctx.permissions(me, boardId);
            // a board one may not view does not exist for them; one they may view but not read tells them so
            Board board = s.boards().byId(boardId).filter(b -> standing.has(Permission.VIEW_BOARD))
                    .orElseThrow(() -> new NotFoundException("no board " + boardId));
            policy.check(standing, Action.READ_FORUM, Target.board(boardId));
            Category category = s.categories().byId(board.categoryId()).orElseThrow();
            boolean staff = policy.allows(standing, Action.VIEW_DELETED, Target.NONE);
            int per = ctx.threadsPerPage;
            int total = staff ? s.threads().countInBoard(boardId, true) : board.threadCount();
            List<ForumThread> threads = s.threads().pageInBoard(boardId, staff, (page - 1) * per, per);
            List<ThreadSummary> items = summaries.of(me, b -> standing, threads, Map.of(board.id(), board));
            return new BoardPage(board, category, new Page<>(items, page, Page.lastPage(total, per), per, total),
                    me == null ? board.guestNotice() : null,
                    policy.allows(standing, Action.START_THREAD, Target.board(boardId)));
        });
    }

    /** Page n of a thread; a member's read position moves to the last post shown. */
    public ThreadPage threadPage(Actor actor, ThreadId threadId, int page) {
        return threadPage(actor, threadId, page, true);
    }

    /**
     * Page n of a thread as {@link #threadPage(Actor, ThreadId, int)}; without {@code withProfiles} its
     * {@link ThreadPage#profiles()} is empty, for a page that shows no signatures and applies no viewer settings (the
     * JSON API's): the authors are then read without their profiles, and the viewer's own row is not read with them.
     */
    public ThreadPage threadPage(Actor actor, ThreadId threadId, int page, boolean withProfiles) {
        requirePage(page);
        ThreadPage view = s.transactions().readOnly(() -> buildThreadPage(actor, threadId, page, withProfiles));
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

    private ThreadPage buildThreadPage(Actor actor, ThreadId threadId, int page, boolean withProfiles) {
        Member me = ctx.viewer(actor);
        // thread, board and category in one read (one statement on a database, where they were three)
        ThreadPlace place = s.threads().byIdWithPlace(threadId).orElseThrow(() -> new NotFoundException("no thread " + threadId));
        ForumThread found = place.thread();
        Permissions standing = ctx.permissions(me, found.boardId());
        boolean staff = policy.allows(standing, Action.VIEW_DELETED, Target.NONE);
        ForumThread thread = Optional.of(found).filter(t -> readable(standing, t.isDeleted()))
                .orElseThrow(() -> new NotFoundException("no thread " + threadId));
        thread = summaries.withPendingViews(thread);
        Board board = place.board();
        Category category = place.category();
        int per = ctx.postsPerPage;
        int from = (page - 1) * per + 1;
        List<Post> posts = s.posts().byNumberRange(threadId, from, from + per - 1, staff);
        Set<MemberId> authorIds = posts.stream().map(Post::authorId).collect(Collectors.toCollection(HashSet::new));
        authorIds.add(thread.starterId());
        // the authors and their profiles (signatures) in one read, with the viewer's profile (their settings); without
        // profiles only the authors (task pagejdbc: no profiles join where the page shows none)
        Map<MemberId, Member> read;
        Map<MemberId, dev.forumkit.core.profile.Profile> profiles;
        if (withProfiles) {
            Set<MemberId> readIds = authorIds;
            if (me != null && !authorIds.contains(me.id())) {
                readIds = new HashSet<>(authorIds);
                readIds.add(me.id());
            }
            MembersWithProfiles both = s.profiles().withMembers(readIds);
            read = both.members();
            profiles = both.profiles();
            if (readIds != authorIds) {
                read = new HashMap<>(read);
                read.remove(me.id());
            }
        } else {
            read = s.members().byIds(authorIds);
            profiles = Map.of();
        }
        // counters as this viewer may see them: one more read only when some board is hidden from the viewer
        Map<MemberId, Member> authors = SeenCounters.of(s, ctx.hiddenBoards(me), read);
        if (ctx.grid != null) {
            ctx.grid.prefetch(authorIds); // their banners: one query for the page, none once cached
        }
        List<PostId> postIds = posts.stream().map(Post::id).toList();
        Map<PostId, Map<String, Integer>> counts = postIds.isEmpty() ? Map.of() : s.reactions().countsByPost(postIds);
        Map<PostId, String> mine = me == null || postIds.isEmpty() ? Map.of() : s.reactions().typesBy(me.id(), postIds);
        int lastRead = me == null ? Integer.MAX_VALUE : marks.lastRead(me.id(), threadId);
        Instant now = ctx.now();
        List<PostView> items = new ArrayList<>(posts.size());
        for (Post p : posts) {
            items.add(ctx.postViews.of(p, thread, authors.get(p.authorId()), counts.getOrDefault(p.id(), Map.of()),
                    mine.get(p.id()), p.number() > lastRead, me, standing, now));
        }
        int highest = staff ? thread.postCounter() : (thread.lastPost() == null ? 0 : thread.lastPost().number());
        long total = staff ? thread.postCounter() : thread.replyCount() + 1L;
        int lastPage = Page.lastPage(highest, per);
        int firstUnread = me == null || thread.lastPost() == null || thread.lastPost().number() <= lastRead ? 0 : lastRead + 1;
        Member starter = authors.get(thread.starterId());
        Target threadTarget = Target.content(me != null && thread.starterId().equals(me.id()), thread.locked(), thread.isDeleted());
        return new ThreadPage(thread, board, category,
                starter == null ? AuthorCard.unknown(thread.starterId()) : ctx.authorCard(starter, now),
                new Page<>(items, page, lastPage, per, total), firstUnread,
                policy.allows(standing, Action.REPLY, threadTarget),
                policy.allows(standing, Action.LOCK_THREAD, threadTarget),
                policy.allows(standing, Action.REACT, Target.content(false, thread.locked(), thread.isDeleted())),
                profiles);
    }

    /** Where a post is: thread, page and anchor. Deleted posts are found by staff only. */
    public PostLocation locate(Actor actor, PostId postId) {
        return s.transactions().readOnly(() -> {
            Visible v = visible(ctx.viewer(actor), postId);
            int page = (v.post.number() - 1) / ctx.postsPerPage + 1;
            return new PostLocation(v.post.id(), v.thread.id(), v.thread.slug(), v.post.number(), page, "post-" + v.post.id());
        });
    }

    /**
     * One post as the viewer sees it (reaction counts, the viewer's reaction, what they may do), without a thread
     * page around it: no view is counted and no read position moves. Deleted posts are found by staff only.
     */
    public PostView post(Actor actor, PostId postId) {
        return s.transactions().readOnly(() -> {
            Member me = ctx.viewer(actor);
            Visible v = visible(me, postId);
            List<PostId> id = List.of(postId);
            Member author = SeenCounters.of(s, ctx.hiddenBoards(me), s.members().byId(v.post.authorId()).orElse(null));
            return ctx.postViews.of(v.post, v.thread, author,
                    s.reactions().countsByPost(id).getOrDefault(postId, Map.of()),
                    me == null ? null : s.reactions().typesBy(me.id(), id).get(postId), false, me, v.standing, ctx.now());
        });
    }

    /** One thread as it shows in a list, with the viewer's flags. Deleted threads are found by staff only. */
    public ThreadSummary thread(Actor actor, ThreadId threadId) {
        return s.transactions().readOnly(() -> {
            Member me = ctx.viewer(actor);
            ForumThread thread = s.threads().byId(threadId).orElseThrow(() -> new NotFoundException("no thread " + threadId));
            Permissions standing = ctx.permissions(me, thread.boardId());
            if (!readable(standing, thread.isDeleted())) {
                throw new NotFoundException("no thread " + threadId);
            }
            Map<BoardId, Board> board = s.boards().byId(thread.boardId()).map(b -> Map.of(b.id(), b)).orElse(Map.of());
            return summaries.of(me, b -> standing, List.of(thread), board).get(0);
        });
    }

    /** What quoting a post needs: its author's name and its source. Found as {@link #locate} finds posts. */
    public Quote quote(Actor actor, PostId postId) {
        return s.transactions().readOnly(() -> {
            Post post = visible(ctx.viewer(actor), postId).post;
            String name = s.members().byId(post.authorId()).map(Member::username).orElse(Quote.UNKNOWN_AUTHOR);
            return new Quote(post.id(), name, post.body());
        });
    }

    /**
     * Where the member's first unread post in a thread is; the thread's last post once all are read. Empty for
     * guests, for a thread without posts and for one the viewer cannot see.
     */
    public Optional<PostLocation> firstUnread(Actor actor, ThreadId threadId) {
        Optional<MemberId> member = actor.memberId();
        if (member.isEmpty()) {
            return Optional.empty();
        }
        Optional<PostId> target = s.transactions().readOnly(() -> {
            Member me = ctx.viewer(actor);
            ForumThread t = s.threads().byId(threadId).orElse(null);
            Permissions standing = t == null ? null : ctx.permissions(me, t.boardId());
            if (t == null || !readable(standing, t.isDeleted()) || t.lastPost() == null) {
                return Optional.empty();
            }
            boolean staff = policy.allows(standing, Action.VIEW_DELETED, Target.NONE);
            int lastRead = marks.lastRead(member.get(), threadId);
            if (lastRead >= t.lastPost().number()) {
                return Optional.of(t.lastPost().postId());
            }
            List<Post> next = s.posts().byNumberRange(threadId, lastRead + 1, lastRead + 40, staff);
            return Optional.of(next.isEmpty() ? t.lastPost().postId() : next.get(0).id());
        });
        return target.map(id -> locate(actor, id));
    }

    private record Visible(Post post, ForumThread thread, Permissions standing) {
    }

    /**
     * A post and its thread if the viewer may see them: on a board they may read, and deleted ones (or in a deleted
     * thread) only for those who see deleted content. Anything else is not found, so nothing about it leaks.
     */
    private Visible visible(Member me, PostId postId) {
        Post post = s.posts().byId(postId).orElseThrow(() -> new NotFoundException("no post " + postId));
        ForumThread thread = s.threads().byId(post.threadId()).orElseThrow(() -> new NotFoundException("no post " + postId));
        Permissions standing = ctx.permissions(me, thread.boardId());
        if (!readable(standing, post.isDeleted() || thread.isDeleted())) {
            throw new NotFoundException("no post " + postId);
        }
        return new Visible(post, thread, standing);
    }

    /** The viewer may read the board, and deleted content only if they may see deleted content there. */
    private boolean readable(Permissions standing, boolean deleted) {
        return policy.allows(standing, Action.READ_FORUM, Target.NONE)
                && (!deleted || policy.allows(standing, Action.VIEW_DELETED, Target.NONE));
    }

    /** Threads by latest activity, with unread flags for members. */
    public Page<ThreadSummary> whatsNew(Actor actor, int page) {
        requirePage(page);
        return s.transactions().readOnly(() -> {
            Member me = ctx.viewer(actor);
            // deleted threads are listed when the viewer sees deleted content forum-wide (moderators by default)
            boolean staff = policy.allows(ctx.permissions(me, null), Action.VIEW_DELETED, Target.NONE);
            int per = ctx.threadsPerPage;
            Set<BoardId> hidden = ctx.hiddenBoards(me);
            List<Board> all = s.boards().all().stream().filter(b -> !hidden.contains(b.id())).toList();
            // the boards' thread counters already count visible threads: no scan of every thread per page
            int total = !staff ? all.stream().mapToInt(Board::threadCount).sum()
                    : hidden.isEmpty() ? s.threads().countAll(true)
                    : all.stream().mapToInt(b -> s.threads().countInBoard(b.id(), true)).sum();
            List<ForumThread> threads = hidden.isEmpty() ? s.threads().latest(staff, (page - 1) * per, per)
                    : s.threads().latestExcluding(hidden, staff, (page - 1) * per, per);
            Map<BoardId, Board> boards = all.stream().collect(Collectors.toMap(Board::id, Function.identity()));
            Map<BoardId, Permissions> perms = new java.util.HashMap<>();
            return new Page<>(summaries.of(me, b -> perms.computeIfAbsent(b, x -> ctx.permissions(me, x)), threads, boards),
                    page, Page.lastPage(total, per), per, total);
        });
    }

    public MemberProfile memberProfile(Actor actor, MemberId memberId) {
        return s.transactions().readOnly(() -> {
            Member me = ctx.viewer(actor);
            Standing standing = ctx.standing(me);
            Member member = s.members().byId(memberId).orElseThrow(() -> new NotFoundException("no member " + memberId));
            Set<BoardId> hidden = ctx.hiddenBoards(me);
            List<Post> recent = hidden.isEmpty() ? s.posts().recentVisibleByAuthor(memberId, 10)
                    : s.posts().recentVisibleByAuthor(memberId, hidden, 10);
            Map<ThreadId, ForumThread> threads = recent.isEmpty() ? Map.of()
                    : s.threads().byIds(recent.stream().map(Post::threadId).collect(Collectors.toSet()));
            List<MemberProfile.RecentPost> posts = recent.stream()
                    .map(p -> new MemberProfile.RecentPost(p, title(threads.get(p.threadId())))).toList();
            return new MemberProfile(card(member, hidden), posts, standing.isStaff() ? member.ban() : null,
                    received(memberId, hidden));
        });
    }

    /**
     * The member's card as this viewer may see it: the stored counters when the viewer sees every board (exact, no
     * extra read), else without the hidden boards' part of them (one read of the counters by board).
     */
    private dev.forumkit.core.member.AuthorCard card(Member member, Set<BoardId> hidden) {
        return ctx.authorCard(SeenCounters.of(s, hidden, member), ctx.now());
    }

    /** Reactions received by type, in the forum's order of types, leaving out boards the viewer may not see. */
    private Map<String, Integer> received(MemberId member, Set<BoardId> hidden) {
        Map<String, Integer> counts = s.reactions().receivedBy(member, hidden);
        Map<String, Integer> ordered = new java.util.LinkedHashMap<>();
        ctx.reactionTypes.all().forEach(t -> {
            Integer n = counts.get(t.key());
            if (n != null && n > 0) {
                ordered.put(t.key(), n);
            }
        });
        return ordered;
    }

    private static Board withoutLastPost(Board b) {
        return new Board(b.id(), b.categoryId(), b.title(), b.slug(), b.description(), b.guestNotice(), b.displayOrder(),
                b.threadCount(), b.postCount(), null);
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
