package dev.forumkit.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forumkit.core.approval.HeldPost;
import dev.forumkit.core.approval.HeldPostId;
import dev.forumkit.core.approval.HeldStatus;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.board.Category;
import dev.forumkit.core.board.CategoryId;
import dev.forumkit.core.content.Deletion;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.group.Group;
import dev.forumkit.core.group.GroupId;
import dev.forumkit.core.member.Ban;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.member.Role;
import dev.forumkit.core.policy.Grant;
import dev.forumkit.core.policy.GrantValue;
import dev.forumkit.core.policy.Permission;
import dev.forumkit.core.post.Edit;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.reaction.Reaction;
import dev.forumkit.core.thread.ForumThread;
import dev.forumkit.core.watch.ThreadWatch;
import dev.forumkit.persistence.jdbi.DumpRows;
import dev.forumkit.persistence.jdbi.DumpTable;
import dev.forumkit.persistence.jdbi.JdbiImportWriter;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * Reads a dump's lines one by one: checks each (fields, types, the order of record types, and that every id it
 * refers to came earlier in the dump) and hands the record to the import writer. The ids seen are kept as bit sets,
 * an eighth of a byte per id, so memory grows with the highest id and never with the text.
 */
final class DumpParser {
    /** A line the import cannot take, with its number (1 is the header). */
    static final class BadLine extends RuntimeException {
        final long line;

        BadLine(long line, String message) {
            super("line " + line + ": " + message);
            this.line = line;
        }
    }

    /** The header's facts. */
    record Header(String dumpId, int version, String forumVersion, String exportedAt, boolean withSecrets) {
    }

    /** Record types in the order a dump has them; a type may be absent, never out of order. */
    private static final List<String> ORDER = order();
    private static final Map<String, DumpTable> TABLES = new HashMap<>();

    static {
        DumpTable.ALL.forEach(t -> TABLES.put(t.type(), t));
    }

    private static List<String> order() {
        List<String> order = new ArrayList<>(List.of("member", "group", "group_member", "category", "board", "grant", "thread",
                "post", "held_post", "reaction", "read_state", "thread_watch"));
        DumpTable.ALL.forEach(t -> order.add(t.type()));
        order.add("end");
        return List.copyOf(order);
    }


    private final ObjectMapper mapper = new ObjectMapper();
    /** Gives a post its HTML before it is handed on, so that it is stored with the row. */
    private final UnaryOperator<Post> render;
    private final BitSet members = new BitSet();
    private final BitSet groups = new BitSet();
    private final BitSet categories = new BitSet();
    private final BitSet boards = new BitSet();
    private final BitSet threads = new BitSet();
    private final BitSet posts = new BitSet();
    private final BitSet held = new BitSet();
    private final Map<String, Long> counts = new HashMap<>();
    /** Small (set by admins), kept to be stored through the ports once the rows are in. */
    private final List<Grant> grants = new ArrayList<>();
    private final List<BoardId> moderated = new ArrayList<>();
    private int lastType = -1;
    private boolean ended;
    private long line;

    /** Fills in a table row's derived fields (its HTML) before it is handed to the writer. */
    private final BiConsumer<String, Map<String, Object>> derive;
    /** The ids seen of every type that other records refer to, by type. */
    private final Map<String, BitSet> ids = new HashMap<>();

    /**
     * {@code render} is applied to each post and {@code derive} to each table row that is handed to the writer (not to
     * lines an earlier run imported).
     */
    DumpParser(UnaryOperator<Post> render, BiConsumer<String, Map<String, Object>> derive) {
        this.render = render;
        this.derive = derive;
        ids.put("member", members);
        ids.put("board", boards);
        ids.put("thread", threads);
        ids.put("post", posts);
        DumpTable.ALL.stream().filter(DumpTable::ownsIds).forEach(t -> ids.put(t.type(), new BitSet()));
    }

