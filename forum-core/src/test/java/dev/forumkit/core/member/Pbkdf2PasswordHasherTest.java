package dev.forumkit.core.member;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Pbkdf2PasswordHasherTest {
    private final Pbkdf2PasswordHasher hasher = new Pbkdf2PasswordHasher(1_000);

    @Test
    void verifies_the_right_password_only() {
        String hash = hasher.hash("correct horse".toCharArray());
        assertThat(hasher.verify("correct horse".toCharArray(), hash)).isTrue();
        assertThat(hasher.verify("correct horsf".toCharArray(), hash)).isFalse();
        assertThat(hasher.verify("".toCharArray(), hash)).isFalse();
    }

    @Test
    void salts_every_hash_and_stores_its_parameters() {
        String a = hasher.hash("same password".toCharArray());
        String b = hasher.hash("same password".toCharArray());
        assertThat(a).isNotEqualTo(b).startsWith("pbkdf2-sha256$1000$");
        assertThat(a.split("\\$")).hasSize(4);
    }

    @Test
    void default_cost_is_at_least_600k_iterations() {
        assertThat(Pbkdf2PasswordHasher.DEFAULT_ITERATIONS).isGreaterThanOrEqualTo(600_000);
    }

    @Test
    void hashes_made_with_fewer_iterations_verify_and_ask_for_a_rehash() {
        String weak = hasher.hash("upgrade me".toCharArray());
        Pbkdf2PasswordHasher stronger = new Pbkdf2PasswordHasher(2_000);
        assertThat(stronger.verify("upgrade me".toCharArray(), weak)).isTrue();
        assertThat(stronger.needsRehash(weak)).isTrue();
        assertThat(hasher.needsRehash(weak)).isFalse();
    }

    @Test
    void malformed_stored_hashes_never_verify() {
        for (String bad : new String[] {null, "", "plain", "pbkdf2-sha256$x$y$z", "md5$1$abc$def", "pbkdf2-sha256$1000$!!$??"}) {
            assertThat(hasher.verify("anything".toCharArray(), bad)).as(bad).isFalse();
        }
    }
}
