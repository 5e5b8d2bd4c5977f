package dev.forumkit.testkit.contract;

import dev.forumkit.core.Actor;
import dev.forumkit.core.ForumConfig;
import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.NotAllowedException;
import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.attachment.Attachment;
import dev.forumkit.core.attachment.AttachmentLimits;
import dev.forumkit.core.attachment.AttachmentRecount;
import dev.forumkit.core.attachment.AttachmentUsage;
import dev.forumkit.core.attachment.FileType;
import dev.forumkit.core.blob.BlobKey;
import dev.forumkit.core.blob.BlobStore;
import dev.forumkit.core.group.GroupId;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.policy.Grant;
import dev.forumkit.core.policy.GrantValue;
import dev.forumkit.core.policy.Permission;
import dev.forumkit.core.post.PostId;
import dev.forumkit.testkit.StartedThread;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.forumkit.testkit.ForumFixture.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Attachments through the service on the storage under test: drafts and posts, the limits (size, files per post,
 * bytes per member, types from the bytes), visibility that follows the post, quotas under concurrency, cleanup of
 * abandoned drafts and of blobs without rows, and the recount.
 */
public abstract class AttachmentsContract extends ContractBase {
    /** Small limits so the tests stay small: 1,000 bytes a file, 3 files a post, 2,500 bytes a member. */
    protected static final AttachmentLimits LIMITS = new AttachmentLimits(1_000, 3, 2_500, EnumSet.allOf(FileType.class));
    private Member ann;
    private Member bob;
    private StartedThread t;

    @Override
    protected void configure(ForumConfig config) {
        config.attachmentLimits(LIMITS);
    }

    @BeforeEach
    void scene() {
        ann = fx().member("ann");
        bob = fx().member("bob");
        t = fx().thread().by(ann).withReplies(1, bob).start();
    }

    private static InputStream text(int bytes) {
        byte[] b = new byte[bytes];
        java.util.Arrays.fill(b, (byte) 'a');
        return new ByteArrayInputStream(b);
    }

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private Attachment draft(Member who, int bytes) {
        return forum.attachments().uploadDraft(actor(who), fx().board().id(), "notes.txt", text(bytes));
    }

