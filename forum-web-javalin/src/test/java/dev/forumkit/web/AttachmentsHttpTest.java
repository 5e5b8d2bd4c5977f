package dev.forumkit.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forumkit.core.Forum;
import dev.forumkit.core.attachment.AttachmentLimits;
import dev.forumkit.core.attachment.FileType;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.group.GroupId;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Pbkdf2PasswordHasher;
import dev.forumkit.core.memory.InMemoryForumStorage;
import dev.forumkit.core.policy.Grant;
import dev.forumkit.core.policy.GrantValue;
import dev.forumkit.core.policy.Permission;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.post.PostId;
import dev.forumkit.testkit.HostileFiles;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attachments over HTTP: every limit (size, files per post, quota, types from the bytes), every access rule (drafts,
 * deleted posts, private boards, the view-attachments permission), the serving headers and ranges, the HTML form
 * without script, and the hostile-file corpus.
 */
class AttachmentsHttpTest {
    /** 300 KB a file, 3 files a post, 2 MB a member. */
    static final AttachmentLimits LIMITS = new AttachmentLimits(300_000, 3, 2_000_000, EnumSet.allOf(FileType.class));

    @RegisterExtension
    static final Fixture f = Fixture.perClass(() -> Forum.create(new InMemoryForumStorage(), c -> c
            .passwordHasher(new Pbkdf2PasswordHasher(1_000)).viewFlushInterval(Duration.ZERO).attachmentLimits(LIMITS)));

    private static Client.Response upload(Client client, long board, String name, byte[] bytes) {
        Multipart body = new Multipart().file("file", name, "application/octet-stream", bytes);
        return client.sendBytes("POST", "/api/v1/boards/" + board + "/attachments", body.bytes(),
                "Content-Type", Multipart.contentType());
    }

    private static JsonNode uploaded(Client client, String name, byte[] bytes) {
        Client.Response r = upload(client, f.board.id().value(), name, bytes);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("attachment");
    }

