package dev.forumkit.core.attachment;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The attachment settings: the largest file (as uploaded), files per post (a draft counts as one post), the bytes a
 * member may keep stored in all, and the types accepted (decided from the content).
 */
public record AttachmentLimits(long maxFileBytes, int filesPerPost, long bytesPerMember, Set<FileType> allowedTypes) {
    public static final AttachmentLimits DEFAULTS = new AttachmentLimits(8L << 20, 10, 256L << 20,
            EnumSet.allOf(FileType.class));

    public AttachmentLimits {
        Objects.requireNonNull(allowedTypes, "allowedTypes");
        if (maxFileBytes < 1 || filesPerPost < 1 || bytesPerMember < 1) {
            throw new IllegalArgumentException("attachment limits must be positive");
        }
        allowedTypes = allowedTypes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(allowedTypes));
    }

    public AttachmentLimits withMaxFileBytes(long value) {
        return new AttachmentLimits(value, filesPerPost, bytesPerMember, allowedTypes);
    }

    public AttachmentLimits withFilesPerPost(int value) {
        return new AttachmentLimits(maxFileBytes, value, bytesPerMember, allowedTypes);
    }

    public AttachmentLimits withBytesPerMember(long value) {
        return new AttachmentLimits(maxFileBytes, filesPerPost, value, allowedTypes);
    }

    public AttachmentLimits withAllowedTypes(Set<FileType> value) {
        return new AttachmentLimits(maxFileBytes, filesPerPost, bytesPerMember, value);
    }
}
