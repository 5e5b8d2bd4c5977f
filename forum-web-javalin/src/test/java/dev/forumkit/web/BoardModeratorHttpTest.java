package dev.forumkit.web;

import dev.forumkit.core.board.Board;
import dev.forumkit.core.group.Group;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.policy.Grant;
import dev.forumkit.core.policy.GrantValue;
import dev.forumkit.core.policy.Permission;
import dev.forumkit.core.post.Post;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A group the grid lets moderate one board: its members lock, pin and restore there over HTTP, and nowhere else. */
class BoardModeratorHttpTest {
    @RegisterExtension
    static final Fixture f = Fixture.perClass();

    @Test
    void aBoardModeratorModeratesTheirBoardOnly() {
        var admin = Fixture.as(f.admin);
        Member keeper = f.member("keeper");
        Group keepers = f.forum.groups().create(admin, "Japan keepers", "Keeper", 1);
        f.forum.groups().place(admin, keeper.id(), keepers.id(), Set.of());
        f.forum.permissions().set(admin, new Grant(Grant.Subject.group(keepers.id()), Grant.Scope.board(f.board.id()),
                Permission.MODERATE, GrantValue.ALLOW));
        Board other = f.forum.boards().createBoard(admin, f.category.id(), "Korea", "", "");
        Post there = f.forum.threads().start(Fixture.as(f.pat), other.id(), "Elsewhere", "Not your board");
        Client client = f.signedIn(keeper);

        assertThat(client.post("/api/v1/threads/" + f.threadId() + "/lock", null).status()).isEqualTo(200);
        assertThat(f.forum.reading().thread(admin, f.opening.threadId()).thread().locked()).isTrue();
        assertThat(client.post("/api/v1/threads/" + f.threadId() + "/unlock", null).status()).isEqualTo(200);
        Client.Response refused = client.post("/api/v1/threads/" + there.threadId().value() + "/lock", null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("not_allowed");
        assertThat(f.signedIn(f.mia).post("/api/v1/threads/" + f.threadId() + "/pin", null).status()).isEqualTo(403);
        assertThat(client.get("/api/v1/threads/" + f.threadId()).json().path("thread").path("can_moderate").asBoolean())
                .isTrue();
    }
}
