package dev.forumkit.core.member;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Storage port for members. Lookups by username ignore case; e-mails are stored normalised. */
public interface Members {
    /** Stores a new member and returns it with its id; a taken username or e-mail is a ConflictException. */
    Member add(Member member);

    Optional<Member> byId(MemberId id);

    Map<MemberId, Member> byIds(Collection<MemberId> ids);

    Optional<Member> byUsername(String username);

    Optional<Member> byEmail(String normalisedEmail);

    /** Writes every field except the counters (message count, reaction score). */
    void update(Member member);

    /** Atomically adds to the counters. */
    void addCounters(MemberId id, int messageDelta, long reactionScoreDelta);

    /** Overwrites the counters (recount only). */
    void setCounters(MemberId id, int messageCount, long reactionScore);

    long count();

    /** True if any member has the ADMIN role. */
    boolean hasAdmin();

    /** The members with this role, in id order, at most {@code limit} (the admins a system alert goes to). */
    java.util.List<MemberId> withRole(Role role, int limit);

    /**
     * A page of the member list in the given order, leaving out deleted accounts (see {@link Member#erased()}); ties
     * are broken by id.
     */
    java.util.List<Member> page(MemberSort sort, int offset, int limit);

    /** How many members the list shows: all but deleted accounts. */
    long countListed();

    /** Every member, in id order (recount). */
    void forEach(Consumer<Member> action);
}
