package dev.forumkit.core.profile;

import dev.forumkit.core.Actor;
import dev.forumkit.core.ConflictException;
import dev.forumkit.core.group.MemberGroups;
import dev.forumkit.core.member.Role;
import dev.forumkit.core.member.MemberSort;
import dev.forumkit.core.read.Page;
import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.internal.ServiceContext;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.policy.Action;
import dev.forumkit.core.policy.Target;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Profiles and display settings, "last seen" and who is online. Signatures go through the same markup pipeline as
 * posts (rendered and sanitised once, when saved), with a length limit that is a forum setting.
 */
public final class ProfileService {
    /** "Last seen" is kept to within five minutes: exact times would cost a write per page view. */
    public static final Duration LAST_SEEN_PRECISION = Duration.ofMinutes(5);
    public static final int MEMBERS_PER_PAGE = 30;
    public static final int ACTIVITY_PER_PAGE = 20;
    private final ServiceContext ctx;
    private final int signatureMaxLength;
    private final OnlineNow online;
    // what this node last wrote per member: the throttle must not cost a read per page view either
    private final Map<MemberId, Instant> lastWritten = new ConcurrentHashMap<>();

    private final AvatarService avatars;

    public ProfileService(ServiceContext ctx, int signatureMaxLength, AvatarService avatars) {
        this.ctx = ctx;
        this.signatureMaxLength = signatureMaxLength;
        this.avatars = java.util.Objects.requireNonNull(avatars, "avatars");
        this.online = new OnlineNow(ctx.clock);
    }

    /** The longest signature a member may save, in characters of source text. */
    public int signatureMaxLength() {
        return signatureMaxLength;
    }

    /** The member's profile (defaults when they never changed a setting); not found for unknown members. */
    public Profile of(MemberId memberId) {
        return ctx.storage.transactions().readOnly(() -> {
            ctx.storage.members().byId(memberId).orElseThrow(() -> new NotFoundException("no member " + memberId));
            return ctx.storage.profiles().byMember(memberId).orElse(Profile.empty(memberId));
        });
    }

    /** The stored profiles of these members (a page's post authors, for their signatures), in one read. */
    public Map<MemberId, Profile> ofMembers(Collection<MemberId> members) {
        return ctx.storage.transactions().readOnly(() -> ctx.storage.profiles().byMembers(members));
    }

    /**
     * A page (from 1) of the member list as a guest sees it, {@link #MEMBERS_PER_PAGE} a page, deleted accounts left
     * out.
     */
    public Page<Member> memberList(MemberSort sort, int page) {
        return memberList(dev.forumkit.core.Actor.guest(), sort, page);
    }

    /**
     * A page (from 1) of the member list, {@link #MEMBERS_PER_PAGE} a page, deleted accounts left out; messages and
     * reaction scores (and the order by them) leave out the boards the viewer may not see.
     */
    public Page<Member> memberList(dev.forumkit.core.Actor viewer, MemberSort sort, int page) {
        if (page < 1) {
            throw InvalidInputException.of("page", "out_of_range", "pages start at 1");
        }
        MemberSort order = sort == null ? MemberSort.NAME : sort;
        return ctx.storage.transactions().readOnly(() -> {
            java.util.Set<dev.forumkit.core.board.BoardId> hidden = ctx.hiddenBoards(ctx.load(viewer));
            long total = ctx.storage.members().countListed();
            List<Member> items = ctx.storage.members().page(order, hidden, (page - 1) * MEMBERS_PER_PAGE, MEMBERS_PER_PAGE);
            return new Page<>(items, page, Page.lastPage(total, MEMBERS_PER_PAGE), MEMBERS_PER_PAGE, total);
        });
    }

    /**
     * A page (from 1, {@link #ACTIVITY_PER_PAGE} a page) of the member's visible posts, or with {@code threadsOnly}
     * of the threads they started, leaving out boards the viewer may not see.
     */
    public Activity activity(Actor viewer, MemberId memberId, boolean threadsOnly, int page) {
        if (page < 1) {
            throw InvalidInputException.of("page", "out_of_range", "pages start at 1");
        }
        return ctx.storage.transactions().readOnly(() -> {
            Member me = ctx.load(viewer);
            ctx.storage.members().byId(memberId).orElseThrow(() -> new NotFoundException("no member " + memberId));
            java.util.Set<dev.forumkit.core.board.BoardId> hidden = ctx.hiddenBoards(me);
            List<dev.forumkit.core.post.Post> posts = ctx.storage.posts().visibleByAuthor(memberId, hidden, threadsOnly,
                    (page - 1) * ACTIVITY_PER_PAGE, ACTIVITY_PER_PAGE + 1);
            boolean more = posts.size() > ACTIVITY_PER_PAGE;
            List<dev.forumkit.core.post.Post> shown = more ? posts.subList(0, ACTIVITY_PER_PAGE) : posts;
            var threads = shown.isEmpty() ? Map.<dev.forumkit.core.content.ThreadId, dev.forumkit.core.thread.ForumThread>of()
                    : ctx.storage.threads().byIds(shown.stream().map(dev.forumkit.core.post.Post::threadId)
                    .collect(java.util.stream.Collectors.toSet()));
            List<Activity.Item> items = shown.stream().map(p -> new Activity.Item(p,
                    threads.get(p.threadId()) == null ? null : threads.get(p.threadId()).title())).toList();
            return new Activity(items, page, more);
        });
    }

