package dev.forumkit.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forumkit.core.Forum;
import dev.forumkit.core.blob.BlobInfo;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Pbkdf2PasswordHasher;
import dev.forumkit.core.memory.InMemoryBlobStore;
import dev.forumkit.core.memory.InMemoryForumStorage;
import dev.forumkit.core.profile.AvatarLimits;
import dev.forumkit.testkit.HostileFiles;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Avatars over HTTP: upload through the API and the plain form, the re-encoded images and their headers, replacing and
 * removing, where they show, deleting the account, and hostile files (the hostile-file corpus and the XSS and naughty
 * string corpora): none is stored as sent or served as markup, each refusal is a clear 422, and no blob is left behind.
 */
class AvatarsHttpTest {
    /** 400 KB an upload; the default 384 and 96 px sides. */
    static final AvatarLimits LIMITS = new AvatarLimits(400_000, 384, 96);
    static final InMemoryBlobStore BLOBS = new InMemoryBlobStore();

    @RegisterExtension
    static final Fixture f = Fixture.perClass(() -> Forum.create(new InMemoryForumStorage(), c -> c
            .passwordHasher(new Pbkdf2PasswordHasher(1_000)).viewFlushInterval(Duration.ZERO).blobStore(BLOBS)
            .avatarLimits(LIMITS)));

    private static Client.Response upload(Client client, String name, byte[] bytes) {
        Multipart body = new Multipart().file("file", name, "application/octet-stream", bytes);
        return client.sendBytes("PUT", "/api/v1/me/avatar", body.bytes(), "Content-Type", Multipart.contentType());
    }

    private static JsonNode uploaded(Client client, byte[] bytes) {
        Client.Response r = upload(client, "me.jpg", bytes);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("avatar");
    }

    private static Set<String> blobs() {
        return BLOBS.list(null, 10_000).stream().map(b -> b.key().value()).collect(Collectors.toSet());
    }

    private static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String profile(Member m) {
        return "/members/" + m.username() + "." + m.id().value() + "/";
    }

