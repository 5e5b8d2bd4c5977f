/**
 * Categories and boards, the forum's structure, with their ports and the admin service.
 * Board counters (threads, posts, last post) change only through the counter operations of the port.
 */
package dev.forumkit.core.board;
