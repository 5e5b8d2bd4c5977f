package dev.forumkit.app;

import dev.forumkit.core.Actor;
import dev.forumkit.core.Forum;
import dev.forumkit.core.approval.HeldPost;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.blob.FileSystemBlobStore;
import dev.forumkit.core.conversation.Conversation;
import dev.forumkit.core.conversation.Message;
import dev.forumkit.core.member.ExternalIdentity;
import dev.forumkit.core.profile.DateStyle;
import dev.forumkit.core.profile.ProfileEdit;
import dev.forumkit.core.report.ReportId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.group.Group;
import dev.forumkit.core.group.GroupId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.policy.Grant;
import dev.forumkit.core.policy.GrantValue;
import dev.forumkit.core.policy.Permission;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.storage.ForumStorage;
import dev.forumkit.persistence.jdbi.JdbiForumStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code export} and {@code import} on the embedded H2 database: round trip, re-runs, a bad line, refusals, secrets. */
class ExportImportCommandTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void a_generated_forum_round_trips_through_export_and_import_into_a_fresh_forum(@TempDir Path dir) throws IOException {
        Settings source = h2(dir.resolve("source"));
        Path dump = generatedDump(source, dir);

        Settings target = h2(dir.resolve("target"));
        String imported = importDump(target, dump);
        assertThat(imported).startsWith("0:").contains("counters recounted")
                .containsPattern("[1-9][\\d,]* posts rendered while loading").as("no separate rendering pass")
                .contains(" 0 posts rendered afterwards");
        assertSameForumAsTheDump(source, target, dump);
        try (ForumStorage storage = Storages.open(target)) {
            List<Post> posts = storage.transactions().readOnly(() -> storage.posts().byNumberRange(ThreadId.of(1), 1, 5, true));
            assertThat(posts).isNotEmpty().allSatisfy(p -> assertThat(p.html()).as("rendered by the import").isNotNull());
        }
        try (ForumStorage storage = Storages.open(target); var index = SearchIndexes.open(target, storage)) {
            assertThat(index.count()).as("the search index built by the import").isPositive();
        }
        List<String> lines = Files.readAllLines(dump);
        for (String type : List.of("member", "group", "group_member", "category", "board", "grant", "thread", "post",
                "held_post", "reaction", "read_state", "thread_watch", "board_watch", "profile", "external_identity", "attachment",
                "avatar", "conversation", "conversation_message", "conversation_participant", "conversation_message_reaction",
                "conversation_block", "report",
                "report_note", "warning", "audit_log", "end")) {
            assertThat(lines).as("a " + type + " record").anyMatch(l -> l.startsWith("{\"type\":\"" + type + "\""));
        }
        assertThat(lines).anyMatch(l -> l.contains("\"state\":\"deleted\"")).anyMatch(l -> l.contains("\"edited\":{"))
                .anyMatch(l -> l.contains("\"ban\":{")).anyMatch(l -> l.contains("\"locked\":true"))
                .anyMatch(l -> l.contains("\"moderated\":true")).anyMatch(l -> l.contains("\"state\":\"pending\""))
                .anyMatch(l -> l.contains("\"state\":\"rejected\"")).anyMatch(l -> l.contains("\"state\":\"approved\""));
    }

    @Test
    void an_import_run_again_on_the_same_dump_changes_nothing_also_when_it_does_not_know_how_far_it_got(@TempDir Path dir)
            throws IOException {
        Settings source = h2(dir.resolve("source"));
        Path dump = generatedDump(source, dir);
        Settings target = h2(dir.resolve("target"));
        assertThat(importDump(target, dump)).startsWith("0:");

        assertThat(importDump(target, dump)).startsWith("0:").contains("imported already: nothing changed");
        // as if every batch had been committed without its line count: each row is found by its source id
        sql(target, "UPDATE imports SET lines_done = 0, finished_at = NULL");
        assertThat(importDump(target, dump)).startsWith("0:").contains(" 0 rows written");
        assertSameForumAsTheDump(source, target, dump);
    }

    @Test
    void an_import_stopped_before_its_rendering_pass_renders_what_is_missing_when_run_again(@TempDir Path dir) throws IOException {
        Settings source = h2(dir.resolve("source"));
        Path dump = generatedDump(source, dir);
        Settings target = h2(dir.resolve("target"));
        assertThat(importDump(target, dump)).startsWith("0:").contains(" 0 posts rendered afterwards (no pass");
        // as an earlier run that stored its rows without HTML (an older forumkit's) and stopped before the pass
        int stripped = sql(target, "UPDATE imports SET finished_at = NULL",
                "UPDATE posts SET html = NULL, render_version = NULL WHERE MOD(id, 3) = 0");
        assertThat(stripped).isPositive();

        assertThat(importDump(target, dump)).startsWith("0:").contains("going on after line")
                .contains(" " + stripped + " posts rendered afterwards in ");
        try (ForumStorage storage = Storages.open(target)) {
            String version = dev.forumkit.markup.ForumMarkupRenderer.create().version();
            assertThat(storage.transactions().readOnly(() -> storage.posts().countRenderedOtherThan(version)))
                    .as("posts without this renderer's HTML").isZero();
        }
        assertThat(importDump(target, dump)).startsWith("0:").contains("imported already: nothing changed");
        assertSameForumAsTheDump(source, target, dump);
    }

    @Test
    void a_bad_line_is_reported_with_its_number_keeps_the_lines_before_and_a_rerun_goes_on(@TempDir Path dir) throws IOException {
        Settings source = h2(dir.resolve("source"));
        Path dump = generatedDump(source, dir);
        List<String> lines = new ArrayList<>(Files.readAllLines(dump));
        int bad = lastIndexOf(lines, "{\"type\":\"reaction\"") + 1; // the last reaction: far past the first batches
        String good = lines.get(bad - 1);
        lines.set(bad - 1, good.replaceFirst("\"created_at\":\"[^\"]*\"", "\"created_at\":\"yesterday\""));
        Path broken = dir.resolve("broken.jsonl");
        Files.write(broken, lines);

        Settings target = h2(dir.resolve("target"));
        String out = importDump(target, broken, "--batch", "100");
        assertThat(out).startsWith("1:").contains("line " + bad + ": ").contains("\"created_at\" is not an ISO-8601 instant")
                .contains("lines 1 to " + String.format(java.util.Locale.ROOT, "%,d", bad - 1) + " are imported");
        try (JdbiForumStorage storage = (JdbiForumStorage) Storages.open(target)) {
            long done = storage.jdbi().withHandle(h -> h.createQuery("SELECT lines_done FROM imports").mapTo(Long.class).one());
            assertThat(done).isEqualTo(bad - 1);
            assertThat(storage.transactions().readOnly(() -> storage.members().count())).isPositive();
        }

        lines.set(bad - 1, good);
        Files.write(broken, lines);
        assertThat(importDump(target, broken)).startsWith("0:").contains("going on after line")
                .as("posts of the earlier run: the pass looks").contains(" 0 posts rendered afterwards in ");
        assertSameForumAsTheDump(source, target, dump);
    }

    @Test
    void a_cut_off_dump_and_a_dangling_reference_are_refused_with_their_line(@TempDir Path dir) throws IOException {
        Settings source = h2(dir.resolve("source"));
        Path dump = generatedDump(source, dir);
        List<String> lines = Files.readAllLines(dump);
        Path cut = dir.resolve("cut.jsonl");
        Files.write(cut, lines.subList(0, lines.size() - 1));
        assertThat(importDump(h2(dir.resolve("a")), cut)).startsWith("1:").contains("line " + lines.size() + ": ")
                .contains("cut off");

        Path dangling = dir.resolve("dangling.jsonl");
        List<String> changed = new ArrayList<>(lines);
        int post = indexOfFirst(changed, "{\"type\":\"post\"");
        changed.set(post, changed.get(post).replaceFirst("\"thread_id\":\\d+", "\"thread_id\":999999"));
        Files.write(dangling, changed);
        assertThat(importDump(h2(dir.resolve("b")), dangling)).startsWith("1:").contains("line " + (post + 1) + ": ")
                .contains("refers to thread 999999, which is not in the dump before this line");
    }

    @Test
    void a_forum_with_content_of_its_own_is_refused_and_left_as_it_was(@TempDir Path dir) throws IOException {
        Settings source = h2(dir.resolve("source"));
        Path dump = generatedDump(source, dir);

        Settings other = h2(dir.resolve("other"));
        assertThat(GenerateCommand.run(List.of("--posts", "30", "--threads", "3", "--members", "4", "--reactions", "3", "--seed", "9"),
                other, new PrintStream(new ByteArrayOutputStream()))).isZero();
        Path before = dir.resolve("before.jsonl");
        export(other, before);
        assertThat(importDump(other, dump)).startsWith("1:").contains("refused: the forum is not empty (4 rows in members)");
        Path after = dir.resolve("after.jsonl");
        export(other, after);
        assertSameApartFromHeader(before, after);

        Settings imported = h2(dir.resolve("imported"));
        assertThat(importDump(imported, before)).startsWith("0:");
        assertThat(importDump(imported, dump)).as("a forum made by another dump").startsWith("1:")
                .contains("refused: this forum was made by an import of another dump");
    }

    @Test
    void password_hashes_are_left_out_unless_asked_for_and_members_of_such_a_dump_cannot_sign_in(@TempDir Path dir)
            throws IOException {
        Settings source = h2(dir.resolve("source"));
        generateWithHistory(source);
        String hash;
        try (ForumStorage storage = Storages.open(source)) {
            hash = storage.transactions().readOnly(() -> storage.members().byId(MemberId.of(2)).orElseThrow().passwordHash());
        }
        Path dump = dir.resolve("dump.jsonl");
        export(source, dump);
        String plain = Files.readString(dump);
        assertThat(plain).doesNotContain("password_hash").doesNotContain(hash).contains("\"with_secrets\":false");

        Path secret = dir.resolve("secret.jsonl");
        assertThat(export(source, secret, "--with-secrets")).contains("with password hashes");
        assertThat(Files.readString(secret)).contains("\"password_hash\":\"" + hash + "\"").contains("\"with_secrets\":true");

        Settings fromPlain = h2(dir.resolve("plain"));
        assertThat(importDump(fromPlain, dump)).contains("forgot password");
        Settings fromSecret = h2(dir.resolve("secret"));
        importDump(fromSecret, secret);
        try (ForumStorage a = Storages.open(fromPlain); ForumStorage b = Storages.open(fromSecret)) {
            assertThat(a.transactions().readOnly(() -> a.members().byId(MemberId.of(2)).orElseThrow().passwordHash()))
                    .isEqualTo(DumpFormat.NO_PASSWORD);
            assertThat(b.transactions().readOnly(() -> b.members().byId(MemberId.of(2)).orElseThrow().passwordHash())).isEqualTo(hash);
        }
    }

    @Test
    void a_version_1_dump_without_the_newer_records_is_still_read(@TempDir Path dir) throws IOException {
        Settings source = h2(dir.resolve("source"));
        Path dump = generatedDump(source, dir);
        // what version 1 wrote: the same lines without the record types version 2 added, counted without them
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        Set<String> added = new java.util.HashSet<>();
        dev.forumkit.persistence.jdbi.DumpTable.ALL.forEach(t -> added.add(t.type()));
        List<String> old = new ArrayList<>();
        for (String line : Files.readAllLines(dump)) {
            var n = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(line);
            String type = n.get("type").asText();
            if (type.equals("header")) {
                n.put("version", 1);
            } else if (type.equals("end")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) n.get("counts")).remove(added);
            } else if (added.contains(type)) {
                continue;
            }
            old.add(json.writeValueAsString(n));
        }
        assertThat(old).hasSizeLessThan(Files.readAllLines(dump).size());
        Path v1 = dir.resolve("v1.jsonl");
        Files.write(v1, old);

        Settings target = h2(dir.resolve("target"));
        assertThat(importDump(target, v1)).startsWith("0:");
        Path again = dir.resolve("again.jsonl");
        export(target, again);
        List<String> lines = Files.readAllLines(again);
        assertThat(lines.subList(1, lines.size())).containsExactlyElementsOf(old.subList(1, old.size()));
    }

    @Test
    void imported_content_fires_no_event(@TempDir Path dir) throws IOException {
        Settings source = h2(dir.resolve("source"));
        Path dump = generatedDump(source, dir);
        Settings target = h2(dir.resolve("target"));
        long head;
        try (ForumStorage storage = Storages.open(target)) {
            head = storage.transactions().readOnly(() -> storage.eventLog().head());
        }
        importDump(target, dump);
        try (ForumStorage storage = Storages.open(target)) {
            assertThat(storage.transactions().readOnly(() -> storage.eventLog().head())).as("no event in the outbox").isEqualTo(head);
        }
    }

    // --- helpers shared with the PostgreSQL test

    static Settings h2(Path dir) {
        Properties p = new Properties();
        p.setProperty("forumkit.data.dir", dir.toString());
        return Settings.load(p, Map.of());
    }

    /** A generated forum plus what a generator does not make: edits, deletions, a ban, a group, read marks, a watch. */
    static void generateWithHistory(Settings settings) {
        assertThat(GenerateCommand.run(List.of("--posts", "400", "--threads", "20", "--members", "12", "--reactions", "150"),
                settings, new PrintStream(new ByteArrayOutputStream()))).isZero();
        try (ForumStorage storage = Storages.open(settings);
             Forum forum = Forum.create(storage, c -> c.outboxPollInterval(Duration.ZERO)
                     .blobStore(FileSystemBlobStore.open(AttachmentSettings.load(settings.dataDir()).blobDir())))) {
            Actor admin = Actor.member(MemberId.of(1));
            ThreadId thread = ThreadId.of(2);
            List<Post> posts = storage.transactions().readOnly(() -> storage.posts().byNumberRange(thread, 1, 3, false));
            Post second = posts.size() > 1 ? posts.get(1) : posts.get(0);
            forum.posts().edit(Actor.member(second.authorId()), second.id(), "Edited: " + second.body());
            forum.posts().delete(admin, posts.get(posts.size() - 1).id(), "spam");
            forum.threads().lock(admin, thread, true);
            forum.threads().pin(admin, ThreadId.of(3), true);
            forum.threads().delete(admin, ThreadId.of(4), "off topic");
            forum.members().ban(admin, MemberId.of(5), "rude", null);
            forum.members().updateCustomTitle(admin, MemberId.of(3), "Unswerving cyclist");
            Group g = forum.groups().create(admin, "Staff", "Staff", 5);
            forum.groups().place(admin, MemberId.of(3), g.id(), Set.of());
            forum.reading().threadPage(Actor.member(MemberId.of(6)), thread, 1);
            forum.watching().watchThread(Actor.member(MemberId.of(6)), thread, true);
            // a moderated board: replies by members are held; one approved (it becomes a post), one rejected, one waits
            ThreadId moderatedThread = ThreadId.of(5);
            BoardId board = storage.transactions().readOnly(() -> storage.threads().byId(moderatedThread).orElseThrow().boardId());
            forum.approvals().setModerated(admin, board, true);
            Actor writer = Actor.member(MemberId.of(7));
            HeldPost approved = forum.posts().submitReply(writer, moderatedThread, "Held, then approved", () -> { }).held();
            HeldPost rejected = forum.posts().submitReply(writer, moderatedThread, "Held, then rejected", () -> { }).held();
            forum.posts().submitReply(writer, moderatedThread, "Still waiting", () -> { });
            forum.approvals().approve(admin, approved.id());
            forum.approvals().reject(admin, rejected.id(), "off topic");
            forum.permissions().set(admin, new Grant(Grant.Subject.group(g.id()), Grant.Scope.board(board), Permission.MODERATE,
                    GrantValue.ALLOW));
            // the records of format version 2: a file, a conversation with a reaction, a report with a note, a
            // warning (and the audit log's lines), a profile with a signature, a board watch, an external identity
            forum.attachments().uploadDraft(admin, board, "notes.txt",
                    new java.io.ByteArrayInputStream("Tyre pressures: 4.5 bar".getBytes(StandardCharsets.UTF_8)));
            String member3 = storage.transactions().readOnly(() -> storage.members().byId(MemberId.of(3)).orElseThrow().username());
            Actor six = Actor.member(MemberId.of(6));
            Conversation talk = forum.conversations().start(six, "Saturday ride", "Are you in, @" + member3 + "?", List.of(member3), false);
            Message answer = forum.conversations().reply(Actor.member(MemberId.of(3)), talk.id(), "Yes, **of course**");
            forum.conversations().react(six, answer.id(), "like");
            forum.conversations().read(six, talk.id(), 1);
            Post reported = storage.transactions().readOnly(() -> storage.posts().byNumberRange(ThreadId.of(6), 1, 2, false)).get(0);
            ReportId report = forum.reports().reportPost(Actor.member(MemberId.of(8)), reported.id(), "Looks like spam");
            forum.reports().comment(admin, report, "Checking");
            if (!reported.authorId().equals(MemberId.of(1))) {
                forum.warnings().warn(admin, reported.id(), 10, "Advertising", Duration.ofDays(30));
            }
            forum.profiles().update(six, MemberId.of(6), new ProfileEdit("Rides a lot", "Utrecht", "https://example.org",
                    "Ride *safe*", "Europe/Amsterdam", DateStyle.ISO, true, false, "nl"));
            forum.watching().watchBoard(six, board, true, false);
            forum.conversations().block(six, storage.transactions().readOnly(() -> storage.members().byId(MemberId.of(9))
                    .orElseThrow().username()));
            java.awt.image.BufferedImage picture = new java.awt.image.BufferedImage(64, 64, java.awt.image.BufferedImage.TYPE_INT_RGB);
            picture.setRGB(10, 10, 0xff8800);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            try {
                javax.imageio.ImageIO.write(picture, "png", png);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            forum.avatars().upload(six, MemberId.of(6), new java.io.ByteArrayInputStream(png.toByteArray()));
            forum.members().provision(new ExternalIdentity("https://id.example.org", "user-42", "hosted", "hosted@example.org",
                    "https://id.example.org/a/42.png", null));
        }
    }

    /** The forum of {@code generateWithHistory} in {@code source}, exported to DIR/dump.jsonl. */
    static Path generatedDump(Settings source, Path dir) {
        generateWithHistory(source);
        Path dump = dir.resolve("dump.jsonl");
        assertThat(export(source, dump)).startsWith("0:");
        return dump;
    }

    /**
     * The forum imported into {@code target} is the source's again: with the files copied beside it, recount finds no
     * difference, and its export is the dump but for the header.
     */
    static void assertSameForumAsTheDump(Settings source, Settings target, Path dump) throws IOException {
        copyBlobs(source, target);
        assertThat(recount(target)).as("counters right after the import").startsWith("0:").contains("no difference");
        Path again = dump.resolveSibling("again-" + target.dataDir().getFileName() + ".jsonl");
        assertThat(export(target, again)).startsWith("0:");
        assertSameApartFromHeader(dump, again);
    }

    /** Runs the statements on the forum's database, as an operator (or a crash) would leave it; the last one's row count. */
    static int sql(Settings settings, String... statements) {
        try (JdbiForumStorage storage = (JdbiForumStorage) Storages.open(settings)) {
            return storage.jdbi().withHandle(h -> {
                int rows = 0;
                for (String statement : statements) {
                    rows = h.execute(statement);
                }
                return rows;
            });
        }
    }

        /** The blob store's files travel beside the dump (docs/export.md): copied as an operator copies the blob directory. */
    static void copyBlobs(Settings from, Settings to) throws IOException {
        Path source = AttachmentSettings.load(from.dataDir()).blobDir();
        Path target = AttachmentSettings.load(to.dataDir()).blobDir();
        try (var files = Files.walk(source)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path copy = target.resolve(source.relativize(f));
                Files.createDirectories(copy.getParent());
                if (!Files.exists(copy)) {
                    Files.copy(f, copy);
                }
            }
        }
    }

    static String export(Settings settings, Path to, String... more) {
        List<String> args = new ArrayList<>(List.of("--out", to.toString()));
        args.addAll(List.of(more));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ExportCommand.run(args, settings, System.out, new PrintStream(err, true, StandardCharsets.UTF_8), true, CLOCK);
        return status + ":" + err.toString(StandardCharsets.UTF_8);
    }

    static String importDump(Settings settings, Path dump, String... more) {
        List<String> args = new ArrayList<>(List.of(dump.toString()));
        args.addAll(List.of(more));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(out, true, StandardCharsets.UTF_8);
        int status = ImportCommand.run(args, settings, both, both, true, CLOCK);
        return status + ":" + out.toString(StandardCharsets.UTF_8);
    }

    static String recount(Settings settings) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = RecountCommand.run(List.of(), settings, new PrintStream(out, true, StandardCharsets.UTF_8));
        return status + ":" + out.toString(StandardCharsets.UTF_8);
    }

    /** Every line but the header (its dump id and time differ) is the same. */
    static void assertSameApartFromHeader(Path a, Path b) throws IOException {
        List<String> x = Files.readAllLines(a);
        List<String> y = Files.readAllLines(b);
        assertThat(y.get(0)).startsWith("{\"type\":\"header\",\"format\":\"forumkit-export\",\"version\":2,");
        assertThat(y.subList(1, y.size())).containsExactlyElementsOf(x.subList(1, x.size()));
    }

    private static int lastIndexOf(List<String> lines, String prefix) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line starts with " + prefix);
    }

    private static int indexOfFirst(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line starts with " + prefix);
    }
}
