package dev.forumkit.app;

import dev.forumkit.core.Actor;
import dev.forumkit.core.Forum;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.Category;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Pbkdf2PasswordHasher;
import dev.forumkit.core.member.Registration;
import dev.forumkit.core.memory.InMemoryForumStorage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The spam check and approval settings reach the forum: what they turn on holds posts, and nothing is held by default. */
class ModerationSettingsTest {
    private static ModerationSettings load(Map<String, String> env) {
        return ModerationSettings.load(new Properties(), env);
    }

    /** A forum made as Main makes it from these settings, with a board and an established admin. */
    private static Forum forum(ModerationSettings settings) {
        return Forum.create(new InMemoryForumStorage(), c -> settings.applyTo(c.passwordHasher(new Pbkdf2PasswordHasher(1_000))
                .viewFlushInterval(Duration.ZERO)));
    }

    private static boolean firstPostHeld(Forum forum, String body) {
        Member admin = forum.members().registerFirstAdmin(new Registration("admin", "admin@example.org", "long enough"));
        Category cat = forum.boards().createCategory(Actor.member(admin.id()), "General", "All");
        Board board = forum.boards().createBoard(Actor.member(admin.id()), cat.id(), "Chat", "Chat", null);
        var thread = forum.threads().start(Actor.member(admin.id()), board.id(), "Welcome", "Say hello");
        Member ann = forum.members().register(new Registration("ann", "ann@example.org", "long enough"));
        return forum.posts().submitReply(Actor.member(ann.id()), thread.threadId(), body, () -> { }).isHeld();
    }

    @Test
    void nothing_is_held_unless_set() {
        ModerationSettings none = load(Map.of());
        assertThat(none.standardSpamChecks()).isFalse();
        assertThat(none.approvalRules()).isEqualTo(dev.forumkit.core.approval.ApprovalRules.OFF);
        assertThat(firstPostHeld(forum(none), "Hello http://a.example http://b.example http://c.example http://d.example"))
                .isFalse();
    }

    @Test
    void the_first_posts_rule_holds_a_new_members_first_post() {
        ModerationSettings s = load(Map.of("FORUMKIT_APPROVAL_FIRST_POSTS", "2"));
        assertThat(s.approvalRules().firstPosts()).isEqualTo(2);
        assertThat(firstPostHeld(forum(s), "Hello, I am new")).isTrue();
    }

    @Test
    void the_standard_spam_checks_hold_a_link_heavy_first_post_and_let_a_plain_one_through() {
        ModerationSettings s = load(Map.of("FORUMKIT_SPAM_CHECKS", "Standard"));
        assertThat(s.standardSpamChecks()).isTrue();
        assertThat(firstPostHeld(forum(s), "Cheap http://a.example http://b.example http://c.example http://d.example"))
                .isTrue();
        assertThat(firstPostHeld(forum(s), "Hello, I am new")).isFalse();
    }

    @Test
    void the_link_rule_and_the_avatar_limit_are_read() {
        ModerationSettings s = load(Map.of("FORUMKIT_APPROVAL_MAX_LINKS", "1", "FORUMKIT_APPROVAL_LINK_POSTS_BELOW", "10",
                "FORUMKIT_AVATAR_MAX_BYTES", "500000"));
        assertThat(s.approvalRules()).isEqualTo(new dev.forumkit.core.approval.ApprovalRules(0, 1, 10));
        assertThat(s.avatarLimits().maxBytes()).isEqualTo(500_000);
        assertThat(firstPostHeld(forum(s), "See http://a.example and http://b.example")).isTrue();
        assertThat(forum(s).avatars().limits().maxBytes()).isEqualTo(500_000);
    }

    @Test
    void bad_values_are_refused_with_the_setting_named() {
        assertThatThrownBy(() -> load(Map.of("FORUMKIT_SPAM_CHECKS", "on"))).hasMessageContaining("spam.checks must be off or standard");
        assertThatThrownBy(() -> load(Map.of("FORUMKIT_APPROVAL_FIRST_POSTS", "-1"))).hasMessageContaining("approval.first.posts");
        assertThatThrownBy(() -> load(Map.of("FORUMKIT_AVATAR_MAX_BYTES", "12"))).hasMessageContaining("avatar.max.bytes");
    }
}
