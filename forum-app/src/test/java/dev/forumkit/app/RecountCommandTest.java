package dev.forumkit.app;

import dev.forumkit.core.Actor;
import dev.forumkit.core.Forum;
import dev.forumkit.core.attachment.Attachment;
import dev.forumkit.core.blob.FileSystemBlobStore;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberSort;
import dev.forumkit.core.storage.ForumStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code recount} also checks attachments: a file gone from the blob store is reported (exit 3), whatever --repair. */
class RecountCommandTest {
    @Test
    void reports_an_attachment_whose_file_is_missing_from_the_blob_store(@TempDir Path dir) {
        Properties p = new Properties();
        p.setProperty("forumkit.data.dir", dir.toString());
        Settings settings = Settings.load(p, Map.of());
        assertThat(GenerateCommand.run(List.of("--posts", "50", "--threads", "5", "--members", "5", "--reactions", "5"),
                settings, new PrintStream(new ByteArrayOutputStream()))).isZero();

        FileSystemBlobStore blobs = FileSystemBlobStore.open(dir.resolve("blobs")); // the command's default blob.dir
        Attachment kept;
        Attachment lost;
        try (ForumStorage storage = Storages.open(settings);
             Forum forum = Forum.create(storage, c -> c.outboxPollInterval(Duration.ZERO).blobStore(blobs))) {
            BoardId board = storage.boards().all().get(0).id();
            Member writer = storage.members().page(MemberSort.JOINED, 0, 50).stream()
                    .filter(m -> m.role() == dev.forumkit.core.member.Role.MEMBER).findFirst().orElseThrow();
            Actor as = Actor.member(writer.id());
            kept = forum.attachments().uploadDraft(as, board, "notes.txt", text("kept"));
            lost = forum.attachments().uploadDraft(as, board, "lost.txt", text("lost"));
        }
        assertThat(run(settings, List.of())).as("before any file is lost").startsWith("0:");

        assertThat(blobs.delete(lost.blob())).isTrue();

        String out = run(settings, List.of("--repair"));
        assertThat(out).startsWith("3:").contains("attachment " + lost.id().value() + ": file missing")
                .doesNotContain("attachment " + kept.id().value() + ":").contains("1 missing files");
    }

    private static ByteArrayInputStream text(String s) {
        return new ByteArrayInputStream(("plain text, " + s + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The exit status, a colon, and what the command printed. */
    private static String run(Settings settings, List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = RecountCommand.run(args, settings, new PrintStream(out, true, StandardCharsets.UTF_8));
        return status + ":" + out.toString(StandardCharsets.UTF_8);
    }
}
