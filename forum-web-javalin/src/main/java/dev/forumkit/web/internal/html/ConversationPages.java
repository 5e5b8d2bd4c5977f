package dev.forumkit.web.internal.html;

import dev.forumkit.core.conversation.Conversation;
import dev.forumkit.core.conversation.ConversationId;
import dev.forumkit.core.conversation.ConversationPage;
import dev.forumkit.core.conversation.ConversationSummary;
import dev.forumkit.core.conversation.Message;
import dev.forumkit.core.conversation.MessageId;
import dev.forumkit.core.read.Page;
import dev.forumkit.web.Access;
import dev.forumkit.web.internal.Call;

import java.util.List;

/**
 * Private conversations as pages and plain forms: the list, the start form, a conversation with its reply, invite
 * and leave forms, links to one message, reporting a message, and the blocked-members list. The pages of one
 * conversation or message are open at the door and core answers 404 to everyone but its participants (guests too).
 */
final class ConversationPages {
    private ConversationPages() {
    }

    static void register(PageTable t) {
        t.get("/conversations/", Access.MEMBER, ConversationPages::list);
        t.get("/conversations/page-{page}", Access.MEMBER, ConversationPages::list);
        t.get("/start-conversation", Access.MEMBER, call -> {
            String to = call.ctx().queryParam("to");
            Form form = Form.empty();
            if (to != null) {
                form.set("recipients", to);
            }
            return startForm(call, form);
        });
        t.post("/start-conversation", Access.MEMBER, ConversationPages::start);
        t.get("/conversations/{conversation}/", Access.ANYONE, call -> conversation(call, Form.empty()));
        t.get("/conversations/{conversation}/page-{page}", Access.ANYONE, call -> conversation(call, Form.empty()));
        t.post("/conversations/{conversation}/reply", Access.ANYONE, ConversationPages::reply);
        t.post("/conversations/{conversation}/invite", Access.ANYONE, ConversationPages::invite);
        t.post("/conversations/{conversation}/leave", Access.ANYONE, call -> {
            call.api().forum().conversations().leave(call.actor(), id(call));
            return Redirect.seeOther(base(call) + "/conversations/");
        });
        t.get("/conversation-messages/{messageId}/", Access.ANYONE, call -> {
            MessageId mid = MessageId.of(Params.id(call, "messageId"));
            Message m = call.api().forum().conversations().message(call.actor(), mid);
            int page = call.api().forum().conversations().pageOf(call.actor(), mid);
            return Redirect.found(href(call, m.conversation(), page) + "#message-" + mid.value());
        });
        t.post("/conversation-messages/{messageId}/react", Access.ANYONE, ConversationPages::react);
        t.get("/conversation-messages/{messageId}/report", Access.ANYONE, call -> reportForm(call, Form.empty(), false));
        t.post("/conversation-messages/{messageId}/report", Access.ANYONE, ConversationPages::report);
        t.get("/account/conversation-blocks", Access.MEMBER, call -> blocks(call, Form.empty()));
        t.post("/account/conversation-blocks", Access.MEMBER, ConversationPages::block);
    }

    private static String base(Call call) {
        return ReadPages.links(call).base();
    }

    /** The conversation's page n (page 1 is the bare address). */
    static String href(Call call, ConversationId id, int page) {
        return base(call) + "/conversations/" + id.value() + "/" + (page > 1 ? "page-" + page : "");
    }

    private static ConversationId id(Call call) {
        return ConversationId.of(Params.id(call, "conversation"));
    }

    private static Object list(Call call) {
        int n = Params.page(call);
        Page<ConversationSummary> p = call.api().forum().conversations().list(call.actor(), n);
        String b = base(call);
        if (n > p.lastPage()) {
            return Redirect.found(b + "/conversations/" + (p.lastPage() > 1 ? "page-" + p.lastPage() : ""));
        }
        return View.of("conversations", new Text("conv.title")).noindex().crumb(new Text("nav.forums"), ReadPages.links(call).home())
                .with("page", p)
                .with("pager", Pager.of(p, k -> b + "/conversations/" + (k > 1 ? "page-" + k : "")));
    }

    private static View startForm(Call call, Form form) {
        return View.of("start-conversation", new Text("conv.start")).noindex()
                .crumb(new Text("nav.forums"), ReadPages.links(call).home()).crumb(new Text("conv.title"), base(call) + "/conversations/")
                .with("form", form).with("limit", call.api().forum().conversations().limits().maxParticipants() - 1);
    }

    private static Object start(Call call) {
        Form form = Form.from(call.ctx(), "recipients", "title", "body", "open_invite");
        try {
            Conversation c = call.api().forum().conversations().start(call.actor(), form.get("title"), form.get("body"),
                    List.of(form.value("recipients")), !form.value("open_invite").isEmpty());
            return Redirect.seeOther(href(call, c.id(), 1));
        } catch (RuntimeException e) {
            return PostingPages.problem(e, form, startForm(call, form), "recipients", "title", "body");
        }
    }

