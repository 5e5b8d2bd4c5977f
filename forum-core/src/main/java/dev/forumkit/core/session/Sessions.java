package dev.forumkit.core.session;

import dev.forumkit.core.member.MemberId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage port for sessions, shared by every app node. Keys are token hashes. */
public interface Sessions {
    /** Stores a new session; a clashing hash is a ConflictException. */
    void add(Session session);

    Optional<Session> byTokenHash(String tokenHash);

    /**
     * The session of this hash together with its member, in one read (every signed-in request asks): empty when
     * there is no such session or its member row is gone. Whether the session is still active is core's to decide.
     */
    Optional<SessionWithMember> withMember(String tokenHash);

    /** Moves the expiry (sliding sessions). */
    void extend(String tokenHash, Instant expiresAt);

    /** Ends one session; true if it existed. */
    boolean remove(String tokenHash);

    /** Ends every session of a member (ban, password change); returns how many. */
    int removeAllOf(MemberId member);

    /** The member's sessions, most recently used first (the account page's list of devices). */
    List<Session> allOf(MemberId member);

    /** Records when the session was last used. */
    void touch(String tokenHash, Instant lastUsedAt);

    /** Ends every session of a member but the one with {@code keptTokenHash} ("sign out everywhere else"). */
    int removeAllOfExcept(MemberId member, String keptTokenHash);

    /** Deletes sessions that expired before {@code now}; returns how many. */
    int removeExpired(Instant now);
}
