package dev.forumkit.core.watch;

import dev.forumkit.core.Actor;
import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.internal.ServiceContext;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.read.Page;
import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.core.thread.ForumThread;
import dev.forumkit.core.content.ThreadId;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Watching and unwatching threads and boards, and the member's lists of both. Guests watch nothing. */
public final class WatchService {
    public static final int PER_PAGE = 20;
    private final ServiceContext ctx;
    private final ForumStorage s;

    public WatchService(ServiceContext ctx) {
        this.ctx = ctx;
        this.s = ctx.storage;
    }

    /** Watches the thread (or changes the e-mail choice of an existing watch). */
    public ThreadWatch watchThread(Actor actor, ThreadId threadId, boolean email) {
        return s.transactions().inTransaction(() -> {
            Member me = ctx.requireMember(actor);
            visibleThread(me, threadId);
            ThreadWatch watch = new ThreadWatch(me.id(), threadId, email,
                    s.watches().thread(me.id(), threadId).map(ThreadWatch::since).orElseGet(ctx::now));
            s.watches().putThread(watch);
            return watch;
        });
    }

    /** True if the member watched the thread. */
    public boolean unwatchThread(Actor actor, ThreadId threadId) {
        return s.transactions().inTransaction(() -> s.watches().removeThread(ctx.requireMember(actor).id(), threadId));
    }

    /** The viewer's watch of the thread, for the watch button; empty for guests. */
    public Optional<ThreadWatch> threadWatch(Actor actor, ThreadId threadId) {
        return actor.memberId().flatMap(me -> s.transactions().readOnly(() -> s.watches().thread(me, threadId)));
    }

    /** Watches the board for new threads, or with {@code everyPost} for every new post too. */
    public BoardWatch watchBoard(Actor actor, BoardId boardId, boolean everyPost, boolean email) {
        return s.transactions().inTransaction(() -> {
            Member me = ctx.requireMember(actor);
            s.boards().byId(boardId).filter(b -> ctx.policy.canSee(me, ctx.now(), b.id()))
                    .orElseThrow(() -> new NotFoundException("no board " + boardId));
            BoardWatch watch = new BoardWatch(me.id(), boardId, everyPost, email,
                    s.watches().board(me.id(), boardId).map(BoardWatch::since).orElseGet(ctx::now));
            s.watches().putBoard(watch);
            return watch;
        });
    }

    public boolean unwatchBoard(Actor actor, BoardId boardId) {
        return s.transactions().inTransaction(() -> s.watches().removeBoard(ctx.requireMember(actor).id(), boardId));
    }

    public Optional<BoardWatch> boardWatch(Actor actor, BoardId boardId) {
        return actor.memberId().flatMap(me -> s.transactions().readOnly(() -> s.watches().board(me, boardId)));
    }

    /** The member's watched threads, newest watch first. */
    public Page<WatchedThread> watchedThreads(Actor actor, int page) {
        requirePage(page);
        return s.transactions().readOnly(() -> {
            Member me = ctx.requireMember(actor);
            boolean staff = ctx.standing(me).isStaff();
            Set<BoardId> hidden = ctx.hiddenBoards(me);
            long total = s.watches().countThreadsOf(me.id());
            List<ThreadWatch> watches = s.watches().threadsOf(me.id(), (page - 1) * PER_PAGE, PER_PAGE);
            Map<ThreadId, ForumThread> threads = watches.isEmpty() ? Map.of()
                    : s.threads().byIds(watches.stream().map(ThreadWatch::thread).toList());
            List<WatchedThread> items = watches.stream().map(w -> new WatchedThread(w,
                    Optional.ofNullable(threads.get(w.thread())).filter(t -> staff || !t.isDeleted())
                    .filter(t -> !hidden.contains(t.boardId())).orElse(null))).toList();
            return new Page<>(items, page, Page.lastPage(total, PER_PAGE), PER_PAGE, total);
        });
    }

    /** The member's watched boards, newest watch first. */
    public Page<WatchedBoard> watchedBoards(Actor actor, int page) {
        requirePage(page);
        return s.transactions().readOnly(() -> {
            Member member = ctx.requireMember(actor);
            MemberId me = member.id();
            Set<BoardId> hidden = ctx.hiddenBoards(member);
            long total = s.watches().countBoardsOf(me);
            List<BoardWatch> watches = s.watches().boardsOf(me, (page - 1) * PER_PAGE, PER_PAGE);
            Map<BoardId, Board> boards = watches.isEmpty() ? Map.of()
                    : s.boards().all().stream().collect(Collectors.toMap(Board::id, b -> b));
            List<WatchedBoard> items = watches.stream().map(w -> new WatchedBoard(w,
                    hidden.contains(w.board()) ? null : boards.get(w.board()))).toList();
            return new Page<>(items, page, Page.lastPage(total, PER_PAGE), PER_PAGE, total);
        });
    }

    private void visibleThread(Member me, ThreadId id) {
        boolean staff = ctx.standing(me).isStaff();
        s.threads().byId(id).filter(t -> staff || !t.isDeleted()).filter(t -> ctx.policy.canSee(me, ctx.now(), t.boardId()))
                .orElseThrow(() -> new NotFoundException("no thread " + id));
    }

    private static void requirePage(int page) {
        if (page < 1) {
            throw InvalidInputException.of("page", "out_of_range", "pages start at 1");
        }
    }
}
