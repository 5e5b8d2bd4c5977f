/**
 * Helpers that must be public for the feature packages to share them but are not API. Do not use them
 * from outside forumkit; they change without notice.
 */
package dev.forumkit.core.internal;
