package dev.forumkit.testkit.blob;

import dev.forumkit.core.blob.BlobKey;
import dev.forumkit.core.blob.BlobStore;
import dev.forumkit.core.blob.FileSystemBlobStore;
import dev.forumkit.testkit.FixedClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class FileSystemBlobStoreContractTest extends BlobStoreContract {
    @TempDir
    Path dir;

    @Override
    protected BlobStore createStore(FixedClock clock) {
        return FileSystemBlobStore.open(dir.resolve("blobs"), clock);
    }

    @Test
    void blobsAreFilesNamedByTheirKeyUnderTheRootAndNoTempFileStays() throws IOException {
        BlobKey key = store.put(new ByteArrayInputStream(new byte[]{1, 2, 3}), 10);

        Path root = dir.resolve("blobs");
        assertThat(root.resolve(key.value().substring(0, 2)).resolve(key.value())).hasBinaryContent(new byte[]{1, 2, 3});
        try (Stream<Path> temps = Files.list(root.resolve("tmp"))) {
            assertThat(temps).isEmpty();
        }
    }

    @Test
    void aTempFileLeftByACrashIsRemovedByALaterOpenOnceADayOld() throws IOException {
        Path tmp = dir.resolve("blobs").resolve("tmp");
        Path old = Files.write(tmp.resolve(BlobKey.random() + ".part"), new byte[]{9});
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(2, ChronoUnit.DAYS)));
        Path fresh = Files.write(tmp.resolve(BlobKey.random() + ".part"), new byte[]{9}); // another node's upload

        FileSystemBlobStore.open(dir.resolve("blobs"), clock);

        assertThat(old).doesNotExist();
        assertThat(fresh).exists();
        assertThat(store.list(null, 10)).isEmpty();
    }

    @Test
    void foreignFilesInTheDirectoryAreNotBlobs() throws IOException {
        Files.createDirectories(dir.resolve("blobs").resolve("ab"));
        Files.write(dir.resolve("blobs").resolve("ab").resolve("..x"), new byte[]{1});
        assertThat(store.list(null, 10)).isEmpty();
    }
}
