package dev.forumkit.core.member;

import java.util.Objects;

/**
 * The stored link from a host's user ({@code issuer}, {@code subject}) to the member made for it, with the avatar URL
 * the host last gave (null: none).
 */
public record ExternalLink(String issuer, String subject, MemberId memberId, String avatarUrl) {
    public ExternalLink {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(memberId, "memberId");
    }

    public ExternalLink withAvatarUrl(String url) {
        return new ExternalLink(issuer, subject, memberId, url);
    }
}
