package dev.forumkit.core.attachment;

import dev.forumkit.core.blob.BlobKey;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.PostId;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Storage port for attachment rows and each member's usage (files and bytes), kept in one transaction with the rows so
 * a quota holds under concurrent uploads. The bytes themselves live in a {@link dev.forumkit.core.blob.BlobStore}.
 */
public interface Attachments {
    /** Stores a new attachment; returns it with its id. */
    Attachment add(Attachment attachment);

    Optional<Attachment> byId(AttachmentId id);

    /** The post's attachments in upload order (by id). */
    List<Attachment> ofPost(PostId post);

    /** The attachments of each post that has any, each list in upload order; posts without any are left out. */
    Map<PostId, List<Attachment>> ofPosts(Collection<PostId> posts);

    /** The member's draft attachments (no post yet), in upload order. */
    List<Attachment> draftsOf(MemberId owner);

    /** Moves the owner's draft attachment into the post; false if it is not a draft of theirs. */
    boolean attach(AttachmentId id, MemberId owner, PostId post);

    /** Deletes the row; false if there was none. The caller releases its usage and deletes its blobs after commit. */
    boolean delete(AttachmentId id);

    /** Up to {@code limit} draft attachments created before {@code before}, oldest first: abandoned drafts. */
    List<Attachment> draftsCreatedBefore(Instant before, int limit);

    /** Whether any row names the blob, as its file or its thumbnail. */
    boolean refersTo(BlobKey blob);

    /** Up to {@code limit} attachments with ids above {@code after} (null: from the first), in id order: for recounts. */
    List<Attachment> page(AttachmentId after, int limit);

    /** The member's stored usage; zero for a member who never uploaded. */
    AttachmentUsage usage(MemberId member);

    /**
     * Locks the member's usage row (creating it) until the transaction ends: a member's uploads, attaches and deletes
     * then run one after another, and counts read after it see the others' committed rows.
     */
    void lockUsage(MemberId member);

    /**
     * Adds one file of {@code bytes} to the member's usage if the total stays within {@code maxBytes}; answers whether
     * it did. Locks the member's usage row until commit, as {@link #lockUsage} does.
     */
    boolean reserve(MemberId member, long bytes, long maxBytes);

    /** Takes one file of {@code bytes} off the member's usage (an attachment was deleted). */
    void release(MemberId member, long bytes);

    /** Sets the member's usage (a recount's repair). */
    void setUsage(AttachmentUsage usage);

    /** Every member with a stored usage row, for recounts. */
    List<AttachmentUsage> usages();
}
