/**
 * Notification e-mails: alerts a member asked to get by e-mail (per kind, or through a watch's e-mail flag), at most
 * one per thread until the member reads it again, each with a one-click unsubscribe link (RFC 8058).
 */
package dev.forumkit.core.notify;
