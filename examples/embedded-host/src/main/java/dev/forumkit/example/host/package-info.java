/**
 * An example host application that embeds the forum under {@code /community} with host identity. It is an example to
 * read and copy, kept working by its test, not an API.
 */
package dev.forumkit.example.host;
