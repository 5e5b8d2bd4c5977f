/**
 * Threads and the commands on their posts: starting, replying, editing, deleting, moderating, read positions and
 * buffered view counts. Replying lives here because every post command locks and counts on its thread's row.
 * Post numbers are allocated atomically on the thread row; {@code ForumThread} avoids shadowing {@code java.lang.Thread}.
 */
package dev.forumkit.core.thread;