    private BlobStore blobs() {
        return forum.attachments().blobs();
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String code(Throwable e) {
        return ((InvalidInputException) e).fieldErrors().get(0).code();
    }

    @Test
    void aDraftIsTheOwnersUntilPostedThenEveryReadersOfThePost() {
        Attachment a = forum.attachments().uploadDraft(actor(bob), fx().board().id(), "route.txt", text("left at the mill"));

        assertThat(a.isDraft()).isTrue();
        assertThat(a.type()).isEqualTo(FileType.TEXT);
        assertThat(a.size()).isEqualTo(16);
        assertThat(forum.attachments().drafts(actor(bob))).containsExactly(a);
        assertThat(read(forum.attachments().download(actor(bob), a.id(), false).open(0))).isEqualTo("left at the mill");
        assertThatThrownBy(() -> forum.attachments().download(actor(ann), a.id(), false)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> forum.attachments().download(Actor.guest(), a.id(), false)).isInstanceOf(NotFoundException.class);

        PostId reply = forum.posts().reply(actor(bob), t.id(), "See the file").post().id();
        List<Attachment> attached = forum.attachments().attach(actor(bob), reply, List.of(a.id()));

        assertThat(attached).singleElement().satisfies(x -> assertThat(x.post()).isEqualTo(reply));
        assertThat(forum.attachments().drafts(actor(bob))).isEmpty();
        assertThat(read(forum.attachments().download(actor(ann), a.id(), false).open(3))).isEqualTo("t at the mill");
        assertThat(forum.attachments().ofPosts(actor(ann), t.id(), List.of(reply, t.post(1).id())))
                .containsOnlyKeys(reply);
        // guests read posts but see attachments only where the grid lets them
        assertThatThrownBy(() -> forum.attachments().download(Actor.guest(), a.id(), false)).isInstanceOf(NotFoundException.class);
        assertThat(forum.attachments().ofPosts(Actor.guest(), t.id(), List.of(reply))).isEmpty();
        forum.permissions().set(actor(fx().admin()), new Grant(Grant.Subject.group(GroupId.GUESTS),
                Grant.Scope.GLOBAL, Permission.VIEW_ATTACHMENTS, GrantValue.ALLOW));
        assertThat(forum.attachments().download(Actor.guest(), a.id(), false).size()).isEqualTo(16);
        assertThat(forum.attachments().usage(actor(bob))).isEqualTo(new AttachmentUsage(bob.id(), 1, 16));
    }

    @Test
    void attachingTwiceOrSomeoneElsesDraftAttachesNothingMore() {
        Attachment a = draft(bob, 10);
        Attachment other = draft(ann, 10);
        PostId reply = forum.posts().reply(actor(bob), t.id(), "Twice").post().id();

        forum.attachments().attach(actor(bob), reply, List.of(a.id()));
        List<Attachment> again = forum.attachments().attach(actor(bob), reply, List.of(a.id(), other.id()));

        assertThat(again).extracting(Attachment::id).containsExactly(a.id());
        assertThat(forum.attachments().drafts(actor(ann))).containsExactly(other);
        assertThatThrownBy(() -> forum.attachments().attach(actor(ann), reply, List.of(other.id())))
                .isInstanceOf(NotAllowedException.class);
    }

    @Test
    void theTypeComesFromTheBytesAndTheNameIsNeverAPath() {
        Attachment a = forum.attachments().uploadDraft(actor(bob), fx().board().id(), "../../x", text("plain words"));
        Attachment b = forum.attachments().uploadDraft(actor(bob), fx().board().id(), "photo.png", text("not a png"));

        assertThat(a.name()).isEqualTo("x.txt");
        assertThat(b.type()).isEqualTo(FileType.TEXT);
        assertThat(b.name()).isEqualTo("photo.png.txt");
        assertThat(a.inline()).isFalse();
    }

    @Test
    void markupAndUnknownBinariesAreRefusedAndLeaveNothing() {
        for (String markup : List.of("<html><script>alert(1)</script>", "  <svg onload=alert(1)>", "\uFEFF<?xml version='1.0'?>")) {
            assertThatThrownBy(() -> forum.attachments().uploadDraft(actor(bob), fx().board().id(), "a.txt", text(markup)))
                    .satisfies(e -> assertThat(code(e)).isEqualTo("type_not_allowed"));
        }
        byte[] elf = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0};
        assertThatThrownBy(() -> forum.attachments().uploadDraft(actor(bob), fx().board().id(), "a.zip", new ByteArrayInputStream(elf)))
                .satisfies(e -> assertThat(code(e)).isEqualTo("type_not_allowed"));
        assertThat(blobs().list(null, 10)).isEmpty();
        assertThat(forum.attachments().usage(actor(bob))).isEqualTo(AttachmentUsage.none(bob.id()));
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedAndLeavesNothing() {
        assertThat(draft(bob, 1_000).size()).isEqualTo(1_000);
        assertThatThrownBy(() -> draft(bob, 1_001)).satisfies(e -> assertThat(code(e)).isEqualTo("too_large"));
        assertThat(blobs().list(null, 10)).hasSize(1);
    }

    @Test
    void aDraftHoldsAtMostTheFilesOfOnePost() {
        for (int i = 0; i < 3; i++) {
            draft(bob, 10);
        }
        assertThatThrownBy(() -> draft(bob, 10)).satisfies(e -> assertThat(code(e)).isEqualTo("too_many_files"));
        assertThat(blobs().list(null, 10)).hasSize(3);
        assertThat(forum.attachments().usage(actor(bob)).files()).isEqualTo(3);
    }

    @Test
    void aPostHoldsAtMostItsFilesAlsoWhenEditedIn() {
        PostId reply = forum.posts().reply(actor(bob), t.id(), "Three").post().id();
        List<dev.forumkit.core.attachment.AttachmentId> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(draft(bob, 10).id());
        }
        forum.attachments().attach(actor(bob), reply, ids);

        assertThatThrownBy(() -> forum.attachments().uploadToPost(actor(bob), reply, "more.txt", text(5)))
                .satisfies(e -> assertThat(code(e)).isEqualTo("too_many_files"));
        Attachment d = draft(bob, 10);
        assertThatThrownBy(() -> forum.attachments().attach(actor(bob), reply, List.of(d.id())))
                .satisfies(e -> assertThat(code(e)).isEqualTo("too_many_files"));
        assertThat(forum.attachments().drafts(actor(bob))).containsExactly(d);
    }

