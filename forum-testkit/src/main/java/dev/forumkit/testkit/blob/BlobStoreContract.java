package dev.forumkit.testkit.blob;

import dev.forumkit.core.blob.BlobInfo;
import dev.forumkit.core.blob.BlobKey;
import dev.forumkit.core.blob.BlobStore;
import dev.forumkit.core.blob.BlobTooLargeException;
import dev.forumkit.testkit.FixedClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The definition of a correct {@link BlobStore}: put with a size cap, info, ranged reads, delete and listing for
 * cleanup. An adapter's test returns a fresh, empty store that stamps blobs with the given clock.
 */
public abstract class BlobStoreContract {
    protected FixedClock clock;
    protected BlobStore store;

    /** A fresh, empty store whose blobs get {@code clock}'s time. */
    protected abstract BlobStore createStore(FixedClock clock);

    @BeforeEach
    final void openStore() {
        clock = FixedClock.atDefaultStart();
        store = createStore(clock);
    }

    private static InputStream bytes(byte[] b) {
        return new ByteArrayInputStream(b);
    }

    private static byte[] read(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void aBlobReadsBackByteForByteWithItsSizeAndTime() {
        byte[] content = random(200_000, 1);
        BlobKey key = store.put(bytes(content), 1_000_000);

        assertThat(read(store.open(key, 0).orElseThrow())).isEqualTo(content);
        BlobInfo info = store.info(key).orElseThrow();
        assertThat(info.size()).isEqualTo(content.length);
        assertThat(info.storedAt()).isEqualTo(clock.instant());
    }

    @Test
    void anEmptyBlobIsABlob() {
        BlobKey key = store.put(bytes(new byte[0]), 10);
        assertThat(store.info(key).orElseThrow().size()).isZero();
        assertThat(read(store.open(key, 0).orElseThrow())).isEmpty();
    }

    @Test
    void everyPutGetsANewKeyEvenForTheSameBytes() {
        byte[] content = "same".getBytes(StandardCharsets.UTF_8);
        assertThat(store.put(bytes(content), 10)).isNotEqualTo(store.put(bytes(content), 10));
    }

    @Test
    void exactlyTheCapIsAllowedOneByteMoreStoresNothing() {
        BlobKey atCap = store.put(bytes(random(1000, 2)), 1000);
        assertThat(store.info(atCap)).isPresent();

        assertThatThrownBy(() -> store.put(bytes(random(1001, 3)), 1000)).isInstanceOf(BlobTooLargeException.class);
        assertThat(store.list(null, 100)).extracting(BlobInfo::key).containsExactly(atCap);
    }

    @Test
    void aHugeStreamIsCutOffAtTheCapWithoutBeingReadToItsEnd() {
        long[] served = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                served[0]++;
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 'x');
                served[0] += len;
                return len;
            }
        };
        assertThatThrownBy(() -> store.put(endless, 100_000)).isInstanceOf(BlobTooLargeException.class);
        assertThat(served[0]).as("bytes read from an endless upload").isLessThan(1_000_000);
        assertThat(store.list(null, 10)).isEmpty();
    }

    @Test
    void aFailingStreamStoresNothing() {
        InputStream broken = new InputStream() {
            int n;

            @Override
            public int read() throws IOException {
                if (n++ > 5000) {
                    throw new IOException("connection reset");
                }
                return 1;
            }
        };
        assertThatThrownBy(() -> store.put(broken, 1_000_000)).isInstanceOf(UncheckedIOException.class);
        assertThat(store.list(null, 10)).isEmpty();
    }

    @Test
    void readsFromAnOffsetForRangeRequests() {
        byte[] content = random(10_000, 4);
        BlobKey key = store.put(bytes(content), 100_000);

        assertThat(read(store.open(key, 9_000).orElseThrow()))
                .isEqualTo(java.util.Arrays.copyOfRange(content, 9_000, 10_000));
        assertThat(read(store.open(key, 10_000).orElseThrow())).isEmpty();
    }

    @Test
    void anUnknownKeyHasNothing() {
        BlobKey unknown = BlobKey.random();
        assertThat(store.info(unknown)).isEmpty();
        assertThat(store.open(unknown, 0)).isEmpty();
        assertThat(store.delete(unknown)).isFalse();
    }

    @Test
    void deleteRemovesTheBlobAndIsHarmlessTwice() {
        BlobKey key = store.put(bytes(random(100, 5)), 1000);
        assertThat(store.delete(key)).isTrue();
        assertThat(store.info(key)).isEmpty();
        assertThat(store.open(key, 0)).isEmpty();
        assertThat(store.delete(key)).isFalse();
    }

    @Test
    void listPagesThroughEveryBlobInKeyOrder() {
        Set<BlobKey> stored = new HashSet<>();
        for (int i = 0; i < 25; i++) {
            stored.add(store.put(bytes(random(10 + i, i)), 1000));
        }
        List<BlobKey> seen = new ArrayList<>();
        BlobKey after = null;
        while (true) {
            List<BlobInfo> page = store.list(after, 7);
            if (page.isEmpty()) {
                break;
            }
            assertThat(page.size()).isLessThanOrEqualTo(7);
            page.forEach(b -> seen.add(b.key()));
            after = page.get(page.size() - 1).key();
        }
        assertThat(seen).isSorted().doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(stored);
    }

    @Test
    void listTellsEachBlobsSizeAndTime() {
        BlobKey early = store.put(bytes(random(30, 6)), 1000);
        clock.advance(java.time.Duration.ofHours(25));
        BlobKey late = store.put(bytes(random(40, 7)), 1000);

        assertThat(store.list(null, 10)).containsExactlyInAnyOrder(
                new BlobInfo(early, 30, clock.instant().minus(java.time.Duration.ofHours(25))),
                new BlobInfo(late, 40, clock.instant()));
    }

    @Test
    void concurrentPutsAllLand() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<BlobKey>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                byte[] content = random(5_000, 100 + i);
                futures.add(pool.submit((Callable<BlobKey>) () -> store.put(bytes(content), 10_000)));
            }
            Set<BlobKey> keys = new HashSet<>();
            for (Future<BlobKey> f : futures) {
                keys.add(f.get());
            }
            assertThat(keys).hasSize(40);
            assertThat(store.list(null, 100)).hasSize(40);
        } finally {
            pool.shutdownNow();
        }
    }
}
