/**
 * Not API: the routes, JSON views, sessions, error mapping and rate limits behind {@code ForumPlugin}.
 * Public only because the plugin lives in another package; anything here may change without notice.
 */
package dev.forumkit.web.internal;
