/**
 * Posts and their port: replies, edits, soft deletion. A post's number is given once and never changes,
 * so {@code #N} links stay valid forever.
 */
package dev.forumkit.core.post;
