/**
 * Watched threads and boards: what a member follows, and the {@code Watches} port behind it. Watches decide who gets
 * reply and new-thread alerts.
 */
package dev.forumkit.core.watch;