    Header header(String text) {
        line = 1;
        JsonNode n = object(text);
        if (!"header".equals(n.path("type").asText()) || !DumpFormat.NAME.equals(n.path("format").asText())) {
            throw bad("not a forumkit dump: the first line must be the header {\"type\":\"header\",\"format\":\""
                    + DumpFormat.NAME + "\",...}");
        }
        int version = integer(n, "version");
        if (version < DumpFormat.OLDEST_READ || version > DumpFormat.VERSION) {
            throw bad("format version " + version + " is not supported (this forumkit reads versions " + DumpFormat.OLDEST_READ
                    + " to " + DumpFormat.VERSION + ")");
        }
        return new Header(string(n, "dump_id"), version, optional(n, "forum_version"), optional(n, "exported_at"),
                n.path("with_secrets").asBoolean(false));
    }

    /** Line {@code number}: checked, and handed to {@code to} unless it is null (a line an earlier run imported). */
    void line(long number, String text, JdbiImportWriter to) {
        line = number;
        if (ended) {
            throw bad("a line after the end record");
        }
        JsonNode n = object(text);
        String type = string(n, "type");
        int at = ORDER.indexOf(type);
        if (at < 0) {
            throw bad("unknown record type \"" + type + "\"");
        }
        if (at < lastType) {
            throw bad("a " + type + " record after the " + ORDER.get(lastType) + " records (a dump lists " + String.join(", ", ORDER) + ")");
        }
        lastType = at;
        try {
            switch (type) {
                case "member" -> member(n, to);
                case "group" -> group(n, to);
                case "group_member" -> groupMember(n, to);
                case "category" -> category(n, to);
                case "board" -> board(n, to);
                case "grant" -> grant(n);
                case "thread" -> thread(n, to);
                case "post" -> post(n, to);
                case "held_post" -> heldPost(n, to);
                case "reaction" -> reaction(n, to);
                case "read_state" -> readState(n, to);
                case "thread_watch" -> threadWatch(n, to);
                case "end" -> end(n);
                default -> row(TABLES.get(type), n, to);
            }
        } catch (BadLine e) {
            throw e;
        } catch (RuntimeException e) { // a core record refusing a value
            throw bad(type + ": " + e.getMessage());
        }
        if (at < ORDER.size() - 1) {
            counts.merge(type, 1L, Long::sum);
        }
    }

    /** Whether the end record was read: without it the dump was cut off. */
    boolean ended() {
        return ended;
    }

    long line() {
        return line;
    }

    /** The dump's permission grants (all of them, also those of lines an earlier run imported). */
    List<Grant> grants() {
        return grants;
    }

    /** The boards the dump marks moderated. */
    List<BoardId> moderatedBoards() {
        return moderated;
    }

    private void member(JsonNode n, JdbiImportWriter to) {
        long id = newId(n, members, "member");
        JsonNode ban = n.get("ban");
        String hash = optional(n, "password_hash");
        Member m = new Member(MemberId.of(id), string(n, "username"), string(n, "email"), hash == null ? DumpFormat.NO_PASSWORD : hash,
                optional(n, "custom_title"), time(n, "joined_at"), role(n), ban == null || ban.isNull() ? null
                : new Ban(string(ban, "reason"), time(ban, "since"), optionalTime(ban, "until"), MemberId.of(positive(ban, "by"))), // a later member may have set it
                0, 0, bool(n, "email_verified"));
        if (to != null) {
            to.member(m);
        }
    }

    private void group(JsonNode n, JdbiImportWriter to) {
        long id = newId(n, groups, "group");
        if (id < GroupId.FIRST_CUSTOM) {
            throw bad("group " + id + ": only custom groups (ids from " + GroupId.FIRST_CUSTOM + ") are in a dump");
        }
        Group g = new Group(GroupId.of(id), string(n, "name"), optional(n, "title"), integer(n, "display_order"));
        if (to != null) {
            to.group(g);
        }
    }

