package dev.forumkit.core;

import dev.forumkit.core.member.Registration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValidationTest {
    @Test
    void a_registration_names_every_bad_field() {
        assertThatThrownBy(() -> new Registration("ab", "not-an-email", "short"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .extracting(InvalidInputException.FieldError::field)
                        .containsExactlyInAnyOrder("username", "email", "password"));
    }

    @Test
    void usernames_are_3_to_32_allowed_characters() {
        new Registration("abc", "a@example.org", "12345678");
        new Registration("a".repeat(32), "a@example.org", "12345678");
        for (String bad : new String[] {"a".repeat(33), "has space", "semi;colon", "<b>", "", null}) {
            assertThatThrownBy(() -> new Registration(bad, "a@example.org", "12345678")).as(String.valueOf(bad))
                    .isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void passwords_are_8_to_200_characters() {
        new Registration("someone", "a@example.org", "x".repeat(200));
        assertThatThrownBy(() -> new Registration("someone", "a@example.org", "x".repeat(201)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void rejects_nul_and_lone_surrogates_but_keeps_emoji() {
        assertThat(Validation.isWellFormed("fine 😀 text")).isTrue();
        assertThat(Validation.isWellFormed("nul \u0000 here")).isFalse();
        assertThat(Validation.isWellFormed("lone \uD800 high")).isFalse();
        assertThat(Validation.isWellFormed("lone \uDC00 low")).isFalse();
        assertThat(Validation.isWellFormed("\uD83D")).isFalse();
    }

    @Test
    void single_line_fields_refuse_control_characters() {
        assertThat(Validation.start().noControlCharacters("a\nb", "title").ok()).isFalse();
        assertThat(Validation.start().noControlCharacters("a\u0007b", "title").ok()).isFalse();
        assertThat(Validation.start().noControlCharacters("plain title", "title").ok()).isTrue();
    }
}
