package dev.forumkit.core.member;

import dev.forumkit.core.Actor;
import dev.forumkit.core.ConflictException;
import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.Validation;
import dev.forumkit.core.audit.AuditAction;
import dev.forumkit.core.audit.AuditTarget;
import dev.forumkit.core.event.ForumEvent;
import dev.forumkit.core.internal.Bans;
import dev.forumkit.core.internal.ServiceContext;
import dev.forumkit.core.policy.Action;
import dev.forumkit.core.policy.Target;
import dev.forumkit.core.verify.Verification;

import java.time.Instant;
import java.util.Optional;

/** Joining, signing in, profiles, roles and bans. */
public final class MemberService {
    private final ServiceContext ctx;
    // a fixed hash to verify against when the username is unknown, so both failures take the same time
    private final String decoyHash;
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private final Object firstAdminLock = new Object();
    private final Provisioning provisioning;

    public MemberService(ServiceContext ctx) {
        this.ctx = ctx;
        this.decoyHash = ctx.passwordHasher.hash("decoy-password-never-used".toCharArray());
        this.provisioning = new Provisioning(ctx);
    }

    /**
     * Registers a member with the MEMBER role, the address not yet verified. When the forum requires verification
     * to post, a verification e-mail goes out through the outbox.
     */
    public Member register(Registration r) {
        return add(r, false, false, null);
    }

    /**
     * Registers a member whose address the caller vouches for (embedding code that verified it itself, imports, demo
     * data): verified from the start, no verification e-mail. Never for public sign-ups.
     */
    public Member registerVerified(Registration r) {
        return add(r, false, true, null);
    }

    /**
     * Creates the forum's first admin: allowed only while no admin exists (first start, set-up link, embedding
     * code). A public sign-up never makes an admin, so the first stranger to register gains nothing.
     */
    public Member registerFirstAdmin(Registration r) {
        // serialised here: the has-an-admin check and the insert must not interleave. First start happens on one
        // node; several nodes racing to create the first admin is not a supported set-up.
        synchronized (firstAdminLock) {
            return add(r, true, true, null); // the forum's owner: nobody to verify them
        }
    }

    /**
     * Makes a one-time set-up link's token while the forum has no admin (else null): random, stored only as its
     * SHA-256, so any node on the storage accepts it until it is used, also after a restart.
     */
    public String newSetupToken() {
        if (!needsFirstAdmin()) {
            return null;
        }
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ctx.storage.transactions().run(() -> ctx.storage.setupTokens().add(setupTokenHash(token), ctx.now()));
        return token;
    }

    /** True while the set-up token is unused and the forum still has no admin. */
    public boolean setupTokenValid(String token) {
        if (token == null || token.isBlank()) {
            return false;
        }
        return ctx.storage.transactions().readOnly(() -> !ctx.storage.members().hasAdmin()
                && ctx.storage.setupTokens().exists(setupTokenHash(token)));
    }

    /**
     * Creates the first admin through a set-up link: the token is used in the same transaction, so invalid input
     * leaves it usable, and of two uses (on any nodes) one wins and the other gets NotFoundException. Every other
     * set-up token dies with it.
     */
    public Member registerFirstAdmin(Registration r, String setupToken) {
        if (setupToken == null || setupToken.isBlank()) {
            throw new NotFoundException("this set-up link is not valid (any more)");
        }
        synchronized (firstAdminLock) {
            return add(r, true, true, setupTokenHash(setupToken));
        }
    }

    private static String setupTokenHash(String token) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(token.strip().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * The member a host application's user is, made on first sight: host identity, for a forum embedded in an
     * application that signs its users in itself. Idempotent; call it on every request the host authenticates.
     * <ul>
     * <li>First sight of ({@code issuer}, {@code subject}): a new member with the MEMBER role, no password (no password
     * ever signs it in; reset links are not sent to it), its address counted as verified (the host vouches), and a
     * {@code MemberRegistered} event as for a registration. Two first sights at once make one member: the link is
     * unique per (issuer, subject), and the loser of the race is retried and finds the winner's member.</li>
     * <li>Later calls update username, e-mail, avatar URL and custom title to what the host says (a null avatar URL or
     * title leaves the forum's value, a blank title clears it). Role and ban are the forum's: a banned member stays
     * banned, and is returned like any other.</li>
     * <li>Username: the wanted name if no other member has it (ignoring case), else the name with "-2", "-3", ...
     * (cut to stay within 32 characters), the first that is free.</li>
     * <li>E-mail: the host's address unless another member has it; then the member keeps its current address, or, on
     * first sight, gets a placeholder {@code host-...@external.invalid} where no mail is delivered.</li>
     * <li>A member made for a host user that deleted its account is not revived: the user gets a new member.</li>
     * </ul>
     */
    public Member provision(ExternalIdentity identity) {
        java.util.Objects.requireNonNull(identity, "identity");
        Optional<Member> same = ctx.storage.transactions().readOnly(() -> provisioning.unchanged(identity));
        if (same.isPresent()) {
            return same.get(); // nothing new from the host: no write
        }
        ConflictException lost = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return ctx.command(events -> provisioning.apply(identity, events));
            } catch (ConflictException e) {
                lost = e; // a concurrent first sight, or a name or address taken meanwhile: read again and retry
            }
        }
        throw lost;
    }

