/**
 * Values that threads and posts share: a thread's id and the record of a soft deletion. They sit below both
 * features so that {@code post} never depends on {@code thread}; {@code thread} uses {@code post}, never the reverse.
 */
package dev.forumkit.core.content;
