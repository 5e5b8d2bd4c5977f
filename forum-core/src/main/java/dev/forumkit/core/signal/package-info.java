/**
 * The cross-node signal bus: small notices ("events committed up to position 42") that every node of one forum
 * hears within a second. Receivers read what they need from the storage; a lost notice is reported, never hidden.
 */
package dev.forumkit.core.signal;