    private static View conversation(Call call, Form form) {
        ConversationId id = id(call);
        int n = Params.page(call);
        ConversationPage p = call.api().forum().conversations().read(call.actor(), id, n);
        String quote = call.ctx().queryParam("quote");
        Long quoted = Params.number(quote);
        if (quoted != null && quoted > 0 && form.value("body").isEmpty()) {
            Message m = call.api().forum().conversations().message(call.actor(), MessageId.of(quoted));
            String author = p.participants().stream().filter(x -> x.member().equals(m.author())).findFirst()
                    .map(x -> x.name()).orElse("a member");
            form.set("body", "[quote=\"" + author + "\"]\n" + m.body() + "\n[/quote]\n");
        }
        return View.of("conversation", p.conversation().title()).noindex()
                .crumb(new Text("nav.forums"), ReadPages.links(call).home()).crumb(new Text("conv.title"), base(call) + "/conversations/")
                .with("page", p).with("form", form).with("here", href(call, id, 1))
                .with("types", call.api().forum().reactionTypes().all())
                .with("pager", Pager.of(p.messages(), k -> href(call, id, k)));
    }

    /** A reaction button without JavaScript: "remove" (or none) takes the reaction back; back to the message after. */
    private static Object react(Call call) {
        MessageId mid = MessageId.of(Params.id(call, "messageId"));
        String type = call.ctx().formParam("type");
        if (type == null || type.isBlank() || type.equals("remove")) {
            call.api().forum().conversations().unreact(call.actor(), mid);
        } else {
            call.api().forum().conversations().react(call.actor(), mid, type.strip());
        }
        Message m = call.api().forum().conversations().message(call.actor(), mid);
        int page = call.api().forum().conversations().pageOf(call.actor(), mid);
        return Redirect.seeOther(href(call, m.conversation(), page) + "#message-" + mid.value());
    }

    private static Object reply(Call call) {
        Form form = Form.from(call.ctx(), "body");
        ConversationId id = id(call);
        try {
            Message m = call.api().forum().conversations().reply(call.actor(), id, form.get("body"));
            int page = call.api().forum().conversations().pageOf(call.actor(), m.id());
            return Redirect.seeOther(href(call, id, page) + "#message-" + m.id().value());
        } catch (RuntimeException e) {
            return PostingPages.problem(e, form, conversation(call, form), "body");
        }
    }

    private static Object invite(Call call) {
        Form form = Form.from(call.ctx(), "recipients");
        ConversationId id = id(call);
        try {
            call.api().forum().conversations().invite(call.actor(), id, List.of(form.value("recipients")));
            return Redirect.seeOther(href(call, id, 1));
        } catch (RuntimeException e) {
            return PostingPages.problem(e, form, conversation(call, form), "recipients");
        }
    }

    private static View reportForm(Call call, Form form, boolean done) {
        MessageId mid = MessageId.of(Params.id(call, "messageId"));
        Message m = call.api().forum().conversations().message(call.actor(), mid); // 404 unless the viewer reads it
        return View.of("report", new Text("report.message.title")).noindex().crumb(new Text("nav.forums"), ReadPages.links(call).home())
                .with("action", base(call) + "/conversation-messages/" + mid.value() + "/report")
                .with("back", href(call, m.conversation(), 1)).with("form", form).with("done", done);
    }

    private static Object report(Call call) {
        Form form = Form.from(call.ctx(), "reason");
        MessageId mid = MessageId.of(Params.id(call, "messageId"));
        try {
            Runnable gate = call.viewer().member() == null ? () -> { } : () -> dev.forumkit.web.internal.Throttles
                    .reportingPerMember(call.api()).acquire(call.viewer().member().id().toString());
            call.api().forum().reports().reportMessage(call.actor(), mid, form.get("reason"), gate);
            return reportForm(call, Form.empty(), true);
        } catch (RuntimeException e) {
            return PostingPages.problem(e, form, reportForm(call, form, false), "reason");
        }
    }

    private static View blocks(Call call, Form form) {
        return View.of("conversation-blocks", new Text("conv.blocks.title")).noindex()
                .crumb(new Text("nav.forums"), ReadPages.links(call).home()).crumb(new Text("conv.title"), base(call) + "/conversations/")
                .with("blocked", call.api().forum().conversations().blocked(call.actor())).with("form", form);
    }

    private static Object block(Call call) {
        Form form = Form.from(call.ctx(), "username", "unblock");
        try {
            if (!form.value("unblock").isEmpty()) {
                call.api().forum().conversations().unblock(call.actor(), form.value("unblock"));
            } else {
                call.api().forum().conversations().block(call.actor(), form.get("username"));
            }
            return Redirect.seeOther(base(call) + "/account/conversation-blocks");
        } catch (RuntimeException e) {
            return PostingPages.problem(e, form, blocks(call, form), "username");
        }
    }
}
