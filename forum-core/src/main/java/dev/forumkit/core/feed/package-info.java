/**
 * What feeds and sitemaps show: threads and posts an actor may read, in bounded lists, read without counting a view
 * or moving a read position. The web adapter asks as a guest, so a feed never holds what a guest may not see.
 */
package dev.forumkit.core.feed;
