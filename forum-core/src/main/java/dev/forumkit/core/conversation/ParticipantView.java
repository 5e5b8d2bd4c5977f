package dev.forumkit.core.conversation;

import dev.forumkit.core.member.MemberId;

/** A participant by name; {@code active} is false for one who left. */
public record ParticipantView(MemberId member, String name, boolean active) {
}
