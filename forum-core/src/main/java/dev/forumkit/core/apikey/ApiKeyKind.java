package dev.forumkit.core.apikey;

import java.util.Locale;

/**
 * Who a key's calls are made as: {@code GUEST} reads what a guest reads; {@code MEMBER} acts as the one member it
 * was made for; {@code SERVICE} acts as a guest, or as any member it names per call (each such call is audited).
 */
public enum ApiKeyKind {
    GUEST, MEMBER, SERVICE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind for a code (any case), or null for an unknown one. */
    public static ApiKeyKind byCode(String code) {
        if (code == null) {
            return null;
        }
        try {
            return valueOf(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
