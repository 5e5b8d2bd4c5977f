package dev.forumkit.core.attachment;

import dev.forumkit.core.Actor;
import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.blob.BlobInfo;
import dev.forumkit.core.blob.BlobKey;
import dev.forumkit.core.blob.BlobStore;
import dev.forumkit.core.blob.BlobTooLargeException;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.image.ImageException;
import dev.forumkit.core.image.ImagePipeline;
import dev.forumkit.core.image.ProcessedImage;
import dev.forumkit.core.internal.ServiceContext;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.policy.Action;
import dev.forumkit.core.policy.Permissions;
import dev.forumkit.core.policy.Target;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.thread.ForumThread;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Uploading, attaching, serving and cleaning up attachments. An upload is written to the blob store first and its row
 * second, in a transaction that also adds it to the member's usage (so quotas hold under concurrent uploads); a crash
 * in between leaves a blob without a row, which {@link #cleanUp()} deletes a day later. Deleting goes the other way:
 * row first, blobs after the commit.
 */
public final class AttachmentService {
    /** How long a draft attachment (and a blob without a row) is kept before cleanup removes it. */
    public static final Duration DRAFT_LIFETIME = Duration.ofDays(1);
    private static final int BATCH = 200;

    private final ServiceContext ctx;
    private final BlobStore blobs;
    private final AttachmentLimits limits;
    private final ImagePipeline images;

    public AttachmentService(ServiceContext ctx, BlobStore blobs, AttachmentLimits limits, ImagePipeline images) {
        this.ctx = Objects.requireNonNull(ctx);
        this.blobs = Objects.requireNonNull(blobs);
        this.limits = Objects.requireNonNull(limits);
        this.images = Objects.requireNonNull(images);
    }

    public AttachmentLimits limits() {
        return limits;
    }

    /** The blob store the forum's files live in. */
    public BlobStore blobs() {
        return blobs;
    }

    /**
     * Uploads a file into the member's draft for a post on the board (a new thread or a reply there); it joins a post
     * through {@link #attach}. The type comes from the bytes; images are re-encoded.
     */
    public Attachment uploadDraft(Actor actor, BoardId board, String fileName, InputStream content) {
        Member me = ctx.storage.transactions().readOnly(() -> {
            Member m = ctx.requireMember(actor);
            ctx.storage.boards().byId(board).orElseThrow(() -> new NotFoundException("no board " + board));
            checkUpload(m, ctx.permissions(m, board));
            return m;
        });
        return store(me, null, fileName, content);
    }

    /** Uploads a file into the member's own post (while editing it): they must be allowed to edit it and upload. */
    public Attachment uploadToPost(Actor actor, PostId postId, String fileName, InputStream content) {
        Member me = ctx.storage.transactions().readOnly(() -> {
            Member m = ctx.requireMember(actor);
            Post post = ctx.storage.posts().byId(postId).orElseThrow(() -> new NotFoundException("no post " + postId));
            ForumThread thread = ctx.storage.threads().byId(post.threadId())
                    .orElseThrow(() -> new NotFoundException("no post " + postId));
            checkOwnPost(m, post, thread);
            return m;
        });
        return store(me, postId, fileName, content);
    }

    /**
     * Moves the member's draft attachments into their post (just written or being edited), keeping the files per post
     * limit. Ids that are not (or no longer) their drafts are skipped: a form sent twice attaches once. Returns the
     * post's attachments.
     */
    public List<Attachment> attach(Actor actor, PostId postId, Collection<AttachmentId> drafts) {
        return ctx.command(events -> {
            Member me = ctx.requireMember(actor);
            Post post = ctx.storage.posts().byId(postId).orElseThrow(() -> new NotFoundException("no post " + postId));
            if (!post.authorId().equals(me.id())) {
                throw new dev.forumkit.core.NotAllowedException("attachments go into your own posts");
            }
            Attachments rows = ctx.storage.attachments();
            rows.lockUsage(me.id()); // the member's lock: their uploads and attaches go one at a time
            List<Attachment> mine = new ArrayList<>();
            for (AttachmentId id : new LinkedHashSet<>(drafts)) {
                rows.byId(id).filter(a -> a.isDraft() && a.owner().equals(me.id())).ifPresent(mine::add);
            }
            int present = rows.ofPost(postId).size();
            if (present + mine.size() > limits.filesPerPost()) {
                throw InvalidInputException.of("attachments", "too_many_files",
                        "a post can have at most " + limits.filesPerPost() + " attachments");
            }
            mine.forEach(a -> rows.attach(a.id(), me.id(), postId));
            return rows.ofPost(postId);
        });
    }

    /** The member's draft attachments, in upload order. */
    public List<Attachment> drafts(Actor actor) {
        return ctx.storage.transactions().readOnly(() -> ctx.storage.attachments().draftsOf(ctx.requireMember(actor).id()));
    }

    /** The member's usage of their quota. */
    public AttachmentUsage usage(Actor actor) {
        return ctx.storage.transactions().readOnly(() -> ctx.storage.attachments().usage(ctx.requireMember(actor).id()));
    }

    /**
     * Deletes an attachment: its owner may while it is a draft or while they may edit its post; moderators of the
     * post's board may always. Its usage is given back; its blobs go after the commit.
     */
    public void delete(Actor actor, AttachmentId id) {
        ctx.command(events -> {
            Member me = ctx.requireMember(actor);
            Attachments rows = ctx.storage.attachments();
            Attachment a = rows.byId(id).orElseThrow(() -> new NotFoundException("no attachment " + id));
            if (a.isDraft()) {
                if (!a.owner().equals(me.id())) {
                    throw new NotFoundException("no attachment " + id);
                }
            } else {
                Post post = ctx.storage.posts().byId(a.post()).orElseThrow(() -> new NotFoundException("no attachment " + id));
                ForumThread thread = ctx.storage.threads().byId(post.threadId()).orElseThrow();
                Permissions p = ctx.permissions(me, thread.boardId());
                ctx.policy.check(p, Action.EDIT_POST, Target.content(post.authorId().equals(me.id()), thread.locked(),
                        post.isDeleted() || thread.isDeleted()));
            }
            rows.lockUsage(a.owner());
            if (!rows.delete(id)) {
                throw new NotFoundException("no attachment " + id);
            }
            rows.release(a.owner(), a.size());
            ctx.storage.transactions().afterCommit(() -> deleteBlobs(a));
            return a;
        });
    }

    /**
     * The attachments of the posts (of one thread page) the viewer may see; empty when the viewer may not view
     * attachments on the thread's board. The caller passes posts it showed the viewer.
     */
    public Map<PostId, List<Attachment>> ofPosts(Actor actor, ThreadId threadId, Collection<PostId> posts) {
        if (posts.isEmpty()) {
            return Map.of();
        }
        return ctx.storage.transactions().readOnly(() -> {
            Map<PostId, List<Attachment>> found = ctx.storage.attachments().ofPosts(posts);
            if (found.isEmpty()) {
                return found; // most pages: one query, no permission lookups
            }
            Member me = ctx.load(actor);
            ForumThread thread = ctx.storage.threads().byId(threadId).orElse(null);
            if (thread == null || !ctx.policy.allows(ctx.permissions(me, thread.boardId()), Action.VIEW_ATTACHMENTS, Target.NONE)) {
                return Map.of();
            }
            return found;
        });
    }

    /**
     * The attachments of a thread page core built for this viewer ({@code forum.reading().threadPage(...)}), for
     * the posts it shows; empty when the viewer may not view attachments on its board. Costs one query when the
     * viewer may view them (a guest's permission comes from the cached grid) and nothing more for a page without any.
     */
    public Map<PostId, List<Attachment>> ofPage(Actor actor, dev.forumkit.core.read.ThreadPage page) {
        List<PostId> posts = page.posts().items().stream().map(v -> v.post().id()).toList();
        if (posts.isEmpty()) {
            return Map.of();
        }
        BoardId board = page.board().id();
        if (actor.isGuest()) {
            return ctx.policy.allows(ctx.permissions(null, board), Action.VIEW_ATTACHMENTS, Target.NONE)
                    ? ctx.storage.transactions().readOnly(() -> ctx.storage.attachments().ofPosts(posts)) : Map.of();
        }
        return ctx.storage.transactions().readOnly(() -> {
            Map<PostId, List<Attachment>> found = ctx.storage.attachments().ofPosts(posts);
            if (found.isEmpty() || !ctx.policy.allows(ctx.permissions(ctx.load(actor), board), Action.VIEW_ATTACHMENTS, Target.NONE)) {
                return Map.of(); // the member is looked up only when there is something to show
            }
            return found;
        });
    }

    /**
     * An attachment (or its thumbnail) the viewer may open: a draft only for its owner; a posted one for those who may
     * read the post (not deleted, or deleted and they see deleted content; on a board they may read) and view
     * attachments there. Anything else is not found, so nothing about it leaks.
     */
    public Download download(Actor actor, AttachmentId id, boolean thumbnail) {
        Attachment a = ctx.storage.transactions().readOnly(() -> {
            Member me = ctx.load(actor);
            Attachment found = ctx.storage.attachments().byId(id).orElseThrow(() -> new NotFoundException("no attachment " + id));
            if (found.isDraft()) {
                if (me == null || !found.owner().equals(me.id())) {
                    throw new NotFoundException("no attachment " + id);
                }
                return found;
            }
            Post post = ctx.storage.posts().byId(found.post()).orElseThrow(() -> new NotFoundException("no attachment " + id));
            ForumThread thread = ctx.storage.threads().byId(post.threadId())
                    .orElseThrow(() -> new NotFoundException("no attachment " + id));
            Permissions p = ctx.permissions(me, thread.boardId());
            boolean deleted = post.isDeleted() || thread.isDeleted();
            boolean readable = ctx.policy.allows(p, Action.READ_FORUM, Target.NONE)
                    && (!deleted || ctx.policy.allows(p, Action.VIEW_DELETED, Target.NONE));
            if (!readable || !ctx.policy.allows(p, Action.VIEW_ATTACHMENTS, Target.NONE)) {
                throw new NotFoundException("no attachment " + id);
            }
            return found;
        });
        if (thumbnail && !a.inline()) {
            throw new NotFoundException("attachment " + id + " has no thumbnail");
        }
        BlobKey key = thumbnail ? a.thumbnail() : a.blob();
        BlobInfo info = blobs.info(key).orElseThrow(() -> new NotFoundException("no attachment " + id));
        return new Download(a, thumbnail, info.size(), blobs);
    }

    /**
     * Removes draft attachments older than {@link #DRAFT_LIFETIME} and blobs that no row names and that are older than
     * that (left by a crash between storing a blob and its row). Safe on several nodes at once. Answers how many
     * drafts and blobs it removed.
     */
    public int cleanUp() {
        Instant cutoff = ctx.now().minus(DRAFT_LIFETIME);
        int removed = 0;
        while (true) {
            List<Attachment> old = ctx.storage.transactions().readOnly(
                    () -> ctx.storage.attachments().draftsCreatedBefore(cutoff, BATCH));
            int before = removed;
            for (Attachment a : old) {
                boolean gone = ctx.storage.transactions().inTransaction(() -> {
                    Attachments rows = ctx.storage.attachments();
                    rows.lockUsage(a.owner()); // after the owner's attach, if one raced this
                    Optional<Attachment> still = rows.byId(a.id()).filter(Attachment::isDraft);
                    if (still.isPresent() && rows.delete(a.id())) {
                        rows.release(a.owner(), a.size());
                        ctx.storage.transactions().afterCommit(() -> deleteBlobs(a));
                        return true;
                    }
                    return false;
                });
                if (gone) {
                    removed++;
                }
            }
            if (old.size() < BATCH || removed == before) {
                break;
            }
        }
        BlobKey after = null;
        while (true) {
            List<BlobInfo> page = blobs.list(after, BATCH);
            for (BlobInfo b : page) {
                // avatars live in the same store: their blobs are named by profile rows, not attachment rows
                if (b.storedAt().isBefore(cutoff) && !ctx.storage.transactions().readOnly(
                        () -> ctx.storage.attachments().refersTo(b.key()) || ctx.storage.profiles().avatarRefersTo(b.key()))) {
                    if (blobs.delete(b.key())) {
                        removed++;
                    }
                }
            }
            if (page.size() < BATCH) {
                return removed;
            }
            after = page.get(page.size() - 1).key();
        }
    }

    /**
     * Recounts every member's usage from the attachment rows and checks that every row's blobs exist; with
     * {@code repair} the usage is set to the count (missing blobs are only reported). Admins only.
     */
    public AttachmentRecount recount(Actor actor, boolean repair) {
        ctx.storage.transactions().readOnly(() -> {
            Member me = ctx.requireMember(actor);
            ctx.policy.check(ctx.permissions(me, null), Action.RECOUNT, Target.NONE);
            return null;
        });
        return recountAsSystem(repair);
    }

    /** {@link #recount} without a permission check: for the command line and start-up after a crash. */
    public AttachmentRecount recountAsSystem(boolean repair) {
        Map<MemberId, long[]> counted = new HashMap<>();
        List<AttachmentId> missing = new ArrayList<>();
        AttachmentId after = null;
        while (true) {
            AttachmentId from = after;
            List<Attachment> page = ctx.storage.transactions().readOnly(() -> ctx.storage.attachments().page(from, BATCH));
            for (Attachment a : page) {
                long[] c = counted.computeIfAbsent(a.owner(), k -> new long[2]);
                c[0]++;
                c[1] += a.size();
                if (blobs.info(a.blob()).isEmpty() || (a.thumbnail() != null && blobs.info(a.thumbnail()).isEmpty())) {
                    missing.add(a.id());
                }
            }
            if (page.size() < BATCH) {
                break;
            }
            after = page.get(page.size() - 1).id();
        }
        // usage is compared in one transaction with its own count, so an upload meanwhile is no false difference
        List<AttachmentRecount.UsageDifference> differences = ctx.storage.transactions().inTransaction(() -> {
            Attachments rows = ctx.storage.attachments();
            Map<MemberId, AttachmentUsage> stored = new HashMap<>();
            rows.usages().forEach(u -> stored.put(u.member(), u));
            LinkedHashSet<MemberId> members = new LinkedHashSet<>(stored.keySet());
            members.addAll(counted.keySet());
            List<AttachmentRecount.UsageDifference> out = new ArrayList<>();
            for (MemberId m : members) {
                rows.lockUsage(m);
                List<Attachment> own = ownedBy(rows, m);
                AttachmentUsage now = new AttachmentUsage(m, own.size(), own.stream().mapToLong(Attachment::size).sum());
                AttachmentUsage was = rows.usage(m);
                if (was.files() != now.files() || was.bytes() != now.bytes()) {
                    out.add(new AttachmentRecount.UsageDifference(was, now));
                    if (repair) {
                        rows.setUsage(now);
                    }
                }
            }
            return out;
        });
        return new AttachmentRecount(differences, missing, repair && !differences.isEmpty());
    }

    private static List<Attachment> ownedBy(Attachments rows, MemberId member) {
        List<Attachment> out = new ArrayList<>();
        AttachmentId after = null;
        while (true) {
            List<Attachment> page = rows.page(after, BATCH);
            page.stream().filter(a -> a.owner().equals(member)).forEach(out::add);
            if (page.size() < BATCH) {
                return out;
            }
            after = page.get(page.size() - 1).id();
        }
    }

    private void checkUpload(Member me, Permissions p) {
        ctx.policy.check(p, Action.UPLOAD, Target.NONE);
        ctx.policy.checkVerified(me, Action.REPLY); // an upload is the first half of a post
    }

    private void checkOwnPost(Member me, Post post, ForumThread thread) {
        Permissions p = ctx.permissions(me, thread.boardId());
        boolean deleted = post.isDeleted() || thread.isDeleted();
        if (!ctx.policy.allows(p, Action.READ_FORUM, Target.NONE)
                || (deleted && !ctx.policy.allows(p, Action.VIEW_DELETED, Target.NONE))) {
            throw new NotFoundException("no post " + post.id());
        }
        if (!post.authorId().equals(me.id())) {
            throw new dev.forumkit.core.NotAllowedException("attachments go into your own posts");
        }
        ctx.policy.check(p, Action.EDIT_POST, Target.content(true, thread.locked(), deleted)
                .aged(Duration.between(post.createdAt(), ctx.now())));
        checkUpload(me, p);
    }

    /** Blob first, row second; on any failure the blobs written so far are deleted again. */
    private Attachment store(Member me, PostId post, String fileName, InputStream content) {
        Objects.requireNonNull(content, "content");
        AttachmentUsage usage = ctx.storage.transactions().readOnly(() -> ctx.storage.attachments().usage(me.id()));
        if (usage.bytes() >= limits.bytesPerMember()) { // full already: not worth reading the upload
            throw quotaFull();
        }
        BlobKey raw;
        try {
            raw = blobs.put(content, limits.maxFileBytes());
        } catch (BlobTooLargeException e) {
            throw InvalidInputException.of("file", "too_large", "a file can have at most " + limits.maxFileBytes() + " bytes");
        }
        List<BlobKey> written = new ArrayList<>(List.of(raw));
        try {
            FileType type = detect(raw);
            Attachment draft;
            if (type.image()) {
                ProcessedImage image;
                try (InputStream in = blobs.open(raw, 0).orElseThrow()) {
                    image = images.process(in);
                } catch (ImageException e) {
                    throw InvalidInputException.of("file", e.reason().code(), e.reason().message());
                }
                FileType out = "png".equals(image.format()) ? FileType.PNG : FileType.JPEG;
                BlobKey full = blobs.put(new ByteArrayInputStream(image.image()), Long.MAX_VALUE);
                written.add(full);
                BlobKey thumb = blobs.put(new ByteArrayInputStream(image.thumbnail()), Long.MAX_VALUE);
                written.add(thumb);
                blobs.delete(raw); // the upload itself is never served
                written.remove(raw);
                draft = Attachment.draft(me.id(), full, thumb, AttachmentNames.clean(imageStem(fileName), out), out,
                        image.image().length, image.width(), image.height(), ctx.now());
            } else {
                long size = blobs.info(raw).orElseThrow().size();
                draft = Attachment.draft(me.id(), raw, null, AttachmentNames.clean(fileName, type), type, size, 0, 0, ctx.now());
            }
            Attachment row = post == null ? draft : draft.inPost(post);
            return ctx.command(events -> {
                Attachments rows = ctx.storage.attachments();
                if (!rows.reserve(me.id(), row.size(), limits.bytesPerMember())) {
                    throw quotaFull();
                }
                // counted under the member's lock, which reserve took: concurrent uploads see each other's rows
                int files = post == null ? rows.draftsOf(me.id()).size() : rows.ofPost(post).size();
                if (files >= limits.filesPerPost()) {
                    throw InvalidInputException.of("file", "too_many_files",
                            "a post can have at most " + limits.filesPerPost() + " attachments");
                }
                return rows.add(row);
            });
        } catch (RuntimeException e) {
            written.forEach(this::deleteQuietly);
            throw e;
        } catch (IOException e) {
            written.forEach(this::deleteQuietly);
            throw new UncheckedIOException(e);
        }
    }

    private FileType detect(BlobKey raw) throws IOException {
        byte[] head;
        try (InputStream in = blobs.open(raw, 0).orElseThrow()) {
            head = in.readNBytes(FileType.HEAD_BYTES);
        }
        FileType type = FileType.detect(head, head.length).orElseThrow(() -> InvalidInputException.of("file",
                "type_not_allowed", "this kind of file cannot be attached"));
        if (!limits.allowedTypes().contains(type)) {
            throw InvalidInputException.of("file", "type_not_allowed", type.key() + " files cannot be attached here");
        }
        return type;
    }

    /** An image's name without the extension it came with: it gets the one of the format it is re-encoded to. */
    private static String imageStem(String fileName) {
        if (fileName == null) {
            return "image";
        }
        return fileName.replaceFirst("(?i)\\.(jpe?g|png|gif)$", "");
    }

    private InvalidInputException quotaFull() {
        return InvalidInputException.of("file", "quota_exceeded",
                "your attachments may take at most " + limits.bytesPerMember() + " bytes in all; delete some first");
    }

    private void deleteBlobs(Attachment a) {
        deleteQuietly(a.blob());
        if (a.thumbnail() != null) {
            deleteQuietly(a.thumbnail());
        }
    }

    private void deleteQuietly(BlobKey key) {
        try {
            blobs.delete(key);
        } catch (RuntimeException ignored) {
            // a blob left behind has no row: cleanUp removes it a day later
        }
    }
}
