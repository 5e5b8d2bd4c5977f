package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.Forum;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Pbkdf2PasswordHasher;
import dev.forumkit.core.member.Registration;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's "In the host's database" example, kept compiling and true, on a host's H2 database. */
class HostDatabaseExampleTest {
    @Test
    void theReadmeExampleWorks() {
        try (HostDatabase host = HostDatabase.h2()) {
            DataSource hostPool = host.pool();
            JdbiForumStorage storage = JdbiForumStorage.create(hostPool, ForumSchema.named("forum"));
            try (Forum forum = Forum.create(storage, config -> config.signals(storage.signals())
                    .passwordHasher(new Pbkdf2PasswordHasher(1_000)))) {
                Member admin = forum.members().registerFirstAdmin(new Registration("admin", "admin@example.org", "a long password"));
                assertThat(forum.members().byId(admin.id())).isPresent();
            }
            storage.close();
            host.assertUntouched(); // the host's pool is still open, its tables and history as they were
            assertThat(host.rows("SELECT username FROM \"forum\".members")).containsExactly("admin");
        }
    }
}
