package dev.forumkit.web.internal;

import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.warning.MemberWarnings;
import dev.forumkit.core.warning.Warning;
import dev.forumkit.core.warning.WarningResult;
import dev.forumkit.web.Access;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Warnings: staff warn a post's author; members read their own warnings, staff anyone's. */
public final class WarningRoutes {
    private WarningRoutes() {
    }

    /** {@code expiresInDays}: null or absent for a warning that never expires. */
    record WarnRequest(Integer points, String reason, Integer expiresInDays) {
    }

    record WarningJson(long id, long memberId, long postId, long threadId, long issuedBy, int points, String reason,
                       Instant issuedAt, Instant expiresAt, boolean active, Instant revokedAt) {
        static WarningJson from(Warning w, Instant now) {
            return new WarningJson(w.id().value(), w.member().value(), w.post().value(), w.thread().value(),
                    w.issuedBy().value(), w.points(), w.reason(), w.issuedAt(), w.expiresAt(), w.activeAt(now), w.revokedAt());
        }
    }

    record Revoke(String reason) {
    }

    public static void register(RouteTable t) {
        t.post("/posts/{postId}/warnings", Access.STAFF, WarningRoutes::warn);
        t.get("/members/{memberId}/warnings", Access.OWNER_OR_STAFF, WarningRoutes::list);
        t.post("/warnings/{warningId}/revoke", Access.STAFF, WarningRoutes::revoke);
    }

    private static Object revoke(Call call) {
        MemberWarnings w = call.api().forum().warnings().revoke(call.actor(),
                dev.forumkit.core.warning.WarningId.of(call.id("warningId")),
                call.optionalBody(Revoke.class, new Revoke(null)).reason());
        Instant now = call.api().forum().clock().instant();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("warnings", w.warnings().stream().map(x -> WarningJson.from(x, now)).toList());
        body.put("active_points", w.activePoints());
        return body;
    }

    private static Object warn(Call call) {
        PostId post = PostId.of(call.id("postId"));
        WarnRequest in = call.body(WarnRequest.class);
        WarningResult r = call.api().forum().warnings().warn(call.actor(), post, in.points() == null ? 0 : in.points(),
                in.reason(), days(in.expiresInDays()));
        Instant now = call.api().forum().clock().instant();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("warning", WarningJson.from(r.warning(), now));
        body.put("active_points", r.activePoints());
        body.put("banned", r.bannedMember() != null);
        body.put("ban_until", r.bannedMember() == null ? null : r.bannedMember().ban().until());
        return Reply.created(body);
    }

    private static Object list(Call call) {
        MemberId member = MemberId.of(call.id("memberId"));
        MemberWarnings w = call.api().forum().warnings().ofMember(call.actor(), member);
        Instant now = call.api().forum().clock().instant();
        List<WarningJson> items = w.warnings().stream().map(x -> WarningJson.from(x, now)).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("warnings", items);
        body.put("active_points", w.activePoints());
        body.put("pagination", Pagination.single(items.size()));
        return body;
    }

    /** Days to a duration; core checks the range (an out-of-range number is a 422 naming expires_in). */
    public static Duration days(Integer days) {
        if (days == null) {
            return null;
        }
        return days <= 0 ? Duration.ZERO : Duration.ofDays(days);
    }
}
