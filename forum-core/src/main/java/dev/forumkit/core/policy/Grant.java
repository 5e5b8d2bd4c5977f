package dev.forumkit.core.policy;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.board.CategoryId;
import dev.forumkit.core.group.GroupId;
import dev.forumkit.core.member.MemberId;

import java.util.Objects;

/**
 * One set cell of the permission grid: for a group or one member, on the whole forum, a category or a board, a
 * permission is allowed, denied or never given. A cell without a grant inherits.
 */
public record Grant(Subject subject, Scope scope, Permission permission, GrantValue value) {
    public Grant {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(permission, "permission");
        Objects.requireNonNull(value, "value");
    }

    /** Who a grant is for: exactly one of a group and a member. */
    public record Subject(GroupId group, MemberId member) {
        public Subject {
            if ((group == null) == (member == null)) {
                throw new IllegalArgumentException("a grant is for a group or for a member");
            }
        }

        public static Subject group(GroupId group) {
            return new Subject(group, null);
        }

        public static Subject member(MemberId member) {
            return new Subject(null, member);
        }
    }

    /** Where a grant applies: the whole forum (both null), one category or one board. */
    public record Scope(CategoryId category, BoardId board) {
        public static final Scope GLOBAL = new Scope(null, null);

        public Scope {
            if (category != null && board != null) {
                throw new IllegalArgumentException("a grant applies to a category or to a board, not both");
            }
        }

        public static Scope category(CategoryId category) {
            return new Scope(Objects.requireNonNull(category), null);
        }

        public static Scope board(BoardId board) {
            return new Scope(null, Objects.requireNonNull(board));
        }

        public boolean isGlobal() {
            return category == null && board == null;
        }
    }
}
