package dev.forumkit.web.internal.html;

import dev.forumkit.core.Forum;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.policy.Action;
import dev.forumkit.core.policy.Policy;
import dev.forumkit.core.policy.Standing;
import dev.forumkit.core.policy.Target;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.read.BoardPage;
import dev.forumkit.core.read.MemberProfile;
import dev.forumkit.core.read.Page;
import dev.forumkit.core.read.PostLocation;
import dev.forumkit.core.read.ThreadPage;
import dev.forumkit.core.read.ThreadSummary;
import dev.forumkit.core.thread.ForumThread;
import dev.forumkit.web.Access;
import dev.forumkit.web.internal.Call;
import dev.forumkit.web.internal.PageCaching;

import java.util.List;

/** The reading pages: board index, board, thread, a post's permanent link, first unread, What's new, profiles. */
final class ReadPages {
    private ReadPages() {
    }

    static void register(PageTable t) {
        t.get("/", Access.ANYONE, ReadPages::index);
        t.get("/boards/{board}/", Access.ANYONE, ReadPages::board);
        t.get("/boards/{board}/page-{page}", Access.ANYONE, ReadPages::board);
        t.get("/threads/{thread}/", Access.ANYONE, ReadPages::thread);
        t.get("/threads/{thread}/page-{page}", Access.ANYONE, ReadPages::thread);
        t.get("/threads/{thread}/unread", Access.ANYONE, ReadPages::unread);
        t.get("/posts/{postId}/", Access.ANYONE, ReadPages::post);
        t.get("/whats-new/", Access.ANYONE, ReadPages::whatsNew);
        t.get("/whats-new/page-{page}", Access.ANYONE, ReadPages::whatsNew);
        t.get("/members/{member}/", Access.ANYONE, call -> member(call, Form.empty()));
    }

    static Links links(Call call) {
        return new Links(call.api().settings().basePath());
    }

    private static Object index(Call call) {
        Links links = links(call);
        return View.of("index", new Text("nav.forums")).with("index", call.api().forum().reading().boardIndex(call.actor()))
                .canonical(links.home())
                .feed("Newest threads", links.base() + "/feed.atom")
                .feed("What's new", links.base() + "/whats-new/feed.atom");
    }

    private static Object board(Call call) {
        Links links = links(call);
        int n = Params.page(call);
        BoardPage p = call.api().forum().reading().boardPage(call.actor(), BoardId.of(Params.id(call, "board")), n);
        Board b = p.board();
        if (!Params.slug(call, "board").equals(b.slug())) {
            return Redirect.permanent(links.board(b, n));
        }
        if (n > p.threads().lastPage()) {
            return Redirect.found(links.board(b, p.threads().lastPage()));
        }
        View view = (n > 1 ? View.of("board", new Text("title.paged", b.title(), n)) : View.of("board", b.title()))
                .canonical(links.board(b, n))
                .description(b.description().isBlank() ? b.title() : b.description());
        if (guestMaySee(call, b.id())) {
            view.feed(b.title(), links.board(b) + "feed.atom"); // feeds are read as a guest: a private board has none
        }
        return view
                .crumb(new Text("nav.forums"), links.home())
                .crumb(p.category().title(), links.home() + "#category-" + p.category().id().value())
                .with("page", p)
                .with("watch", WatchPages.boardButton(call, b.id()));
    }

    private static Object thread(Call call) {
        Links links = links(call);
        int n = Params.page(call);
        Forum forum = call.api().forum();
        ThreadPage p = forum.reading().threadPage(call.actor(), ThreadId.of(Params.id(call, "thread")), n);
        PageCaching.note(call.ctx(), p);
        ForumThread t = p.thread();
        if (!Params.slug(call, "thread").equals(t.slug())) {
            return Redirect.permanent(links.thread(t, n));
        }
        if (n > p.posts().lastPage()) {
            return Redirect.found(links.thread(t, p.posts().lastPage()));
        }
        java.util.Set<dev.forumkit.core.board.BoardId> hidden = p.canModerate()
                ? forum.permissions().hiddenBoards(call.actor()) : java.util.Set.of();
        List<Board> boards = p.canModerate()
                ? forum.boards().boards().stream().filter(b -> !hidden.contains(b.id())).toList() : List.of();
        List<dev.forumkit.core.profile.Profile> settings = new java.util.ArrayList<>(1);
        View view = (n > 1 ? View.of("thread", new Text("title.paged", t.title(), n)) : View.of("thread", t.title()))
                .canonical(links.thread(t, n))
                // page 1 opens with post #1; a later page is described by its own first post
                .description(p.posts().items().isEmpty() ? t.title() : Bodies.plainText(p.posts().items().get(0).bodyHtml()));
        if (guestMaySee(call, t.boardId())) {
            view.feed(t.title(), links.thread(t) + "feed.atom");
        }
        return view
                .crumb(new Text("nav.forums"), links.home())
                .crumb(p.category().title(), links.home() + "#category-" + p.category().id().value())
                .crumb(p.board().title(), links.board(p.board()))
                .with("page", p)
                .with("types", forum.reactionTypes().all())
                .with("boards", boards)
                .with("form", Form.empty())
                .with("watch", WatchPages.threadButton(call, t.id()))
                .with("held", n == p.posts().lastPage() ? forum.approvals().pendingInThread(call.actor(), t.id(), p.canModerate()) : List.of())
                .with("attachments", forum.attachments().ofPage(call.actor(), p))
                .with("signatures", signatures(call, p, settings))
                .with(PageResponder.VIEWER_SETTINGS, settings.isEmpty() ? null : settings.get(0));
    }

