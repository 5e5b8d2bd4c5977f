package dev.forumkit.web.internal;

import dev.forumkit.core.approval.HeldPostId;
import dev.forumkit.core.approval.HeldView;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.NotAllowedException;
import dev.forumkit.core.read.Page;
import dev.forumkit.web.Access;

import java.util.LinkedHashMap;
import java.util.Map;

/** The approval queue: moderators list, approve and reject held posts; authors read their own; admins moderate boards. */
public final class ApprovalRoutes {
    private ApprovalRoutes() {
    }

    record Reason(String reason) {
    }

    record Moderated(Boolean moderated) {
    }

    public static void register(RouteTable t) {
        t.get("/moderation/approval", Access.BOARD_MODERATOR, ApprovalRoutes::queue);
        t.post("/moderation/approval/{heldId}/approve", Access.BOARD_MODERATOR, call -> {
            HeldPostId id = id(call);
            call.api().forum().approvals().approve(call.actor(), id);
            return one(call, id);
        });
        t.post("/moderation/approval/{heldId}/reject", Access.BOARD_MODERATOR, call -> {
            HeldPostId id = id(call);
            call.api().forum().approvals().reject(call.actor(), id, call.optionalBody(Reason.class, new Reason(null)).reason());
            return one(call, id);
        });
        t.get("/held/{heldId}", Access.MEMBER, call -> one(call, id(call)));
        t.get("/me/held", Access.MEMBER, call -> Map.of("held",
                call.api().forum().approvals().mine(call.actor(), 50).stream().map(HeldJson::from).toList()));
        t.put("/boards/{boardId}/moderated", Access.ADMIN, ApprovalRoutes::setModerated);
    }

    private static HeldPostId id(Call call) {
        return HeldPostId.of(call.id("heldId"));
    }

    private static Object one(Call call, HeldPostId id) {
        return Map.of("held", HeldJson.from(call.api().forum().approvals().view(call.actor(), id)));
    }

    private static Object queue(Call call) {
        refuseNonModerators(call);
        Page<HeldView> page = call.api().forum().approvals().queue(call.actor(), call.page());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("held", page.items().stream().map(HeldJson::from).toList());
        body.put("pagination", Pagination.of(page));
        return body;
    }

    /** The queue is for those who moderate some board: others are refused, as the route's access says. */
    public static void refuseNonModerators(Call call) {
        if (!call.api().forum().approvals().moderatesAny(call.actor())) {
            throw new NotAllowedException("only moderators work the approval queue");
        }
    }

    private static Object setModerated(Call call) {
        BoardId board = BoardId.of(call.id("boardId"));
        Moderated in = call.body(Moderated.class);
        if (in.moderated() == null) {
            throw HttpProblem.invalidField("moderated", "required", "moderated must be true or false");
        }
        call.api().forum().approvals().setModerated(call.actor(), board, in.moderated());
        return Map.of("board_id", board.value(), "moderated", call.api().forum().approvals().isModerated(board));
    }

    /** What a post request answers when the post is held: 202, the held post, nothing published yet. */
    static Reply held(HeldView v) {
        return new Reply(202, Map.of("held", HeldJson.from(v)));
    }
}