    @Test
    void anUploadIsReEncodedAtTwoSizesAndServedWithAYearLongCacheUnderItsVersion() {
        Member ann = f.member("ann");
        Client client = f.signedIn(ann);
        assertThat(client.get("/api/v1/me/avatar").json().path("avatar").isNull()).isTrue();
        byte[] photo = HostileFiles.jpegWithSegment(HostileFiles.jpeg(1200, 900), 0xE1,
                "Exif\0\0GPS 52.52N 13.40E".getBytes(StandardCharsets.UTF_8));
        JsonNode a = uploaded(client, photo);
        String large = a.path("large_url").asText();
        String small = a.path("small_url").asText();
        assertThat(large).isEqualTo("/avatars/" + ann.id().value() + "/" + a.path("version").asLong() + "/large");
        assertThat(client.get("/api/v1/me/avatar").json().path("avatar").path("small_url").asText()).isEqualTo(small);

        Client.Bytes big = f.guest().getBytes(large);
        assertThat(big.status()).isEqualTo(200);
        assertThat(big.header("Content-Type")).isEqualTo("image/jpeg");
        assertThat(big.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(big.header("Content-Security-Policy")).startsWith("sandbox");
        assertThat(big.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
        assertThat(HostileFiles.contains(big.body(), "GPS")).isFalse();
        assertThat(HostileFiles.contains(big.body(), "Exif")).isFalse();
        BufferedImage l = decode(big.body());
        assertThat(Math.max(l.getWidth(), l.getHeight())).isEqualTo(384);
        BufferedImage s = decode(f.guest().getBytes(small).body());
        assertThat(Math.max(s.getWidth(), s.getHeight())).isEqualTo(96);
        assertThat(f.guest().getBytes(large, "If-None-Match", big.header("ETag")).status()).isEqualTo(304);
        assertThat(f.guest().getBytes("/avatars/" + ann.id().value() + "/" + a.path("version").asLong() + "/huge").status())
                .isEqualTo(404);
        assertThat(f.guest().getBytes("/avatars/" + f.pat.id().value() + "/1/small").status()).as("no avatar").isEqualTo(404);
    }

    @Test
    void itShowsOnTheProfileThePostsAndTheMemberListAndTheLetterAvatarStaysForOthers() {
        Member bea = f.member("bea");
        Client client = f.signedIn(bea);
        f.forum.posts().reply(Fixture.as(bea), f.opening.threadId(), "A reply with my face beside it.");
        JsonNode a = uploaded(client, HostileFiles.png(300, 200));
        String small = a.path("small_url").asText();
        String large = a.path("large_url").asText();
        assertThat(f.guest().getBytes(large).header("Content-Type")).isEqualTo("image/png");

        assertThat(f.guest().get(profile(bea)).body()).contains("<img class=\"avatar avatar-xl\" src=\"" + large + "\"");
        int last = f.forum.reading().threadPage(Fixture.as(f.mia), f.opening.threadId(), 1).posts().lastPage();
        String thread = f.guest().get("/threads/cherry-blossom-season." + f.threadId() + "/page-" + last).body();
        assertThat(thread).contains("<img class=\"avatar avatar-l\" src=\"" + large + "\"");
        assertThat(thread).as("pat has none: the letter avatar").contains("<svg class=\"avatar avatar-l\"");
        String list = f.guest().get("/members/?sort=joined").body();
        assertThat(list).contains("<img class=\"avatar avatar-xs\" src=\"" + small + "\"");
        assertThat(client.get("/account/avatar").body()).contains("Remove avatar");
    }

    @Test
    void aNewUploadReplacesTheOldImagesAndRemovingBringsBackTheLetter() {
        Member cai = f.member("cai");
        Client client = f.signedIn(cai);
        JsonNode first = uploaded(client, HostileFiles.jpeg(500, 500));
        Set<String> before = blobs();
        JsonNode second = uploaded(client, HostileFiles.jpeg(200, 300));
        assertThat(second.path("version").asLong()).isGreaterThan(first.path("version").asLong());
        Set<String> after = blobs();
        assertThat(after).hasSize(before.size()); // two new images, the two old ones deleted
        Client.Bytes stale = f.guest().getBytes(first.path("large_url").asText());
        assertThat(stale.status()).as("an old address shows the current face").isEqualTo(200);
        assertThat(stale.header("Cache-Control")).isEqualTo("public, max-age=300");
        assertThat(decode(stale.body()).getHeight()).as("fitted, never enlarged").isEqualTo(300);

        assertThat(client.delete("/api/v1/me/avatar").status()).isEqualTo(204);
        assertThat(blobs()).hasSize(before.size() - 2);
        assertThat(f.guest().getBytes(second.path("large_url").asText()).status()).isEqualTo(404);
        assertThat(f.guest().get(profile(cai)).body()).contains("<svg class=\"avatar avatar-xl\"")
                .doesNotContain("/avatars/" + cai.id().value() + "/");
        assertThat(client.delete("/api/v1/me/avatar").status()).as("twice is harmless").isEqualTo(204);
    }

    @Test
    void limitsAndRefusalsAreClearAndLeaveNothingStored() {
        Client client = f.signedIn(f.member("dan"));
        Set<String> before = blobs();
        Client.Response big = upload(client, "big.jpg", new byte[(int) LIMITS.maxBytes() + 1]);
        assertThat(big.status()).isEqualTo(422);
        assertThat(big.errorCode()).isEqualTo("too_large");
        assertThat(big.json().path("errors").path(0).path("field").asText()).isEqualTo("file");
        Client.Response text = upload(client, "me.jpg", "just text".getBytes(StandardCharsets.UTF_8));
        assertThat(text.errorCode()).isEqualTo("not_an_image");
        Client.Response none = client.sendBytes("PUT", "/api/v1/me/avatar", "{}".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json");
        assertThat(none.status()).isEqualTo(422);
        assertThat(none.errorCode()).isEqualTo("required");
        assertThat(upload(f.guest(), "me.jpg", HostileFiles.jpeg(10, 10)).status()).isEqualTo(401);
        assertThat(blobs()).isEqualTo(before);
    }

    @Test
    void theAccountFormUploadsAndRemovesWithoutScript() {
        Member eve = f.member("eve");
        Client w = f.signedIn(eve);
        w.sendCsrf = false; // as a browser: the token only in the form
        byte[] forged = new Multipart().field("_csrf", "not-the-token").file("file", "me.png", "image/png", HostileFiles.png(64, 64)).bytes();
        assertThat(w.sendBytes("POST", "/account/avatar", forged, "Content-Type", Multipart.contentType()).status()).isEqualTo(403);
        byte[] bad = new Multipart().field("_csrf", w.csrf).file("file", "page.png", "image/png",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)).bytes();
        Client.Response refused = w.sendBytes("POST", "/account/avatar", bad, "Content-Type", Multipart.contentType());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("An avatar must be a JPEG, PNG or GIF image.").doesNotContain("Remove avatar");

        byte[] good = new Multipart().field("_csrf", w.csrf).file("file", "me.png", "image/png", HostileFiles.png(64, 64)).bytes();
        Client.Response saved = w.sendBytes("POST", "/account/avatar", good, "Content-Type", Multipart.contentType());
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.body()).contains("Your avatar is saved.").contains("Remove avatar")
                .contains("src=\"/avatars/" + eve.id().value() + "/");

        Client.Response removed = w.sendBytes("POST", "/account/avatar/delete",
                ("_csrf=" + w.csrf).getBytes(StandardCharsets.UTF_8), "Content-Type", "application/x-www-form-urlencoded");
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.body()).contains("letter avatar shows again").doesNotContain("Remove avatar");
        assertThat(f.forum.avatars().of(eve.id())).isEmpty();
    }

