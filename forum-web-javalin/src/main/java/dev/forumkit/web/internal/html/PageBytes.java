package dev.forumkit.web.internal.html;

import gg.jte.TemplateOutput;

import java.util.Arrays;

/**
 * A template's output encoded to UTF-8 straight into one growing byte array. JTE's own {@code Utf8ByteOutput} keeps a
 * byte array per write (each escaped piece of text is a write: a thread page makes thousands) plus a list of them, and
 * copies them all once more at the end: about 30 % of what a thread page allocated (docs/performance.md).
 */
final class PageBytes implements TemplateOutput {
    private byte[] bytes;
    private int length;

    PageBytes(int expected) {
        this.bytes = new byte[expected];
    }

    @Override
    public void writeContent(String s) {
        writeContent(s, 0, s.length());
    }

    @Override
    public void writeContent(String s, int from, int to) {
        room(to - from); // one byte a char for ASCII, the common case; more is made room for as it comes
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (length == bytes.length) {
                    room(to - i);
                }
                bytes[length++] = (byte) c;
            } else {
                i = encode(s, i, to);
            }
        }
    }

    @Override
    public void writeBinaryContent(byte[] content) {
        room(content.length);
        System.arraycopy(content, 0, bytes, length, content.length);
        length += content.length;
    }

    /** The non-ASCII character at {@code i} (a surrogate pair takes two); returns the index of its last char. */
    private int encode(String s, int i, int to) {
        room(4);
        char c = s.charAt(i);
        if (c < 0x800) {
            bytes[length++] = (byte) (0xC0 | c >> 6);
            bytes[length++] = (byte) (0x80 | c & 0x3F);
            return i;
        }
        if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
            int cp = Character.toCodePoint(c, s.charAt(i + 1));
            bytes[length++] = (byte) (0xF0 | cp >> 18);
            bytes[length++] = (byte) (0x80 | cp >> 12 & 0x3F);
            bytes[length++] = (byte) (0x80 | cp >> 6 & 0x3F);
            bytes[length++] = (byte) (0x80 | cp & 0x3F);
            return i + 1;
        }
        if (Character.isSurrogate(c)) { // a lone surrogate: '?' as String.getBytes(UTF_8) writes it
            bytes[length++] = '?';
            return i;
        }
        bytes[length++] = (byte) (0xE0 | c >> 12);
        bytes[length++] = (byte) (0x80 | c >> 6 & 0x3F);
        bytes[length++] = (byte) (0x80 | c & 0x3F);
        return i;
    }

    private void room(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    /** The bytes written, without copying them: what the response is written from. */
    java.io.InputStream stream() {
        return new java.io.ByteArrayInputStream(bytes, 0, length);
    }
}
