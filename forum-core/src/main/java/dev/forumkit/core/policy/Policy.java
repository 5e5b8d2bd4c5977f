package dev.forumkit.core.policy;

import dev.forumkit.core.Actor;
import dev.forumkit.core.NotAllowedException;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Role;
import dev.forumkit.core.verify.Verification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The one place that decides who may do what. Deny by default: an action not named here is refused. Content actions
 * are decided from the grid's {@link Permissions} on the content's board plus the situation (locked threads take
 * replies from moderators only, deleted content none, own posts only within the edit time limit); role actions
 * (profiles, roles, bans, structure) from the {@link Standing}. Banned members may read and change their password.
 * The decision itself is a pure function; the grid behind {@link #permissions} is resolved once and cached.
 */
public final class Policy {
    /** The code of the refusal an unverified member gets when the forum requires a verified address to post. */
    public static final String EMAIL_UNVERIFIED = "email_unverified";
    private final Verification verification;
    private final Duration editTimeLimit;
    private final PermissionGrid grid;

    /** The built-in defaults only, no edit time limit, no e-mail verification: the fixed roles' rules. */
    public Policy() {
        this(Verification.OFF, null, null);
    }

    /** The built-in defaults only, no edit time limit. */
    public Policy(Verification verification) {
        this(verification, null, null);
    }

    /** Without e-mail verification. */
    public Policy(Duration editTimeLimit, PermissionGrid grid) {
        this(Verification.OFF, editTimeLimit, grid);
    }

    /**
     * @param editTimeLimit how long members may edit and delete their own posts (null: no limit; moderators always)
     * @param grid          the forum's grid over its storage; null for the built-in defaults only
     */
    public Policy(Verification verification, Duration editTimeLimit, PermissionGrid grid) {
        this.verification = Objects.requireNonNull(verification, "verification");
        this.editTimeLimit = editTimeLimit;
        this.grid = grid;
    }

    /** Whether members must verify their e-mail address before they post. */
    public Verification verification() {
        return verification;
    }

    /**
     * False when the forum requires a verified address to post and this member has none: starting threads, replying
     * and reacting wait for verification (reading, signing in and account settings do not).
     */
    public boolean verifiedEnough(Member member, Action action) {
        boolean posting = action == Action.START_THREAD || action == Action.REPLY || action == Action.REACT;
        return !posting || verification == Verification.OFF || member == null || member.emailVerified();
    }

    /** Throws a {@code email_unverified} refusal when {@link #verifiedEnough} says no. */
    public void checkVerified(Member member, Action action) {
        if (!verifiedEnough(member, action)) {
            throw NotAllowedException.because(EMAIL_UNVERIFIED,
                    "verify your e-mail address first: open the link we e-mailed you, or ask for a new one");
        }
    }

    /** Decides with the built-in defaults of the standing's group: for actions not on a board (or a quick check). */
    public boolean allows(Standing who, Action action, Target t) {
        return allows(Permissions.defaults(who), action, t);
    }

    public boolean allows(Permissions p, Action action, Target t) {
        Standing who = p.standing();
        boolean signedIn = who.isSignedIn();
        boolean admin = who == Standing.ADMIN;
        boolean staff = who.isStaff();
        boolean poster = who == Standing.MEMBER || staff;
        boolean reads = p.has(Permission.VIEW_BOARD) && p.has(Permission.READ_THREADS);
        boolean moderates = reads && p.has(Permission.MODERATE);
        return switch (action) {
            case READ_FORUM -> reads;
            case VIEW_DELETED -> reads && p.has(Permission.SEE_DELETED);
            case LOCK_THREAD, PIN_THREAD, MOVE_THREAD, DELETE_THREAD, RESTORE_THREAD, RESTORE_POST, APPROVE_CONTENT -> moderates;
            case START_THREAD -> signedIn && reads && p.has(Permission.START_THREAD);
            case REPLY -> signedIn && reads && !t.deleted() && p.has(Permission.REPLY) && (moderates || !t.locked());
            case EDIT_POST -> signedIn && !t.deleted() && (moderates
                    || (reads && t.own() && !t.locked() && p.has(Permission.EDIT_OWN_POST) && withinEditTime(t)));
            case DELETE_POST -> signedIn && !t.deleted() && (moderates
                    || (reads && t.own() && !t.locked() && p.has(Permission.DELETE_OWN_POST) && withinEditTime(t)));
            case REACT -> signedIn && reads && p.has(Permission.REACT) && !t.own() && !t.deleted();
            case UPLOAD -> signedIn && reads && p.has(Permission.UPLOAD);
            case VOTE_IN_POLL -> signedIn && reads && p.has(Permission.VOTE_IN_POLLS);
            case VIEW_ATTACHMENTS -> reads && p.has(Permission.VIEW_ATTACHMENTS);
            case UPDATE_PROFILE -> admin || ((who == Standing.MEMBER || who.isStaff()) && t.own());
            case SET_CUSTOM_TITLE -> admin || (poster && t.own() && p.has(Permission.SET_CUSTOM_TITLE));
            case CHANGE_PASSWORD -> signedIn && t.own();
            case CHANGE_EMAIL -> poster && t.own();
            case CHANGE_ROLE -> admin && !t.own();
            case BAN_MEMBER -> !t.own() && t.targetRole() != Role.ADMIN
                    && (admin || (who == Standing.MODERATOR && t.targetRole() == Role.MEMBER));
            case MANAGE_STRUCTURE, RECOUNT, RERENDER_POSTS, MANAGE_GROUPS, MANAGE_PERMISSIONS, VIEW_AUDIT_LOG,
                    MANAGE_INTEGRATIONS, REBUILD_SEARCH -> admin;
            // what one may report one can see: a post on a board hidden from the reporter is not theirs to report
            case REPORT_CONTENT -> poster && reads && !t.own() && !t.deleted();
            case HANDLE_REPORTS -> staff;
            // the same reach as a ban: a warning's points can end in one
            case WARN_MEMBER -> !t.own() && t.targetRole() != Role.ADMIN
                    && (admin || (who == Standing.MODERATOR && t.targetRole() == Role.MEMBER));
            case VIEW_WARNINGS -> staff || (who == Standing.MEMBER && t.own()); // a banned member reads the ban's reason
        };
    }

    private boolean withinEditTime(Target t) {
        return editTimeLimit == null || t.age() == null || t.age().compareTo(editTimeLimit) <= 0;
    }

    /** Throws {@link NotAllowedException} when the action is refused; a guest is told to sign in. */
    public void check(Standing who, Action action, Target target) {
        check(Permissions.defaults(who), action, target);
    }

    /** Throws {@link NotAllowedException} when the action is refused; a guest is told to sign in. */
    public void check(Permissions p, Action action, Target target) {
        if (!allows(p, action, target)) {
            if (p.standing() == Standing.GUEST) {
                throw new NotAllowedException("you must sign in to do that", true);
            }
            throw new NotAllowedException(describe(p, action, target));
        }
    }

    /** What the grid grants the member (null: a guest) on a board (null: the forum-wide row) at {@code now}. */
    public Permissions permissions(Member member, Instant now, BoardId board) {
        Standing standing = Standing.of(member, now);
        return grid == null ? Permissions.defaults(standing) : grid.permissions(member, standing, board);
    }

    /**
     * May this member (null: a guest) see the board's content: view it and read its threads? The one question search,
     * alerts and lists ask.
     */
    public boolean canSee(Member member, Instant now, BoardId board) {
        return allows(permissions(member, now, board), Action.READ_FORUM, Target.board(board));
    }

    /**
     * The boards whose content this member (null: a guest) may not see ({@link #canSee} false): their threads, posts
     * and titles stay out of every list. Empty when every board is visible to them.
     */
    public Set<BoardId> hiddenBoards(Member member, Instant now) {
        return grid == null ? Set.of() : grid.hiddenBoards(member, Standing.of(member, now));
    }

    /** The forum's grid and its cache; null for a policy of built-in defaults only. */
    public PermissionGrid grid() {
        return grid;
    }

    /** The edit time limit for members' own posts; null for none. */
    public Duration editTimeLimit() {
        return editTimeLimit;
    }

    /**
     * The decision for an actor and the rules that made it: every grid cell looked at for the permissions the action
     * needs on the target's board, and the situation (banned, locked, deleted, own content, edit time).
     */
    public Decision explain(Actor actor, Action action, Target target) {
        PermissionGrid.Resolved r = grid == null ? PermissionGrid.Resolved.defaults(actor)
                : grid.resolveForExplain(actor, target.board());
        Permissions p = r.permissions();
        boolean allowed = allows(p, action, target);
        List<Grid.Trace> traces = new ArrayList<>();
        for (Permission needed : needs(action, target)) {
            traces.add(r.trace(needed));
        }
        List<String> notes = new ArrayList<>();
        notes.add("standing: " + p.standing().name().toLowerCase(java.util.Locale.ROOT)
                + (r.groupNames().isEmpty() ? "" : ", groups: " + String.join(", ", r.groupNames())));
        if (p.standing() == Standing.BANNED) {
            notes.add("banned: only viewing and reading are kept");
        }
        if (target.locked()) {
            notes.add("the thread is locked: only those who moderate may change it");
        }
        if (target.deleted()) {
            notes.add("the content is deleted");
        }
        if (target.own()) {
            notes.add("it is the actor's own");
        }
        if (target.age() != null && editTimeLimit != null && target.age().compareTo(editTimeLimit) > 0) {
            notes.add("the post is older than the edit time limit of " + editTimeLimit.toMinutes() + " minutes");
        }
        return new Decision(action, allowed, summary(allowed, action, p, target, traces), traces, notes);
    }

    private String summary(boolean allowed, Action action, Permissions p, Target t, List<Grid.Trace> traces) {
        if (allowed) {
            return "allowed";
        }
        boolean othersContent = (action == Action.EDIT_POST || action == Action.DELETE_POST) && !t.own();
        for (Grid.Trace trace : traces) {
            Permission perm = trace.permission();
            boolean relevant = switch (perm) {
                case MODERATE -> othersContent || !(action == Action.EDIT_POST || action == Action.DELETE_POST
                        || action == Action.REPLY);
                case EDIT_OWN_POST, DELETE_OWN_POST -> t.own();
                default -> true;
            };
            if (!trace.allowed() && relevant) {
                String never = trace.rules().stream().filter(r -> r.startsWith("never ")).findFirst().orElse(null);
                return "denied: " + (never != null ? never : perm.label() + " is not granted to any of the actor's groups");
            }
        }
        return "denied: " + describe(p, action, t);
    }

    /** The grid permissions an action depends on, for explanations. */
    static Set<Permission> needs(Action action, Target t) {
        EnumSet<Permission> read = EnumSet.of(Permission.VIEW_BOARD, Permission.READ_THREADS);
        switch (action) {
            case READ_FORUM -> { return read; }
            case VIEW_DELETED -> read.add(Permission.SEE_DELETED);
            case LOCK_THREAD, PIN_THREAD, MOVE_THREAD, DELETE_THREAD, RESTORE_THREAD, RESTORE_POST, APPROVE_CONTENT -> read.add(Permission.MODERATE);
            case START_THREAD -> read.add(Permission.START_THREAD);
            case REPLY -> {
                read.add(Permission.REPLY);
                if (t.locked()) {
                    read.add(Permission.MODERATE);
                }
            }
            case EDIT_POST -> read.addAll(EnumSet.of(Permission.EDIT_OWN_POST, Permission.MODERATE));
            case DELETE_POST -> read.addAll(EnumSet.of(Permission.DELETE_OWN_POST, Permission.MODERATE));
            case REACT -> read.add(Permission.REACT);
            case UPLOAD -> read.add(Permission.UPLOAD);
            case VOTE_IN_POLL -> read.add(Permission.VOTE_IN_POLLS);
            case VIEW_ATTACHMENTS -> read.add(Permission.VIEW_ATTACHMENTS);
            case SET_CUSTOM_TITLE -> { return EnumSet.of(Permission.SET_CUSTOM_TITLE); }
            default -> { return EnumSet.noneOf(Permission.class); }
        }
        return read;
    }

    private static String describe(Permissions p, Action action, Target t) {
        if (p.standing() == Standing.BANNED) {
            return "banned members cannot do that";
        }
        if (action == Action.REACT && t.own()) {
            return "you cannot react to your own post";
        }
        if (action == Action.REPORT_CONTENT && t.own()) {
            return "you cannot report your own post or profile";
        }
        if (t.deleted()) {
            return "that content has been deleted";
        }
        if (t.locked() && (action == Action.REPLY || action == Action.EDIT_POST || action == Action.DELETE_POST)) {
            return "this thread is locked";
        }
        if ((action == Action.EDIT_POST || action == Action.DELETE_POST) && t.own() && t.age() != null
                && (p.has(Permission.EDIT_OWN_POST) || p.has(Permission.DELETE_OWN_POST))) {
            return "the time to change this post has passed";
        }
        return "you are not allowed to do that";
    }
}
