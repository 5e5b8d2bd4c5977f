package dev.forumkit.core.alert;

import dev.forumkit.core.Actor;
import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.NotAllowedException;
import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.internal.ServiceContext;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.read.Page;
import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.core.thread.ForumThread;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.webhook.Webhook;
import dev.forumkit.core.webhook.WebhookId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A member's alerts (listed newest first, grouped while unread), alert preferences and ignored members. */
public final class AlertService {
    /** The outbox consumer every forum registers to write alerts (its position is stored under this name). */
    public static final String CONSUMER = "alerts";

    public static final int PER_PAGE = 20;
    private final ServiceContext ctx;
    private final ForumStorage s;
    private final AlertFanout fanout;

    public AlertService(ServiceContext ctx) {
        this.ctx = ctx;
        this.s = ctx.storage;
        this.fanout = new AlertFanout(ctx);
    }

    /**
     * The consumer that turns domain events into alerts. Public so the forum can feed it from the event outbox (and
     * tests can call it directly); embedders have no reason to call it.
     */
    public AlertFanout fanout() {
        return fanout;
    }

    /** Page n of the member's alerts, newest first; unread alerts of one kind on one content are one entry. */
    public Page<AlertEntry> list(Actor actor, int page) {
        if (page < 1) {
            throw InvalidInputException.of("page", "out_of_range", "pages start at 1");
        }
        return s.transactions().readOnly(() -> {
            Member me = ctx.requireMember(actor);
            List<AlertPages.Item> unread = AlertPages.group(s.alerts().unread(me.id()));
            long readCount = s.alerts().countRead(me.id());
            long total = unread.size() + readCount;
            List<AlertPages.Item> items = AlertPages.window(unread, readCount, (long) (page - 1) * PER_PAGE, PER_PAGE,
                    s.alerts(), me.id());
            return new Page<>(entries(me, items), page, Page.lastPage(total, PER_PAGE), PER_PAGE, total);
        });
    }

    /** Unread alerts (each counts, grouped or not): the number in the header. Zero for guests. */
    public long unreadCount(Actor actor) {
        return actor.memberId().map(id -> s.transactions().readOnly(() -> s.alerts().countUnread(id))).orElse(0L);
    }

    /** Marks the alert read, with every unread alert shown in the same entry; returns how many changed. */
    public int markRead(Actor actor, AlertId id) {
        return s.transactions().inTransaction(() -> {
            Member me = ctx.requireMember(actor);
            Alert alert = s.alerts().byId(id).filter(a -> a.recipient().equals(me.id()))
                    .orElseThrow(() -> new NotFoundException("no alert " + id));
            List<AlertId> group = s.alerts().unread(me.id()).stream()
                    .filter(a -> a.groupKey().equals(alert.groupKey())).map(Alert::id).toList();
            return s.alerts().markRead(me.id(), group);
        });
    }

    public int markAllRead(Actor actor) {
        return s.transactions().inTransaction(() -> s.alerts().markAllRead(ctx.requireMember(actor).id()));
    }

    /** The member's preferences; the defaults until they change any. */
    public Preferences preferences(Actor actor) {
        return s.transactions().readOnly(() -> {
            MemberId me = ctx.requireMember(actor).id();
            return s.alertPreferences().byMember(me).orElseGet(() -> Preferences.defaults(me));
        });
    }

    /** Saves the member's own preferences, e.g. {@code save(me, alerts.preferences(me).with(REACTION, OFF))}. */
    public Preferences savePreferences(Actor actor, Preferences preferences) {
        return s.transactions().inTransaction(() -> {
            Member me = ctx.requireMember(actor);
            if (!preferences.member().equals(me.id())) {
                throw new NotAllowedException("you can only change your own alert preferences");
            }
            s.alertPreferences().put(preferences);
            return preferences;
        });
    }

    /** The member gets no more alerts caused by {@code other}. Staff cannot be ignored, nor can oneself. */
    public void ignore(Actor actor, MemberId other) {
        s.transactions().run(() -> {
            Member me = ctx.requireMember(actor);
            Member them = s.members().byId(other).orElseThrow(() -> new NotFoundException("no member " + other));
            if (them.id().equals(me.id())) {
                throw InvalidInputException.of("member", "self", "you cannot ignore yourself");
            }
            if (ctx.standing(them).isStaff()) {
                throw new NotAllowedException("moderators and admins cannot be ignored");
            }
            s.ignores().add(me.id(), them.id());
        });
    }

