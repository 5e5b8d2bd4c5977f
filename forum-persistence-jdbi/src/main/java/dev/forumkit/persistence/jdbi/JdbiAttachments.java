package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.attachment.Attachment;
import dev.forumkit.core.attachment.AttachmentId;
import dev.forumkit.core.attachment.AttachmentUsage;
import dev.forumkit.core.attachment.Attachments;
import dev.forumkit.core.attachment.FileType;
import dev.forumkit.core.blob.BlobKey;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.PostId;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

final class JdbiAttachments implements Attachments {
    private static final String COLUMNS = "id, owner_id, post_id, blob_key, thumbnail_key, name, file_type, size_bytes,"
            + " width, height, created_at";
    static final RowMapper<Attachment> MAPPER = (rs, ctx) -> {
        Long post = Rows.nullableLong(rs, 3);
        String thumb = rs.getString(5);
        return new Attachment(AttachmentId.of(rs.getLong(1)), MemberId.of(rs.getLong(2)),
                post == null ? null : PostId.of(post), new BlobKey(rs.getString(4).strip()),
                thumb == null ? null : new BlobKey(thumb.strip()), rs.getString(6), FileType.valueOf(rs.getString(7)),
                rs.getLong(8), rs.getInt(9), rs.getInt(10), Rows.instant(rs, 11));
    };
    private static final RowMapper<AttachmentUsage> USAGE = (rs, ctx) ->
            new AttachmentUsage(MemberId.of(rs.getLong(1)), rs.getLong(2), rs.getLong(3));
    private static final int CHUNK = 500;

    static final String OF_POSTS = "SELECT " + COLUMNS + " FROM attachments WHERE post_id IN (";

    private final JdbiTransactions db;
    private final String insert;
    private final String ensureUsage;

    JdbiAttachments(JdbiTransactions db) {
        this.db = db;
        this.insert = db.dialect().returning("INSERT INTO attachments (owner_id, post_id, blob_key, thumbnail_key, name,"
                + " file_type, size_bytes, width, height, created_at) VALUES (:owner, :post, :blob, :thumb, :name, :type,"
                + " :size, :width, :height, :created)", "id");
        this.ensureUsage = Upserts.sql(db.dialect(), "attachment_usage", List.of("member_id"), List.of());
    }

    @Override
    public Attachment add(Attachment a) {
        long id = db.with(h -> h.createQuery(insert).bind("owner", a.owner().value())
                .bind("post", a.post() == null ? null : a.post().value()).bind("blob", a.blob().value())
                .bind("thumb", a.thumbnail() == null ? null : a.thumbnail().value()).bind("name", a.name())
                .bind("type", a.type().name()).bind("size", a.size()).bind("width", a.width()).bind("height", a.height())
                .bind("created", Rows.ts(a.createdAt())).mapTo(Long.class).one());
        return a.withId(AttachmentId.of(id));
    }

    @Override
    public Optional<Attachment> byId(AttachmentId id) {
        return db.with(h -> h.createQuery("SELECT " + COLUMNS + " FROM attachments WHERE id = :id")
                .bind("id", id.value()).map(MAPPER).findOne());
    }

    @Override
    public List<Attachment> ofPost(PostId post) {
        return db.with(h -> h.createQuery("SELECT " + COLUMNS + " FROM attachments WHERE post_id = :post ORDER BY id")
                .bind("post", post.value()).map(MAPPER).list());
    }

