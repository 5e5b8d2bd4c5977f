package dev.forumkit.core.attachment;

import dev.forumkit.core.member.MemberId;

import java.util.Objects;

/** What a member's attachments take: how many files and how many bytes (the quota counts bytes). */
public record AttachmentUsage(MemberId member, long files, long bytes) {
    public AttachmentUsage {
        Objects.requireNonNull(member, "member");
        if (files < 0 || bytes < 0) {
            throw new IllegalArgumentException("usage must not be negative");
        }
    }

    public static AttachmentUsage none(MemberId member) {
        return new AttachmentUsage(member, 0, 0);
    }
}