    private void groupMember(JsonNode n, JdbiImportWriter to) {
        DumpRows.GroupMembership m = new DumpRows.GroupMembership(MemberId.of(ref(n, "member_id", members, "member")),
                GroupId.of(ref(n, "group_id", groups, "group")), bool(n, "primary"));
        if (to != null) {
            to.groupMembership(m);
        }
    }

    private void category(JsonNode n, JdbiImportWriter to) {
        Category c = new Category(CategoryId.of(newId(n, categories, "category")), string(n, "title"), optional(n, "description"),
                integer(n, "display_order"));
        if (to != null) {
            to.category(c);
        }
    }

    private void board(JsonNode n, JdbiImportWriter to) {
        Board b = new Board(BoardId.of(newId(n, boards, "board")), CategoryId.of(ref(n, "category_id", categories, "category")),
                string(n, "title"), string(n, "slug"), optional(n, "description"), optional(n, "guest_notice"),
                integer(n, "display_order"), 0, 0, null);
        if (n.path("moderated").asBoolean(false)) {
            moderated.add(b.id());
        }
        if (to != null) {
            to.board(b);
        }
    }

    private void grant(JsonNode n) {
        Grant.Subject subject;
        if (n.has("group_id")) {
            long g = positive(n, "group_id");
            // the built-in groups are in every forum, not in the dump
            subject = Grant.Subject.group(GroupId.of(g < GroupId.FIRST_CUSTOM ? g : ref(n, "group_id", groups, "group")));
        } else {
            subject = Grant.Subject.member(MemberId.of(ref(n, "member_id", members, "member")));
        }
        String scopeKind = string(n, "scope");
        Grant.Scope scope = switch (scopeKind) {
            case "forum" -> Grant.Scope.GLOBAL;
            case "category" -> Grant.Scope.category(CategoryId.of(ref(n, "scope_id", categories, "category")));
            case "board" -> Grant.Scope.board(BoardId.of(ref(n, "scope_id", boards, "board")));
            default -> throw bad("\"scope\" is \"" + scopeKind + "\"; it is forum, category or board");
        };
        Permission permission = Permission.parse(string(n, "permission"));
        GrantValue value = GrantValue.parse(string(n, "value"));
        if (permission == null || value == null) {
            throw bad("unknown " + (permission == null ? "permission \"" + n.get("permission").asText() : "value \"" + n.get("value").asText()) + "\"");
        }
        grants.add(new Grant(subject, scope, permission, value));
    }

