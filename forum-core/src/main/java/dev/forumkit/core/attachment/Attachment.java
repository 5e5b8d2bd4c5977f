package dev.forumkit.core.attachment;

import dev.forumkit.core.blob.BlobKey;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.PostId;

import java.time.Instant;
import java.util.Objects;

/**
 * A file a member uploaded. It belongs to {@code post}, or, while {@code post} is null, to its owner's draft (the
 * editor it was uploaded from); a draft attachment not posted within a day is removed. {@code blob} holds the bytes
 * served ({@code size} of them, of {@code type}): for an image the re-encoded one, with {@code thumbnail} beside it
 * and its pixel size; other files have no thumbnail and zero dimensions. {@code name} is for display and downloads
 * only: a cleaned name, never a path.
 */
public record Attachment(AttachmentId id, MemberId owner, PostId post, BlobKey blob, BlobKey thumbnail, String name,
                         FileType type, long size, int width, int height, Instant createdAt) {
    public static final int MAX_NAME = 200;

    public Attachment {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(blob, "blob");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(createdAt, "createdAt");
        if (name.isEmpty() || name.length() > MAX_NAME || !name.equals(AttachmentNames.clean(name, type))) {
            throw new IllegalArgumentException("not a clean attachment name: " + name);
        }
        if (size < 0 || width < 0 || height < 0) {
            throw new IllegalArgumentException("size and dimensions must not be negative");
        }
        if ((thumbnail != null) != type.image()) {
            throw new IllegalArgumentException("re-encoded images, and only they, have a thumbnail");
        }
    }

    /** A new draft attachment, before the storage gives it an id. */
    public static Attachment draft(MemberId owner, BlobKey blob, BlobKey thumbnail, String name, FileType type,
                                   long size, int width, int height, Instant createdAt) {
        return new Attachment(null, owner, null, blob, thumbnail, name, type, size, width, height, createdAt);
    }

    public Attachment withId(AttachmentId newId) {
        return new Attachment(newId, owner, post, blob, thumbnail, name, type, size, width, height, createdAt);
    }

    public Attachment inPost(PostId newPost) {
        return new Attachment(id, owner, newPost, blob, thumbnail, name, type, size, width, height, createdAt);
    }

    public boolean isDraft() {
        return post == null;
    }

    /** Served inline (shown in the page): only images the server decoded and re-encoded itself. */
    public boolean inline() {
        return thumbnail != null;
    }
}
