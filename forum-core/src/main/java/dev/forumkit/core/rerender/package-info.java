/**
 * Rerender: rebuilds the stored HTML of posts made by another version of the markup renderer, in resumable batches.
 * An operator's tool for after a renderer upgrade; pages always show the stored HTML and never render on a read.
 */
package dev.forumkit.core.rerender;
