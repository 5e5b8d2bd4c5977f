/**
 * Post markup: the {@link dev.forumkit.core.markup.MarkupRenderer} port that turns what members write into safe HTML,
 * its plain-text default and the escaping used for titles, usernames and custom titles.
 * Posts are rendered when written or edited, and the HTML is stored with the renderer version so it can be rebuilt.
 */
package dev.forumkit.core.markup;
