package dev.forumkit.core.member;

import java.util.Locale;

/** Orders of the member list; ties go by id so pages never overlap. */
public enum MemberSort {
    /** A to Z, ignoring case. */
    NAME,
    /** Newest member first. */
    JOINED,
    /** Most messages first. */
    MESSAGES,
    /** Highest reaction score first. */
    REACTION_SCORE;

    /** The lower-case name used in URLs and the JSON API ({@code reaction_score}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #key()}; null for anything else. */
    public static MemberSort parse(String key) {
        for (MemberSort s : values()) {
            if (key != null && s.key().equalsIgnoreCase(key.strip())) {
                return s;
            }
        }
        return null;
    }
}
