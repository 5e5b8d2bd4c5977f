package dev.forumkit.core.policy;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.board.CategoryId;
import dev.forumkit.core.group.GroupId;
import dev.forumkit.core.member.MemberId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The permission grid compiled from its grants: a pure, immutable value. For each subject (group or member) a cell
 * is taken from the most specific level that sets it: board, else its category, else the forum-wide row, else the
 * built-in default of a built-in group. Across subjects, a never anywhere denies; otherwise one allow grants.
 */
public final class Grid {
    /** The grid with no grants: the built-in defaults only. */
    public static final Grid DEFAULTS = new Grid(List.of(), Map.of(), Names.NONE);

    private final Map<Grant.Subject, Map<Grant.Scope, EnumMap<Permission, GrantValue>>> cells = new HashMap<>();
    private final Map<BoardId, CategoryId> categoryOf;
    private final Set<MemberId> membersWithGrants = new HashSet<>();
    private final Names names;

    /** Names for explanations; ids are shown where a name is missing. */
    public interface Names {
        Names NONE = new Names() { };

        default String group(GroupId id) {
            return "#" + id;
        }

        default String board(BoardId id) {
            return "#" + id;
        }

        default String category(CategoryId id) {
            return "#" + id;
        }
    }

    public Grid(Collection<Grant> grants, Map<BoardId, CategoryId> categoryOf, Names names) {
        for (Grant g : grants) {
            cells.computeIfAbsent(g.subject(), s -> new HashMap<>())
                    .computeIfAbsent(g.scope(), s -> new EnumMap<>(Permission.class)).put(g.permission(), g.value());
            if (g.subject().member() != null) {
                membersWithGrants.add(g.subject().member());
            }
        }
        this.categoryOf = Map.copyOf(categoryOf);
        this.names = names;
    }

    /** True if grants name this member: only then does the member's own id change what they may do. */
    public boolean hasGrantsFor(MemberId member) {
        return member != null && membersWithGrants.contains(member);
    }

    /** Every board the grid knows, with its category. */
    public Map<BoardId, CategoryId> boards() {
        return categoryOf;
    }

    /**
     * The granted permissions as bits, for someone in {@code groups} (and, if not null, the member with their own
     * grants) on {@code board} (null: the forum-wide row).
     */
    public int resolve(Set<GroupId> groups, MemberId member, BoardId board) {
        int bits = 0;
        for (Permission p : Permission.values()) {
            if (decide(groups, member, board, p, null)) {
                bits |= p.bit();
            }
        }
        return bits;
    }

    /** Whether the permission is granted, with one line per subject saying which cell decided it. */
    public Trace trace(Set<GroupId> groups, MemberId member, String memberName, BoardId board, Permission p) {
        List<String> rules = new ArrayList<>();
        boolean allowed = decide(groups, member, board, p, new Explainer(rules, memberName));
        return new Trace(p, allowed, rules);
    }

    /** One permission's outcome for one actor on one board, and the rules that made it. */
    public record Trace(Permission permission, boolean allowed, List<String> rules) {
        public Trace {
            rules = List.copyOf(rules);
        }
    }

    /** True if some subject's cell for the permission on the board is never (then some member may lack it). */
    public boolean neverAnywhere(BoardId board, Permission p) {
        for (Grant.Subject subject : cells.keySet()) {
            Cell c = cell(subject, board, p);
            if (c != null && c.value == GrantValue.NEVER) {
                return true;
            }
        }
        return false;
    }

    private boolean decide(Set<GroupId> groups, MemberId member, BoardId board, Permission p, Explainer why) {
        boolean allow = false;
        boolean never = false;
        for (GroupId g : groups) {
            Cell c = cell(Grant.Subject.group(g), board, p);
            if (c == null && g.isBuiltIn() && (Permissions.defaultBits(g) & p.bit()) != 0) {
                c = new Cell(GrantValue.ALLOW, null, true);
            }
            never |= c != null && c.value == GrantValue.NEVER;
            allow |= c != null && c.value == GrantValue.ALLOW;
            if (why != null) {
                why.add("group " + names.group(g), c, board);
            }
        }
        if (member != null && membersWithGrants.contains(member)) {
            Cell c = cell(Grant.Subject.member(member), board, p);
            never |= c != null && c.value == GrantValue.NEVER;
            allow |= c != null && c.value == GrantValue.ALLOW;
            if (why != null && c != null) {
                why.add("member " + why.memberName, c, board);
            }
        }
        return allow && !never;
    }

    private record Cell(GrantValue value, Grant.Scope scope, boolean builtIn) {
    }

    private Cell cell(Grant.Subject subject, BoardId board, Permission p) {
        Map<Grant.Scope, EnumMap<Permission, GrantValue>> rows = cells.get(subject);
        if (rows == null) {
            return null;
        }
        if (board != null) {
            Grant.Scope b = Grant.Scope.board(board);
            GrantValue v = value(rows, b, p);
            if (v != null) {
                return new Cell(v, b, false);
            }
            CategoryId category = categoryOf.get(board);
            if (category != null) {
                Grant.Scope c = Grant.Scope.category(category);
                v = value(rows, c, p);
                if (v != null) {
                    return new Cell(v, c, false);
                }
            }
        }
        GrantValue v = value(rows, Grant.Scope.GLOBAL, p);
        return v == null ? null : new Cell(v, Grant.Scope.GLOBAL, false);
    }

    private static GrantValue value(Map<Grant.Scope, EnumMap<Permission, GrantValue>> rows, Grant.Scope s, Permission p) {
        EnumMap<Permission, GrantValue> row = rows.get(s);
        return row == null ? null : row.get(p);
    }

    private final class Explainer {
        private final List<String> rules;
        private final String memberName;

        Explainer(List<String> rules, String memberName) {
            this.rules = rules;
            this.memberName = memberName;
        }

        void add(String who, Cell c, BoardId board) {
            if (c == null) {
                rules.add("not set for " + who + " (nothing granted)");
                return;
            }
            String where;
            if (c.builtIn) {
                where = "by the built-in default";
            } else if (c.scope.board() != null) {
                where = "on board " + names.board(c.scope.board());
            } else if (c.scope.category() != null) {
                where = "on category " + names.category(c.scope.category())
                        + (board == null ? "" : " (board " + names.board(board) + " inherits it)");
            } else {
                where = "forum-wide" + (board == null ? "" : " (board " + names.board(board) + " inherits it)");
            }
            rules.add(c.value.key() + " for " + who + " " + where);
        }
    }
}
