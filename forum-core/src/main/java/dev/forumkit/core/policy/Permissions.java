package dev.forumkit.core.policy;

import java.util.EnumSet;
import java.util.Set;

/**
 * What the grid grants one actor on one board, resolved once and checked as bits: a thread page asks many times.
 *
 * @param standing guest, member, banned member, moderator or admin (role-only actions and sign-in rules)
 * @param bits     one bit per {@link Permission} granted
 */
public record Permissions(Standing standing, int bits) {
    private static final int READ = Permission.VIEW_BOARD.bit() | Permission.READ_THREADS.bit();
    private static final int MEMBER = READ | bits(Permission.START_THREAD, Permission.REPLY, Permission.REACT,
            Permission.EDIT_OWN_POST, Permission.DELETE_OWN_POST, Permission.UPLOAD, Permission.VOTE_IN_POLLS, Permission.SET_CUSTOM_TITLE,
            // guests (and banned members) only read by default; a forum that shows them attachments sets the grid
            Permission.VIEW_ATTACHMENTS);
    private static final int ALL = (1 << Permission.values().length) - 1;

    public Permissions {
        java.util.Objects.requireNonNull(standing, "standing");
    }

    public boolean has(Permission p) {
        return (bits & p.bit()) != 0;
    }

    public Set<Permission> granted() {
        EnumSet<Permission> out = EnumSet.noneOf(Permission.class);
        for (Permission p : Permission.values()) {
            if (has(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** What a banned member keeps of a grant: viewing and reading, nothing else. */
    static int bannedMask() {
        return READ;
    }

    /** The built-in default of a built-in group: what the fixed roles allowed before the grid existed. */
    static int defaultBits(dev.forumkit.core.group.GroupId group) {
        if (group.equals(dev.forumkit.core.group.GroupId.GUESTS)) {
            return READ;
        }
        if (group.equals(dev.forumkit.core.group.GroupId.MEMBERS)) {
            return MEMBER;
        }
        if (group.equals(dev.forumkit.core.group.GroupId.MODERATORS) || group.equals(dev.forumkit.core.group.GroupId.ADMINS)) {
            return ALL;
        }
        return 0;
    }

    /** The grid's built-in defaults for a standing, with no grants set: exactly the fixed roles' rules. */
    public static Permissions defaults(Standing standing) {
        return new Permissions(standing, switch (standing) {
            case GUEST -> READ;
            case BANNED -> READ;
            case MEMBER -> MEMBER;
            case MODERATOR, ADMIN -> ALL;
        });
    }

    static int bits(Permission... ps) {
        int b = 0;
        for (Permission p : ps) {
            b |= p.bit();
        }
        return b;
    }
}
