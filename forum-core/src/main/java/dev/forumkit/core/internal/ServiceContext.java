package dev.forumkit.core.internal;

import dev.forumkit.core.Actor;
import dev.forumkit.core.NotAllowedException;
import dev.forumkit.core.audit.AuditTrail;
import dev.forumkit.core.event.ForumEvent;
import dev.forumkit.core.event.Outbox;
import dev.forumkit.core.markup.MarkupRenderer;
import dev.forumkit.core.markup.MentionedMember;
import dev.forumkit.core.markup.Rendered;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.PasswordHasher;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.member.AuthorCard;
import dev.forumkit.core.policy.PermissionGrid;
import dev.forumkit.core.policy.Permissions;
import dev.forumkit.core.policy.Policy;
import dev.forumkit.core.policy.Standing;
import dev.forumkit.core.reaction.ReactionTypes;
import dev.forumkit.core.storage.ForumStorage;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What every service needs: storage, clock, policy, reaction types and the event outbox. Public only because the
 * services live in feature packages; not API.
 */
public final class ServiceContext {
    public final ForumStorage storage;
    public final Clock clock;
    public final Policy policy;
    public final ReactionTypes reactionTypes;
    public final PasswordHasher passwordHasher;
    public final Outbox outbox;
    public final int postsPerPage;
    public final int threadsPerPage;
    public final Counters counters;
    public final MarkupRenderer markup;
    public final PostViews postViews;
    /** Records staff actions in the audit log, in the command's transaction. */
    public final AuditTrail audit;
    private final Function<Member, String> memberUrl;
    /** The permission grid's cache; null when the policy has only the built-in defaults. */
    public final PermissionGrid grid;
    /** Whether a new post is held for approval (rules, moderated boards, spam checks). */
    public final Holds holds;

    public ServiceContext(ForumStorage storage, Clock clock, Policy policy, ReactionTypes reactionTypes,
                          PasswordHasher passwordHasher, Outbox outbox, int postsPerPage, int threadsPerPage,
                          MarkupRenderer markup, Function<Member, String> memberUrl) {
        this(storage, clock, policy, reactionTypes, passwordHasher, outbox, postsPerPage, threadsPerPage, markup, memberUrl,
                dev.forumkit.core.approval.ApprovalRules.OFF, dev.forumkit.core.approval.SpamChecks.none());
    }

    public ServiceContext(ForumStorage storage, Clock clock, Policy policy, ReactionTypes reactionTypes,
                          PasswordHasher passwordHasher, Outbox outbox, int postsPerPage, int threadsPerPage,
                          MarkupRenderer markup, Function<Member, String> memberUrl,
                          dev.forumkit.core.approval.ApprovalRules approvalRules, dev.forumkit.core.approval.SpamChecks spamChecks) {
        this.storage = storage;
        this.clock = clock;
        this.policy = policy;
        this.reactionTypes = reactionTypes;
        this.passwordHasher = passwordHasher;
        this.outbox = outbox;
        this.postsPerPage = postsPerPage;
        this.threadsPerPage = threadsPerPage;
        this.counters = new Counters(storage, reactionTypes);
        this.markup = markup;
        this.postViews = new PostViews(policy);
        this.memberUrl = memberUrl;
        this.audit = new AuditTrail(storage, this::now);
        this.grid = policy.grid();
        this.holds = new Holds(storage, approvalRules, spamChecks);
    }

    /** What the grid grants the member (null: a guest) on the board (null: forum-wide), now. */
    public Permissions permissions(Member member, BoardId board) {
        return policy.permissions(member, now(), board);
    }

    /** Boards the member (null: a guest) may not see: left out of every list, count and alert. */
    public Set<BoardId> hiddenBoards(Member member) {
        return policy.hiddenBoards(member, now());
    }

    /**
     * Call inside a command that changed grants, groups, memberships or boards: the stored version rises with the
     * change (other nodes notice within a second) and this node's cache goes right after the commit.
     */
    public void permissionsChanged() {
        storage.grants().bump();
        if (grid != null) {
            storage.transactions().afterCommit(grid::invalidate);
        }
    }

    /** The card of a post's author, with their primary group's banner. */
    public AuthorCard authorCard(Member m, Instant now) {
        return AuthorCard.of(m, now, grid == null ? null : grid.banner(m.id(), m.role()));
    }

    /**
     * Renders a post body, resolving @mentions against the members. Runs before the command's transaction: rendering
     * is the slow part of posting and must not hold the thread's row lock.
     */
    public Rendered render(String body) {
        return markup.render(body, this::mentioned);
    }

    /** The member an @mention of {@code username} names, if there is one (a storage read). */
    public Optional<MentionedMember> mentioned(String username) {
        Optional<Member> m = storage.members().byUsername(username);
        return m.map(member -> new MentionedMember(member.id(), member.username(), memberUrl.apply(member)));
    }

    /** Microsecond precision: what SQL timestamps keep, so a stored time equals the one we computed. */
    public Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /**
     * Runs a command in one transaction and appends the events it recorded to the outbox in that same transaction,
     * last, so the outbox's position counter is held only from there to the commit. Nothing is delivered here: the
     * outbox delivers once the outermost transaction (a caller's, if the command runs inside one) has committed.
     */
    public <T> T command(Function<List<ForumEvent>, T> work) {
        return storage.transactions().inTransaction(() -> {
            List<ForumEvent> events = new ArrayList<>(); // fresh per attempt: an adapter may retry after a deadlock
            T result = work.apply(events);
            outbox.append(events);
            return result;
        });
    }

    /** The acting member, or null for a guest (also for a member id that no longer exists). */
    public Member load(Actor actor) {
        return actor.memberId().flatMap(id -> storage.members().byId(id)).orElse(null);
    }

    /**
     * The acting member for a read: the record the caller read for this request if it handed one over
     * ({@link Actor#signedIn}), else as {@link #load}. Commands use {@link #load} and {@link #requireMember}, which
     * always read the member in the command's transaction.
     */
    public Member viewer(Actor actor) {
        return actor.known().orElseGet(() -> load(actor));
    }

    public Standing standing(Member member) {
        return Standing.of(member, now());
    }

    /** The acting member; a guest gets a sign-in-required refusal. */
    public Member requireMember(Actor actor) {
        Member m = load(actor);
        if (m == null) {
            throw new NotAllowedException("you must sign in to do that", true);
        }
        return m;
    }
}
