package dev.forumkit.markup;

import dev.forumkit.core.post.PostId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class QuoteSourceTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "ann post=123|ann|123",
            "\"ann\" post=\"123\"|ann|123",
            "'Ann Smith' post=9|Ann Smith|9",
            "\"ann, post: 123, member: 7\"|ann|123",
            "ann;123|ann|123",
            "\"ann\" post_id=123 time=1 user_id=7|ann|123",
            "post=123|-|123",
            "ann|ann|-",
            "ann post=0|ann|-",
            "ann post=99999999999999999999|ann|-",
            "  |-|-"
    })
    void reads_the_forms_forums_write(String attribute, String author, Long post) {
        QuoteSource source = QuoteSource.parse(attribute);
        assertThat(source.author()).isEqualTo(author);
        assertThat(source.post()).isEqualTo(post == null ? null : PostId.of(post));
    }

    @ParameterizedTest
    @CsvSource({"64", "500"})
    void caps_the_author_name(int length) {
        assertThat(QuoteSource.parse("\"" + "a".repeat(length) + "\"").author()).hasSize(64);
        assertThat(QuoteSource.parse("\"" + "a".repeat(63) + "\uD83D\uDE00x\"").author()).hasSize(63);
    }
}
