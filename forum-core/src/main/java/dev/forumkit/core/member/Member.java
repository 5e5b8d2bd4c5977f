package dev.forumkit.core.member;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A registered member. {@code messageCount} and {@code reactionScore} are derived counters that the
 * services keep equal to a recount; ports never overwrite them through {@link Members#update(Member)}.
 * {@code emailVerified}: the member proved they read mail at {@code email} (a link sent there was opened).
 */
public record Member(
        MemberId id,
        String username,
        String email,
        String passwordHash,
        String customTitle,
        Instant joinedAt,
        Role role,
        Ban ban,
        int messageCount,
        long reactionScore,
        boolean emailVerified) {

    /** Not a hash any hasher produces (they all start with a scheme name), so no password ever matches it. */
    public static final String DELETED_PASSWORD_HASH = "!deleted";

    /**
     * The password hash of a member a host application signs in (see {@link MemberService#provision}): like
     * {@link #DELETED_PASSWORD_HASH} no hasher produces it, so no password ever signs this member in.
     */
    public static final String EXTERNAL_PASSWORD_HASH = "!external";

    public Member {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(joinedAt, "joinedAt");
        Objects.requireNonNull(role, "role");
    }

    /** A new member before the storage has given it an id; the e-mail address is not verified yet. */
    public static Member withoutId(String username, String email, String passwordHash, Instant joinedAt, Role role) {
        return new Member(null, username, normaliseEmail(email), passwordHash, null, joinedAt, role, null, 0, 0, false);
    }

    public Member withId(MemberId newId) {
        return new Member(newId, username, email, passwordHash, customTitle, joinedAt, role, ban, messageCount, reactionScore, emailVerified);
    }

    public Member withCustomTitle(String title) {
        return new Member(id, username, email, passwordHash, title, joinedAt, role, ban, messageCount, reactionScore, emailVerified);
    }

    public Member withRole(Role newRole) {
        return new Member(id, username, email, passwordHash, customTitle, joinedAt, newRole, ban, messageCount, reactionScore, emailVerified);
    }

    public Member withBan(Ban newBan) {
        return new Member(id, username, email, passwordHash, customTitle, joinedAt, role, newBan, messageCount, reactionScore, emailVerified);
    }

    public Member withPasswordHash(String hash) {
        return new Member(id, username, email, hash, customTitle, joinedAt, role, ban, messageCount, reactionScore, emailVerified);
    }

    public Member withCounters(int messages, long score) {
        return new Member(id, username, email, passwordHash, customTitle, joinedAt, role, ban, messages, score, emailVerified);
    }

    /** The address as verified: a link sent there was opened. */
    public Member withEmailVerified(boolean verified) {
        return new Member(id, username, email, passwordHash, customTitle, joinedAt, role, ban, messageCount, reactionScore, verified);
    }

    /** A new address, verified (it changes only through a link sent to it). */
    public Member withVerifiedEmail(String newEmail) {
        return new Member(id, username, normaliseEmail(newEmail), passwordHash, customTitle, joinedAt, role, ban, messageCount,
                reactionScore, true);
    }

    /**
     * The row a deleted account leaves behind so its posts keep an author: named "Deleted member N" (a name no one
     * can register: usernames have no spaces), an address under the reserved {@code .invalid} domain, no password
     * that any input verifies against, no title, ban or staff role. The old username is free again.
     */
    public Member erased() {
        return new Member(id, deletedName(id), "deleted-" + id.value() + "@members.invalid", DELETED_PASSWORD_HASH, null,
                joinedAt, Role.MEMBER, null, messageCount, reactionScore, false);
    }

    /** True for a member a host application signs in: it has no password of its own. */
    public boolean isExternal() {
        return EXTERNAL_PASSWORD_HASH.equals(passwordHash);
    }

    public Member withUsername(String newUsername) {
        return new Member(id, newUsername, email, passwordHash, customTitle, joinedAt, role, ban, messageCount, reactionScore, emailVerified);
    }

    /** True for the row of a deleted account (see {@link #erased()}). */
    public boolean isDeleted() {
        return DELETED_PASSWORD_HASH.equals(passwordHash);
    }

    /** The name a deleted account's posts show. */
    public static String deletedName(MemberId id) {
        return "Deleted member " + id.value();
    }

    public boolean isBannedAt(Instant now) {
        return ban != null && ban.activeAt(now);
    }

    /** The key that makes usernames unique regardless of case. */
    public static String usernameKey(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    public static String normaliseEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
