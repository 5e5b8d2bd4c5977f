package dev.forumkit.app;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Thread lengths of the generated forum: skewed as on real forums, exact in total, the same for the same seed. */
class DataGeneratorTest {
    private static long[] lengths(long seed) {
        DataGenerator.Sizes sizes = new DataGenerator.Sizes(20_000, 24, 40_000, 1_000_000, 500_000, seed);
        return new DataGenerator(sizes, null, "unused").threadLengths(new SplittableRandom(seed));
    }

    @Test
    void one_mega_thread_most_threads_short_a_few_long_and_every_post_placed() {
        long[] l = lengths(1);
        assertThat(Arrays.stream(l).sum()).isEqualTo(1_000_000);
        assertThat(l[0]).as("the mega-thread").isEqualTo(100_000);
        assertThat(Arrays.stream(l).min().orElseThrow()).isGreaterThanOrEqualTo(1);
        long[] others = Arrays.copyOfRange(l, 1, l.length);
        Arrays.sort(others);
        assertThat(others[others.length / 2]).as("median thread").isLessThan(20);
        assertThat(others[others.length - 1]).as("longest other thread").isGreaterThan(200).isLessThan(100_000);
    }

    @Test
    void the_same_seed_gives_the_same_forum() {
        assertThat(lengths(7)).isEqualTo(lengths(7));
        assertThat(lengths(7)).isNotEqualTo(lengths(8));
    }
}