    private static boolean guestMaySee(Call call, BoardId board) {
        return call.api().forum().permissions().canSee(dev.forumkit.core.Actor.guest(), board);
    }

    /** The first post the member has not read (the thread's last post when all are read; page 1 for guests). */
    private static Object unread(Call call) {
        Links links = links(call);
        ThreadId id = ThreadId.of(Params.id(call, "thread"));
        return call.api().forum().reading().firstUnread(call.actor(), id)
                .map(at -> Redirect.found(located(links, at)))
                .orElseGet(() -> Redirect.found(links.base() + "/threads/" + Params.slug(call, "thread") + "." + id.value() + "/"));
    }

    private static Object post(Call call) {
        PostLocation at = call.api().forum().reading().locate(call.actor(), PostId.of(Params.id(call, "postId")));
        return Redirect.found(located(links(call), at));
    }

    /** A located post's address: its thread page and the post's anchor. */
    static String located(Links links, PostLocation at) {
        String thread = links.base() + "/threads/" + at.threadSlug() + "." + at.threadId().value() + "/";
        return thread + (at.page() > 1 ? "page-" + at.page() : "") + "#" + at.anchor();
    }

    private static Object whatsNew(Call call) {
        Links links = links(call);
        int n = Params.page(call);
        Page<ThreadSummary> p = call.api().forum().reading().whatsNew(call.actor(), n);
        if (n > p.lastPage()) {
            return Redirect.found(links.whatsNew(p.lastPage()));
        }
        return View.of("whats-new", n > 1 ? new Text("title.whatsNewPaged", n) : new Text("nav.whatsNew"))
                .canonical(links.whatsNew(n))
                .feed("What's new", links.base() + "/whats-new/feed.atom")
                .crumb(new Text("nav.forums"), links.home())
                .with("page", p);
    }

    /**
     * The signatures to show under this page's posts, by author: the page read its authors' profiles and the
     * viewer's (whose settings may hide signatures) with the authors. Deleted posts and deleted members show none.
     */
    static java.util.Map<MemberId, String> signatures(Call call, ThreadPage p, List<dev.forumkit.core.profile.Profile> viewerSettings) {
        MemberId me = call.viewer().isGuest() ? null : call.viewer().member().id();
        var profiles = p.profiles();
        if (me != null) {
            viewerSettings.add(profiles.getOrDefault(me, dev.forumkit.core.profile.Profile.empty(me)));
        }
        if (me != null && profiles.containsKey(me) && profiles.get(me).hideSignatures()) {
            return java.util.Map.of();
        }
        java.util.Map<MemberId, String> out = new java.util.HashMap<>();
        profiles.forEach((id, profile) -> {
            if (profile.signatureHtml() != null) {
                out.put(id, profile.signatureHtml());
            }
        });
        return out;
    }

    /**
     * The profile's paged posts ({@code ?page=n}) or started threads ({@code ?show=threads}), as the API pages them;
     * a page number out of range is the first page.
     */
    private static ProfileActivity activity(Call call, MemberId id) {
        boolean threads = "threads".equals(call.ctx().queryParam("show"));
        int page = 1;
        try {
            String raw = call.ctx().queryParam("page");
            page = raw == null ? 1 : Math.max(1, Math.min(10_000, Integer.parseInt(raw)));
        } catch (NumberFormatException ignored) {
            // the first page
        }
        return new ProfileActivity(call.api().forum().profiles().activity(call.actor(), id, threads, page), threads);
    }

    static View member(Call call, Form form) {
        Links links = links(call);
        MemberId id = MemberId.of(Params.id(call, "member"));
        MemberProfile p = call.api().forum().reading().memberProfile(call.actor(), id);
        Policy policy = call.api().forum().policy();
        Standing who = call.standing();
        boolean self = !call.viewer().isGuest() && call.viewer().member().id().equals(id);
        Target target = Target.member(self, p.member().role());
        // the custom title is a grid permission (forum-wide row), not only the role's
        ProfileActions actions = new ProfileActions(policy.allows(call.api().forum().permissions().permissions(call.actor(), null),
                Action.SET_CUSTOM_TITLE, target),
                policy.allows(who, Action.BAN_MEMBER, target), policy.allows(who, Action.CHANGE_ROLE, target));
        return View.of("member", p.member().username())
                .crumb(new Text("nav.forums"), links.home())
                .with("profile", p)
                .with("details", call.api().forum().profiles().of(id))
                .with("activity", activity(call, id))
                .with("reactionTypes", call.api().forum().reactionTypes())
                .with("self", self)
                .with("actions", actions)
                .with("form", form)
                .with("ignore", AlertSettingsPages.ignoreButton(call, id))
                .with("canReport", policy.allows(who, Action.REPORT_CONTENT, target))
                // moderators see a member's warnings on the profile; the member sees their own on the account page
                .with("warnings", !self && policy.allows(who, Action.VIEW_WARNINGS, target)
                        ? call.api().forum().warnings().ofMember(call.actor(), id) : null);
    }
}
