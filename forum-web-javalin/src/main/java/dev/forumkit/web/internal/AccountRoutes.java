package dev.forumkit.web.internal;

import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.member.MemberSort;
import dev.forumkit.core.profile.DateStyle;
import dev.forumkit.core.profile.Online;
import dev.forumkit.core.profile.Profile;
import dev.forumkit.core.profile.ProfileEdit;
import dev.forumkit.core.read.Page;
import dev.forumkit.core.session.Session;
import dev.forumkit.web.Access;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The account beyond sign-in: one's profile and display settings, signed-in devices, deleting the account; and the
 * public member list and who is online. Password checks run on the password pool with the sign-in rate limit.
 */
public final class AccountRoutes {
    private AccountRoutes() {
    }

    /** The settings as sent; absent fields clear (a PUT replaces the whole profile). */
    record ProfileIn(String about, String location, String website, String signature, String timeZone, String dateStyle,
                     Boolean hideLastSeen, Boolean hideSignatures, String language) {
        ProfileEdit edit() {
            DateStyle style = dateStyle == null || dateStyle.isBlank() ? DateStyle.ISO : DateStyle.parse(dateStyle);
            if (style == null) {
                throw InvalidInputException.of("date_style", "unknown_date_style",
                        "date_style must be iso, day_month_year or month_day_year");
            }
            return new ProfileEdit(about, location, website, signature, timeZone, style, Boolean.TRUE.equals(hideLastSeen),
                    Boolean.TRUE.equals(hideSignatures), language);
        }
    }

    record ProfileJson(String about, String location, String website, String signature, String signatureHtml,
                       String timeZone, String dateStyle, boolean hideLastSeen, boolean hideSignatures, Instant lastSeenAt,
                       String language) {
        static ProfileJson from(Profile p) {
            return new ProfileJson(p.about(), p.location(), p.website(), p.signature(), p.signatureHtml(), p.timeZone(),
                    p.dateStyle().key(), p.hideLastSeen(), p.hideSignatures(), p.lastSeenAt(), p.language());
        }
    }

    /** What everyone sees of a profile; last seen only unless the member hides it (they see their own). */
    record PublicProfileJson(String about, String location, String website, String signatureHtml, Instant lastSeenAt) {
        static PublicProfileJson of(Call call, MemberId id) {
            Profile p = call.api().forum().profiles().of(id);
            boolean self = !call.viewer().isGuest() && call.viewer().member().id().equals(id);
            return new PublicProfileJson(p.about(), p.location(), p.website(), p.signatureHtml(),
                    self ? p.lastSeenAt() : p.visibleLastSeen());
        }
    }

    record SessionJson(String id, String userAgent, String ip, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
                       boolean isCurrent) {
    }

    record PasswordIn(String password) {
    }

    record ListedMemberJson(long id, String username, String customTitle, String role, Instant joinedAt, int messageCount,
                            long reactionScore) {
        static ListedMemberJson from(Member m) {
            return new ListedMemberJson(m.id().value(), m.username(), m.customTitle(), MemberJson.role(m.role()),
                    m.joinedAt(), m.messageCount(), m.reactionScore());
        }
    }

    public static void register(RouteTable t) {
        t.get("/me/profile", Access.MEMBER, call -> Map.of("profile",
                ProfileJson.from(call.api().forum().profiles().of(call.viewer().member().id()))));
        t.put("/me/profile", Access.MEMBER, call -> Map.of("profile", ProfileJson.from(call.api().forum().profiles()
                .update(call.actor(), call.viewer().member().id(), call.body(ProfileIn.class).edit()))));
        t.get("/me/sessions", Access.MEMBER, AccountRoutes::sessions);
        t.delete("/me/sessions/{sessionId}", Access.MEMBER, AccountRoutes::endSession);
        t.post("/me/sessions/end-others", Access.MEMBER, call -> Map.of("ended",
                call.api().forum().sessions().endOthers(call.viewer().member().id(), call.viewer().sessionToken())));
        t.post("/me/delete", Access.MEMBER, AccountRoutes::deleteAccount);
        t.get("/members", Access.ANYONE, AccountRoutes::memberList);
        t.get("/members/online", Access.ANYONE, AccountRoutes::online);
        t.get("/members/{memberId}/posts", Access.ANYONE, call -> activity(call, false));
        t.get("/members/{memberId}/threads", Access.ANYONE, call -> activity(call, true));
    }

