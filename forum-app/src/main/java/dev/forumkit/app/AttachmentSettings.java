package dev.forumkit.app;

import dev.forumkit.core.attachment.AttachmentLimits;
import dev.forumkit.core.attachment.FileType;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Where attachments are stored ({@code blob.dir}, default {@code <data.dir>/blobs}) and their limits:
 * {@code attachment.max.bytes} (per file), {@code attachment.files.per.post}, {@code attachment.bytes.per.member} and
 * {@code attachment.types} (a comma list of {@code jpeg, png, gif, webp, pdf, zip, text}). Looked up like every setting.
 */
record AttachmentSettings(Path blobDir, AttachmentLimits limits) {

    static AttachmentSettings load(Path dataDir) {
        return load(System.getProperties(), System.getenv(), dataDir);
    }

    static AttachmentSettings load(Properties system, Map<String, String> env, Path dataDir) {
        Settings.Lookup l = new Settings.Lookup(system, env, Settings.file(system, env));
        AttachmentLimits d = AttachmentLimits.DEFAULTS;
        Path blobs = l.get("blob.dir").map(p -> Path.of(p).toAbsolutePath().normalize()).orElse(dataDir.resolve("blobs"));
        return new AttachmentSettings(blobs, new AttachmentLimits(
                bytes(l, "attachment.max.bytes", d.maxFileBytes()),
                (int) Math.min(Integer.MAX_VALUE, bytes(l, "attachment.files.per.post", d.filesPerPost())),
                bytes(l, "attachment.bytes.per.member", d.bytesPerMember()),
                l.get("attachment.types").map(AttachmentSettings::types).orElse(d.allowedTypes())));
    }

    private static long bytes(Settings.Lookup l, String key, long fallback) {
        String v = l.get(key).orElse(null);
        if (v == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + " must be a whole number of 1 or more, not " + v);
        }
    }

    static Set<FileType> types(String list) {
        Set<FileType> out = EnumSet.noneOf(FileType.class);
        for (String part : list.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            out.add(FileType.parse(part).orElseThrow(() -> new IllegalArgumentException("setting attachment.types: "
                    + part.strip() + " is none of jpeg, png, gif, webp, pdf, zip, text")));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("setting attachment.types names no type; leave it out for all of them");
        }
        return out;
    }

    @Override
    public String toString() {
        return "attachments in " + blobDir + ": " + limits.maxFileBytes() + " bytes a file, " + limits.filesPerPost()
                + " a post, " + limits.bytesPerMember() + " bytes a member, types "
                + limits.allowedTypes().stream().map(FileType::key).sorted().toList().toString().toLowerCase(Locale.ROOT);
    }
}