    private static long replyWith(Client client, long... ids) {
        String list = String.join(",", Arrays.stream(ids).mapToObj(Long::toString).toList());
        Client.Response r = client.post("/api/v1/threads/" + f.threadId() + "/posts",
                "{\"body\":\"With files\",\"attachment_ids\":[" + list + "]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("post").path("id").asLong();
    }

    private static String code(Client.Response r) {
        return r.json().path("errors").path(0).path("code").asText();
    }

    private static Client member() {
        return f.signedIn(f.member("uploader"));
    }

    @Test
    void anImageIsReEncodedAndServedInlineOnlyToThoseWhoMaySeeIt() {
        Client ann = member();
        byte[] photo = HostileFiles.jpegWithSegment(HostileFiles.jpeg(1200, 900), 0xE1,
                "Exif\0\0GPS 52.52N 13.40E".getBytes(StandardCharsets.UTF_8));
        JsonNode a = uploaded(ann, "holiday.JPG", photo);
        assertThat(a.path("type").asText()).isEqualTo("jpeg");
        assertThat(a.path("inline").asBoolean()).isTrue();
        assertThat(a.path("name").asText()).isEqualTo("holiday.jpg");
        String url = a.path("url").asText();
        String thumb = a.path("thumbnail_url").asText();

        assertThat(f.signedIn(f.mia).getBytes(url).status()).as("another member, while a draft").isEqualTo(404);
        assertThat(ann.getBytes(url).status()).as("the owner's draft").isEqualTo(200);
        replyWith(ann, a.path("id").asLong());

        Client.Bytes full = f.signedIn(f.mia).getBytes(url);
        assertThat(full.status()).isEqualTo(200);
        assertThat(full.header("Content-Type")).isEqualTo("image/jpeg");
        assertThat(full.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(full.header("Content-Security-Policy")).startsWith("sandbox");
        assertThat(full.header("Content-Disposition")).startsWith("inline; filename=\"holiday.jpg\"");
        assertThat(full.header("Cache-Control")).startsWith("private");
        assertThat(full.header("ETag")).isNotBlank();
        assertThat(HostileFiles.contains(full.body(), "GPS")).isFalse();
        assertThat(HostileFiles.contains(full.body(), "Exif")).isFalse();
        Client.Bytes small = f.signedIn(f.mia).getBytes(thumb);
        assertThat(small.status()).isEqualTo(200);
        assertThat(small.body().length).isLessThan(full.body().length);
        assertThat(f.signedIn(f.mia).getBytes(url, "If-None-Match", full.header("ETag")).status()).isEqualTo(304);
        assertThat(f.guest().getBytes(url).status()).as("guests: no view-attachments by default").isEqualTo(404);
    }

    @Test
    void otherFilesAreDownloadsWithRanges() {
        Client ann = member();
        byte[] text = "0123456789abcdefghij".getBytes(StandardCharsets.UTF_8);
        JsonNode a = uploaded(ann, "notes.html", text);
        assertThat(a.path("type").asText()).isEqualTo("text");
        assertThat(a.path("name").asText()).isEqualTo("notes.html.txt");
        assertThat(a.path("thumbnail_url").isNull()).isTrue();
        replyWith(ann, a.path("id").asLong());
        String url = a.path("url").asText();
        Client mia = f.signedIn(f.mia);

        Client.Bytes whole = mia.getBytes(url);
        assertThat(whole.header("Content-Type").replace(" ", "")).isEqualTo("text/plain;charset=utf-8");
        assertThat(whole.header("Content-Disposition")).startsWith("attachment;");
        assertThat(whole.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(whole.body()).isEqualTo(text);

        Client.Bytes part = mia.getBytes(url, "Range", "bytes=5-9");
        assertThat(part.status()).isEqualTo(206);
        assertThat(part.header("Content-Range")).isEqualTo("bytes 5-9/20");
        assertThat(new String(part.body(), StandardCharsets.UTF_8)).isEqualTo("56789");
        assertThat(new String(mia.getBytes(url, "Range", "bytes=-3").body(), StandardCharsets.UTF_8)).isEqualTo("hij");
        assertThat(new String(mia.getBytes(url, "Range", "bytes=15-").body(), StandardCharsets.UTF_8)).isEqualTo("fghij");
        Client.Bytes beyond = mia.getBytes(url, "Range", "bytes=20-30");
        assertThat(beyond.status()).isEqualTo(416);
        assertThat(beyond.header("Content-Range")).isEqualTo("bytes */20");
        assertThat(mia.getBytes(url, "Range", "bytes=0-1,5-6").status()).as("several ranges: the whole file").isEqualTo(200);
    }

    @Test
    void everyLimitIsAClear422AndStoresNothing() {
        Client ann = member();
        long board = f.board.id().value();
        Client.Response big = upload(ann, board, "big.txt", "a".repeat(300_001).getBytes(StandardCharsets.UTF_8));
        assertThat(big.status()).isEqualTo(422);
        assertThat(code(big)).isEqualTo("too_large");

        Client.Response svg = upload(ann, board, "x.svg", "<svg onload='alert(1)'/>".getBytes(StandardCharsets.UTF_8));
        assertThat(svg.status()).isEqualTo(422);
        assertThat(code(svg)).isEqualTo("type_not_allowed");

        Client.Response none = ann.post("/api/v1/boards/" + board + "/attachments", "{}");
        assertThat(none.status()).isEqualTo(422);
        assertThat(code(none)).isEqualTo("required");

        for (int i = 0; i < 3; i++) {
            uploaded(ann, "n" + i + ".txt", "text".getBytes(StandardCharsets.UTF_8));
        }
        Client.Response fourth = upload(ann, board, "n4.txt", "text".getBytes(StandardCharsets.UTF_8));
        assertThat(fourth.status()).isEqualTo(422);
        assertThat(code(fourth)).isEqualTo("too_many_files");
        assertThat(ann.get("/api/v1/attachments/drafts").json().path("attachments").size()).isEqualTo(3);
    }

    @Test
    void theQuotaCountsEveryStoredByte() {
        Client ann = member();
        byte[] chunk = "b".repeat(290_000).getBytes(StandardCharsets.UTF_8);
        int stored = 0;
        while (true) {
            Client.Response r = upload(ann, f.board.id().value(), "part.txt", chunk);
            if (r.status() != 201) {
                assertThat(r.status()).isEqualTo(422);
                assertThat(code(r)).isEqualTo("quota_exceeded");
                break;
            }
            stored++;
            replyWith(ann, r.json().path("attachment").path("id").asLong()); // keep drafts under the per-post limit
        }
        assertThat(stored).isEqualTo(6); // 6 x 290,000 <= 2,000,000 < 7 x 290,000
    }

    @Test
    void guestsCannotUploadAndDeletingIsTheOwnersOrStaffs() {
        assertThat(upload(f.guest(), f.board.id().value(), "a.txt", "x".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(401);
        Client ann = member();
        long id = uploaded(ann, "a.txt", "words".getBytes(StandardCharsets.UTF_8)).path("id").asLong();
        assertThat(f.signedIn(f.mia).delete("/api/v1/attachments/" + id).status()).isEqualTo(404);
        assertThat(ann.delete("/api/v1/attachments/" + id).status()).isEqualTo(204);
        assertThat(ann.get("/api/v1/attachments/drafts").json().path("attachments").size()).isZero();
    }

    @Test
    void visibilityFollowsThePostAndTheGrid() {
        Client ann = member();
        JsonNode a = uploaded(ann, "a.txt", "words".getBytes(StandardCharsets.UTF_8));
        long post = replyWith(ann, a.path("id").asLong());
        String url = a.path("url").asText();
        Client mia = f.signedIn(f.mia);
        assertThat(mia.getBytes(url).status()).isEqualTo(200);

        f.forum.posts().delete(Fixture.as(f.moderator), PostId.of(post), "spam");
        assertThat(mia.getBytes(url).status()).as("deleted post").isEqualTo(404);
        assertThat(f.signedIn(f.moderator).getBytes(url).status()).isEqualTo(200);
        f.forum.posts().restore(Fixture.as(f.moderator), PostId.of(post));

        Member outsider = f.member("outsider");
        f.forum.permissions().set(Fixture.as(f.admin), new Grant(Grant.Subject.member(outsider.id()), Grant.Scope.GLOBAL,
                Permission.VIEW_ATTACHMENTS, GrantValue.NEVER));
        assertThat(f.signedIn(outsider).getBytes(url).status()).as("no view-attachments").isEqualTo(404);

        Board secret = f.forum.boards().createBoard(Fixture.as(f.admin), f.category.id(), "Staff room", "", "");
        f.forum.permissions().set(Fixture.as(f.admin), new Grant(Grant.Subject.group(GroupId.MEMBERS),
                Grant.Scope.board(secret.id()), Permission.VIEW_BOARD, GrantValue.DENY));
        Post staff = f.forum.threads().start(Fixture.as(f.moderator), secret.id(), "Staff only", "Plans");
        Client mod = f.signedIn(f.moderator);
        Multipart body = new Multipart().file("file", "plan.txt", "text/plain", "secret plan".getBytes(StandardCharsets.UTF_8));
        JsonNode s = mod.sendBytes("POST", "/api/v1/boards/" + secret.id().value() + "/attachments", body.bytes(),
                "Content-Type", Multipart.contentType()).json().path("attachment");
        f.forum.attachments().attach(Fixture.as(f.moderator), staff.id(),
                java.util.List.of(dev.forumkit.core.attachment.AttachmentId.of(s.path("id").asLong())));
        assertThat(mod.getBytes(s.path("url").asText()).status()).isEqualTo(200);
        assertThat(mia.getBytes(s.path("url").asText()).status()).as("private board").isEqualTo(404);
        assertThat(upload(mia, secret.id().value(), "a.txt", "x".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(403);
    }

    @Test
    void theReplyFormTakesFilesWithoutScriptAndTheThreadShowsThem() {
        Member writer = f.member("writer");
        Client w = f.signedIn(writer);
        w.sendCsrf = false; // as a browser: the token only in the form
        String thread = "/threads/cherry-blossom-season." + f.threadId() + "/";
        byte[] forged = new Multipart().field("_csrf", "not-the-token").field("body", "Forged").bytes();
        Client.Response refused = w.sendBytes("POST", thread + "reply", forged, "Content-Type", Multipart.contentType());
        assertThat(refused.status()).isEqualTo(403);
        byte[] uploadStep = new Multipart().field("_csrf", w.csrf).field("body", "Look [attach=X]").field("upload", "1")
                .file("file", "kyoto.png", "image/png", HostileFiles.png(600, 400)).bytes();
        Client.Response form = w.sendBytes("POST", thread + "reply", uploadStep, "Content-Type", Multipart.contentType());
        assertThat(form.status()).as(form.toString()).isEqualTo(200);
        long id = f.signedIn(writer).get("/api/v1/attachments/drafts").json().path("attachments").path(0).path("id").asLong();
        assertThat(form.body()).contains("[attach=" + id + "]").contains("name=\"attachment\" value=\"" + id + "\"")
                .contains("Look [attach=X]");

        byte[] postStep = new Multipart().field("_csrf", w.csrf).field("body", "Look [attach=" + id + "] and more")
                .field("attachment", Long.toString(id)).file("file", "", "application/octet-stream", new byte[0])
                .file("file", "list.txt", "text/plain", "1. temple".getBytes(StandardCharsets.UTF_8)).bytes();
        Client.Response posted = w.sendBytes("POST", thread + "reply", postStep, "Content-Type", Multipart.contentType());
        assertThat(posted.status()).as(posted.toString()).isEqualTo(303);

        String page = f.signedIn(f.mia).get(thread + "page-" + lastPage()).body();
        assertThat(page).contains("<a class=\"attachment-inline\" href=\"/attachments/" + id + "/kyoto.png\"><img src=\"/attachments/"
                + id + "/thumbnail/kyoto.png\"");
        assertThat(page).contains("class=\"attachment-name\"").contains("list.txt").doesNotContain("[attach=" + id + "]");
    }

    private static int lastPage() {
        return f.forum.reading().threadPage(Fixture.as(f.mia), f.opening.threadId(), 1).posts().lastPage();
    }

    @TestFactory
    Stream<DynamicTest> noHostileFileIsStoredUnderItsNameOrServedAsMarkupOrScript() {
        Client ann = member();
        return HostileFiles.all().stream().map(file -> DynamicTest.dynamicTest(file.what(), () -> {
            Client.Response r = upload(ann, f.board.id().value(), file.name(), file.bytes());
            assertThat(r.status()).as(r.toString()).isIn(201, 422);
            if (r.status() == 422) {
                return;
            }
            JsonNode a = r.json().path("attachment");
            String name = a.path("name").asText();
            assertThat(name).doesNotContain("/").doesNotContain("\\").doesNotStartWith(".");
            Client.Bytes served = ann.getBytes(a.path("url").asText());
            String type = served.header("Content-Type").toLowerCase(Locale.ROOT);
            assertThat(type).doesNotContain("html").doesNotContain("svg").doesNotContain("xml").doesNotContain("javascript");
            assertThat(served.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(served.header("Content-Security-Policy")).startsWith("sandbox");
            if (served.header("Content-Disposition").startsWith("inline")) {
                assertThat(type).isIn("image/jpeg", "image/png");
                assertThat(HostileFiles.contains(served.body(), HostileFiles.MARKER)).isFalse();
                assertThat(HostileFiles.contains(served.body(), "GPS")).isFalse();
            }
            ann.delete("/api/v1/attachments/" + a.path("id").asLong());
        }));
    }
}
