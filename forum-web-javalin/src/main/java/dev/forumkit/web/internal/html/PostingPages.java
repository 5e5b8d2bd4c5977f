package dev.forumkit.web.internal.html;

import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.policy.Action;
import dev.forumkit.core.policy.Target;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.post.PostView;
import dev.forumkit.core.read.Quote;
import dev.forumkit.core.thread.EditablePost;
import dev.forumkit.core.thread.ForumThread;
import dev.forumkit.web.Access;
import dev.forumkit.web.internal.Call;
import dev.forumkit.web.internal.PageCaching;
import dev.forumkit.web.internal.PostRoutes;
import dev.forumkit.web.internal.Throttles;

/**
 * Writing: start a thread, reply (with a quote), edit, delete and restore a post, react. A form with a problem
 * comes back with the message beside its field and every word still in it; a good one redirects (303) to the
 * post's anchor on the page it is on.
 */
final class PostingPages {
    private PostingPages() {
    }

    static void register(PageTable t) {
        t.get("/boards/{board}/post-thread", Access.MEMBER, PostingPages::startForm);
        t.post("/boards/{board}/post-thread", Access.MEMBER, PostingPages::start);
        t.get("/threads/{thread}/reply", Access.MEMBER, PostingPages::replyForm);
        t.post("/threads/{thread}/reply", Access.MEMBER, PostingPages::reply);
        t.get("/posts/{postId}/edit", Access.OWNER_OR_STAFF, PostingPages::editForm);
        t.post("/posts/{postId}/edit", Access.OWNER_OR_STAFF, PostingPages::edit);
        t.post("/posts/{postId}/delete", Access.OWNER_OR_STAFF, PostingPages::delete);
        t.post("/posts/{postId}/restore", Access.BOARD_MODERATOR, PostingPages::restore);
        t.post("/posts/{postId}/react", Access.MEMBER, PostingPages::react);
    }

    // --- start a thread

    private static Board board(Call call) {
        BoardId id = BoardId.of(Params.id(call, "board"));
        return call.api().forum().boards().board(call.actor(), id).orElseThrow(() -> new NotFoundException("no board " + id));
    }

    private static View startPage(Call call, Board board, Form form) {
        Links links = ReadPages.links(call);
        return View.of("post-thread", new Text("board.postThread")).noindex()
                .crumb(new Text("nav.forums"), links.home())
                .crumb(board.title(), links.board(board))
                .with("board", board)
                .with("form", form);
    }

    private static Object startForm(Call call) {
        Board b = board(call);
        call.check(Action.START_THREAD, b.id());
        return startPage(call, b, Form.empty());
    }

    private static Object start(Call call) {
        Board b = board(call);
        Form form = Form.from(call.ctx(), "title", "body");
        try {
            var submitted = call.api().forum().threads().submit(call.actor(), b.id(), form.get("title"), form.get("body"),
                    () -> admitPost(call));
            if (submitted.isHeld()) {
                return Redirect.seeOther(ApprovalPages.heldUrl(call, submitted.held().id()));
            }
            return Redirect.seeOther(at(call, submitted.posted().id()));
        } catch (RuntimeException e) {
            return problem(e, form, startPage(call, b, form), "title", "body");
        }
    }

    // --- reply

    /** The thread if the viewer may see it (deleted ones for staff only). */
    private static ForumThread thread(Call call) {
        return call.api().forum().reading().thread(call.actor(), ThreadId.of(Params.id(call, "thread"))).thread();
    }

    private static View replyPage(Call call, ForumThread t, Form form) {
        return replyPage(call, t, form, java.util.List.of());
    }

    private static View replyPage(Call call, ForumThread t, Form form, java.util.List<dev.forumkit.core.attachment.Attachment> drafts) {
        Links links = ReadPages.links(call);
        return View.of("reply", new Text("reply.heading", t.title())).noindex()
                .crumb(new Text("nav.forums"), links.home())
                .crumb(t.title(), links.thread(t))
                .with("thread", t)
                .with("form", form)
                .with("drafts", drafts);
    }

    private static Object replyForm(Call call) {
        ForumThread t = thread(call);
        Form form = Form.empty();
        String quote = call.ctx().queryParam("quote");
        Long quoted = Params.number(quote);
        if (quoted != null && quoted > 0) {
            form.set("body", quoteOf(call, PostId.of(quoted)));
        }
        return replyPage(call, t, form);
    }

    /** {@code [quote=name post=ID]text[/quote]} for a post the viewer can see, earlier quotes left out. */
    private static String quoteOf(Call call, PostId id) {
        Quote q = call.api().forum().reading().quote(call.actor(), id); // not found unless the viewer may see it
        return "[quote=" + q.authorName() + " post=" + id.value() + "]" + Bodies.withoutQuotes(q.body()) + "[/quote]\n\n";
    }

