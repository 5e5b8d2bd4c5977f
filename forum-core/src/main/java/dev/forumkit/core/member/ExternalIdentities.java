package dev.forumkit.core.member;

import java.util.Optional;

/** Storage port for the links from a host application's users to members (host identity, see {@link ExternalIdentity}). */
public interface ExternalIdentities {
    Optional<ExternalLink> find(String issuer, String subject);

    /** The link of a member, if the member was made for a host's user. */
    Optional<ExternalLink> byMember(MemberId member);

    /**
     * Stores a new link. A link for the same (issuer, subject) already stored, also by a concurrent transaction that
     * committed first, is a ConflictException (the database's unique constraint decides, not a prior read).
     */
    void add(ExternalLink link);

    /** Replaces the avatar URL of the link for the link's (issuer, subject). */
    void update(ExternalLink link);
}
