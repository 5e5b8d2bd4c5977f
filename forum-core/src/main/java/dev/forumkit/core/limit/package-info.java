/**
 * Rate limits kept in the storage, so that a limit means the same with one node or several: windows of counted
 * attempts per key. The web adapter decides what is limited; this package only counts.
 */
package dev.forumkit.core.limit;