    /** True if the member was ignored. */
    public boolean unignore(Actor actor, MemberId other) {
        return s.transactions().inTransaction(() -> s.ignores().remove(ctx.requireMember(actor).id(), other));
    }

    public List<IgnoredMember> ignored(Actor actor) {
        return s.transactions().readOnly(() -> {
            List<MemberId> ids = s.ignores().ignoredBy(ctx.requireMember(actor).id());
            Map<MemberId, Member> members = ids.isEmpty() ? Map.of() : s.members().byIds(ids);
            return ids.stream().filter(members::containsKey)
                    .map(id -> new IgnoredMember(id, members.get(id).username())).toList();
        });
    }

    /**
     * Adds names, titles and visibility: one query for members, threads and boards, one per post and webhook (at most
     * a page).
     */
    private List<AlertEntry> entries(Member me, List<AlertPages.Item> items) {
        if (items.isEmpty()) {
            return List.of();
        }
        boolean staff = ctx.standing(me).isStaff();
        boolean admin = ctx.standing(me) == dev.forumkit.core.policy.Standing.ADMIN;
        Set<BoardId> hidden = ctx.hiddenBoards(me);
        Set<MemberId> members = new HashSet<>();
        Set<ThreadId> threadIds = new HashSet<>();
        Map<PostId, Optional<Post>> posts = new HashMap<>();
        Map<WebhookId, Optional<Webhook>> webhooks = new HashMap<>();
        for (AlertPages.Item item : items) {
            Alert a = item.newest();
            if (a.actor() != null) {
                members.add(a.actor());
            }
            if (a.profile() != null) {
                members.add(a.profile());
            }
            if (a.thread() != null) {
                threadIds.add(a.thread());
            }
            if (a.post() != null) {
                posts.computeIfAbsent(a.post(), id -> s.posts().byId(id));
            }
            if (a.webhook() != null && admin) { // only admins may open a webhook: nobody else learns its address
                webhooks.computeIfAbsent(a.webhook(), id -> s.webhooks().byId(id));
            }
        }
        Map<MemberId, Member> names = members.isEmpty() ? Map.of() : s.members().byIds(members);
        Map<ThreadId, ForumThread> threads = threadIds.isEmpty() ? Map.of() : s.threads().byIds(threadIds);
        Map<BoardId, Board> boards = threadIds.isEmpty() ? Map.of()
                : s.boards().all().stream().collect(Collectors.toMap(Board::id, b -> b));
        List<AlertEntry> out = new ArrayList<>(items.size());
        for (AlertPages.Item item : items) {
            Alert a = item.newest();
            Member actor = a.actor() == null ? null : names.get(a.actor());
            int actorCount = (int) item.alerts().stream().map(Alert::actor).filter(java.util.Objects::nonNull).distinct().count();
            List<AlertId> ids = item.alerts().stream().map(Alert::id).toList();
            if (a.thread() == null) {
                Member profile = a.profile() == null ? null : names.get(a.profile());
                String profileName = profile == null || profile.isDeleted() ? null : profile.username();
                Webhook hook = a.webhook() == null ? null : webhooks.getOrDefault(a.webhook(), Optional.empty()).orElse(null);
                boolean visible = a.profile() != null ? profileName != null : hook != null;
                out.add(new AlertEntry(ids, a.kind(), null, null, null, a.profile(), profileName, a.webhook(),
                        hook == null ? null : hook.url(), null, null, a.actor(), actor == null ? null : actor.username(),
                        actorCount, a.detail(), a.createdAt(), a.read(), visible));
                continue;
            }
            ForumThread thread = threads.get(a.thread());
            Post post = a.post() == null ? null : posts.get(a.post()).orElse(null);
            boolean visible = thread != null && (staff || !thread.isDeleted())
                    && (a.post() == null || (post != null && (staff || !post.isDeleted())));
            BoardId boardId = a.board() != null ? a.board() : thread == null ? null : thread.boardId();
            if (boardId != null && (hidden.contains(boardId) || (thread != null && hidden.contains(thread.boardId())))) {
                // a board the member may not see (made private since): the entry stays, saying nothing of it
                visible = false;
                thread = null;
                boardId = null;
            }
            Board board = boardId == null ? null : boards.get(boardId);
            out.add(new AlertEntry(ids, a.kind(), a.thread(), a.post(), boardId, null, null, null, null,
                    thread == null ? null : thread.title(), board == null ? null : board.title(), a.actor(),
                    actor == null ? null : actor.username(), actorCount, a.detail(), a.createdAt(), a.read(), visible));
        }
        return out;
    }
}
