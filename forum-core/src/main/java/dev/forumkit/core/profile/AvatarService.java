package dev.forumkit.core.profile;

import dev.forumkit.core.Actor;
import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.attachment.FileType;
import dev.forumkit.core.blob.BlobKey;
import dev.forumkit.core.blob.BlobStore;
import dev.forumkit.core.blob.BlobTooLargeException;
import dev.forumkit.core.image.ImageException;
import dev.forumkit.core.image.ImagePipeline;
import dev.forumkit.core.image.ProcessedImage;
import dev.forumkit.core.internal.ServiceContext;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.policy.Action;
import dev.forumkit.core.policy.Target;
import dev.forumkit.core.signal.Signal;
import dev.forumkit.core.signal.SignalListener;
import dev.forumkit.core.signal.Signals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Uploaded avatars. An upload is read into the blob store up to {@link AvatarLimits#maxBytes()}, must be a JPEG, PNG or
 * GIF by its first bytes, and goes through the {@link ImagePipeline} (header pixel check, bounded decode, fresh
 * encode at two sizes); the upload itself is deleted, so no uploaded byte is ever served. Blobs are written before the
 * row and deleted after the commit that drops them (cleanup removes blobs a crash left without a row).
 *
 * <p>Pages show an avatar for every post author, so which members have one is cached on each node (member id and
 * version, a few dozen bytes each) and dropped when any node changes an avatar (a signal on the cross-node bus), or
 * every ten seconds while the bus is not live. Members without an avatar keep the letter avatar.
 */
public final class AvatarService implements AutoCloseable {
    static final String SIGNAL_TOPIC = "avatars";
    private static final long UNHEARD_TTL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final ServiceContext ctx;
    private final BlobStore blobs;
    private final ImagePipeline images;
    private final AvatarLimits limits;
    private final Signals signals;
    private final AutoCloseable listening;
    private final AtomicLong generation = new AtomicLong();
    private volatile Snapshot cache;

    private record Snapshot(Map<MemberId, Long> versions, long generation, long loadedAt) {
    }

    public AvatarService(ServiceContext ctx, BlobStore blobs, ImagePipeline images, AvatarLimits limits, Signals signals) {
        this.ctx = Objects.requireNonNull(ctx);
        this.blobs = Objects.requireNonNull(blobs);
        this.images = Objects.requireNonNull(images);
        this.limits = Objects.requireNonNull(limits);
        this.signals = Objects.requireNonNull(signals);
        this.listening = signals.listen(new SignalListener() {
            @Override
            public void on(Signal signal) {
                if (SIGNAL_TOPIC.equals(signal.topic())) {
                    invalidate();
                }
            }

            @Override
            public void missed() {
                invalidate();
            }
        });
    }

    public AvatarLimits limits() {
        return limits;
    }

    /**
     * Sets the member's avatar from an uploaded image: their own, or anyone's for an admin. Anything that is not a
     * readable JPEG, PNG or GIF within the limits is a 422 on {@code file} and leaves nothing stored.
     */
    public Avatar upload(Actor actor, MemberId memberId, InputStream content) {
        Objects.requireNonNull(content, "content");
        ctx.storage.transactions().readOnly(() -> checkMayChange(actor, memberId));
        BlobKey raw;
        try {
            raw = blobs.put(content, limits.maxBytes());
        } catch (BlobTooLargeException e) {
            throw InvalidInputException.of("file", "too_large", "an avatar can have at most " + limits.maxBytes() + " bytes");
        }
        List<BlobKey> written = new ArrayList<>(List.of(raw));
        try {
            requireImage(raw);
            ProcessedImage image;
            try (InputStream in = blobs.open(raw, 0).orElseThrow()) {
                image = images.process(in, limits.largeSide(), limits.smallSide());
            } catch (ImageException e) {
                throw InvalidInputException.of("file", e.reason().code(), e.reason().message());
            }
            BlobKey large = blobs.put(new ByteArrayInputStream(image.image()), Long.MAX_VALUE);
            written.add(large);
            BlobKey small = blobs.put(new ByteArrayInputStream(image.thumbnail()), Long.MAX_VALUE);
            written.add(small);
            deleteQuietly(raw); // the upload itself is never served
            written.remove(raw);
            Avatar saved = ctx.command(events -> {
                checkMayChange(actor, memberId); // again under the write: the account may be gone meanwhile
                Optional<Avatar> old = ctx.storage.profiles().avatarOf(memberId);
                long version = Math.max(ctx.now().toEpochMilli(), old.map(a -> a.version() + 1).orElse(1L));
                Avatar avatar = new Avatar(memberId, large, small, image.format(), version);
                ctx.storage.profiles().putAvatar(avatar);
                ctx.storage.transactions().afterCommit(() -> changed(old));
                return avatar;
            });
            written.clear();
            return saved;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            written.forEach(this::deleteQuietly);
        }
    }

    /** Removes the member's avatar (their own, or anyone's for an admin): the letter avatar shows again. */
    public boolean remove(Actor actor, MemberId memberId) {
        return ctx.command(events -> {
            checkMayChange(actor, memberId);
            Optional<Avatar> old = ctx.storage.profiles().avatarOf(memberId);
            if (old.isEmpty()) {
                return false;
            }
            ctx.storage.profiles().removeAvatar(memberId);
            ctx.storage.transactions().afterCommit(() -> changed(old));
            return true;
        });
    }

    /** The member's avatar, if they have one. */
    public Optional<Avatar> of(MemberId memberId) {
        return ctx.storage.transactions().readOnly(() -> ctx.storage.profiles().avatarOf(memberId));
    }

    /**
     * The large or small image of the member's avatar, for anyone (avatars are as public as the member card); not
     * found when the member has none.
     */
    public AvatarImage image(MemberId memberId, boolean small) {
        Avatar a = of(memberId).orElseThrow(() -> new NotFoundException("member " + memberId + " has no avatar"));
        try (InputStream in = blobs.open(small ? a.small() : a.large(), 0)
                .orElseThrow(() -> new NotFoundException("member " + memberId + " has no avatar"))) {
            return new AvatarImage(in.readAllBytes(), a.mediaType(), a.version());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The avatar version of every member who has one, from this node's cache: what pages look up for each author
     * they show, at no storage cost per page.
     */
    public Map<MemberId, Long> versions() {
        Snapshot s = cache;
        long now = System.nanoTime();
        if (s != null && s.generation() == generation.get() && (signals.live() || now - s.loadedAt() < UNHEARD_TTL_NANOS)) {
            return s.versions();
        }
        long gen = generation.get();
        Map<MemberId, Long> loaded = new HashMap<>();
        ctx.storage.transactions().readOnly(() -> ctx.storage.profiles().avatars())
                .forEach(a -> loaded.put(a.member(), a.version()));
        Map<MemberId, Long> frozen = Map.copyOf(loaded);
        if (generation.get() == gen) { // a change that came in meanwhile would be lost in a snapshot read before it
            cache = new Snapshot(frozen, gen, now);
        }
        return frozen;
    }

    /** After an account's deletion committed (its row went with the personal data): the images go too. */
    void erased(Optional<Avatar> old) {
        changed(old);
    }

    private Member checkMayChange(Actor actor, MemberId memberId) {
        Member me = ctx.requireMember(actor);
        Member target = ctx.storage.members().byId(memberId).filter(m -> !m.isDeleted())
                .orElseThrow(() -> new NotFoundException("no member " + memberId));
        ctx.policy.check(ctx.standing(me), Action.UPDATE_PROFILE, Target.member(me.id().equals(target.id()), target.role()));
        return target;
    }

    private void requireImage(BlobKey raw) throws IOException {
        byte[] head;
        try (InputStream in = blobs.open(raw, 0).orElseThrow()) {
            head = in.readNBytes(FileType.HEAD_BYTES);
        }
        Optional<FileType> type = FileType.detect(head, head.length);
        if (type.isEmpty() || !type.get().image()) {
            throw InvalidInputException.of("file", "not_an_image", "an avatar must be a JPEG, PNG or GIF image");
        }
    }

    private void changed(Optional<Avatar> old) {
        old.ifPresent(a -> {
            deleteQuietly(a.large());
            deleteQuietly(a.small());
        });
        invalidate();
        signals.publish(new Signal(SIGNAL_TOPIC, "changed"));
    }

    private void invalidate() {
        generation.incrementAndGet();
        cache = null;
    }

    private void deleteQuietly(BlobKey key) {
        try {
            blobs.delete(key);
        } catch (RuntimeException ignored) {
            // a blob left behind has no row: the attachments' cleanup removes it a day later
        }
    }

    /** Stops listening to the bus. */
    @Override
    public void close() {
        try {
            listening.close();
        } catch (Exception ignored) {
            // the bus is closing too
        }
    }
}
