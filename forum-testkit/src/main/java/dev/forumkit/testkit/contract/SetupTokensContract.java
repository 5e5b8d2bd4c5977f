package dev.forumkit.testkit.contract;

import dev.forumkit.core.Forum;
import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Registration;
import dev.forumkit.core.member.Role;
import dev.forumkit.testkit.ForumFixture;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code SetupTokens} port and the first-admin set-up over it: a link made through one forum (node) works
 * through another on the same storage, once, and invalid input leaves it usable.
 */
public abstract class SetupTokensContract extends ContractBase {
    private static final String HASH_A = "a".repeat(64);
    private static final String HASH_B = "b".repeat(64);

    @Test
    void aTokenIsUsedOnce() {
        storage.setupTokens().add(HASH_A, clock.instant());
        storage.setupTokens().add(HASH_A, clock.instant()); // again: no conflict, still one token

        assertThat(storage.setupTokens().exists(HASH_A)).isTrue();
        assertThat(storage.setupTokens().exists(HASH_B)).isFalse();
        assertThat(storage.setupTokens().use(HASH_A)).isTrue();
        assertThat(storage.setupTokens().use(HASH_A)).as("second use").isFalse();
        assertThat(storage.setupTokens().exists(HASH_A)).isFalse();
    }

    @Test
    void removeAllEndsEveryToken() {
        storage.setupTokens().add(HASH_A, clock.instant());
        storage.setupTokens().add(HASH_B, clock.instant());

        assertThat(storage.setupTokens().removeAll()).isEqualTo(2);
        assertThat(storage.setupTokens().use(HASH_B)).isFalse();
    }

    @Test
    void aUseRolledBackWithItsTransactionLeavesTheTokenUsable() {
        storage.setupTokens().add(HASH_A, clock.instant());
        try {
            txRun(() -> {
                assertThat(storage.setupTokens().use(HASH_A)).isTrue();
                throw new IllegalStateException("rolled back");
            });
        } catch (IllegalStateException expected) {
            // the use goes with the transaction
        }
        assertThat(storage.setupTokens().exists(HASH_A)).isTrue();
    }

    @Test
    void concurrentUsesOfOneTokenHaveOneWinner() {
        storage.setupTokens().add(HASH_A, clock.instant());

        List<Boolean> won = Concurrently.run(4, i -> tx(() -> storage.setupTokens().use(HASH_A)));

        assertThat(won).containsOnlyOnce(true);
    }

    @Test
    void aLinkMadeOnOneNodeMakesTheAdminOnAnotherOnce() {
        String token = forum.members().newSetupToken();
        try (Forum otherNode = ForumFixture.forum(counted, clock)) {
            assertThat(otherNode.members().setupTokenValid(token)).isTrue();

            Member admin = otherNode.members().registerFirstAdmin(new Registration("owner", "owner@example.org",
                    "correct horse battery"), token);

            assertThat(admin.role()).isEqualTo(Role.ADMIN);
            assertThat(forum.members().setupTokenValid(token)).as("used up on every node").isFalse();
            assertThatThrownBy(() -> forum.members().registerFirstAdmin(new Registration("thief", "thief@example.org",
                    "correct horse battery"), token)).isInstanceOf(NotFoundException.class);
            assertThat(forum.members().newSetupToken()).as("no links once there is an admin").isNull();
        }
    }

    @Test
    void invalidInputLeavesTheLinkUsable() {
        String token = forum.members().newSetupToken();

        assertThatThrownBy(() -> forum.members().registerFirstAdmin(new Registration("x", "not-an-address", "short"), token))
                .isInstanceOf(InvalidInputException.class);

        assertThat(forum.members().setupTokenValid(token)).isTrue();
        assertThat(forum.members().registerFirstAdmin(new Registration("owner", "owner@example.org",
                "correct horse battery"), token).role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void everyLinkDiesWithTheFirstAdmin() {
        String first = forum.members().newSetupToken();
        String second = forum.members().newSetupToken(); // a restart, or another node, printed another

        forum.members().registerFirstAdmin(new Registration("owner", "owner@example.org", "correct horse battery"), second);

        assertThat(forum.members().setupTokenValid(first)).isFalse();
        assertThat(storage.setupTokens().removeAll()).isZero();
    }

    @Test
    void anUnknownOrEmptyTokenIsNotValid() {
        forum.members().newSetupToken();

        assertThat(forum.members().setupTokenValid("made-up")).isFalse();
        assertThat(forum.members().setupTokenValid("")).isFalse();
        assertThat(forum.members().setupTokenValid(null)).isFalse();
        assertThatThrownBy(() -> forum.members().registerFirstAdmin(new Registration("owner", "owner@example.org",
                "correct horse battery"), "made-up")).isInstanceOf(NotFoundException.class);
    }
}