    @Test
    void onlyTheAuthorUploadsIntoAPost() {
        assertThatThrownBy(() -> forum.attachments().uploadToPost(actor(ann), t.post(2).id(), "a.txt", text(5)))
                .isInstanceOf(NotAllowedException.class);
        Attachment mine = forum.attachments().uploadToPost(actor(bob), t.post(2).id(), "a.txt", text(5));
        assertThat(mine.post()).isEqualTo(t.post(2).id());
    }

    @Test
    void theMembersTotalIsAQuotaAndDeletingGivesItBack() {
        Attachment first = draft(bob, 1_000);
        draft(bob, 1_000);
        assertThatThrownBy(() -> draft(bob, 501)).satisfies(e -> assertThat(code(e)).isEqualTo("quota_exceeded"));
        draft(bob, 500); // exactly the quota

        assertThatThrownBy(() -> draft(bob, 1)).satisfies(e -> assertThat(code(e)).isIn("quota_exceeded", "too_many_files"));
        forum.attachments().delete(actor(bob), first.id());

        assertThat(forum.attachments().usage(actor(bob))).isEqualTo(new AttachmentUsage(bob.id(), 2, 1_500));
        assertThat(blobs().info(first.blob())).isEmpty();
        assertThat(draft(bob, 1_000).size()).isEqualTo(1_000);
    }

    @Test
    void onlyAllowedTypesAreStored() {
        forum.close();
        forum = dev.forumkit.testkit.ForumFixture.forum(counted, clock,
                c -> c.attachmentLimits(LIMITS.withAllowedTypes(EnumSet.of(FileType.PNG))));
        assertThatThrownBy(() -> forum.attachments().uploadDraft(actor(bob), fx().board().id(), "a.txt", text("words")))
                .satisfies(e -> assertThat(code(e)).isEqualTo("type_not_allowed"));
    }

    @Test
    void guestsAndMembersWithoutTheUploadPermissionCannotUpload() {
        assertThatThrownBy(() -> forum.attachments().uploadDraft(Actor.guest(), fx().board().id(), "a.txt", text(5)))
                .isInstanceOf(NotAllowedException.class);
        forum.permissions().set(actor(fx().admin()), new Grant(Grant.Subject.group(GroupId.MEMBERS),
                Grant.Scope.board(fx().board().id()), Permission.UPLOAD, GrantValue.DENY));
        assertThatThrownBy(() -> draft(bob, 5)).isInstanceOf(NotAllowedException.class);
        assertThat(blobs().list(null, 10)).isEmpty();
    }

    @Test
    void visibilityFollowsThePost() {
        Attachment a = forum.attachments().uploadToPost(actor(bob), t.post(2).id(), "a.txt", text("hello"));
        assertThat(forum.attachments().download(actor(ann), a.id(), false).size()).isEqualTo(5);

        forum.posts().delete(actor(fx().moderator()), t.post(2).id(), "spam");
        assertThatThrownBy(() -> forum.attachments().download(actor(ann), a.id(), false)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> forum.attachments().download(Actor.guest(), a.id(), false)).isInstanceOf(NotFoundException.class);
        assertThat(forum.attachments().download(actor(fx().moderator()), a.id(), false).size()).isEqualTo(5);

        forum.posts().restore(actor(fx().moderator()), t.post(2).id());
        forum.permissions().set(actor(fx().admin()), new Grant(Grant.Subject.member(ann.id()),
                Grant.Scope.board(fx().board().id()), Permission.VIEW_BOARD, GrantValue.NEVER));
        assertThatThrownBy(() -> forum.attachments().download(actor(ann), a.id(), false)).isInstanceOf(NotFoundException.class);
        assertThat(forum.attachments().download(actor(bob), a.id(), false).size()).isEqualTo(5);
    }

    @Test
    void viewingAttachmentsIsAGridPermission() {
        Attachment a = forum.attachments().uploadToPost(actor(bob), t.post(2).id(), "a.txt", text("hello"));
        forum.permissions().set(actor(fx().admin()), new Grant(Grant.Subject.member(ann.id()),
                Grant.Scope.GLOBAL, Permission.VIEW_ATTACHMENTS, GrantValue.NEVER));

        assertThatThrownBy(() -> forum.attachments().download(actor(ann), a.id(), false)).isInstanceOf(NotFoundException.class);
        assertThat(forum.attachments().ofPosts(actor(ann), t.id(), List.of(t.post(2).id()))).isEmpty();
        assertThat(forum.attachments().download(actor(bob), a.id(), false).size()).isEqualTo(5);
        assertThat(forum.reading().threadPage(actor(ann), t.id(), 1).posts().items()).hasSize(2); // the post stays readable
    }

