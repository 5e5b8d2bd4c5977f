package dev.forumkit.core.session;

import dev.forumkit.core.member.Member;

import java.util.Objects;

/**
 * A member signed in by a session token. {@code token} is what the client holds (only its hash is stored);
 * {@code extended} tells that this look-up moved the expiry, so a client cookie should be renewed too.
 */
public record SignedIn(String token, Session session, Member member, boolean extended) {
    public SignedIn {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(member, "member");
    }
}
