/**
 * An example host application that embeds the forum under {@code /community} with host identity, in its own layout,
 * its own database and Japanese. It is an example to read and copy, kept working by its tests, not an API.
 */
package dev.forumkit.example.host;