    @Test
    void concurrentUploadsNeverPassTheQuota() throws Exception {
        forum.close();
        forum = dev.forumkit.testkit.ForumFixture.forum(counted, clock,
                c -> c.attachmentLimits(new AttachmentLimits(1_000, 50, 2_500, EnumSet.allOf(FileType.class))));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> tries = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                tries.add(pool.submit((Callable<Boolean>) () -> {
                    try {
                        draft(bob, 500);
                        return true;
                    } catch (InvalidInputException e) {
                        return false;
                    }
                }));
            }
            int stored = 0;
            for (Future<Boolean> f : tries) {
                stored += f.get() ? 1 : 0;
            }
            assertThat(stored).isEqualTo(5);
            assertThat(forum.attachments().usage(actor(bob))).isEqualTo(new AttachmentUsage(bob.id(), 5, 2_500));
            assertThat(blobs().list(null, 100)).hasSize(5);
            assertThat(forum.attachments().recountAsSystem(false).clean()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void abandonedDraftsAndBlobsWithoutRowsGoAfterADay() {
        Attachment abandoned = draft(bob, 100);
        BlobKey crashLeftover = blobs().put(text(50), 1_000); // stored, then the node died before the row
        Attachment posted = forum.attachments().uploadToPost(actor(bob), t.post(2).id(), "kept.txt", text(10));
        clock.advance(Duration.ofHours(23));
        BlobKey recentLeftover = blobs().put(text(50), 1_000); // perhaps an upload in flight
        Attachment fresh = draft(bob, 10);

        assertThat(forum.attachments().cleanUp()).isZero();
        clock.advance(Duration.ofHours(2));
        assertThat(forum.attachments().cleanUp()).isEqualTo(2);

        assertThat(forum.attachments().drafts(actor(bob))).containsExactly(fresh);
        assertThat(blobs().info(abandoned.blob())).isEmpty();
        assertThat(blobs().info(crashLeftover)).isEmpty();
        assertThat(blobs().info(recentLeftover)).isPresent();
        assertThat(blobs().info(posted.blob())).isPresent();
        assertThat(forum.attachments().usage(actor(bob))).isEqualTo(new AttachmentUsage(bob.id(), 2, 20));
    }

    @Test
    void recountRepairsUsageAndReportsRowsWhoseBlobIsGone() {
        Attachment a = draft(bob, 100);
        Attachment b = draft(bob, 200);
        txRun(() -> storage.attachments().setUsage(new AttachmentUsage(bob.id(), 7, 9)));
        blobs().delete(b.blob());

        assertThatThrownBy(() -> forum.attachments().recount(actor(bob), true)).isInstanceOf(NotAllowedException.class);
        AttachmentRecount report = forum.attachments().recount(actor(fx().admin()), true);

        assertThat(report.missingBlobs()).containsExactly(b.id());
        assertThat(report.differences()).containsExactly(new AttachmentRecount.UsageDifference(
                new AttachmentUsage(bob.id(), 7, 9), new AttachmentUsage(bob.id(), 2, 300)));
        assertThat(forum.attachments().usage(actor(bob))).isEqualTo(new AttachmentUsage(bob.id(), 2, 300));
        assertThat(forum.attachments().recountAsSystem(false).differences()).isEmpty();
        assertThat(read(forum.attachments().download(actor(bob), a.id(), false).open(0))).hasSize(100);
        assertThatThrownBy(() -> forum.attachments().download(actor(bob), b.id(), false)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void thePortKeepsRowsAsWritten() {
        Attachment a = draft(bob, 10);
        Attachment stored = read(() -> storage.attachments().byId(a.id())).orElseThrow();
        assertThat(stored).isEqualTo(a);
        assertThat(read(() -> storage.attachments().refersTo(a.blob()))).isTrue();
        assertThat(read(() -> storage.attachments().refersTo(BlobKey.random()))).isFalse();
        assertThat(read(() -> storage.attachments().page(null, 10))).containsExactly(a);
        assertThat(read(() -> storage.attachments().draftsCreatedBefore(clock.instant().plusSeconds(1), 10))).containsExactly(a);
        assertThat(read(() -> storage.attachments().draftsCreatedBefore(clock.instant(), 10))).isEmpty();
    }
}
