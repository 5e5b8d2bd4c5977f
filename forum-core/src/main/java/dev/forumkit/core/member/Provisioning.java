package dev.forumkit.core.member;

import dev.forumkit.core.ConflictException;
import dev.forumkit.core.event.ForumEvent;
import dev.forumkit.core.internal.ServiceContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * One attempt at provisioning a host's user, inside a command's transaction (see
 * {@link MemberService#provision(ExternalIdentity)} for the rules).
 */
final class Provisioning {
    /** Enough for any real collision; past it something is wrong (a host sending one name for every user). */
    private static final int MAX_SUFFIX = 1_000;
    private static final int MAX_USERNAME = 32;

    private final ServiceContext ctx;

    Provisioning(ServiceContext ctx) {
        this.ctx = ctx;
    }

    Member apply(ExternalIdentity id, List<ForumEvent> events) {
        Optional<ExternalLink> link = ctx.storage.externalIdentities().find(id.issuer(), id.subject());
        Optional<Member> linked = link.flatMap(l -> ctx.storage.members().byId(l.memberId())).filter(m -> !m.isDeleted());
        if (linked.isPresent()) {
            return update(link.get(), linked.get(), id);
        }
        Member created = ctx.storage.members().add(Member.withoutId(freeName(id.username(), null),
                        freeEmail(id, null).orElseGet(() -> placeholderEmail(id)), Member.EXTERNAL_PASSWORD_HASH, ctx.now(),
                        Role.MEMBER)
                .withEmailVerified(true) // the host vouches for its user (or the address is a placeholder no mail reaches)
                .withCustomTitle(id.customTitle() == null || id.customTitle().isEmpty() ? null : id.customTitle()));
        if (link.isPresent()) { // the member made for this user deleted their account: the user starts afresh
            ctx.storage.externalIdentities().update(new ExternalLink(id.issuer(), id.subject(), created.id(), id.avatarUrl()));
        } else {
            ctx.storage.externalIdentities().add(new ExternalLink(id.issuer(), id.subject(), created.id(), id.avatarUrl()));
        }
        events.add(new ForumEvent.MemberRegistered(created.id(), created.joinedAt()));
        return created;
    }

    /**
     * The linked member when provisioning would change nothing (read-only): the common case, a user seen before whose
     * details are the same, then costs no write transaction.
     */
    Optional<Member> unchanged(ExternalIdentity id) {
        Optional<ExternalLink> link = ctx.storage.externalIdentities().find(id.issuer(), id.subject());
        Optional<Member> linked = link.flatMap(l -> ctx.storage.members().byId(l.memberId())).filter(m -> !m.isDeleted());
        if (linked.isEmpty() || id.avatarUrl() != null && !id.avatarUrl().equals(link.get().avatarUrl())) {
            return Optional.empty();
        }
        return linked.filter(m -> target(m, id).equals(m));
    }

    /** The member with what the host says applied, role and ban untouched (a banned member stays banned). */
    private Member target(Member member, ExternalIdentity id) {
        Member updated = member.withUsername(freeName(id.username(), member.id()));
        String email = freeEmail(id, member.id()).orElse(member.email());
        if (!email.equals(member.email())) {
            updated = updated.withVerifiedEmail(email);
        }
        if (id.customTitle() != null) {
            updated = updated.withCustomTitle(id.customTitle().isEmpty() ? null : id.customTitle());
        }
        return updated;
    }

    private Member update(ExternalLink link, Member member, ExternalIdentity id) {
        Member updated = target(member, id);
        if (!updated.equals(member)) {
            ctx.storage.members().update(updated);
        }
        if (id.avatarUrl() != null && !id.avatarUrl().equals(link.avatarUrl())) {
            ctx.storage.externalIdentities().update(link.withAvatarUrl(id.avatarUrl()));
        }
        return updated;
    }

    /** The wanted name if no other member has it (ignoring case), else the name cut to fit and "-2", "-3", ... */
    private String freeName(String wanted, MemberId self) {
        for (int n = 1; n <= MAX_SUFFIX; n++) {
            String suffix = n == 1 ? "" : "-" + n;
            String base = wanted.length() + suffix.length() > MAX_USERNAME
                    ? wanted.substring(0, MAX_USERNAME - suffix.length()) : wanted;
            String candidate = base + suffix;
            Optional<Member> holder = ctx.storage.members().byUsername(candidate);
            if (holder.isEmpty() || holder.get().id().equals(self)) {
                return candidate;
            }
        }
        throw new ConflictException("no free username like " + wanted);
    }

    /** The host's address unless another member has it (then nobody's mail goes to the wrong account). */
    private Optional<String> freeEmail(ExternalIdentity id, MemberId self) {
        String email = Member.normaliseEmail(id.email());
        Optional<Member> holder = ctx.storage.members().byEmail(email);
        return holder.isEmpty() || holder.get().id().equals(self) ? Optional.of(email) : Optional.empty();
    }

    /** An address under the reserved {@code .invalid} domain, unique per host user: no mail is ever delivered there. */
    static String placeholderEmail(ExternalIdentity id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((id.issuer() + "\n" + id.subject()).getBytes(StandardCharsets.UTF_8));
            return "host-" + HexFormat.of().formatHex(digest, 0, 12) + "@external.invalid";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
