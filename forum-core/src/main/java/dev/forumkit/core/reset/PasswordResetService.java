package dev.forumkit.core.reset;

import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.Validation;
import dev.forumkit.core.event.EventDelivery;
import dev.forumkit.core.event.ForumEvent;
import dev.forumkit.core.internal.MailOut;
import dev.forumkit.core.internal.ServiceContext;
import dev.forumkit.core.mail.Mailer;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.session.SessionTokens;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Password reset. {@link #request} records a {@code PasswordResetRequested} event (nothing for an unknown address,
 * and the caller cannot tell the difference); the outbox's mail consumer calls {@link #send}, which makes the token
 * and e-mails it; {@link #confirm} sets the new password and ends every session of the member.
 *
 * <p>The token is made when the e-mail is sent, not when it is requested, so the raw token is never in the outbox:
 * only its hash is stored, in {@link PasswordResets}. A redelivery after a crash (the e-mail may have gone out)
 * makes another token for the same request and sends it with the same idempotency key (Message-ID); both links stay
 * valid until either is used, so whichever copy the member gets works, and using one kills the other.
 */
public final class PasswordResetService {
    /** How long a reset link works. */
    public static final Duration LIFETIME = Duration.ofHours(1);
    private final ServiceContext ctx;
    private final Mailer mailer;
    private final String publicUrl;
    private final String forumName;
    /** The language of the e-mails to members who chose none. */
    private final java.util.Locale locale;

    /** {@code publicUrl}: the forum's address with its base path, no trailing slash (the links start with it). */
    public PasswordResetService(ServiceContext ctx, Mailer mailer, String publicUrl) {
        this(ctx, mailer, publicUrl, java.util.Locale.ENGLISH);
    }

    /** {@code locale}: the language of the e-mails to members who chose none. */
    public PasswordResetService(ServiceContext ctx, Mailer mailer, String publicUrl, java.util.Locale locale) {
        this.locale = locale;
        this.ctx = ctx;
        this.mailer = mailer;
        this.publicUrl = publicUrl;
        this.forumName = java.net.URI.create(publicUrl).getHost();
    }

    /**
     * Asks for a reset link for the member with this e-mail address. Returns normally whether or not such a member
     * exists, so the answer tells nobody which addresses are registered; only a malformed address is refused (field
     * {@code email}).
     */
    public void request(String email) {
        String address = email == null ? null : email.strip();
        // only the shape is checked: an address that is registered must always be accepted here
        Validation.start().length(address, "email", 3, 254).noControlCharacters(address, "email").orThrow();
        Validation.start().require(address.indexOf('@') > 0 && address.indexOf('@') < address.length() - 1, "email",
                "invalid_email", "email must look like name@example.org").orThrow();
        ctx.command(events -> {
            // a member a host application signs in has no password here to reset: it asks the host
            Optional<Member> m = ctx.storage.members().byEmail(Member.normaliseEmail(address)).filter(x -> !x.isExternal());
            m.ifPresent(member -> events.add(new ForumEvent.PasswordResetRequested(member.id(), ctx.now())));
            return null;
        });
    }

    /**
     * The mail consumer's part: for a {@code PasswordResetRequested} delivery, stores a fresh token's hash and e-mails
     * the link. A member deleted since the request gets nothing. Runs outside any transaction (outside effects).
     */
    public void send(EventDelivery d) {
        if (!(d.event() instanceof ForumEvent.PasswordResetRequested requested)) {
            return;
        }
        String token = SessionTokens.newToken();
        Instant now = ctx.now();
        Optional<Member> member = ctx.storage.transactions().inTransaction(() -> {
            Optional<Member> m = ctx.storage.members().byId(requested.member());
            m.ifPresent(x -> {
                ctx.storage.passwordResets().removeExpired(now);
                ctx.storage.passwordResets().add(PasswordReset.issued(SessionTokens.hash(token), x.id(), d.position(),
                        now, now.plus(LIFETIME)));
            });
            return m;
        });
        member.ifPresent(m -> MailOut.send(mailer, () -> ResetEmail.of(m, link(token), forumName, "password-reset:" + d.position(),
                        dev.forumkit.core.internal.MailTexts.forMember(ctx.storage, m.id(), locale)),
                "the password reset e-mail of member " + m.id()));
    }

    /**
     * Sets the new password with a reset token: the token is used up (and every other unused link of the member
     * with it), every session of the member ends. An unknown, used or expired token is refused with field
     * {@code token}, before any password is hashed.
     */
    public Member confirm(String token, String newPassword) {
        Validation.start()
                .require(newPassword != null && newPassword.length() >= 8, "new_password", "too_short", "password must be at least 8 characters")
                .require(newPassword == null || newPassword.length() <= 200, "new_password", "too_long", "password must be at most 200 characters")
                .orThrow();
        String hash = SessionTokens.wellFormed(token) ? SessionTokens.hash(token) : null;
        Instant checked = ctx.now();
        boolean usable = hash != null && ctx.storage.transactions().readOnly(
                () -> ctx.storage.passwordResets().byTokenHash(hash).map(r -> r.usableAt(checked)).orElse(false));
        if (!usable) {
            throw invalidToken();
        }
        String passwordHash = ctx.passwordHasher.hash(newPassword.toCharArray()); // slow: outside the transaction
        return ctx.command(events -> {
            Instant now = ctx.now();
            if (!ctx.storage.passwordResets().use(hash, now)) {
                throw invalidToken(); // used or expired while we hashed
            }
            PasswordReset reset = ctx.storage.passwordResets().byTokenHash(hash).orElseThrow();
            Member m = ctx.storage.members().byId(reset.member()).filter(x -> !x.isExternal())
                    .orElseThrow(PasswordResetService::invalidToken);
            ctx.storage.passwordResets().useAllOf(m.id(), now);
            Member updated = m.withPasswordHash(passwordHash);
            ctx.storage.members().update(updated);
            ctx.storage.sessions().removeAllOf(m.id()); // whoever knew the old password is signed out everywhere
            events.add(new ForumEvent.PasswordChanged(m.id(), now));
            return updated;
        });
    }

    /** True if the token would be accepted now (the reset page checks before showing its form). */
    public boolean usable(String token) {
        if (!SessionTokens.wellFormed(token)) {
            return false;
        }
        String hash = SessionTokens.hash(token);
        Instant now = ctx.now();
        return ctx.storage.transactions().readOnly(
                () -> ctx.storage.passwordResets().byTokenHash(hash).map(r -> r.usableAt(now)).orElse(false));
    }

    private String link(String token) {
        return publicUrl + "/reset-password?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    private static InvalidInputException invalidToken() {
        return InvalidInputException.of("token", "invalid_token",
                "this reset link is unknown, already used or expired; ask for a new one");
    }
}
