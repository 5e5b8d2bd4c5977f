package dev.forumkit.web.internal.feed;

import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A feed, sitemap or robots.txt as the page responder sends it: the body with its type, an ETag (a hash of the body)
 * and Last-Modified, answered 304 without a body when the client already has it. Public content only (they are built
 * as a guest sees the forum), so shared caches may keep them for a minute.
 */
public record Document(String body, String contentType, Instant lastModified) {
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    public Document {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(contentType, "contentType");
    }

    public String etag() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public void write(Context ctx) {
        String etag = etag();
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", "public, max-age=60");
        Instant modified = lastModified == null ? null : lastModified.truncatedTo(ChronoUnit.SECONDS);
        if (modified != null) {
            ctx.header("Last-Modified", HTTP_DATE.format(modified));
        }
        if (notModified(ctx.header("If-None-Match"), ctx.header("If-Modified-Since"), etag, modified)) {
            ctx.status(304);
            return;
        }
        ctx.contentType(contentType).result(body);
    }

    /** RFC 9110: If-None-Match wins when present; If-Modified-Since is looked at only without it. */
    static boolean notModified(String ifNoneMatch, String ifModifiedSince, String etag, Instant modified) {
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                String t = tag.strip();
                if (t.startsWith("W/")) {
                    t = t.substring(2);
                }
                if (t.equals("*") || t.equals(etag)) {
                    return true;
                }
            }
            return false;
        }
        if (ifModifiedSince == null || modified == null) {
            return false;
        }
        try {
            return !modified.isAfter(Instant.from(HTTP_DATE.parse(ifModifiedSince.strip())));
        } catch (DateTimeParseException e) {
            return false; // an unreadable date is ignored, as the RFC says
        }
    }
}
