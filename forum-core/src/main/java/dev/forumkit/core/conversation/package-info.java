/**
 * Private conversations between members: a title, messages rendered like posts, participants with their own unread
 * state, invitations and leaving. Only participants read a conversation; everyone else is told it does not exist.
 */
package dev.forumkit.core.conversation;
