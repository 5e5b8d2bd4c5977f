package dev.forumkit.core.internal;

import dev.forumkit.core.StorageUnavailableException;
import dev.forumkit.core.memory.InMemoryForumStorage;
import dev.forumkit.core.storage.Transactions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The buffer behind view counts and read marks: merge, flush in one transaction, keep a batch that failed. */
class WriteBufferTest {
    private final Transactions transactions = new InMemoryForumStorage().transactions();
    private final List<Map<String, Integer>> written = new ArrayList<>();
    private final AtomicBoolean down = new AtomicBoolean();

    private WriteBuffer<String, Integer> buffer(boolean buffered, int maxPending) {
        return new WriteBuffer<>("test values", transactions, Integer::sum, batch -> {
            if (down.get()) {
                throw new StorageUnavailableException("database down", null);
            }
            written.add(Map.copyOf(batch));
        }, buffered, maxPending);
    }

    @Test
    void values_are_merged_by_key_and_written_in_one_batch() {
        WriteBuffer<String, Integer> buffer = buffer(true, 100);
        buffer.add("a", 1);
        buffer.add("a", 2);
        buffer.add("b", 5);

        assertThat(buffer.pending("a")).isEqualTo(3);
        assertThat(buffer.size()).isEqualTo(2);
        assertThat(written).isEmpty();
        assertThat(buffer.flush()).isEqualTo(Map.of("a", 3, "b", 5));
        assertThat(written).containsExactly(Map.of("a", 3, "b", 5));
        assertThat(buffer.isEmpty()).isTrue();
        assertThat(buffer.flush()).isEmpty();
        assertThat(written).hasSize(1);
    }

    @Test
    void a_failed_flush_keeps_its_batch_merged_with_what_came_meanwhile() {
        WriteBuffer<String, Integer> buffer = buffer(true, 100);
        buffer.add("a", 1);
        down.set(true);

        assertThatThrownBy(buffer::flush).isInstanceOf(StorageUnavailableException.class);
        buffer.add("a", 10);
        assertThat(buffer.pending("a")).isEqualTo(11);
        down.set(false);
        assertThat(buffer.flush()).isEqualTo(Map.of("a", 11));
        assertThat(written).containsExactly(Map.of("a", 11));
    }

    @Test
    void unbuffered_writes_each_value_at_once() {
        WriteBuffer<String, Integer> buffer = buffer(false, 100);
        buffer.add("a", 1);
        buffer.add("a", 2);

        assertThat(written).containsExactly(Map.of("a", 1), Map.of("a", 2));
        assertThat(buffer.isEmpty()).isTrue();
        assertThat(buffer.flush()).isEmpty();
    }

    @Test
    void beyond_the_limit_values_are_written_at_once_and_a_failure_reaches_the_caller() {
        WriteBuffer<String, Integer> buffer = buffer(true, 2);
        buffer.add("a", 1);
        buffer.add("b", 1);
        buffer.add("a", 1);
        buffer.add("c", 7);

        assertThat(written).containsExactly(Map.of("a", 1), Map.of("c", 7));
        assertThat(buffer.size()).isEqualTo(2);
        down.set(true);
        assertThatThrownBy(() -> buffer.add("d", 1)).isInstanceOf(StorageUnavailableException.class);
        assertThat(buffer.pending("d")).isNull();
    }
}
