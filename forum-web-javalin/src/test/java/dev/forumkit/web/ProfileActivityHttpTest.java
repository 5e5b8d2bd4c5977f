package dev.forumkit.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.group.GroupId;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.policy.Grant;
import dev.forumkit.core.policy.GrantValue;
import dev.forumkit.core.policy.Permission;
import dev.forumkit.core.post.Post;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A profile's counts are the viewer's: messages, reaction score and reactions received leave out a private board for
 * those who may not see it, and show everything to those who may. And the profile pages its posts and threads.
 */
class ProfileActivityHttpTest {
    @RegisterExtension
    static final Fixture f = Fixture.perClass();

    private static String profile(Member m) {
        return "/members/" + m.username() + "." + m.id().value() + "/";
    }

    @Test
    void countsOnAProfileLeaveOutBoardsTheViewerMayNotSee() {
        Member sam = f.member("sam");
        f.forum.members().changeRole(Fixture.as(f.admin), sam.id(), dev.forumkit.core.member.Role.MODERATOR);
        Board secret = f.forum.boards().createBoard(Fixture.as(f.admin), f.category.id(), "Staff room " + sam.id().value(), "", "");
        for (GroupId g : new GroupId[]{GroupId.GUESTS, GroupId.MEMBERS}) {
            f.forum.permissions().set(Fixture.as(f.admin), new Grant(Grant.Subject.group(g), Grant.Scope.board(secret.id()),
                    Permission.VIEW_BOARD, GrantValue.DENY));
        }
        Post open = f.forum.posts().reply(Fixture.as(sam), f.opening.threadId(), "In the open").post();
        Post hidden = f.forum.threads().start(Fixture.as(sam), secret.id(), "Staff plans", "Only for staff");
        f.forum.reactions().react(Fixture.as(f.mia), open.id(), "like");
        f.forum.reactions().react(Fixture.as(f.moderator), hidden.id(), "like");
        f.forum.reactions().react(Fixture.as(f.admin), hidden.id(), "love");

        JsonNode asGuest = f.guest().get("/api/v1/members/" + sam.id().value()).json();
        assertThat(asGuest.path("member").path("message_count").asInt()).isEqualTo(1);
        assertThat(asGuest.path("member").path("reaction_score").asLong()).isEqualTo(1);
        assertThat(asGuest.path("reactions_received").toString()).isEqualTo("{\"like\":1}");
        JsonNode asAdmin = f.signedIn(f.admin).get("/api/v1/members/" + sam.id().value()).json();
        assertThat(asAdmin.path("member").path("message_count").asInt()).isEqualTo(2);
        assertThat(asAdmin.path("member").path("reaction_score").asLong()).isEqualTo(3);
        assertThat(asAdmin.path("reactions_received").toString()).isEqualTo("{\"like\":2,\"love\":1}");

        String page = f.signedIn(f.mia).get(profile(sam)).body();
        assertThat(page).contains("<dt>Messages</dt><dd>1</dd>").contains("data-reaction=\"like\">Like 1</span>")
                .doesNotContain("data-reaction=\"love\"").doesNotContain("Staff plans");
        assertThat(f.signedIn(f.admin).get(profile(sam)).body()).contains("<dt>Messages</dt><dd>2</dd>")
                .contains("data-reaction=\"love\">Love 1</span>").contains("Staff plans");
    }

    @Test
    void theProfilePagesPostsAndStartedThreadsWithoutScript() {
        Member tom = f.member("tom");
        ThreadId own = f.forum.threads().start(Fixture.as(tom), f.board.id(), "Toms own thread", "First words").threadId();
        for (int i = 1; i <= 21; i++) {
            f.forum.posts().reply(Fixture.as(tom), own, "Reply number " + i);
        }
        Client guest = f.guest();
        String first = guest.get(profile(tom)).body();
        assertThat(first).contains("Reply number 21").doesNotContain("First words").contains("rel=\"next\" href=\"?page=2\"")
                .doesNotContain("rel=\"prev\"");
        String second = guest.get(profile(tom) + "?page=2").body();
        assertThat(second).contains("First words").contains("Reply number 1<").doesNotContain("Reply number 21")
                .contains("rel=\"prev\" href=\"?page=1\"").doesNotContain("rel=\"next\"");
        String threads = guest.get(profile(tom) + "?show=threads").body();
        assertThat(threads).contains("Threads started").contains("Toms own thread").doesNotContain("Reply number");
        assertThat(guest.get(profile(tom) + "?page=99").body()).contains("Nothing more.");
        assertThat(guest.get(profile(tom) + "?page=x").status()).isEqualTo(200);
    }
}
