package dev.forumkit.web.internal;

import dev.forumkit.core.conversation.Conversation;
import dev.forumkit.core.conversation.ConversationId;
import dev.forumkit.core.conversation.ConversationPage;
import dev.forumkit.core.conversation.ConversationService;
import dev.forumkit.core.conversation.Message;
import dev.forumkit.core.conversation.MessageId;
import dev.forumkit.core.read.Page;
import dev.forumkit.core.report.ReportId;
import dev.forumkit.web.Access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Private conversations. The routes of one conversation or message are open to anyone at the door and core answers
 * 404 to everyone but its participants (guests included), so neither a 401 nor a 403 tells that it exists.
 */
public final class ConversationRoutes {
    private ConversationRoutes() {
    }

    record Start(String title, String body, List<String> recipients, Boolean openInvite) {
    }

    record Body(String body) {
    }

    record Invite(List<String> recipients) {
    }

    record Reason(String reason) {
    }

    record Block(String username) {
    }

    record React(String type) {
    }

    public static void register(RouteTable t) {
        t.get("/conversations", Access.MEMBER, call -> {
            var page = conversations(call).list(call.actor(), call.page());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("conversations", page.items().stream().map(ConversationJson.ConversationItem::from).toList());
            body.put("pagination", Pagination.of(page));
            return body;
        });
        t.post("/conversations", Access.MEMBER, ConversationRoutes::start);
        t.get("/conversations/unread-count", Access.MEMBER,
                call -> Map.of("unread", conversations(call).unreadCount(call.actor())));
        t.get("/conversations/{conversationId}", Access.ANYONE, ConversationRoutes::one);
        t.post("/conversations/{conversationId}/messages", Access.ANYONE, call -> {
            Message m = conversations(call).reply(call.actor(), id(call), call.body(Body.class).body());
            return Reply.created(Map.of("message", ConversationJson.MessageJson.written(m, call.viewer().member().username())));
        });
        t.post("/conversations/{conversationId}/invite", Access.ANYONE, call -> {
            var participants = conversations(call).invite(call.actor(), id(call), call.body(Invite.class).recipients());
            return Map.of("participants", participants.stream().map(ConversationJson.ParticipantJson::from).toList());
        });
        t.post("/conversations/{conversationId}/leave", Access.ANYONE, call -> {
            conversations(call).leave(call.actor(), id(call));
            return null;
        });
        t.get("/conversation-messages/{messageId}", Access.ANYONE, call -> {
            MessageId mid = MessageId.of(call.id("messageId"));
            Message m = conversations(call).message(call.actor(), mid);
            String author = call.api().forum().members().byId(m.author()).map(x -> x.username()).orElse("a former member");
            return Map.of("message", ConversationJson.MessageJson.written(m, author),
                    "page", conversations(call).pageOf(call.actor(), mid));
        });
        t.post("/conversation-messages/{messageId}/report", Access.ANYONE, call -> {
            Reason in = call.body(Reason.class);
            ReportId r = call.api().forum().reports().reportMessage(call.actor(), MessageId.of(call.id("messageId")),
                    in.reason(), call.viewer().member() == null ? () -> { } : ReportRoutes.gate(call));
            return Reply.created(Map.of("report", new ReportJson.Filed(r.value(), "open")));
        });
        // the same shape as a post's reaction: PUT sets the caller's one reaction, DELETE takes it back
        t.put("/conversation-messages/{messageId}/reaction", Access.ANYONE, call -> Map.of("reaction",
                ConversationJson.MessageReactionJson.from(conversations(call).react(call.actor(),
                        MessageId.of(call.id("messageId")), call.body(React.class).type()))));
        t.delete("/conversation-messages/{messageId}/reaction", Access.ANYONE, call -> Map.of("reaction",
                ConversationJson.MessageReactionJson.from(conversations(call).unreact(call.actor(),
                        MessageId.of(call.id("messageId"))))));
        t.get("/me/conversation-blocks", Access.MEMBER,
                call -> Map.of("blocked", conversations(call).blocked(call.actor())));
        t.post("/me/conversation-blocks", Access.MEMBER, call -> {
            conversations(call).block(call.actor(), call.body(Block.class).username());
            return Map.of("blocked", conversations(call).blocked(call.actor()));
        });
        t.delete("/me/conversation-blocks/{username}", Access.MEMBER, call -> {
            conversations(call).unblock(call.actor(), call.ctx().pathParam("username"));
            return null;
        });
    }

    private static Object start(Call call) {
        Start in = call.body(Start.class);
        Conversation c = conversations(call).start(call.actor(), in.title(), in.body(), in.recipients(),
                Boolean.TRUE.equals(in.openInvite()));
        ConversationPage page = conversations(call).read(call.actor(), c.id(), 1);
        return Reply.created(Map.of("conversation", ConversationJson.ConversationDetail.from(page)));
    }

    private static Object one(Call call) {
        ConversationPage page = conversations(call).read(call.actor(), id(call), call.page());
        Page<?> messages = page.messages();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("conversation", ConversationJson.ConversationDetail.from(page));
        body.put("messages", page.messages().items().stream().map(ConversationJson.MessageJson::from).toList());
        body.put("pagination", Pagination.of(messages));
        return body;
    }

    private static ConversationId id(Call call) {
        return ConversationId.of(call.id("conversationId"));
    }

    private static ConversationService conversations(Call call) {
        return call.api().forum().conversations();
    }
}