    /** The host identity link of a member (with the avatar URL the host gave), if a host application made it. */
    public Optional<ExternalLink> externalLink(MemberId id) {
        return ctx.storage.transactions().readOnly(() -> ctx.storage.externalIdentities().byMember(id));
    }

    /** True while the forum has no admin yet (the app then offers its one-time set-up). */
    public boolean needsFirstAdmin() {
        return ctx.storage.transactions().readOnly(() -> !ctx.storage.members().hasAdmin());
    }

    /** {@code setupTokenHash}: the set-up link this admin is made through, used in the same transaction; or null. */
    private Member add(Registration r, boolean admin, boolean verified, String setupTokenHash) {
        // hashing is slow by design: do it before the transaction so no lock is held meanwhile
        String hash = ctx.passwordHasher.hash(r.password().toCharArray());
        return ctx.command(events -> {
            if (setupTokenHash != null && !ctx.storage.setupTokens().use(setupTokenHash)) {
                throw new NotFoundException("this set-up link is not valid (any more)");
            }
            if (admin && ctx.storage.members().hasAdmin()) {
                throw new ConflictException("the forum already has an admin");
            }
            if (admin) {
                ctx.storage.setupTokens().removeAll(); // no link may make a second admin
            }
            Validation v = Validation.start();
            v.require(ctx.storage.members().byUsername(r.username()).isEmpty(), "username", "taken",
                    "that username is taken");
            v.require(ctx.storage.members().byEmail(Member.normaliseEmail(r.email())).isEmpty(), "email", "taken",
                    "that e-mail address is already registered");
            v.orThrow();
            Member m = ctx.storage.members().add(
                    Member.withoutId(r.username(), r.email(), hash, ctx.now(), admin ? Role.ADMIN : Role.MEMBER)
                            .withEmailVerified(verified));
            events.add(new ForumEvent.MemberRegistered(m.id(), m.joinedAt()));
            if (!verified && ctx.policy.verification() == Verification.REQUIRED_TO_POST) {
                events.add(new ForumEvent.EmailVerificationRequested(m.id(), m.email(), m.joinedAt()));
            }
            return m;
        });
    }

    /**
     * Checks a username (or e-mail) and password. Unknown member and wrong password give the same empty answer
     * after the same amount of work. Banned members can still sign in (to read); the policy stops them posting.
     */
    public Optional<Member> authenticate(String usernameOrEmail, String password) {
        if (usernameOrEmail == null || password == null || password.length() > 200) {
            return Optional.empty();
        }
        String key = usernameOrEmail.strip();
        Optional<Member> found = ctx.storage.transactions().readOnly(() -> key.contains("@")
                ? ctx.storage.members().byEmail(Member.normaliseEmail(key))
                : ctx.storage.members().byUsername(key));
        found = found.filter(m -> !m.isDeleted()); // a deleted account's row keeps its posts' author, never a sign-in
        boolean ok = ctx.passwordHasher.verify(password.toCharArray(), found.map(Member::passwordHash).orElse(decoyHash));
        return ok ? found : Optional.empty();
    }

    public Optional<Member> byId(MemberId id) {
        return ctx.storage.transactions().readOnly(() -> ctx.storage.members().byId(id));
    }

    public Optional<Member> byUsername(String username) {
        return ctx.storage.transactions().readOnly(() -> ctx.storage.members().byUsername(username));
    }