    private void heldPost(JsonNode n, JdbiImportWriter to) {
        long id = newId(n, held, "held_post");
        String state = string(n, "state");
        HeldStatus status;
        try {
            status = HeldStatus.valueOf(state.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad("\"state\" is \"" + state + "\"; it is pending, approved or rejected");
        }
        JsonNode reasons = n.get("reasons");
        if (reasons == null || !reasons.isArray()) {
            throw bad("\"reasons\" is missing or not a list");
        }
        List<String> why = new ArrayList<>();
        reasons.forEach(r -> why.add(r.asText()));
        JsonNode d = n.get("decided");
        boolean decided = d != null && !d.isNull();
        Long thread = n.has("thread_id") ? ref(n, "thread_id", threads, "thread") : null;
        Long post = n.has("post_id") ? ref(n, "post_id", posts, "post") : null;
        HeldPost h = new HeldPost(HeldPostId.of(id), BoardId.of(ref(n, "board_id", boards, "board")),
                thread == null ? null : ThreadId.of(thread), optional(n, "title"), MemberId.of(ref(n, "author_id", members, "member")),
                string(n, "body"), time(n, "held_at"), why, status, decided ? MemberId.of(ref(d, "by", members, "member")) : null,
                decided ? time(d, "at") : null, decided ? optional(d, "rejection") : null, post == null ? null : PostId.of(post));
        if (to != null) {
            to.heldPost(h);
        }
    }

    private void thread(JsonNode n, JdbiImportWriter to) {
        ForumThread t = new ForumThread(ThreadId.of(newId(n, threads, "thread")), BoardId.of(ref(n, "board_id", boards, "board")),
                string(n, "title"), MemberId.of(ref(n, "starter_id", members, "member")), time(n, "created_at"),
                bool(n, "pinned"), bool(n, "locked"), deletion(n), nonNegative(n, "post_counter"), 0, nonNegative(n, "view_count"), null);
        if (to != null) {
            to.thread(t);
        }
    }

    private void post(JsonNode n, JdbiImportWriter to) {
        long id = newId(n, posts, "post");
        Deletion deletion = deletion(n);
        String state = string(n, "state");
        if (!state.equals(deletion == null ? "visible" : "deleted")) {
            throw bad("post " + id + ": state \"" + state + "\" but " + (deletion == null ? "no" : "a") + " \"deleted\" object"
                    + " (state is \"visible\" or \"deleted\", with \"deleted\":{\"by\",\"at\",\"reason\"})");
        }
        JsonNode e = n.get("edited");
        Edit edit = e == null || e.isNull() ? null
                : new Edit(time(e, "at"), MemberId.of(ref(e, "by", members, "member")), integer(e, "count"));
        Post p = new Post(PostId.of(id), ThreadId.of(ref(n, "thread_id", threads, "thread")), integer(n, "number"),
                MemberId.of(ref(n, "author_id", members, "member")), string(n, "body"), time(n, "created_at"), edit, deletion);
        if (to != null) {
            to.post(render.apply(p));
        }
    }

    private void reaction(JsonNode n, JdbiImportWriter to) {
        Reaction r = new Reaction(PostId.of(ref(n, "post_id", posts, "post")), MemberId.of(ref(n, "member_id", members, "member")),
                MemberId.of(ref(n, "receiver_id", members, "member")), string(n, "reaction"), time(n, "created_at"));
        if (to != null) {
            to.reaction(r);
        }
    }

    private void readState(JsonNode n, JdbiImportWriter to) {
        DumpRows.ReadMark r = new DumpRows.ReadMark(MemberId.of(ref(n, "member_id", members, "member")),
                ThreadId.of(ref(n, "thread_id", threads, "thread")), integer(n, "last_read"));
        if (to != null) {
            to.readMark(r);
        }
    }

    private void threadWatch(JsonNode n, JdbiImportWriter to) {
        ThreadWatch w = new ThreadWatch(MemberId.of(ref(n, "member_id", members, "member")),
                ThreadId.of(ref(n, "thread_id", threads, "thread")), bool(n, "email"), time(n, "created_at"));
        if (to != null) {
            to.threadWatch(w);
        }
    }

    private void row(DumpTable t, JsonNode n, JdbiImportWriter to) {
        Map<String, Object> row = new HashMap<>();
        for (DumpTable.Field f : t.fields()) {
            JsonNode v = n.get(f.name());
            if (f.derived() || v == null || v.isNull()) {
                if (f.required() && !f.derived()) {
                    throw bad("\"" + f.name() + "\" is missing");
                }
                continue;
            }
            String name = f.name();
            row.put(name, switch (f.kind()) {
                case ID -> f.refersTo() != null ? ref(n, name, ids.get(f.refersTo()), f.refersTo().replace('_', ' '))
                        : t.ownsIds() && name.equals("id") ? newId(n, ids.get(t.type()), t.type().replace('_', ' ')) : positive(n, name);
                case NUMBER -> {
                    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                        throw bad("\"" + name + "\" is not a whole number");
                    }
                    yield v.asLong();
                }
                case INTEGER -> integer(n, name);
                case BOOLEAN -> bool(n, name);
                case TEXT -> string(n, name);
                case TIME -> time(n, name);
            });
        }
        if (to != null) {
            derive.accept(t.type(), row);
            to.row(t, row);
        }
    }

