/**
 * Threads: starting, moderating, read positions and buffered view counts.
 * Post numbers are allocated atomically on the thread row; {@code ForumThread} avoids shadowing {@code java.lang.Thread}.
 */
package dev.forumkit.core.thread;
