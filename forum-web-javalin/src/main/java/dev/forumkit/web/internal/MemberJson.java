package dev.forumkit.web.internal;

import dev.forumkit.core.member.AuthorCard;
import dev.forumkit.core.member.Ban;
import dev.forumkit.core.member.Member;

import java.time.Instant;
import java.util.Locale;

/** A member's public face: what posts and profiles show. Never the e-mail or password hash. */
public record MemberJson(long id, String username, String customTitle, String role, Instant joinedAt, int messageCount,
                         long reactionScore, boolean isBanned, String banner) {

    /** {@code banner}: the title of the member's primary group (e.g. "Staff"), null for none. */
    public static MemberJson from(AuthorCard a) {
        return new MemberJson(a.id().value(), a.username(), a.customTitle(), role(a.role()), a.joinedAt(),
                a.messageCount(), a.reactionScore(), a.banned(), a.banner());
    }

    public static MemberJson from(Member m, Instant now) {
        return from(AuthorCard.of(m, now));
    }

    private static final String[] ROLES = java.util.Arrays.stream(dev.forumkit.core.member.Role.values())
            .map(r -> r.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);

    static String role(dev.forumkit.core.member.Role role) {
        return ROLES[role.ordinal()]; // a lower-cased copy per post was measurable garbage on a thread page
    }

    /** A ban as staff and the banned member see it. */
    public record BanJson(String reason, Instant since, Instant until, long bannedBy) {
        public static BanJson from(Ban b) {
            return b == null ? null : new BanJson(b.reason(), b.since(), b.until(), b.bannedBy().value());
        }
    }

    /** The signed-in member's own account: the public face plus e-mail and ban. */
    public record AccountJson(long id, String username, String email, boolean emailVerified, String customTitle, String role,
                              Instant joinedAt, int messageCount, long reactionScore, BanJson ban) {
        public static AccountJson from(Member m) {
            return new AccountJson(m.id().value(), m.username(), m.email(), m.emailVerified(), m.customTitle(),
                    MemberJson.role(m.role()), m.joinedAt(), m.messageCount(), m.reactionScore(), BanJson.from(m.ban()));
        }
    }

    /** A member as staff see them after a role change or ban: the public face plus the ban. */
    public record ModeratedJson(long id, String username, String customTitle, String role, Instant joinedAt,
                                int messageCount, long reactionScore, boolean isBanned, BanJson ban) {
        public static ModeratedJson from(Member m, Instant now) {
            MemberJson p = MemberJson.from(m, now);
            return new ModeratedJson(p.id(), p.username(), p.customTitle(), p.role(), p.joinedAt(), p.messageCount(),
                    p.reactionScore(), p.isBanned(), BanJson.from(m.ban()));
        }
    }
}
