package dev.forumkit.web.internal.html;

/** A static file of the pages (stylesheet, script), served from the classpath. */
public record Asset(byte[] bytes, String contentType) {
}
