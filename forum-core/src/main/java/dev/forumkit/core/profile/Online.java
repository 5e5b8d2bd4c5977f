package dev.forumkit.core.profile;

import dev.forumkit.core.member.Member;

import java.util.List;

/**
 * "Members online now": the members who were around lately and let it show (by name), how many more hide their last
 * seen, and how many guests; counted by this node (see {@code OnlineNow}).
 */
public record Online(List<Member> members, int hiddenMembers, int guests) {
    public Online {
        members = List.copyOf(members);
    }

    /** Everyone counted: named and hidden members and guests. */
    public int total() {
        return members.size() + hiddenMembers + guests;
    }
}
