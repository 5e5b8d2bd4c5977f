package dev.forumkit.core.audit;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.board.CategoryId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.PostId;

import java.util.Locale;
import java.util.Objects;

/** What an audited action was aimed at: a kind and an id ({@code FORUM} is the forum as a whole, id 0). */
public record AuditTarget(Kind kind, long id) {
    /** The kinds of things staff act on. */
    public enum Kind {
        FORUM, CATEGORY, BOARD, THREAD, POST, MEMBER, REPORT, GROUP, HELD_POST, API_KEY, WEBHOOK;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The kind for a code (any case), or null for an unknown one. */
        public static Kind byCode(String code) {
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

    public static final AuditTarget FORUM = new AuditTarget(Kind.FORUM, 0);

    public AuditTarget {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.FORUM ? id != 0 : id <= 0) {
            throw new IllegalArgumentException("audit target " + kind + " needs " + (kind == Kind.FORUM ? "id 0" : "a positive id"));
        }
    }

    public static AuditTarget thread(ThreadId id) {
        return new AuditTarget(Kind.THREAD, id.value());
    }

    public static AuditTarget post(PostId id) {
        return new AuditTarget(Kind.POST, id.value());
    }

    public static AuditTarget member(MemberId id) {
        return new AuditTarget(Kind.MEMBER, id.value());
    }

    public static AuditTarget board(BoardId id) {
        return new AuditTarget(Kind.BOARD, id.value());
    }

    public static AuditTarget category(CategoryId id) {
        return new AuditTarget(Kind.CATEGORY, id.value());
    }

    public static AuditTarget group(dev.forumkit.core.group.GroupId id) {
        return new AuditTarget(Kind.GROUP, id.value());
    }

    public static AuditTarget heldPost(dev.forumkit.core.approval.HeldPostId id) {
        return new AuditTarget(Kind.HELD_POST, id.value());
    }

    public static AuditTarget apiKey(long keyId) {
        return new AuditTarget(Kind.API_KEY, keyId);
    }

    public static AuditTarget webhook(long webhookId) {
        return new AuditTarget(Kind.WEBHOOK, webhookId);
    }

    public static AuditTarget report(long reportId) {
        return new AuditTarget(Kind.REPORT, reportId);
    }
}
