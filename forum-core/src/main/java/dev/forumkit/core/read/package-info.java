/**
 * The read side: board index, board pages, thread pages, What's new, profiles and post lookup, as views made
 * for one viewer. Each view costs a fixed, small number of storage calls whatever its size.
 */
package dev.forumkit.core.read;
