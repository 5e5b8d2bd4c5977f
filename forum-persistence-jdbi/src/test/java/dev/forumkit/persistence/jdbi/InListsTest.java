package dev.forumkit.persistence.jdbi;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InListsTest {
    private static List<Long> upTo(int n) {
        return LongStream.rangeClosed(1, n).boxed().toList();
    }

    @Test
    void pads_to_few_lengths_and_keeps_the_same_set_of_values() {
        Set<Integer> lengths = new HashSet<>();
        for (int n = 1; n <= 200; n++) {
            List<Long> padded = InLists.padded(upTo(n));
            lengths.add(padded.size());
            assertThat(padded.size()).isGreaterThanOrEqualTo(n).isLessThan(Math.max(2 * n, n + 64));
            assertThat(new HashSet<>(padded)).isEqualTo(new HashSet<>(upTo(n)));
            assertThat(padded.subList(0, n)).isEqualTo(upTo(n));
        }
        assertThat(lengths).containsExactlyInAnyOrder(1, 2, 4, 8, 16, 32, 64, 128, 192, 256);
    }

    @Test
    void an_empty_list_is_a_mistake() {
        assertThatThrownBy(() -> InLists.padded(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
