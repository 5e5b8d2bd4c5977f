package dev.forumkit.core.attachment;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of file the forum stores, each decided from the file's first bytes (magic numbers) only: never from its
 * name or the client's Content-Type. Markup (HTML, SVG, XML) is no type at all, so it is never stored.
 */
public enum FileType {
    JPEG("image/jpeg", "jpg", true),
    PNG("image/png", "png", true),
    GIF("image/gif", "gif", true),
    /** Stored and served as a download: no maintained WebP decoder resolves for this build, so it is not re-encoded. */
    WEBP("image/webp", "webp", false),
    PDF("application/pdf", "pdf", false),
    ZIP("application/zip", "zip", false),
    /** UTF-8 text without control characters that does not start like markup. */
    TEXT("text/plain; charset=utf-8", "txt", false);

    /** How many leading bytes {@link #detect} looks at. */
    public static final int HEAD_BYTES = 8 * 1024;

    private final String mediaType;
    private final String extension;
    private final boolean image;

    FileType(String mediaType, String extension, boolean image) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.image = image;
    }

    /** The Content-Type it is served with. */
    public String mediaType() {
        return mediaType;
    }

    /** The file name extension a stored name ends with. */
    public String extension() {
        return extension;
    }

    /** Decoded and re-encoded on upload (so served inline); other types are served as downloads only. */
    public boolean image() {
        return image;
    }

    /** The lower-case name used in settings and the JSON API ({@code jpeg}, {@code text}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #key()}; empty for anything else. */
    public static Optional<FileType> parse(String key) {
        for (FileType t : values()) {
            if (t.key().equalsIgnoreCase(key == null ? "" : key.strip())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /**
     * The type of a file from its first bytes ({@link #HEAD_BYTES} or the whole file if shorter); empty when it is
     * none of these (an executable, markup, a binary of unknown kind, an empty file).
     */
    public static Optional<FileType> detect(byte[] head, int length) {
        byte[] b = Arrays.copyOf(head, Math.min(length, head.length));
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (starts(b, 'G', 'I', 'F', '8', '7', 'a') || starts(b, 'G', 'I', 'F', '8', '9', 'a')) {
            return Optional.of(GIF);
        }
        if (b.length >= 12 && starts(b, 'R', 'I', 'F', 'F') && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return Optional.of(WEBP);
        }
        if (starts(b, '%', 'P', 'D', 'F', '-')) {
            return Optional.of(PDF);
        }
        if (starts(b, 'P', 'K', 3, 4) || starts(b, 'P', 'K', 5, 6)) {
            return Optional.of(ZIP);
        }
        return isPlainText(b) ? Optional.of(TEXT) : Optional.empty();
    }

    private static boolean starts(byte[] b, int... magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    // a browser that ignored nosniff could still take markup for a page: text starting with '<' is not text here
    private static boolean isPlainText(byte[] b) {
        if (b.length == 0) {
            return false;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars = CharBuffer.allocate(b.length);
        // not end of input: a character cut at the head's end is fine
        CoderResult result = decoder.decode(ByteBuffer.wrap(b), chars, false);
        if (result.isError()) {
            return false;
        }
        chars.flip();
        String text = chars.toString();
        if (text.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f')) {
            return false;
        }
        String start = text.replaceFirst("^\uFEFF", "").stripLeading();
        return !start.startsWith("<");
    }
}