    private static Object sessions(Call call) {
        MemberId me = call.viewer().member().id();
        String current = call.viewer().sessionToken();
        String currentHash = current == null ? null : dev.forumkit.core.session.SessionTokens.hash(current);
        List<SessionJson> out = call.api().forum().sessions().of(me).stream().map(s -> json(s, currentHash)).toList();
        return Map.of("sessions", out, "pagination", Pagination.single(out.size()));
    }

    private static SessionJson json(Session s, String currentHash) {
        return new SessionJson(s.handle(), s.userAgent(), s.ip(), s.createdAt(), s.lastUsedAt(), s.expiresAt(),
                s.tokenHash().equals(currentHash));
    }

    private static Object endSession(Call call) {
        String handle = call.ctx().pathParam("sessionId");
        if (!call.api().forum().sessions().endByHandle(call.viewer().member().id(), handle)) {
            throw HttpProblem.notFound("no such session");
        }
        return Reply.noContent();
    }

    private static Object deleteAccount(Call call) {
        PasswordIn in = call.body(PasswordIn.class);
        Api api = call.api();
        Member me = call.viewer().member();
        api.signInPerAccount.acquire(me.username().toLowerCase(Locale.ROOT));
        return api.passwords().submit(() -> {
            api.forum().profiles().deleteOwnAccount(call.actor(), in.password());
            return null;
        }).thenApply(done -> {
            api.sessions().end(call.ctx(), call.viewer()); // already gone in storage; this clears the cookie
            return Reply.noContent();
        });
    }

    static MemberSort sort(String raw) {
        if (raw == null || raw.isBlank()) {
            return MemberSort.NAME;
        }
        MemberSort s = MemberSort.parse(raw);
        if (s == null) {
            throw InvalidInputException.of("sort", "unknown_sort", "sort must be name, joined, messages or reaction_score");
        }
        return s;
    }

    private static Object memberList(Call call) {
        Page<Member> page = call.api().forum().profiles().memberList(call.actor(), sort(call.ctx().queryParam("sort")), call.page());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("members", page.items().stream().map(ListedMemberJson::from).toList());
        body.put("pagination", Pagination.of(page));
        return body;
    }

    record ActivityJson(long postId, long threadId, String threadTitle, int number, String body, Instant createdAt) {
    }

    /** A member's posts or started threads, as this viewer may see them; paged without a total ({@code has_more}). */
    private static Object activity(Call call, boolean threadsOnly) {
        dev.forumkit.core.profile.Activity a = call.api().forum().profiles().activity(call.actor(),
                MemberId.of(call.id("memberId")), threadsOnly, call.page());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(threadsOnly ? "threads" : "posts", a.items().stream().map(i -> new ActivityJson(i.post().id().value(),
                i.post().threadId().value(), i.threadTitle(), i.post().number(), i.post().body(), i.post().createdAt())).toList());
        body.put("pagination", Map.of("current_page", a.page(), "per_page",
                dev.forumkit.core.profile.ProfileService.ACTIVITY_PER_PAGE, "has_more", a.hasMore()));
        return body;
    }

    private static Object online(Call call) {
        Online o = call.api().forum().profiles().onlineNow();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("members", o.members().stream().map(ListedMemberJson::from).toList());
        body.put("hidden_members", o.hiddenMembers());
        body.put("guests", o.guests());
        body.put("total", o.total());
        return body;
    }
}