    @Test
    void deletingTheAccountDeletesTheAvatar() {
        Member fay = f.member("fay");
        Client client = f.signedIn(fay);
        Set<String> before = blobs();
        JsonNode a = uploaded(client, HostileFiles.jpeg(100, 100));
        assertThat(blobs()).hasSize(before.size() + 2);
        assertThat(client.post("/api/v1/me/delete", "{\"password\":\"" + Fixture.PASSWORD + "\"}").status()).isEqualTo(204);
        assertThat(blobs()).isEqualTo(before);
        assertThat(f.guest().getBytes(a.path("small_url").asText()).status()).isEqualTo(404);
        assertThat(f.forum.avatars().versions()).doesNotContainKey(fay.id());
    }

    @TestFactory
    Stream<DynamicTest> noHostileFileIsStoredAsSentOrServedAsMarkup() {
        Client ann = f.signedIn(f.member("hostile"));
        return HostileFiles.all().stream().map(file -> DynamicTest.dynamicTest(file.what(), () -> {
            Set<String> before = blobs();
            Client.Response r = upload(ann, file.name(), file.bytes());
            assertThat(r.status()).as(r.toString()).isIn(200, 422);
            if (r.status() == 422) {
                assertThat(r.errorCode()).isIn("not_an_image", "too_many_pixels", "broken_image", "too_large");
                assertThat(blobs()).isEqualTo(before);
                return;
            }
            for (String url : List.of(r.json().path("avatar").path("large_url").asText(),
                    r.json().path("avatar").path("small_url").asText())) {
                Client.Bytes served = ann.getBytes(url);
                String type = served.header("Content-Type").toLowerCase(Locale.ROOT);
                assertThat(type).isIn("image/jpeg", "image/png");
                assertThat(served.header("X-Content-Type-Options")).isEqualTo("nosniff");
                assertThat(served.header("Content-Security-Policy")).startsWith("sandbox");
                assertThat(HostileFiles.contains(served.body(), HostileFiles.MARKER)).isFalse();
                assertThat(HostileFiles.contains(served.body(), "GPS")).isFalse();
                for (String markup : List.of("<script", "<html", "<svg", "<!DOCTYPE")) {
                    assertThat(HostileFiles.contains(served.body(), markup)).as(markup).isFalse();
                }
            }
            for (String key : blobs()) { // nothing the client sent is kept byte for byte
                byte[] stored = BLOBS.open(new dev.forumkit.core.blob.BlobKey(key), 0).orElseThrow().readAllBytes();
                assertThat(stored).isNotEqualTo(file.bytes());
            }
            assertThat(ann.delete("/api/v1/me/avatar").status()).isEqualTo(204);
        }));
    }

    /** Every file of the XSS and naughty-string corpora (a copy of ../shared/data, in forum-markup's test resources). */
    @TestFactory
    Stream<DynamicTest> noCorpusFileBecomesAnAvatar() throws IOException {
        Path corpus = Path.of("..", "forum-markup", "src", "test", "resources", "corpus");
        assertThat(corpus).isDirectory();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(20);
        Client client = f.signedIn(f.member("corpus"));
        return files.stream().map(file -> DynamicTest.dynamicTest(corpus.relativize(file).toString(), () -> {
            Set<String> before = blobs();
            byte[] bytes = Files.readAllBytes(file);
            Client.Response r = upload(client, file.getFileName().toString(), bytes);
            assertThat(r.status()).as(r.toString()).isEqualTo(422);
            assertThat(r.errorCode()).isIn("not_an_image", "too_large");
            assertThat(r.body()).doesNotContain("<script");
            assertThat(blobs()).isEqualTo(before);
        }));
    }
}
