package dev.forumkit.core.blob;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of a blob: 32 lower-case hex digits (128 random bits). Only a store makes new ones, so no client-chosen
 * text (a file name such as {@code ../../x}) ever reaches a path or an object key.
 */
public record BlobKey(String value) implements Comparable<BlobKey> {
    private static final Pattern FORM = Pattern.compile("[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public BlobKey {
        Objects.requireNonNull(value, "value");
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("a blob key is 32 lower-case hex digits");
        }
    }

    /** A new random key, for a store's {@code put}. */
    public static BlobKey random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return new BlobKey(HexFormat.of().formatHex(bytes));
    }

    @Override
    public int compareTo(BlobKey other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