    @Override
    public Map<PostId, List<Attachment>> ofPosts(Collection<PostId> posts) {
        Map<PostId, List<Attachment>> out = new LinkedHashMap<>();
        List<Long> ids = posts.stream().map(PostId::value).distinct().toList();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
            // a signed-in thread page's read: plain JDBC, bound by position (task signedplain)
            db.plain(OF_POSTS + Rows.marks(chunk.size()) + ") ORDER BY id", s -> Rows.setLongs(s, chunk), rs -> {
                while (rs.next()) {
                    Attachment a = MAPPER.map(rs, null);
                    out.computeIfAbsent(a.post(), k -> new ArrayList<>()).add(a);
                }
                return null;
            });
        }
        return out;
    }

    @Override
    public List<Attachment> draftsOf(MemberId owner) {
        return db.with(h -> h.createQuery("SELECT " + COLUMNS + " FROM attachments WHERE owner_id = :owner"
                + " AND post_id IS NULL ORDER BY id").bind("owner", owner.value()).map(MAPPER).list());
    }

    @Override
    public boolean attach(AttachmentId id, MemberId owner, PostId post) {
        return db.with(h -> h.createUpdate("UPDATE attachments SET post_id = :post WHERE id = :id AND owner_id = :owner"
                        + " AND post_id IS NULL").bind("post", post.value()).bind("id", id.value())
                .bind("owner", owner.value()).execute()) == 1;
    }

    @Override
    public boolean delete(AttachmentId id) {
        return db.with(h -> h.createUpdate("DELETE FROM attachments WHERE id = :id").bind("id", id.value()).execute()) == 1;
    }

    @Override
    public List<Attachment> draftsCreatedBefore(Instant before, int limit) {
        return db.with(h -> h.createQuery("SELECT " + COLUMNS + " FROM attachments WHERE post_id IS NULL"
                        + " AND created_at < :before ORDER BY created_at, id LIMIT :limit")
                .bind("before", Rows.ts(before)).bind("limit", limit).map(MAPPER).list());
    }

    @Override
    public boolean refersTo(BlobKey blob) {
        return db.with(h -> h.createQuery("SELECT COUNT(*) FROM attachments WHERE blob_key = :k OR thumbnail_key = :k")
                .bind("k", blob.value()).mapTo(Long.class).one()) > 0;
    }

    @Override
    public List<Attachment> page(AttachmentId after, int limit) {
        return db.with(h -> h.createQuery("SELECT " + COLUMNS + " FROM attachments WHERE id > :after ORDER BY id LIMIT :limit")
                .bind("after", after == null ? 0 : after.value()).bind("limit", limit).map(MAPPER).list());
    }

    @Override
    public AttachmentUsage usage(MemberId member) {
        return db.with(h -> h.createQuery("SELECT member_id, files, bytes FROM attachment_usage WHERE member_id = :m")
                .bind("m", member.value()).map(USAGE).findOne()).orElse(AttachmentUsage.none(member));
    }

    @Override
    public void lockUsage(MemberId member) {
        db.use(h -> {
            h.createUpdate(ensureUsage).bind("member_id", member.value()).execute();
            h.createUpdate("UPDATE attachment_usage SET files = files WHERE member_id = :m").bind("m", member.value()).execute();
        });
    }

    @Override
    public boolean reserve(MemberId member, long bytes, long maxBytes) {
        return db.with(h -> {
            h.createUpdate(ensureUsage).bind("member_id", member.value()).execute();
            return h.createUpdate("UPDATE attachment_usage SET files = files + 1, bytes = bytes + :n"
                            + " WHERE member_id = :m AND bytes + :n <= :max")
                    .bind("n", bytes).bind("m", member.value()).bind("max", maxBytes).execute() == 1;
        });
    }

    @Override
    public void release(MemberId member, long bytes) {
        db.use(h -> h.createUpdate("UPDATE attachment_usage SET files = CASE WHEN files > 0 THEN files - 1 ELSE 0 END,"
                        + " bytes = CASE WHEN bytes > :n THEN bytes - :n ELSE 0 END WHERE member_id = :m")
                .bind("n", bytes).bind("m", member.value()).execute());
    }

    @Override
    public void setUsage(AttachmentUsage u) {
        db.use(h -> {
            h.createUpdate(ensureUsage).bind("member_id", u.member().value()).execute();
            h.createUpdate("UPDATE attachment_usage SET files = :f, bytes = :b WHERE member_id = :m")
                    .bind("f", u.files()).bind("b", u.bytes()).bind("m", u.member().value()).execute();
        });
    }

    @Override
    public List<AttachmentUsage> usages() {
        return db.with(h -> h.createQuery("SELECT member_id, files, bytes FROM attachment_usage ORDER BY member_id")
                .map(USAGE).list());
    }
}
