package dev.forumkit.web;

import dev.forumkit.core.Forum;
import dev.forumkit.core.member.Pbkdf2PasswordHasher;
import dev.forumkit.core.memory.InMemoryForumStorage;
import dev.forumkit.core.storage.ForumStorage;
import io.javalin.Javalin;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The README's "HTTP API" example, kept compiling and true; and the settings stay as they were at start. */
class ForumPluginExampleTest {
    @Test
    void the_readme_example_serves_the_api_under_the_base_path() throws Exception {
        ForumStorage storage = new InMemoryForumStorage();
        try (Forum forum = Forum.create(storage, c -> c.passwordHasher(new Pbkdf2PasswordHasher(1_000)))) {
            // as in the README, with Forum.create(storage) made above so the test can close it
            Javalin app = Javalin.create(config -> config.registerPlugin(new ForumPlugin(f -> f
                    .forum(forum)
                    .basePath("/community")                       // the API is then under /community/api/v1
                    .sessions(s -> s.secureCookies(true))
                    .authenticator(ctx -> Optional.empty()))));   // optional: tell the forum who is signed in
            try {
                app.start("127.0.0.1", 0);
                Client guest = new Client("http://127.0.0.1:" + app.port() + "/community", "127.0.0.1:" + app.port());
                assertThat(guest.get("/api/v1/boards").status()).isEqualTo(200);
                assertThat(guest.get("/").status()).isEqualTo(200);
            } finally {
                app.stop();
            }
        }
        String readme = Files.readString(Path.of("..", "README.md"));
        assertThat(readme).contains(".basePath(\"/community\")                       // the API is then under /community/api/v1")
                .contains(".sessions(s -> s.secureCookies(true))")
                .contains(".authenticator(ctx -> Optional.empty()))));   // optional: tell the forum who is signed in");
    }

    @Test
    void settings_cannot_change_once_the_plugin_has_started() {
        AtomicReference<ForumPluginConfig> kept = new AtomicReference<>();
        AtomicReference<LimitsConfig> keptLimits = new AtomicReference<>();
        try (Forum forum = Forum.create(new InMemoryForumStorage(), c -> c.passwordHasher(new Pbkdf2PasswordHasher(1_000)))) {
            Javalin app = Javalin.create(config -> config.registerPlugin(new ForumPlugin(c -> {
                kept.set(c.forum(forum));
                c.limits(keptLimits::set);
            })));
            try {
                assertThatThrownBy(() -> kept.get().basePath("/elsewhere")).isInstanceOf(IllegalStateException.class);
                assertThatThrownBy(() -> keptLimits.get().noRateLimits()).isInstanceOf(IllegalStateException.class);
                assertThatThrownBy(() -> kept.get().admission(a -> a.queueTimeout(Duration.ZERO)))
                        .isInstanceOf(IllegalStateException.class);
            } finally {
                app.stop();
            }
        }
    }

    @Test
    void a_plugin_without_a_forum_says_what_it_needs() {
        assertThatThrownBy(() -> Javalin.create(config -> config.registerPlugin(new ForumPlugin(c -> c.basePath("/x")))))
                .hasMessageContaining("ForumPlugin needs a forum");
    }
}
