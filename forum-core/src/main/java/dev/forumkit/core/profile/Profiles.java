package dev.forumkit.core.profile;

import dev.forumkit.core.member.MemberId;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Storage port for member profiles: one row per member who changed a setting or was seen. */
public interface Profiles {
    Optional<Profile> byMember(MemberId member);

    /** The stored profiles of those members that have one (a thread page's signatures in one query). */
    Map<MemberId, Profile> byMembers(Collection<MemberId> members);

    /**
     * These members (as {@code Members.byIds} finds them) and the stored profiles of those that have one (as
     * {@link #byMembers} finds them), in one read: a thread page's authors with their signatures.
     */
    MembersWithProfiles withMembers(Collection<MemberId> members);

    /** Inserts or replaces every field but {@code lastSeenAt}, which a new row starts without. */
    void put(Profile profile);

    /** Sets when the member was last seen (creating the row if needed), leaving the other fields alone. */
    void touchLastSeen(MemberId member, Instant at);

    /**
     * Removes the member's personal data everywhere the storage keeps it: the profile, sessions, alerts they received,
     * watched threads and boards, alert preferences, ignores both ways, reset and verification links, notification
     * e-mail state. Posts, reactions, reports and the audit log stay (they belong to the community's record).
     */
    void erasePersonalData(MemberId member);

    /** The member's avatar, if they uploaded one. {@link #erasePersonalData} removes it too. */
    Optional<Avatar> avatarOf(MemberId member);

    /** Sets (inserts or replaces) the member's avatar. */
    void putAvatar(Avatar avatar);

    /** Removes the member's avatar; answers false if there was none. */
    boolean removeAvatar(MemberId member);

    /** Every stored avatar, by member id: a node's cache of which members have one is filled from it. */
    List<Avatar> avatars();

    /** Whether an avatar names the blob (large or small): blob cleanup keeps those. */
    boolean avatarRefersTo(dev.forumkit.core.blob.BlobKey blob);
}
