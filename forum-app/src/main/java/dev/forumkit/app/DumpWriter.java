package dev.forumkit.app;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.forumkit.core.approval.HeldPost;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.Category;
import dev.forumkit.core.content.Deletion;
import dev.forumkit.core.group.Group;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.policy.Grant;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.reaction.Reaction;
import dev.forumkit.core.thread.ForumThread;
import dev.forumkit.core.watch.ThreadWatch;
import dev.forumkit.persistence.jdbi.DumpRows;
import dev.forumkit.persistence.jdbi.DumpTable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a dump, one JSON object a line, in the order docs/export.md gives. Derived values (counters, slugs of
 * threads, rendered HTML) are left out: the import computes them again. Fields that are null are left out.
 */
final class DumpWriter implements AutoCloseable {
    private final JsonGenerator json;
    private final boolean withSecrets;
    private final Map<String, Long> counts = new LinkedHashMap<>();

    DumpWriter(Writer out, boolean withSecrets) {
        try {
            this.json = new JsonFactory().createGenerator(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        json.setRootValueSeparator(null);
        this.withSecrets = withSecrets;
    }

    void header(String dumpId, Instant exportedAt) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "header");
        json.writeStringField("format", DumpFormat.NAME);
        json.writeNumberField("version", DumpFormat.VERSION);
        json.writeStringField("forum_version", DumpFormat.forumVersion());
        json.writeStringField("exported_at", exportedAt.toString());
        json.writeStringField("dump_id", dumpId);
        json.writeBooleanField("with_secrets", withSecrets);
        end();
    }

    void member(Member m) throws IOException {
        start("member", m.id().value());
        json.writeStringField("username", m.username());
        json.writeStringField("email", m.email());
        // an erased account's marker is no secret, and it is what makes the account erased
        if (withSecrets || m.isDeleted()) {
            json.writeStringField("password_hash", m.passwordHash());
        }
        text("custom_title", m.customTitle());
        json.writeStringField("joined_at", m.joinedAt().toString());
        json.writeStringField("role", m.role().name());
        json.writeBooleanField("email_verified", m.emailVerified());
        if (m.ban() != null) {
            json.writeObjectFieldStart("ban");
            json.writeStringField("reason", m.ban().reason());
            json.writeStringField("since", m.ban().since().toString());
            time("until", m.ban().until());
            json.writeNumberField("by", m.ban().bannedBy().value());
            json.writeEndObject();
        }
        end();
    }

    void group(Group g) throws IOException {
        start("group", g.id().value());
        json.writeStringField("name", g.name());
        text("title", g.title());
        json.writeNumberField("display_order", g.displayOrder());
        end();
    }

    void groupMembership(DumpRows.GroupMembership m) throws IOException {
        start("group_member");
        json.writeNumberField("member_id", m.member().value());
        json.writeNumberField("group_id", m.group().value());
        json.writeBooleanField("primary", m.primary());
        end();
    }

    void category(Category c) throws IOException {
        start("category", c.id().value());
        json.writeStringField("title", c.title());
        text("description", c.description());
        json.writeNumberField("display_order", c.displayOrder());
        end();
    }

    void board(Board b, boolean moderated) throws IOException {
        start("board", b.id().value());
        json.writeNumberField("category_id", b.categoryId().value());
        json.writeStringField("title", b.title());
        json.writeStringField("slug", b.slug());
        text("description", b.description());
        text("guest_notice", b.guestNotice());
        json.writeNumberField("display_order", b.displayOrder());
        if (moderated) {
            json.writeBooleanField("moderated", true); // every post by a non-moderator is held for approval
        }
        end();
    }

    /** One set cell of the permission grid: for a group or a member, forum-wide or on a category or board. */
    void grant(Grant g) throws IOException {
        start("grant");
        if (g.subject().group() != null) {
            json.writeNumberField("group_id", g.subject().group().value());
        } else {
            json.writeNumberField("member_id", g.subject().member().value());
        }
        if (g.scope().isGlobal()) {
            json.writeStringField("scope", "forum");
        } else if (g.scope().category() != null) {
            json.writeStringField("scope", "category");
            json.writeNumberField("scope_id", g.scope().category().value());
        } else {
            json.writeStringField("scope", "board");
            json.writeNumberField("scope_id", g.scope().board().value());
        }
        json.writeStringField("permission", g.permission().key());
        json.writeStringField("value", g.value().key());
        end();
    }

    void thread(ForumThread t) throws IOException {
        start("thread", t.id().value());
        json.writeNumberField("board_id", t.boardId().value());
        json.writeStringField("title", t.title());
        json.writeNumberField("starter_id", t.starterId().value());
        json.writeStringField("created_at", t.createdAt().toString());
        json.writeBooleanField("pinned", t.pinned());
        json.writeBooleanField("locked", t.locked());
        deletion(t.deletion());
        // the highest number ever given: numbers of posts deleted for good are not given again
        json.writeNumberField("post_counter", t.postCounter());
        json.writeNumberField("view_count", t.viewCount());
        end();
    }

