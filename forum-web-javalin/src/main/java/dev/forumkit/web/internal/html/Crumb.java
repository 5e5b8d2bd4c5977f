package dev.forumkit.web.internal.html;

/** One step of the breadcrumb trail above a page. */
public record Crumb(String label, String href) {
}
