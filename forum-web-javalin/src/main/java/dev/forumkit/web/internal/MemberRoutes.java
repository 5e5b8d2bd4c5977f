package dev.forumkit.web.internal;

import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.member.Registration;
import dev.forumkit.core.member.Role;
import dev.forumkit.core.policy.Action;
import dev.forumkit.core.policy.Policy;
import dev.forumkit.core.policy.Standing;
import dev.forumkit.core.policy.Target;
import dev.forumkit.core.read.MemberProfile;
import dev.forumkit.web.Access;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Members: register, me, password, profiles, custom titles, roles and bans. */
public final class MemberRoutes {
    private MemberRoutes() {
    }

    record Register(String username, String email, String password) {
    }

    record PasswordChange(String currentPassword, String newPassword) {
    }

    record TitleChange(String customTitle) {
    }

    record RoleChange(String role) {
    }

    record BanRequest(String reason, Instant until) {
    }

    /** A profile: the public face, the ban (staff only) and what the viewer may do with the member. */
    record ProfileJson(long id, String username, String customTitle, String role, Instant joinedAt, int messageCount,
                       long reactionScore, boolean isBanned, MemberJson.BanJson ban, boolean canEdit,
                       boolean canModerate, boolean canChangeRole) {
    }

    record RecentPostJson(long id, long threadId, String threadTitle, int number, String body, Instant createdAt) {
    }

    public static void register(RouteTable t) {
        t.post("/members", Access.ANYONE, MemberRoutes::join);
        t.get("/me", Access.MEMBER, call -> Map.of("member", MemberJson.AccountJson.from(call.viewer().member()),
                "unread_alerts", call.api().forum().alerts().unreadCount(call.actor())));
        t.put("/me/password", Access.MEMBER, MemberRoutes::changePassword);
        t.get("/members/{memberId}", Access.ANYONE, MemberRoutes::profile);
        t.patch("/members/{memberId}", Access.OWNER_OR_ADMIN, MemberRoutes::updateTitle);
        t.put("/members/{memberId}/role", Access.ADMIN, MemberRoutes::changeRole);
        t.put("/members/{memberId}/ban", Access.STAFF, MemberRoutes::ban);
        t.delete("/members/{memberId}/ban", Access.STAFF, MemberRoutes::unban);
    }

    private static Object join(Call call) {
        Register in = call.body(Register.class);
        Registration registration = new Registration(in.username(), in.email(), in.password()); // 422 before any hash
        Api api = call.api();
        api.registrationPerIp.acquire(api.checks().clientIp(call.ctx()));
        return api.passwords().submit(() -> api.forum().members().register(registration))
                .thenApply(m -> Reply.created(SessionRoutes.started(call, m)));
    }

    private static Object changePassword(Call call) {
        PasswordChange in = call.body(PasswordChange.class);
        Api api = call.api();
        Member me = call.viewer().member();
        api.signInPerAccount.acquire(me.username().toLowerCase(Locale.ROOT));
        return api.passwords().submit(() -> {
            api.forum().members().changePassword(call.actor(), in.currentPassword(), in.newPassword());
            return null;
        }).thenApply(done -> {
            // core ended every session of the member; this client signs in again with a fresh token
            if (call.viewer().credential() != Viewer.Credential.FORUM_COOKIE) {
                return null;
            }
            Member fresh = api.forum().members().byId(me.id()).orElseThrow();
            return SessionRoutes.started(call, fresh);
        });
    }

    private static Object profile(Call call) {
        MemberId id = MemberId.of(call.id("memberId"));
        MemberProfile p = call.api().forum().reading().memberProfile(call.actor(), id);
        Policy policy = call.api().forum().policy();
        Standing who = call.standing();
        boolean self = !call.viewer().isGuest() && call.viewer().member().id().equals(id);
        Target target = Target.member(self, p.member().role());
        MemberJson pub = MemberJson.from(p.member());
        ProfileJson member = new ProfileJson(pub.id(), pub.username(), pub.customTitle(), pub.role(), pub.joinedAt(),
                pub.messageCount(), pub.reactionScore(), pub.isBanned(), MemberJson.BanJson.from(p.ban()),
                policy.allows(who, Action.UPDATE_PROFILE, target), policy.allows(who, Action.BAN_MEMBER, target),
                policy.allows(who, Action.CHANGE_ROLE, target));
        List<RecentPostJson> recent = p.recentPosts().stream().map(r -> new RecentPostJson(r.post().id().value(),
                r.post().threadId().value(), r.threadTitle(), r.post().number(), r.post().body(), r.post().createdAt())).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("member", member);
        body.put("profile", AccountRoutes.PublicProfileJson.of(call, id));
        body.put("reactions_received", p.reactionsReceived()); // by type; boards the viewer may not see left out
        body.put("recent_posts", recent);
        body.put("pagination", Pagination.single(recent.size()));
        return body;
    }

    private static Object updateTitle(Call call) {
        MemberId id = MemberId.of(call.id("memberId"));
        TitleChange in = call.body(TitleChange.class);
        Member m = call.api().forum().members().updateCustomTitle(call.actor(), id, in.customTitle());
        return Map.of("member", MemberJson.from(m, call.api().forum().clock().instant()));
    }

    private static Object changeRole(Call call) {
        MemberId id = MemberId.of(call.id("memberId"));
        RoleChange in = call.body(RoleChange.class);
        Member m = call.api().forum().members().changeRole(call.actor(), id, role(in.role()));
        return Map.of("member", MemberJson.ModeratedJson.from(m, call.api().forum().clock().instant()));
    }

    private static Object ban(Call call) {
        MemberId id = MemberId.of(call.id("memberId"));
        BanRequest in = call.body(BanRequest.class);
        Member m = call.api().forum().members().ban(call.actor(), id, in.reason(), in.until());
        return Map.of("member", MemberJson.ModeratedJson.from(m, call.api().forum().clock().instant()));
    }

    private static Object unban(Call call) {
        MemberId id = MemberId.of(call.id("memberId"));
        Member m = call.api().forum().members().unban(call.actor(), id);
        return Map.of("member", MemberJson.ModeratedJson.from(m, call.api().forum().clock().instant()));
    }

    private static Role role(String name) {
        if (name == null || name.isBlank()) {
            throw InvalidInputException.of("role", "required", "role is required");
        }
        try {
            return Role.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("role", "unknown_role", "role must be member, moderator or admin");
        }
    }
}