    /**
     * Sets a member's custom title (up to 50 characters; blank clears it). Admins set anyone's; a member sets their own
     * while the permission grid grants them "set own custom title" forum-wide (by default members and staff have it).
     */
    public Member updateCustomTitle(Actor actor, MemberId memberId, String title) {
        String clean = title == null ? "" : title.strip();
        Validation.start().length(clean.isEmpty() ? "x" : clean, "custom_title", 1, 50)
                .noControlCharacters(clean, "custom_title").orThrow();
        return ctx.command(events -> {
            Member me = ctx.requireMember(actor);
            Member target = existing(memberId);
            ctx.policy.check(ctx.permissions(me, null), Action.SET_CUSTOM_TITLE,
                    Target.member(me.id().equals(target.id()), target.role()));
            Member updated = target.withCustomTitle(clean.isEmpty() ? null : clean);
            ctx.storage.members().update(updated);
            if (!me.id().equals(target.id())) { // an admin changing someone's title; members' own edits are not moderation
                ctx.audit.record(me.id(), AuditAction.MEMBER_TITLE, AuditTarget.member(target.id()), target.customTitle(),
                        updated.customTitle(), null);
            }
            return updated;
        });
    }

    /** Changes the actor's own password after checking the current one. */
    public void changePassword(Actor actor, String currentPassword, String newPassword) {
        Validation.start()
                .require(newPassword != null && newPassword.length() >= 8, "new_password", "too_short", "password must be at least 8 characters")
                .require(newPassword == null || newPassword.length() <= 200, "new_password", "too_long", "password must be at most 200 characters")
                .orThrow();
        Member me = ctx.storage.transactions().readOnly(() -> ctx.requireMember(actor));
        ctx.policy.check(ctx.standing(me), Action.CHANGE_PASSWORD, Target.member(true, me.role()));
        if (currentPassword == null || !ctx.passwordHasher.verify(currentPassword.toCharArray(), me.passwordHash())) {
            throw InvalidInputException.of("current_password", "wrong_password", "the current password is wrong");
        }
        String hash = ctx.passwordHasher.hash(newPassword.toCharArray());
        ctx.command(events -> {
            Member fresh = existing(me.id());
            ctx.storage.members().update(fresh.withPasswordHash(hash));
            ctx.storage.sessions().removeAllOf(me.id()); // every signed-in device must sign in again
            events.add(new ForumEvent.PasswordChanged(me.id(), ctx.now()));
            return null;
        });
    }

    /** Admins change other members' roles. */
    public Member changeRole(Actor actor, MemberId memberId, Role role) {
        if (role == null) {
            throw InvalidInputException.of("role", "required", "role is required");
        }
        return ctx.command(events -> {
            Member me = ctx.requireMember(actor);
            Member target = existing(memberId);
            ctx.policy.check(ctx.standing(me), Action.CHANGE_ROLE, Target.member(me.id().equals(target.id()), target.role()));
            Member updated = target.withRole(role);
            ctx.storage.members().update(updated);
            events.add(new ForumEvent.MemberRoleChanged(target.id(), role, me.id(), ctx.now()));
            ctx.audit.record(me.id(), AuditAction.MEMBER_ROLE, AuditTarget.member(target.id()), target.role().name(),
                    role.name(), null);
            return updated;
        });
    }

    /** Bans a member with a reason, until a time or (null) for good. Moderators ban members; admins anyone but admins. */
    public Member ban(Actor actor, MemberId memberId, String reason, Instant until) {
        String clean = reason == null ? "" : reason.strip();
        Instant now = ctx.now();
        Validation.start().length(clean, "reason", 1, 500).noControlCharacters(clean, "reason")
                .require(until == null || until.isAfter(now), "until", "in_the_past", "a ban must end in the future")
                .orThrow();
        return ctx.command(events -> {
            Member me = ctx.requireMember(actor);
            Member target = existing(memberId);
            ctx.policy.check(ctx.standing(me), Action.BAN_MEMBER, Target.member(me.id().equals(target.id()), target.role()));
            return Bans.apply(ctx, me, target, clean, until, events);
        });
    }

    public Member unban(Actor actor, MemberId memberId) {
        return ctx.command(events -> {
            Member me = ctx.requireMember(actor);
            Member target = existing(memberId);
            ctx.policy.check(ctx.standing(me), Action.BAN_MEMBER, Target.member(me.id().equals(target.id()), target.role()));
            if (target.ban() == null) {
                throw new ConflictException("that member is not banned");
            }
            Member updated = target.withBan(null);
            ctx.storage.members().update(updated);
            events.add(new ForumEvent.MemberUnbanned(target.id(), me.id(), ctx.now()));
            ctx.audit.record(me.id(), AuditAction.MEMBER_UNBAN, AuditTarget.member(target.id()),
                    Bans.describe(target, ctx.now()), "not banned", null);
            return updated;
        });
    }

    private Member existing(MemberId id) {
        return ctx.storage.members().byId(id).orElseThrow(() -> new NotFoundException("no member " + id));
    }
}
