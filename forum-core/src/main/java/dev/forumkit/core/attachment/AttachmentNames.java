package dev.forumkit.core.attachment;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Display names of attachments: what the uploader called the file, cut to its last path segment, without control
 * or separator characters, and ending with its type's extension, so {@code ../../x} becomes {@code x.txt} and
 * {@code page.html} stored as text becomes {@code page.html.txt}. The name never names a blob or a path.
 */
public final class AttachmentNames {
    private AttachmentNames() {
    }

    public static String clean(String uploaded, FileType type) {
        String name = uploaded == null ? "" : Normalizer.normalize(uploaded, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder out = new StringBuilder();
        name.codePoints().forEach(c -> {
            boolean bad = Character.isISOControl(c) || c == '"' || c == ';' || c == ':' || c == '*' || c == '?'
                    || c == '<' || c == '>' || c == '|' || c == '%' || Character.getType(c) == Character.FORMAT
                    || Character.isSurrogate((char) c) && c < 0x10000;
            out.appendCodePoint(bad ? '_' : c);
        });
        name = out.toString().strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        String ext = "." + type.extension();
        boolean typed = name.toLowerCase(Locale.ROOT).endsWith(ext)
                || (type == FileType.JPEG && name.toLowerCase(Locale.ROOT).endsWith(".jpeg"));
        if (!typed) {
            name = name + ext;
        }
        if (name.equals(ext)) {
            name = "file" + ext;
        }
        if (name.length() > Attachment.MAX_NAME) {
            // keep the extension: cut the stem, on a code point boundary
            int keep = Attachment.MAX_NAME - ext.length();
            int end = name.offsetByCodePoints(0, name.codePointCount(0, keep));
            name = name.substring(0, end).strip() + ext;
        }
        return name;
    }
}
