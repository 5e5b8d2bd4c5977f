package dev.forumkit.core.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Blobs as files under a directory: {@code root/ab/abcd...} (the first two hex digits fan out the directory), written
 * to {@code root/tmp} first, forced to disk and renamed into place, so a crash leaves either the whole blob or no
 * blob (plus a temp file, removed when a store opens the directory a day later). Several app nodes may share the
 * directory over a network file system that renames atomically.
 */
public final class FileSystemBlobStore implements BlobStore {
    private static final Duration STALE_TEMP = Duration.ofDays(1);
    private final Path root;
    private final Path tmp;
    private final Clock clock;

    private FileSystemBlobStore(Path root, Clock clock) {
        this.root = root;
        this.tmp = root.resolve("tmp");
        this.clock = clock;
    }

    /** A store under {@code root} (created if missing), stamping blobs with the system clock. */
    public static FileSystemBlobStore open(Path root) {
        return open(root, Clock.systemUTC());
    }

    /** A store under {@code root}; blobs get {@code clock}'s time as their stored time (tests pass a fixed one). */
    public static FileSystemBlobStore open(Path root, Clock clock) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(clock, "clock");
        FileSystemBlobStore store = new FileSystemBlobStore(root.toAbsolutePath().normalize(), clock);
        try {
            Files.createDirectories(store.tmp);
            store.removeStaleTemps();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the blob directory " + root, e);
        }
        return store;
    }

    @Override
    public BlobKey put(InputStream content, long maxBytes) {
        Objects.requireNonNull(content, "content");
        BlobKey key = BlobKey.random();
        Path part = tmp.resolve(key.value() + ".part");
        try {
            long size = 0;
            try (FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                byte[] buffer = new byte[64 * 1024];
                var sink = Channels.newOutputStream(out);
                int n;
                while ((n = content.read(buffer)) != -1) {
                    size += n;
                    if (size > maxBytes) {
                        throw new BlobTooLargeException(maxBytes);
                    }
                    sink.write(buffer, 0, n);
                }
                out.force(true);
            }
            Files.setLastModifiedTime(part, FileTime.from(clock.instant()));
            Path target = pathOf(key);
            Files.createDirectories(target.getParent());
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new UncheckedIOException("the blob directory cannot rename atomically: " + root, e);
            }
            forceDirectory(target.getParent());
            return key;
        } catch (IOException e) {
            deleteQuietly(part);
            throw new UncheckedIOException("cannot store a blob under " + root, e);
        } catch (RuntimeException e) {
            deleteQuietly(part);
            throw e;
        }
    }

    @Override
    public Optional<BlobInfo> info(BlobKey key) {
        try {
            BasicFileAttributes a = Files.readAttributes(pathOf(key), BasicFileAttributes.class);
            return Optional.of(new BlobInfo(key, a.size(), a.lastModifiedTime().toInstant()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<InputStream> open(BlobKey key, long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
        try {
            FileChannel in = FileChannel.open(pathOf(key), StandardOpenOption.READ);
            in.position(offset);
            return Optional.of(Channels.newInputStream(in));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean delete(BlobKey key) {
        try {
            return Files.deleteIfExists(pathOf(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<BlobInfo> list(BlobKey after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        List<BlobInfo> out = new ArrayList<>();
        try {
            for (String fan : sortedNames(root)) {
                if (fan.length() != 2 || (after != null && fan.compareTo(after.value().substring(0, 2)) < 0)) {
                    continue;
                }
                for (String name : sortedNames(root.resolve(fan))) {
                    BlobKey key;
                    try {
                        key = new BlobKey(name);
                    } catch (IllegalArgumentException notOurs) {
                        continue;
                    }
                    if (after != null && key.compareTo(after) <= 0) {
                        continue;
                    }
                    info(key).ifPresent(out::add); // deleted meanwhile: skipped
                    if (out.size() == limit) {
                        return out;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The directory this store writes to. */
    public Path root() {
        return root;
    }

    private Path pathOf(BlobKey key) {
        return root.resolve(key.value().substring(0, 2)).resolve(key.value());
    }

    private static TreeSet<String> sortedNames(Path dir) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        if (!Files.isDirectory(dir)) {
            return names;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            entries.forEach(p -> names.add(p.getFileName().toString()));
        }
        return names;
    }

    private void removeStaleTemps() throws IOException {
        Instant before = Instant.now().minus(STALE_TEMP); // real time: temp files carry the file system's own times
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(tmp, "*.part")) {
            for (Path p : entries) {
                if (Files.getLastModifiedTime(p).toInstant().isBefore(before)) {
                    deleteQuietly(p);
                }
            }
        }
    }

    /** Makes the rename itself durable; some platforms cannot open a directory, where the rename is durable anyway. */
    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // Windows cannot open directories
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover temp file is removed by a later open
        }
    }
}
