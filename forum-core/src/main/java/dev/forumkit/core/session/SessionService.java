package dev.forumkit.core.session;

import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.internal.ServiceContext;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.storage.ForumStorage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Signed-in sessions for adapters (the web layer's cookie): create one after a member proved who they are, resolve
 * a client's token on each request, sliding its expiry, and end one or all of a member's. It trusts its caller to
 * have checked the password: it is the step after {@code members().authenticate(...)}, not a way around it.
 */
public final class SessionService {
    /** "Last used" is kept to within five minutes: exact times would cost a write per request. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(5);
    private static final long CLEANUP_EVERY_MILLIS = Duration.ofMinutes(10).toMillis();
    private final ServiceContext ctx;
    private final ForumStorage s;
    private final AtomicLong lastCleanup = new AtomicLong();

    public SessionService(ServiceContext ctx) {
        this.ctx = ctx;
        this.s = ctx.storage;
    }

    /**
     * Signs the member in with a new token that lives for {@code lifetime}. A {@code replacedToken} (this client's
     * old session, or null) ends in the same transaction, so a token planted on a client never becomes signed in.
     */
    public SignedIn create(MemberId memberId, Duration lifetime, String replacedToken) {
        return create(memberId, lifetime, replacedToken, null, null);
    }

    /**
     * Signs the member in as {@link #create(MemberId, Duration, String)} does, remembering the device's user agent and
     * IP address (either may be null) for the member's list of sessions.
     */
    public SignedIn create(MemberId memberId, Duration lifetime, String replacedToken, String userAgent, String ip) {
        requireLifetime(lifetime);
        Instant now = ctx.now();
        String token = SessionTokens.newToken();
        Session session = new Session(SessionTokens.hash(token), memberId, now, now.plus(lifetime), userAgent, ip, now);
        Member member = s.transactions().inTransaction(() -> {
            Member m = s.members().byId(memberId).filter(x -> !x.isDeleted())
                    .orElseThrow(() -> new NotFoundException("no member " + memberId));
            if (SessionTokens.wellFormed(replacedToken)) {
                s.sessions().remove(SessionTokens.hash(replacedToken));
            }
            s.sessions().add(session);
            return m;
        });
        removeExpiredNowAndThen(now);
        return new SignedIn(token, session, member, false);
    }

    /**
     * The member a client's token signs in, if its session is active and the member exists. Once less than half of
     * {@code lifetime} is left the session is extended to a full {@code lifetime} from now (sliding sessions).
     */
    public Optional<SignedIn> resolve(String token, Duration lifetime) {
        requireLifetime(lifetime);
        if (!SessionTokens.wellFormed(token)) {
            return Optional.empty();
        }
        Instant now = ctx.now();
        String hash = SessionTokens.hash(token);
        // the session and its member in one read (one SQL statement: a join); an expired session signs no one in
        SessionWithMember found = s.transactions().readOnly(() -> s.sessions().withMember(hash))
                .filter(x -> x.session().activeAt(now)).orElse(null);
        if (found == null) {
            return Optional.empty();
        }
        Duration left = Duration.between(now, found.session().expiresAt());
        if (left.compareTo(lifetime.dividedBy(2)) >= 0) {
            if (!found.session().lastUsedAt().plus(LAST_USED_PRECISION).isAfter(now)) {
                s.transactions().run(() -> s.sessions().touch(hash, now));
            }
            return Optional.of(new SignedIn(token, found.session(), found.member(), false));
        }
        Session extended = extend(token, lifetime).orElse(found.session());
        return Optional.of(new SignedIn(token, extended, found.member(), true));
    }

    /** Moves the session's expiry to {@code lifetime} from now; empty when the token names no session. */
    public Optional<Session> extend(String token, Duration lifetime) {
        requireLifetime(lifetime);
        if (!SessionTokens.wellFormed(token)) {
            return Optional.empty();
        }
        String hash = SessionTokens.hash(token);
        Instant until = ctx.now().plus(lifetime);
        return s.transactions().inTransaction(() -> {
            Optional<Session> found = s.sessions().byTokenHash(hash);
            found.ifPresent(x -> {
                s.sessions().extend(hash, until);
                s.sessions().touch(hash, ctx.now());
            });
            return found.map(x -> new Session(x.tokenHash(), x.memberId(), x.createdAt(), until, x.userAgent(), x.ip(),
                    ctx.now()));
        });
    }

    /** Ends the session of this token (signing out); true if there was one. */
    public boolean end(String token) {
        if (!SessionTokens.wellFormed(token)) {
            return false;
        }
        String hash = SessionTokens.hash(token);
        return s.transactions().inTransaction(() -> s.sessions().remove(hash));
    }

    /** Ends every session of the member (signed out everywhere); returns how many. */
    public int endAll(MemberId memberId) {
        Objects.requireNonNull(memberId, "memberId");
        return s.transactions().inTransaction(() -> s.sessions().removeAllOf(memberId));
    }

    /** The member's active sessions, most recently used first. */
    public List<Session> of(MemberId memberId) {
        Objects.requireNonNull(memberId, "memberId");
        Instant now = ctx.now();
        return s.transactions().readOnly(() -> s.sessions().allOf(memberId)).stream().filter(x -> x.activeAt(now)).toList();
    }

    /** Ends the member's session named by {@code handle} (see {@link Session#handle()}); false if they have none such. */
    public boolean endByHandle(MemberId memberId, String handle) {
        Objects.requireNonNull(memberId, "memberId");
        return s.transactions().inTransaction(() -> s.sessions().allOf(memberId).stream()
                .filter(x -> x.handle().equals(handle)).findFirst()
                .map(x -> s.sessions().remove(x.tokenHash())).orElse(false));
    }

    /** Ends every session of the member except the one of {@code keptToken} ("sign out everywhere else"); how many. */
    public int endOthers(MemberId memberId, String keptToken) {
        Objects.requireNonNull(memberId, "memberId");
        String kept = SessionTokens.wellFormed(keptToken) ? SessionTokens.hash(keptToken) : "";
        return s.transactions().inTransaction(() -> s.sessions().removeAllOfExcept(memberId, kept));
    }

    private static void requireLifetime(Duration lifetime) {
        if (lifetime == null || lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("a session lifetime must be positive: " + lifetime);
        }
    }

    /** Expired rows would pile up forever; at most one sweep per ten minutes per node, piggybacked on a sign-in. */
    private void removeExpiredNowAndThen(Instant now) {
        long last = lastCleanup.get();
        long millis = now.toEpochMilli();
        if (millis - last >= CLEANUP_EVERY_MILLIS && lastCleanup.compareAndSet(last, millis)) {
            s.transactions().run(() -> s.sessions().removeExpired(now));
        }
    }
}