    private void end(JsonNode n) {
        JsonNode expected = n.get("counts");
        if (expected == null || !expected.isObject()) {
            throw bad("the end record needs \"counts\"");
        }
        for (var it = expected.fields(); it.hasNext(); ) {
            var e = it.next();
            long read = counts.getOrDefault(e.getKey(), 0L);
            if (!e.getValue().canConvertToLong() || e.getValue().asLong() != read) {
                throw bad("the end record counts " + e.getValue() + " " + e.getKey() + " records, the dump has " + read);
            }
        }
        for (String type : counts.keySet()) {
            if (!expected.has(type)) {
                throw bad("the end record does not count the " + counts.get(type) + " " + type + " records");
            }
        }
        ended = true;
    }

    private JsonNode object(String text) {
        try {
            JsonNode n = mapper.readTree(text);
            if (n == null || !n.isObject()) {
                throw bad("not a JSON object");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw bad("not valid JSON: " + e.getOriginalMessage());
        }
    }

    private long newId(JsonNode n, BitSet seen, String what) {
        long id = positive(n, "id");
        if (seen.get(index(id))) {
            throw bad("a second " + what + " with id " + id);
        }
        seen.set(index(id));
        return id;
    }

    /** An id that must name a record earlier in the dump. */
    private long ref(JsonNode n, String field, BitSet seen, String what) {
        long id = positive(n, field);
        if (!seen.get(index(id))) {
            throw bad("\"" + field + "\" refers to " + what + " " + id + ", which is not in the dump before this line");
        }
        return id;
    }

    private int index(long id) {
        if (id > Integer.MAX_VALUE) {
            throw bad("id " + id + " is above " + Integer.MAX_VALUE + ", the largest this import takes");
        }
        return (int) id;
    }

    private Deletion deletion(JsonNode n) {
        JsonNode d = n.get("deleted");
        return d == null || d.isNull() ? null
                : new Deletion(MemberId.of(ref(d, "by", members, "member")), time(d, "at"), optional(d, "reason"));
    }

    private Role role(JsonNode n) {
        String r = string(n, "role");
        try {
            return Role.valueOf(r);
        } catch (IllegalArgumentException e) {
            throw bad("\"role\" is \"" + r + "\"; it is one of MEMBER, MODERATOR, ADMIN");
        }
    }

    private String string(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw bad("\"" + field + "\" is " + (v == null || v.isNull() ? "missing" : "not a string"));
        }
        return v.asText();
    }

    private String optional(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : string(n, field);
    }

    private int integer(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
            throw bad("\"" + field + "\" is " + (v == null ? "missing" : "not a whole number"));
        }
        return v.asInt();
    }

    private int nonNegative(JsonNode n, String field) {
        int v = integer(n, field);
        if (v < 0) {
            throw bad("\"" + field + "\" is negative");
        }
        return v;
    }

    private long positive(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 1) {
            throw bad("\"" + field + "\" is " + (v == null ? "missing" : "not an id (a whole number from 1)"));
        }
        return v.asLong();
    }

    private boolean bool(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isBoolean()) {
            throw bad("\"" + field + "\" is " + (v == null ? "missing" : "not true or false"));
        }
        return v.asBoolean();
    }

    private Instant time(JsonNode n, String field) {
        Instant t = optionalTime(n, field);
        if (t == null) {
            throw bad("\"" + field + "\" is missing");
        }
        return t;
    }

    private Instant optionalTime(JsonNode n, String field) {
        String s = optional(n, field);
        try {
            return s == null ? null : DumpInstants.parse(s);
        } catch (DateTimeParseException e) {
            throw bad("\"" + field + "\" is not an ISO-8601 instant such as 2026-01-01T12:00:00Z: " + s);
        }
    }

    private BadLine bad(String message) {
        return new BadLine(line, message);
    }
}
