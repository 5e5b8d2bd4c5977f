package dev.forumkit.core.policy;

import dev.forumkit.core.NotAllowedException;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Role;
import dev.forumkit.core.verify.Verification;

import java.util.Objects;

/**
 * The one place that decides who may do what. Deny by default: an action not named here is refused.
 * Locked threads take replies from moderators and admins only; banned members may read and change their password.
 */
public final class Policy {
    /** The code of the refusal an unverified member gets when the forum requires a verified address to post. */
    public static final String EMAIL_UNVERIFIED = "email_unverified";
    private final Verification verification;

    /** A policy that does not ask for verified e-mail addresses. */
    public Policy() {
        this(Verification.OFF);
    }

    public Policy(Verification verification) {
        this.verification = Objects.requireNonNull(verification, "verification");
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

    public boolean allows(Standing who, Action action, Target t) {
        boolean member = who == Standing.MEMBER;
        boolean staff = who.isStaff();
        boolean admin = who == Standing.ADMIN;
        return switch (action) {
            case READ_FORUM -> true;
            case VIEW_DELETED, LOCK_THREAD, PIN_THREAD, MOVE_THREAD, DELETE_THREAD, RESTORE_THREAD, RESTORE_POST -> staff;
            case START_THREAD -> member || staff;
            case REPLY -> !t.deleted() && (staff || (member && !t.locked()));
            case EDIT_POST, DELETE_POST -> !t.deleted() && (staff || (member && t.own() && !t.locked()));
            case REACT -> (member || staff) && !t.own() && !t.deleted();
            case UPDATE_PROFILE -> admin || ((member || staff) && t.own());
            case CHANGE_PASSWORD -> who.isSignedIn() && t.own();
            case CHANGE_EMAIL -> (member || staff) && t.own();
            case CHANGE_ROLE -> admin && !t.own();
            case BAN_MEMBER -> !t.own() && t.targetRole() != Role.ADMIN
                    && (admin || (who == Standing.MODERATOR && t.targetRole() == Role.MEMBER));
            case MANAGE_STRUCTURE, RECOUNT, RERENDER_POSTS -> admin;
            case REPORT_CONTENT -> (member || staff) && !t.own() && !t.deleted();
            case HANDLE_REPORTS -> staff;
            // the same reach as a ban: a warning's points can end in one
            case WARN_MEMBER -> !t.own() && t.targetRole() != Role.ADMIN
                    && (admin || (who == Standing.MODERATOR && t.targetRole() == Role.MEMBER));
            case VIEW_WARNINGS -> staff || (member && t.own()); // a banned member reads the ban's reason instead
            case VIEW_AUDIT_LOG -> admin;
        };
    }

    /** Throws {@link NotAllowedException} when the action is refused; a guest is told to sign in. */
    public void check(Standing who, Action action, Target target) {
        if (!allows(who, action, target)) {
            if (who == Standing.GUEST) {
                throw new NotAllowedException("you must sign in to do that", true);
            }
            throw new NotAllowedException(describe(who, action, target));
        }
    }

    private static String describe(Standing who, Action action, Target t) {
        if (who == Standing.BANNED) {
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
        return "you are not allowed to do that";
    }
}
