package dev.forumkit.core.internal;

import dev.forumkit.core.approval.ApprovalRules;
import dev.forumkit.core.approval.HeldPost;
import dev.forumkit.core.approval.HoldEvidence;
import dev.forumkit.core.approval.SpamChecks;
import dev.forumkit.core.approval.Submission;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.policy.Permission;
import dev.forumkit.core.policy.Permissions;
import dev.forumkit.core.storage.ForumStorage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Decides, inside the posting transaction, whether a new post is held for approval: by the rules, a moderated board
 * or a spam verdict. Whoever moderates the board is never held. Public only for the services; not API.
 */
public final class Holds {
    private static final Pattern LINK = Pattern.compile("(?i)(?:https?://|(?<![/\\w.])www\\.)");
    private static final int RECENT = 20;
    private final ForumStorage storage;
    private final ApprovalRules rules;
    private final SpamChecks spam;

    public Holds(ForumStorage storage, ApprovalRules rules, SpamChecks spam) {
        this.storage = storage;
        this.rules = rules;
        this.spam = spam;
    }

    /**
     * Reads the evidence the rules weigh for a post by {@code author}, in one storage call. None of it is guarded by a
     * thread's row lock, so a reply reads it before taking that lock: replies to one thread queue on the lock, and on
     * a database over a network every read made while holding it is a round trip the next reply waits through.
     */
    public HoldEvidence evidence(Member author) {
        return storage.holdEvidence(author.id(), RECENT);
    }

    /** Why the post must wait for a moderator; empty when it goes up at once. */
    public List<String> reasons(Member author, Permissions standing, BoardId board, ThreadId thread, String title,
                                String body, Instant now) {
        if (standing.has(Permission.MODERATE)) {
            return List.of(); // a moderator's post is never held: nothing to read
        }
        return reasons(author, standing, board, thread, title, body, now, evidence(author));
    }

    /** As above, weighing evidence read beforehand. */
    public List<String> reasons(Member author, Permissions standing, BoardId board, ThreadId thread, String title,
                                String body, Instant now, HoldEvidence evidence) {
        if (standing.has(Permission.MODERATE)) {
            return List.of();
        }
        List<String> reasons = new ArrayList<>();
        int posts = author.messageCount();
        int links = links(body);
        if (evidence.moderatedBoards().contains(board)) {
            reasons.add("the board is moderated");
        }
        if (posts < rules.firstPosts()) {
            reasons.add("a new member's first " + rules.firstPosts() + " posts are approved by a moderator");
        }
        if (posts < rules.linkPostsBelow() && links > rules.maxLinks()) {
            reasons.add(links + " links from a member with fewer than " + rules.linkPostsBelow() + " posts");
        }
        reasons.addAll(spam.check(new Submission(author, board, thread, title, body, links, now,
                evidence.recentPosts(), evidence.recentHeld())));
        return reasons;
    }

    /** Holds the post; returns it with its id. */
    public HeldPost hold(HeldPost held) {
        return storage.heldPosts().add(held);
    }

    /** How many links a body has (http, https and www. addresses). */
    public static int links(String body) {
        return (int) LINK.matcher(body).results().count();
    }
}