    /**
     * A reply, with files when the form is multipart (no script needed): chosen files are stored as drafts first;
     * the Upload button shows the form again with them (and their {@code [attach=ID]} tags), Post reply posts the
     * text and attaches every draft the form lists. A refused file comes back beside the form, text kept.
     */
    private static Object reply(Call call) {
        ForumThread t = thread(call);
        Form form = Form.from(call.ctx(), "body");
        ReplyFiles files = ReplyFiles.of(call);
        try {
            files.upload(call, t.boardId());
            if ("1".equals(call.ctx().formParam("upload"))) {
                return replyPage(call, t, form, files.drafts(call));
            }
            var submitted = call.api().forum().posts().submitReply(call.actor(), t.id(), form.get("body"), () -> admitPost(call));
            // the thread's pages and the author's card (message count); a held reply shows on neither yet
            PageCaching.changed(call.ctx(), java.util.Set.of(t.id()), java.util.Set.of(call.viewer().member().id()));
            if (submitted.isHeld()) {
                return Redirect.seeOther(ApprovalPages.heldUrl(call, submitted.held().id())); // uploads stay drafts
            }
            files.attachTo(call, submitted.posted().post().id());
            return Redirect.seeOther(at(call, submitted.posted().post().id()));
        } catch (RuntimeException e) {
            return problem(e, form, replyPage(call, t, form, files.drafts(call)), "body", "file");
        }
    }

    // --- edit, delete, restore

    /** The post and its thread if the viewer may edit it: found and refused exactly as the edit itself would be. */
    private static EditablePost editable(Call call) {
        return call.api().forum().posts().editable(call.actor(), PostId.of(Params.id(call, "postId")));
    }

    private static View editPage(Call call, EditablePost e, Form form) {
        Links links = ReadPages.links(call);
        ForumThread t = e.thread();
        Post p = e.post();
        return View.of("edit-post", new Text("editPost.title")).noindex()
                .crumb(new Text("nav.forums"), links.home())
                .crumb(t.title(), links.thread(t))
                .with("thread", t)
                .with("post", p)
                .with("form", form);
    }

    private static Object editForm(Call call) {
        EditablePost e = editable(call);
        return editPage(call, e, Form.empty().set("body", e.post().body()));
    }

    private static Object edit(Call call) {
        EditablePost p = editable(call);
        Form form = Form.from(call.ctx(), "body");
        try {
            call.api().forum().posts().edit(call.actor(), p.post().id(), form.get("body"));
            PageCaching.changed(call.ctx(), java.util.Set.of(p.thread().id()), java.util.Set.of()); // no author card changes
            return Redirect.seeOther(at(call, p.post().id()));
        } catch (RuntimeException e) {
            return problem(e, form, editPage(call, p, form), "body");
        }
    }

    private static Object delete(Call call) {
        PostId id = PostId.of(Params.id(call, "postId"));
        String where = at(call, id);
        dev.forumkit.web.internal.PostRoutes.hiddenOrShown(call, call.api().forum().posts().delete(call.actor(), id, call.ctx().formParam("reason")));
        return Redirect.seeOther(where);
    }

    private static Object restore(Call call) {
        PostId id = PostId.of(Params.id(call, "postId"));
        dev.forumkit.web.internal.PostRoutes.hiddenOrShown(call, call.api().forum().posts().restore(call.actor(), id));
        return Redirect.seeOther(at(call, id));
    }

    private static Object react(Call call) {
        PostId id = PostId.of(Params.id(call, "postId"));
        String type = call.ctx().formParam("type");
        if (type == null || type.isBlank() || type.equals("remove")) {
            PostRoutes.reacted(call, call.api().forum().reactions().unreact(call.actor(), id));
        } else {
            PostRoutes.reacted(call, call.api().forum().reactions().react(call.actor(), id, type.strip()));
        }
        return Redirect.seeOther(at(call, id));
    }

    /** Takes one of the member's posting attempts; core calls it only for a post that is valid. */
    private static void admitPost(Call call) {
        Throttles.postingPerMember(call.api()).acquire(call.viewer().member().id().toString());
    }

    /** The post's place: its thread page and anchor. */
    static String at(Call call, PostId id) {
        return ReadPages.located(ReadPages.links(call), call.api().forum().reading().locate(call.actor(), id));
    }

    /**
     * A refused form comes back with the reason and the text: the status and messages are the API's (field errors
     * beside their fields, a rate limit or a refusal such as a locked thread above the form).
     */
    static Refusal problem(RuntimeException e, Form form, View page, String... fields) {
        return Refusal.of(page, form, e, fields);
    }
}