    void post(Post p) throws IOException {
        start("post", p.id().value());
        json.writeNumberField("thread_id", p.threadId().value());
        json.writeNumberField("number", p.number());
        json.writeNumberField("author_id", p.authorId().value());
        json.writeStringField("created_at", p.createdAt().toString());
        json.writeStringField("state", p.isDeleted() ? "deleted" : "visible");
        if (p.lastEdit() != null) {
            json.writeObjectFieldStart("edited");
            json.writeStringField("at", p.lastEdit().at().toString());
            json.writeNumberField("by", p.lastEdit().editorId().value());
            json.writeNumberField("count", p.lastEdit().count());
            json.writeEndObject();
        }
        deletion(p.deletion());
        json.writeStringField("body", p.body());
        end();
    }

    /** A post held for approval: no number (it gets one when approved, as {@code post_id}). */
    void heldPost(HeldPost h) throws IOException {
        start("held_post", h.id().value());
        json.writeNumberField("board_id", h.board().value());
        if (h.thread() != null) {
            json.writeNumberField("thread_id", h.thread().value());
        }
        text("title", h.title());
        json.writeNumberField("author_id", h.author().value());
        json.writeStringField("held_at", h.heldAt().toString());
        json.writeStringField("state", h.status().name().toLowerCase(java.util.Locale.ROOT));
        json.writeArrayFieldStart("reasons");
        for (String r : h.reasons()) {
            json.writeString(r);
        }
        json.writeEndArray();
        if (h.decidedAt() != null) {
            json.writeObjectFieldStart("decided");
            json.writeNumberField("by", h.decidedBy().value());
            json.writeStringField("at", h.decidedAt().toString());
            text("rejection", h.rejection());
            json.writeEndObject();
        }
        if (h.post() != null) {
            json.writeNumberField("post_id", h.post().value());
        }
        json.writeStringField("body", h.body());
        end();
    }

    void reaction(Reaction r) throws IOException {
        start("reaction");
        json.writeNumberField("post_id", r.postId().value());
        json.writeNumberField("member_id", r.memberId().value());
        json.writeNumberField("receiver_id", r.receiverId().value());
        json.writeStringField("reaction", r.type());
        json.writeStringField("created_at", r.createdAt().toString());
        end();
    }

    void readMark(DumpRows.ReadMark r) throws IOException {
        start("read_state");
        json.writeNumberField("member_id", r.member().value());
        json.writeNumberField("thread_id", r.thread().value());
        json.writeNumberField("last_read", r.lastRead());
        end();
    }

    void threadWatch(ThreadWatch w) throws IOException {
        start("thread_watch");
        json.writeNumberField("member_id", w.member().value());
        json.writeNumberField("thread_id", w.thread().value());
        json.writeBooleanField("email", w.email());
        json.writeStringField("created_at", w.since().toString());
        end();
    }

    /** A row of a table written as it is (format version 2); derived fields and nulls are left out. */
    void row(DumpTable t, Map<String, Object> row) throws IOException {
        start(t.type());
        for (DumpTable.Field f : t.fields()) {
            Object v = row.get(f.name());
            if (f.derived() || v == null) {
                continue;
            }
            if (v instanceof Long l) {
                json.writeNumberField(f.name(), l);
            } else if (v instanceof Integer i) {
                json.writeNumberField(f.name(), i);
            } else if (v instanceof Boolean b) {
                json.writeBooleanField(f.name(), b);
            } else {
                json.writeStringField(f.name(), v.toString()); // text, and instants in ISO-8601
            }
        }
        end();
    }

    /** The last line: how many records of each type the dump holds, so that a cut-off dump is recognised. */
    void trailer() throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "end");
        json.writeObjectFieldStart("counts");
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            json.writeNumberField(e.getKey(), e.getValue());
        }
        json.writeEndObject();
        end();
    }

    Map<String, Long> counts() {
        return counts;
    }

    @Override
    public void close() throws IOException {
        json.close();
    }

    private void start(String type) throws IOException {
        counts.merge(type, 1L, Long::sum);
        json.writeStartObject();
        json.writeStringField("type", type);
    }

    private void start(String type, long id) throws IOException {
        start(type);
        json.writeNumberField("id", id);
    }

    private void end() throws IOException {
        json.writeEndObject();
        json.writeRaw('\n');
    }

    private void text(String name, String value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value);
        }
    }

    private void time(String name, Instant value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value.toString());
        }
    }

    private void deletion(Deletion d) throws IOException {
        if (d != null) {
            json.writeObjectFieldStart("deleted");
            json.writeNumberField("by", d.deletedBy().value());
            json.writeStringField("at", d.at().toString());
            text("reason", d.reason());
            json.writeEndObject();
        }
    }
}
