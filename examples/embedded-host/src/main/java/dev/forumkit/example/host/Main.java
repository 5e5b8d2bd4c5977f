package dev.forumkit.example.host;

import dev.forumkit.core.Forum;
import dev.forumkit.core.member.Registration;
import dev.forumkit.persistence.jdbi.JdbiForumStorage;

import java.nio.file.Path;

/** Runs the example host on port 7070 with the forum's data in {@code ./example-data}, and two host users. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Forum forum = Forum.create(JdbiForumStorage.embeddedH2(Path.of("example-data")));
        if (forum.members().needsFirstAdmin()) {
            forum.members().registerFirstAdmin(new Registration("admin", "admin@example.org", "change this password"));
        }
        HostUsers users = new HostUsers();
        users.add("1", "ann", "ann@example.org", "ann-password");
        users.add("2", "bob", "bob@example.org", "bob-password");
        HostApp.create(forum, users).start(7070);
    }
}