    /** Saves a member's profile: their own, or anyone's for an admin. */
    public Profile update(Actor actor, MemberId memberId, ProfileEdit edit) {
        if (edit == null) {
            throw InvalidInputException.of("profile", "required", "profile is required");
        }
        if (edit.signature() != null && edit.signature().codePointCount(0, edit.signature().length()) > signatureMaxLength) {
            throw InvalidInputException.of("signature", "too_long",
                    "signature must be at most " + signatureMaxLength + " characters");
        }
        // rendering is slow: outside the transaction, like posts
        String html = edit.signature() == null ? null : ctx.render(edit.signature()).html();
        return ctx.command(events -> {
            Member me = ctx.requireMember(actor);
            Member target = ctx.storage.members().byId(memberId).filter(m -> !m.isDeleted())
                    .orElseThrow(() -> new NotFoundException("no member " + memberId));
            ctx.policy.check(ctx.standing(me), Action.UPDATE_PROFILE, Target.member(me.id().equals(target.id()), target.role()));
            Profile updated = ctx.storage.profiles().byMember(memberId).orElse(Profile.empty(memberId)).edited(edit, html);
            ctx.storage.profiles().put(updated);
            return updated;
        });
    }

    /**
     * Notes that the member is around (a page view): online now at once, and "last seen" in storage at most once per
     * {@link #LAST_SEEN_PRECISION} per member and node. True when this call wrote.
     */
    public boolean seen(MemberId memberId) {
        Instant now = ctx.now();
        online.member(memberId);
        Instant last = lastWritten.get(memberId);
        if (last != null && last.plus(LAST_SEEN_PRECISION).isAfter(now)) {
            return false;
        }
        lastWritten.put(memberId, now);
        ctx.storage.transactions().run(() -> ctx.storage.profiles().touchLastSeen(memberId, now));
        return true;
    }

    /** Notes a guest's page view (never a write); {@code key} tells guests apart, e.g. a hash of IP and user agent. */
    public void guestSeen(String key) {
        online.guest(key);
    }

    /** Who was around in the last fifteen minutes, as this node saw it; members who hide their last seen are counted only. */
    public Online onlineNow() {
        OnlineNow.Seen seen = online.seen();
        return ctx.storage.transactions().readOnly(() -> {
            Map<MemberId, Member> members = ctx.storage.members().byIds(seen.members());
            Map<MemberId, Profile> profiles = ctx.storage.profiles().byMembers(seen.members());
            List<Member> named = new ArrayList<>();
            int hidden = 0;
            for (Member m : members.values()) {
                if (m.isDeleted()) {
                    continue;
                }
                Profile p = profiles.get(m.id());
                if (p != null && p.hideLastSeen()) {
                    hidden++;
                } else {
                    named.add(m);
                }
            }
            named.sort(Comparator.comparing(m -> Member.usernameKey(m.username())));
            return new Online(named, hidden, seen.guests());
        });
    }

    /**
     * Deletes the actor's own account after checking their password. Their posts, reactions and counters stay,
     * attributed to "Deleted member N"; the e-mail address, password, title, profile, sessions, alerts, watches,
     * preferences, ignores, groups, avatar and open links go. The old username is free for anyone to register again. The
     * forum's only admin cannot leave this way (make another member admin first).
     */
    public void deleteOwnAccount(Actor actor, String password) {
        Member me = ctx.storage.transactions().readOnly(() -> ctx.requireMember(actor));
        if (me.isDeleted()) {
            throw new NotFoundException("that account is already deleted");
        }
        // the slow hash check before the transaction, as for a password change
        if (password == null || password.length() > 200 || !ctx.passwordHasher.verify(password.toCharArray(), me.passwordHash())) {
            throw InvalidInputException.of("password", "wrong_password", "the password is wrong");
        }
        ctx.command(events -> {
            Member fresh = ctx.storage.members().byId(me.id()).orElseThrow(() -> new NotFoundException("no member " + me.id()));
            ctx.storage.members().update(fresh.erased());
            if (fresh.role() == Role.ADMIN && !ctx.storage.members().hasAdmin()) {
                throw new ConflictException("you are the forum's only admin: make another member an admin first");
            }
            java.util.Optional<Avatar> avatar = ctx.storage.profiles().avatarOf(fresh.id());
            ctx.storage.profiles().erasePersonalData(fresh.id()); // the avatar's row too; its images after the commit
            ctx.storage.transactions().afterCommit(() -> avatars.erased(avatar));
            ctx.storage.groups().put(MemberGroups.none(fresh.id()));
            if (ctx.grid != null) {
                ctx.permissionsChanged(); // the grid caches members' groups and their own cells
            }
            return null;
        });
        lastWritten.remove(me.id());
        online.forget(me.id());
    }
}
