/**
 * Feeds (Atom), sitemaps and robots.txt: documents for feed readers and crawlers, built as a guest sees the forum.
 * Internal to the plugin; the addresses are documented in the README.
 */
package dev.forumkit.web.internal.feed;
