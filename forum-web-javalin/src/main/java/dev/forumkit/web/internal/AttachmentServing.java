package dev.forumkit.web.internal;

import dev.forumkit.core.attachment.Attachment;
import dev.forumkit.core.attachment.AttachmentId;
import dev.forumkit.core.attachment.Download;
import dev.forumkit.web.internal.html.Written;
import io.javalin.http.Context;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves attachments at {@code /attachments/{id}/{name}} and thumbnails at {@code /attachments/{id}/thumbnail/{name}}:
 * the type decided at upload, {@code nosniff}, {@code Content-Security-Policy: sandbox} (a file opened as a page can
 * run nothing), {@code inline} only for images the server re-encoded and {@code attachment} for everything else, an
 * ETag (blobs never change), private caching, and single byte ranges. Core decides who may see it; anyone else gets
 * the same 404 as for a file that does not exist. The name in the path is for people only.
 */
public final class AttachmentServing {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private AttachmentServing() {
    }

    public static String url(String base, Attachment a) {
        return base + "/attachments/" + a.id() + "/" + path(a.name());
    }

    public static String thumbnailUrl(String base, Attachment a) {
        return base + "/attachments/" + a.id() + "/thumbnail/" + path(a.name());
    }

    private static String path(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public static Object file(Call call) {
        return serve(call, false);
    }

    public static Object thumbnail(Call call) {
        return serve(call, true);
    }

    private static Object serve(Call call, boolean thumbnail) {
        Context ctx = call.ctx();
        ctx.header("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'");
        Download d = call.api().forum().attachments().download(call.actor(), AttachmentId.of(call.id("attachmentId")), thumbnail);
        Attachment a = d.attachment();
        String etag = "\"" + d.key().value() + "\"";
        ctx.header("ETag", etag);
        // private: who may see it can change (a post deleted, a board closed), so no shared cache keeps a copy
        ctx.header("Cache-Control", a.isDraft() ? "private, no-store" : "private, max-age=86400");
        ctx.header("Accept-Ranges", "bytes");
        ctx.header("Content-Disposition", disposition(a.inline() ? "inline" : "attachment", a.name()));
        ctx.contentType(a.type().mediaType());
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return Written.RESPONSE;
        }
        long size = d.size();
        long from = 0;
        long to = size - 1;
        String range = ctx.header("Range");
        String ifRange = ctx.header("If-Range");
        if (range != null && (ifRange == null || ifRange.equals(etag))) {
            Matcher m = RANGE.matcher(range.strip());
            if (m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
                long[] r = range(m.group(1), m.group(2), size);
                if (r == null) {
                    ctx.status(416).header("Content-Range", "bytes */" + size);
                    return Written.RESPONSE;
                }
                from = r[0];
                to = r[1];
                ctx.status(206).header("Content-Range", "bytes " + from + "-" + to + "/" + size);
            } // several ranges or a malformed header: the whole file, as RFC 9110 allows
        }
        long length = Math.max(0, to - from + 1);
        ctx.header("Content-Length", Long.toString(length));
        ctx.result(new Bounded(d.open(from), length));
        return Written.RESPONSE;
    }

    /** The first and last byte of a single range, or null when it is not satisfiable. */
    private static long[] range(String first, String last, long size) {
        try {
            if (first.isEmpty()) { // the last n bytes
                long n = Long.parseLong(last);
                return n == 0 || size == 0 ? null : new long[]{Math.max(0, size - n), size - 1};
            }
            long from = Long.parseLong(first);
            long to = last.isEmpty() ? size - 1 : Math.min(Long.parseLong(last), size - 1);
            return from >= size || to < from ? null : new long[]{from, to};
        } catch (NumberFormatException tooLong) {
            return null;
        }
    }

    /** RFC 6266: an ASCII fallback and the UTF-8 name; the name is already free of quotes and control characters. */
    static String disposition(String kind, String name) {
        String ascii = name.codePoints().mapToObj(c -> c < 0x20 || c > 0x7e || c == '"' || c == '\\' ? "_" : Character.toString(c))
                .reduce("", String::concat);
        return kind + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + path(name);
    }

    /** A stream that ends after {@code remaining} bytes: the end of a range. */
    private static final class Bounded extends FilterInputStream {
        private long remaining;

        Bounded(InputStream in, long remaining) {
            super(in);
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }
    }
}
