/**
 * Posts: the record, its port, the limits on what people write and a post as one viewer sees it. A post's number
 * is given once and never changes, so {@code #N} links stay valid forever. The commands are in {@code thread}.
 */
package dev.forumkit.core.post;
