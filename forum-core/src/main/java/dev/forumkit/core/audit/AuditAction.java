package dev.forumkit.core.audit;

import java.util.Locale;

/** What a moderator or admin did. New staff features add their own constants and record them through {@link AuditTrail}. */
public enum AuditAction {
    THREAD_LOCK, THREAD_UNLOCK, THREAD_PIN, THREAD_UNPIN, THREAD_MOVE, THREAD_DELETE, THREAD_RESTORE,
    POST_EDIT, POST_DELETE, POST_RESTORE, POST_APPROVE, POST_REJECT, BOARD_MODERATED,
    MEMBER_WARN, MEMBER_WARNING_REVOKE, MEMBER_BAN, MEMBER_UNBAN, MEMBER_ROLE, MEMBER_TITLE,
    REPORT_RESOLVE, REPORT_REJECT,
    CATEGORY_CREATE, CATEGORY_UPDATE, CATEGORY_REORDER, BOARD_CREATE, BOARD_UPDATE, BOARD_REORDER,
    GROUP_CREATE, GROUP_UPDATE, GROUP_REMOVE, MEMBER_GROUPS, PERMISSION_SET, PERMISSION_CLEAR,
    API_KEY_CREATE, API_KEY_REVOKE, API_KEY_ACT_AS, WEBHOOK_CREATE, WEBHOOK_UPDATE, WEBHOOK_REMOVE,
    SEARCH_REBUILD;

    /** The name used in the API and in filters: {@code thread_lock}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The action for a code (any case), or null for an unknown one. */
    public static AuditAction byCode(String code) {
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
