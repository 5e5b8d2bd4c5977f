package dev.forumkit.core.verify;

import dev.forumkit.core.Actor;
import dev.forumkit.core.ConflictException;
import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.Validation;
import dev.forumkit.core.event.EventDelivery;
import dev.forumkit.core.event.ForumEvent;
import dev.forumkit.core.internal.MailOut;
import dev.forumkit.core.internal.ServiceContext;
import dev.forumkit.core.mail.Mailer;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Registration;
import dev.forumkit.core.policy.Action;
import dev.forumkit.core.policy.Target;
import dev.forumkit.core.session.SessionTokens;
import dev.forumkit.core.verify.EmailVerification.Purpose;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * E-mail verification and change of address. {@link #resend} and {@link #changeEmail} record events; the outbox's
 * mail consumer calls {@link #send}, which makes the link's token and e-mails it; {@link #confirm} does what the link
 * says: marks the address verified, or makes the new address the member's.
 *
 * <p>As with password reset, the token is made when the e-mail is sent, so the raw token is never in the outbox and
 * only its hash is stored. A newer request supersedes the member's older open links of its kind; a redelivery of the
 * same request after a crash (the first e-mail may have gone out) adds a second link and keeps the first, and both
 * e-mails carry the same Message-ID.
 */
public final class EmailVerificationService {
    /** How long a verification link works. */
    public static final Duration LIFETIME = Duration.ofHours(24);
    private final ServiceContext ctx;
    private final Mailer mailer;
    private final String publicUrl;
    private final String forumName;
    /** The language of the e-mails to members who chose none. */
    private final java.util.Locale locale;

    /** {@code publicUrl}: the forum's address with its base path, no trailing slash (the links start with it). */
    public EmailVerificationService(ServiceContext ctx, Mailer mailer, String publicUrl) {
        this(ctx, mailer, publicUrl, java.util.Locale.ENGLISH);
    }

    /** {@code locale}: the language of the e-mails to members who chose none. */
    public EmailVerificationService(ServiceContext ctx, Mailer mailer, String publicUrl, java.util.Locale locale) {
        this.locale = locale;
        this.ctx = ctx;
        this.mailer = mailer;
        this.publicUrl = publicUrl;
        this.forumName = java.net.URI.create(publicUrl).getHost();
    }

    /** Whether the forum requires a verified address to post. */
    public Verification verification() {
        return ctx.policy.verification();
    }

    /**
     * Sends the signed-in member a new link for their current address (older links stop working). An address already
     * verified is a conflict. Adapters rate-limit this: each call sends an e-mail.
     */
    public void resend(Actor actor) {
        ctx.command(events -> {
            Member me = ctx.requireMember(actor);
            if (me.emailVerified()) {
                throw new ConflictException("your e-mail address is already verified");
            }
            events.add(new ForumEvent.EmailVerificationRequested(me.id(), me.email(), ctx.now()));
            return null;
        });
    }

    /**
     * Asks to change the signed-in member's address to {@code newEmail}, after checking the current password. Nothing
     * changes yet: a link goes to the new address (opening it makes the change) and a notice to the old one. A
     * malformed address, the member's own address or one another member uses is refused with field {@code email}.
     */
    public void changeEmail(Actor actor, String currentPassword, String newEmail) {
        String address = newEmail == null ? null : newEmail.strip();
        Registration.email(Validation.start(), "email", address).orThrow();
        Member me = ctx.storage.transactions().readOnly(() -> ctx.requireMember(actor));
        ctx.policy.check(ctx.standing(me), Action.CHANGE_EMAIL, Target.member(true, me.role()));
        String normalised = Member.normaliseEmail(address);
        Validation.start().require(!normalised.equals(me.email()), "email", "unchanged", "that is already your e-mail address")
                .orThrow();
        // slow by design, so outside any transaction
        if (currentPassword == null || !ctx.passwordHasher.verify(currentPassword.toCharArray(), me.passwordHash())) {
            throw InvalidInputException.of("current_password", "wrong_password", "the current password is wrong");
        }
        ctx.command(events -> {
            Member fresh = ctx.requireMember(actor);
            taken(normalised).orThrow();
            events.add(new ForumEvent.EmailChangeRequested(fresh.id(), fresh.email(), normalised, ctx.now()));
            return null;
        });
    }

    /**
     * The mail consumer's part: for an {@code EmailVerificationRequested} or {@code EmailChangeRequested} delivery,
     * stores a fresh token's hash and e-mails the link (and, for a change, the notice to the old address). Nothing is
     * sent when it no longer fits: the member is gone, the address to confirm is no longer theirs or already verified,
     * or the new address already is theirs. Runs outside any transaction (outside effects).
     */
    public void send(EventDelivery d) {
        if (d.event() instanceof ForumEvent.EmailVerificationRequested asked) {
            issue(d.position(), asked.member(), asked.email(), Purpose.CONFIRM_ADDRESS)
                    .ifPresent(link -> MailOut.send(mailer, () -> VerificationEmails.link(link.member, asked.email(), false,
                            link.url, forumName, "email-verification:" + d.position(), texts(link.member)),
                            "the verification e-mail of member " + asked.member()));
        } else if (d.event() instanceof ForumEvent.EmailChangeRequested asked) {
            issue(d.position(), asked.member(), asked.newEmail(), Purpose.CHANGE_ADDRESS).ifPresent(link -> {
                MailOut.send(mailer, () -> VerificationEmails.link(link.member, asked.newEmail(), true, link.url, forumName,
                        "email-change:" + d.position(), texts(link.member)), "the change-of-address e-mail of member " + asked.member());
                MailOut.send(mailer, () -> VerificationEmails.changeNotice(link.member, asked.oldEmail(), asked.newEmail(),
                        forumName, "email-change-notice:" + d.position(), texts(link.member)), "the change-of-address notice of member " + asked.member());
            });
        }
    }

    private dev.forumkit.core.internal.MailTexts texts(Member m) {
        return dev.forumkit.core.internal.MailTexts.forMember(ctx.storage, m.id(), locale);
    }

    private record Issued(Member member, String url) {
    }

    private Optional<Issued> issue(long position, dev.forumkit.core.member.MemberId memberId, String email, Purpose purpose) {
        String token = SessionTokens.newToken();
        Instant now = ctx.now();
        return ctx.storage.transactions().inTransaction(() -> {
            Optional<Member> found = ctx.storage.members().byId(memberId).filter(m -> purpose == Purpose.CONFIRM_ADDRESS
                    ? m.email().equals(email) && !m.emailVerified()
                    : !m.email().equals(email));
            found.ifPresent(m -> {
                EmailVerifications links = ctx.storage.emailVerifications();
                links.removeExpired(now);
                links.supersede(m.id(), purpose, position, now);
                links.add(EmailVerification.issued(SessionTokens.hash(token), m.id(), email, purpose, position, now,
                        now.plus(LIFETIME)));
            });
            return found.map(m -> new Issued(m, link(token)));
        });
    }

    /**
     * Does what the link says and uses it up: the member's address becomes verified, or (a change) the new address
     * becomes theirs, verified, and their other open links close (password reset links mailed to the old address
     * too). An unknown, used, superseded or expired token, or a
     * link for an address that is no longer the member's, is refused with field {@code token}; a new address another
     * member took meanwhile with field {@code email}.
     */
    public Member confirm(String token) {
        String hash = SessionTokens.wellFormed(token) ? SessionTokens.hash(token) : null;
        if (hash == null) {
            throw invalidToken();
        }
        return ctx.command(events -> {
            Instant now = ctx.now();
            EmailVerification link = ctx.storage.emailVerifications().byTokenHash(hash).orElseThrow(EmailVerificationService::invalidToken);
            Member m = ctx.storage.members().byId(link.member()).orElseThrow(EmailVerificationService::invalidToken);
            if (!link.usableAt(now)) {
                throw invalidToken();
            }
            if (link.purpose() == Purpose.CONFIRM_ADDRESS && !m.email().equals(link.email())) {
                throw invalidToken(); // the address changed since: this link proves nothing about the new one
            }
            if (link.purpose() == Purpose.CHANGE_ADDRESS) {
                taken(link.email()).orThrow(); // checked before the link is used, so it still works once the clash is gone
            }
            if (!ctx.storage.emailVerifications().use(hash, now)) {
                throw invalidToken();
            }
            Member updated;
            if (link.purpose() == Purpose.CONFIRM_ADDRESS) {
                updated = m.withEmailVerified(true);
                ctx.storage.members().update(updated);
                ctx.storage.emailVerifications().supersede(m.id(), Purpose.CONFIRM_ADDRESS, Long.MAX_VALUE, now);
                events.add(new ForumEvent.EmailVerified(m.id(), m.email(), now));
            } else {
                updated = m.withVerifiedEmail(link.email());
                ctx.storage.members().update(updated);
                ctx.storage.emailVerifications().useAllOf(m.id(), now); // links to the old address prove nothing now
                ctx.storage.passwordResets().useAllOf(m.id(), now); // nor may reset links mailed there take the account
                events.add(new ForumEvent.EmailChanged(m.id(), m.email(), updated.email(), now));
            }
            return updated;
        });
    }

    /** The open link for this token, if it would be accepted now (the page shows what it does before confirming). */
    public Optional<EmailVerification> usable(String token) {
        if (!SessionTokens.wellFormed(token)) {
            return Optional.empty();
        }
        String hash = SessionTokens.hash(token);
        Instant now = ctx.now();
        return ctx.storage.transactions().readOnly(() -> ctx.storage.emailVerifications().byTokenHash(hash)
                .filter(link -> link.usableAt(now))
                .filter(link -> link.purpose() == Purpose.CHANGE_ADDRESS || ctx.storage.members().byId(link.member())
                        .map(m -> m.email().equals(link.email())).orElse(false)));
    }

    private Validation taken(String normalisedEmail) {
        return Validation.start().require(ctx.storage.members().byEmail(normalisedEmail).isEmpty(), "email", "taken",
                "that e-mail address is already registered");
    }

    private String link(String token) {
        return publicUrl + "/verify-email?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    private static InvalidInputException invalidToken() {
        return InvalidInputException.of("token", "invalid_token",
                "this link is unknown, already used, replaced by a newer one or expired; ask for a new one");
    }
}
