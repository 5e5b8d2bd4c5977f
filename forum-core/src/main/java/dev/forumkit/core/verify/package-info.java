/**
 * E-mail verification: a member proves an address by opening a link sent to it, on registration (when the forum
 * requires it to post) and whenever they change their address. Links are single use, expire, and are stored hashed.
 */
package dev.forumkit.core.verify;
