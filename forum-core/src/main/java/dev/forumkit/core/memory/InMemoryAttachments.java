package dev.forumkit.core.memory;

import dev.forumkit.core.attachment.Attachment;
import dev.forumkit.core.attachment.AttachmentId;
import dev.forumkit.core.attachment.AttachmentUsage;
import dev.forumkit.core.attachment.Attachments;
import dev.forumkit.core.blob.BlobKey;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.PostId;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

final class InMemoryAttachments implements Attachments {
    private final Tables db;
    private final Tables.TxMap<Long, Attachment> rows;
    private final Tables.TxMap<Long, AttachmentUsage> usage;

    InMemoryAttachments(Tables db) {
        this.db = db;
        this.rows = db.map();
        this.usage = db.map();
    }

    @Override
    public Attachment add(Attachment attachment) {
        return db.write(() -> {
            Attachment stored = attachment.withId(AttachmentId.of(db.nextId()));
            rows.put(stored.id().value(), stored);
            return stored;
        });
    }

    @Override
    public Optional<Attachment> byId(AttachmentId id) {
        return db.read(() -> Optional.ofNullable(rows.get(id.value())));
    }

    @Override
    public List<Attachment> ofPost(PostId post) {
        return db.read(() -> rows.values().stream().filter(a -> post.equals(a.post())).toList());
    }

    @Override
    public Map<PostId, List<Attachment>> ofPosts(Collection<PostId> posts) {
        Set<PostId> wanted = new HashSet<>(posts);
        return db.read(() -> rows.values().stream().filter(a -> a.post() != null && wanted.contains(a.post()))
                .collect(Collectors.groupingBy(Attachment::post, LinkedHashMap::new, Collectors.toList())));
    }

    @Override
    public List<Attachment> draftsOf(MemberId owner) {
        return db.read(() -> rows.values().stream().filter(a -> a.isDraft() && a.owner().equals(owner)).toList());
    }

    @Override
    public boolean attach(AttachmentId id, MemberId owner, PostId post) {
        return db.write(() -> {
            Attachment a = rows.get(id.value());
            if (a == null || !a.isDraft() || !a.owner().equals(owner)) {
                return false;
            }
            rows.put(id.value(), a.inPost(post));
            return true;
        });
    }

    @Override
    public boolean delete(AttachmentId id) {
        return db.write(() -> rows.remove(id.value()) != null);
    }

    @Override
    public List<Attachment> draftsCreatedBefore(Instant before, int limit) {
        return db.read(() -> rows.values().stream().filter(a -> a.isDraft() && a.createdAt().isBefore(before))
                .sorted(Comparator.comparing(Attachment::createdAt).thenComparing(a -> a.id().value()))
                .limit(limit).toList());
    }

    @Override
    public boolean refersTo(BlobKey blob) {
        return db.read(() -> rows.values().stream().anyMatch(a -> a.blob().equals(blob) || blob.equals(a.thumbnail())));
    }

    @Override
    public List<Attachment> page(AttachmentId after, int limit) {
        long from = after == null ? 0 : after.value();
        return db.read(() -> rows.values().stream().filter(a -> a.id().value() > from).limit(limit).toList());
    }

    @Override
    public AttachmentUsage usage(MemberId member) {
        return db.read(() -> Optional.ofNullable(usage.get(member.value())).orElse(AttachmentUsage.none(member)));
    }

    @Override
    public void lockUsage(MemberId member) {
        db.write(() -> null); // one write lock serialises every transaction here already
    }

    @Override
    public boolean reserve(MemberId member, long bytes, long maxBytes) {
        return db.write(() -> {
            AttachmentUsage now = Optional.ofNullable(usage.get(member.value())).orElse(AttachmentUsage.none(member));
            if (now.bytes() + bytes > maxBytes) {
                return false;
            }
            usage.put(member.value(), new AttachmentUsage(member, now.files() + 1, now.bytes() + bytes));
            return true;
        });
    }

    @Override
    public void release(MemberId member, long bytes) {
        db.write(() -> {
            AttachmentUsage now = Optional.ofNullable(usage.get(member.value())).orElse(AttachmentUsage.none(member));
            usage.put(member.value(), new AttachmentUsage(member, Math.max(0, now.files() - 1),
                    Math.max(0, now.bytes() - bytes)));
            return null;
        });
    }

    @Override
    public void setUsage(AttachmentUsage value) {
        db.write(() -> usage.put(value.member().value(), value));
    }

    @Override
    public List<AttachmentUsage> usages() {
        return db.read(() -> List.copyOf(usage.values()));
    }
}
