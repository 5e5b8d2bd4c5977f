/**
 * The standalone forumkit server: {@link dev.forumkit.app.Main} reads {@link dev.forumkit.app.Settings}, opens the
 * storage and serves the forum through the same {@code ForumPlugin} an embedding application uses.
 */
package dev.forumkit.app;
