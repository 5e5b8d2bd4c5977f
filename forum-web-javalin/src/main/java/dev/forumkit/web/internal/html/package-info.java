/**
 * Not API: the forum's HTML pages. Handlers turn requests into {@link dev.forumkit.web.internal.html.View}s that
 * JTE templates (compiled at build time from {@code src/main/jte}) render; forms are plain POSTs with a CSRF token.
 */
package dev.forumkit.web.internal.html;
