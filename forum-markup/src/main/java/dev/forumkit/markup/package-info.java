/**
 * The forum's markup renderer, {@link dev.forumkit.markup.ForumMarkupRenderer}: CommonMark with quotes, mentions,
 * spoilers and a BBCode subset for imported posts, sanitised by an allow-list.
 * It implements core's {@link dev.forumkit.core.markup.MarkupRenderer} port; everything else here is package-private.
 */
package dev.forumkit.markup;
