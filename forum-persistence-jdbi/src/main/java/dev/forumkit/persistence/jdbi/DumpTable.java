package dev.forumkit.persistence.jdbi;

import java.util.List;
import java.util.Objects;

/**
 * A dump record type that is one table's rows as they are, field for column (format version 2: attachments,
 * conversations, conversation blocks, reports, warnings, the audit log, profiles, external identities, avatars,
 * board watches). These
 * tables hold no counter the core keeps beside them apart from the ones {@link JdbiImportWriter#finish} recomputes,
 * so one description serves the export, the import's checks and its writes; rows travel as maps from field to value
 * ({@code Long}, {@code Integer}, {@code Boolean}, {@code String} or {@code Instant}; absent when null).
 *
 * @param type   the record's type in a dump
 * @param table  the table
 * @param first  the key's first column (the one the table's primary or unique key starts with)
 * @param second the key's second column, null for a one-column key
 * @param fields the columns, in the order a dump writes them
 */
public record DumpTable(String type, String table, String first, String second, List<Field> fields) {
    /** What a value is. */
    public enum Kind { ID, NUMBER, INTEGER, BOOLEAN, TEXT, TIME }

    /**
     * One column. {@code refersTo}: the dump type whose id the value names (checked to have come earlier), or null.
     * A derived field is not in a dump: the import computes it ({@code html} from {@code body}, counters).
     */
    public record Field(String name, Kind kind, boolean required, String refersTo, boolean derived) {
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
        }

        String column() {
            return name;
        }
    }

    public DumpTable {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(first, "first");
        fields = List.copyOf(fields);
    }

    /** Whether the first key column is the row's own id (a new id other records may refer to). */
    public boolean ownsIds() {
        return first.equals("id");
    }

    public Field field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(type + " has no field " + name));
    }

    /** In dump order: parents before children. */
    public static final List<DumpTable> ALL = List.of(
            new DumpTable("board_watch", "board_watches", "member_id", "board_id", List.of(
                    ref("member_id", "member"), ref("board_id", "board"), f("every_post", Kind.BOOLEAN),
                    f("email", Kind.BOOLEAN), f("created_at", Kind.TIME))),
            new DumpTable("profile", "profiles", "member_id", null, List.of(
                    ref("member_id", "member"), opt("about", Kind.TEXT), opt("location", Kind.TEXT), opt("website", Kind.TEXT),
                    opt("signature", Kind.TEXT), derived("signature_html", Kind.TEXT), opt("time_zone", Kind.TEXT),
                    f("date_style", Kind.TEXT), f("hide_last_seen", Kind.BOOLEAN), f("hide_signatures", Kind.BOOLEAN),
                    opt("last_seen_at", Kind.TIME), opt("language", Kind.TEXT))),
            new DumpTable("external_identity", "external_identities", "member_id", null, List.of(
                    ref("member_id", "member"), f("issuer", Kind.TEXT), f("subject", Kind.TEXT), opt("avatar_url", Kind.TEXT))),
            new DumpTable("avatar", "avatars", "member_id", null, List.of(
                    ref("member_id", "member"), f("large_key", Kind.TEXT), f("small_key", Kind.TEXT), f("format", Kind.TEXT),
                    f("version", Kind.NUMBER))),
            new DumpTable("attachment", "attachments", "id", null, List.of(
                    f("id", Kind.ID), ref("owner_id", "member"), new Field("post_id", Kind.ID, false, "post", false),
                    f("blob_key", Kind.TEXT), opt("thumbnail_key", Kind.TEXT), f("name", Kind.TEXT), f("file_type", Kind.TEXT),
                    f("size_bytes", Kind.NUMBER), f("width", Kind.INTEGER), f("height", Kind.INTEGER), f("created_at", Kind.TIME))),
            new DumpTable("conversation", "conversations", "id", null, List.of(
                    f("id", Kind.ID), f("title", Kind.TEXT), ref("starter_id", "member"), f("open_invite", Kind.BOOLEAN),
                    f("created_at", Kind.TIME), f("reported", Kind.BOOLEAN),
                    derived("last_message_at", Kind.TIME), derived("message_count", Kind.INTEGER))),
            new DumpTable("conversation_message", "conversation_messages", "id", null, List.of(
                    f("id", Kind.ID), ref("conversation_id", "conversation"), ref("author_id", "member"), f("body", Kind.TEXT),
                    f("created_at", Kind.TIME), derived("html", Kind.TEXT), derived("renderer_version", Kind.TEXT))),
            new DumpTable("conversation_participant", "conversation_participants", "conversation_id", "member_id", List.of(
                    ref("conversation_id", "conversation"), ref("member_id", "member"), f("joined_at", Kind.TIME),
                    opt("left_at", Kind.TIME), new Field("last_read_id", Kind.ID, false, "conversation_message", false))),
            new DumpTable("conversation_message_reaction", "conversation_message_reactions", "message_id", "member_id", List.of(
                    ref("message_id", "conversation_message"), ref("member_id", "member"), f("reaction_type", Kind.TEXT),
                    f("created_at", Kind.TIME))),
            new DumpTable("conversation_block", "conversation_blocks", "member_id", "blocked_id", List.of(
                    ref("member_id", "member"), ref("blocked_id", "member"))),
            // a report's subject is a post or a member (subject_kind), and its thread may be any: plain numbers
            new DumpTable("report", "reports", "id", null, List.of(
                    f("id", Kind.ID), f("subject_kind", Kind.TEXT), f("subject_id", Kind.NUMBER), ref("reported_id", "member"),
                    opt("thread_id", Kind.NUMBER), f("status", Kind.TEXT), f("opened_at", Kind.TIME), f("updated_at", Kind.TIME),
                    new Field("closed_by", Kind.ID, false, "member", false), opt("closed_at", Kind.TIME),
                    opt("open_subject", Kind.TEXT))),
            new DumpTable("report_note", "report_notes", "id", null, List.of(
                    f("id", Kind.ID), ref("report_id", "report"), f("kind", Kind.TEXT), ref("author_id", "member"),
                    f("body", Kind.TEXT), f("created_at", Kind.TIME))),
            new DumpTable("warning", "warnings", "id", null, List.of(
                    f("id", Kind.ID), ref("member_id", "member"), f("post_id", Kind.NUMBER), f("thread_id", Kind.NUMBER),
                    ref("issued_by", "member"), f("points", Kind.INTEGER), f("reason", Kind.TEXT), f("issued_at", Kind.TIME),
                    opt("expires_at", Kind.TIME))),
            // the log names actors and targets of any kind, also ones that are gone: plain numbers
            new DumpTable("audit_log", "audit_log", "id", null, List.of(
                    f("id", Kind.ID), f("created_at", Kind.TIME), f("actor_id", Kind.NUMBER), f("action", Kind.TEXT),
                    f("target_kind", Kind.TEXT), f("target_id", Kind.NUMBER), opt("before_text", Kind.TEXT),
                    opt("after_text", Kind.TEXT), opt("reason", Kind.TEXT))));

    private static Field f(String name, Kind kind) {
        return new Field(name, kind, true, null, false);
    }

    private static Field opt(String name, Kind kind) {
        return new Field(name, kind, false, null, false);
    }

    private static Field ref(String name, String type) {
        return new Field(name, Kind.ID, true, type, false);
    }

    private static Field derived(String name, Kind kind) {
        return new Field(name, kind, false, null, true);
    }
}
