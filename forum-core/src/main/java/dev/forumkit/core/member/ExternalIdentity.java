package dev.forumkit.core.member;

import dev.forumkit.core.Validation;

import java.net.URI;

/**
 * Who a host application says is signed in: its user {@code subject} as issued by {@code issuer} (the host's own name
 * for its user store, e.g. "https://shop.example.org" or "shop"), with the name, e-mail address and optionally avatar
 * URL and custom title the forum should show. {@code username} follows the forum's rules (3-32 letters, digits,
 * {@code _ . -}); a null {@code avatarUrl} or {@code customTitle} means the host does not set it (the forum keeps what
 * it has), a blank custom title clears it. See {@link MemberService#provision(ExternalIdentity)}.
 */
public record ExternalIdentity(String issuer, String subject, String username, String email, String avatarUrl,
                               String customTitle) {
    public ExternalIdentity {
        issuer = issuer == null ? null : issuer.strip();
        subject = subject == null ? null : subject.strip();
        username = username == null ? null : username.strip();
        email = email == null ? null : email.strip();
        avatarUrl = avatarUrl == null || avatarUrl.isBlank() ? null : avatarUrl.strip();
        customTitle = customTitle == null ? null : customTitle.strip();
        Validation v = Validation.start()
                .length(issuer, "issuer", 1, 200).noControlCharacters(issuer, "issuer")
                .length(subject, "subject", 1, 200).noControlCharacters(subject, "subject")
                .length(username, "username", 3, 32);
        if (username != null && !username.isEmpty()) {
            v.require(username.matches(USERNAME), "username", "invalid_characters",
                    "username may contain letters, digits, '_', '.' and '-' only");
        }
        Registration.email(v, "email", email);
        if (avatarUrl != null) {
            v.length(avatarUrl, "avatar_url", 1, 2000).require(httpUrl(avatarUrl), "avatar_url", "invalid_url",
                    "avatar_url must be an absolute http or https URL");
        }
        if (customTitle != null) {
            v.length(customTitle.isEmpty() ? "x" : customTitle, "custom_title", 1, 50)
                    .noControlCharacters(customTitle, "custom_title");
        }
        v.orThrow();
    }

    /** The characters a username may have (the same as at registration). */
    static final String USERNAME = "[\\p{L}\\p{N}_.\\-]+";

    /** An identity with only the required fields: the host sets neither avatar nor title. */
    public static ExternalIdentity of(String issuer, String subject, String username, String email) {
        return new ExternalIdentity(issuer, subject, username, email, null, null);
    }

    public ExternalIdentity withAvatarUrl(String url) {
        return new ExternalIdentity(issuer, subject, username, email, url, customTitle);
    }

    public ExternalIdentity withCustomTitle(String title) {
        return new ExternalIdentity(issuer, subject, username, email, avatarUrl, title);
    }

    private static boolean httpUrl(String value) {
        if (value.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return false;
        }
        try {
            URI uri = new URI(value);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && uri.getRawUserInfo() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
