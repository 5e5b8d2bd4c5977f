/**
 * The read side: board index, board pages, thread pages, What's new, profiles, post lookup, and single posts,
 * threads and quotes, as views made for one viewer. Each view costs a fixed, small number of storage calls whatever
 * its size.
 */
package dev.forumkit.core.read;
