/**
 * Server-side sessions: the service adapters sign members in with (create, resolve with a sliding expiry, end, end
 * all) and the port that lets several app nodes share who is signed in. Tokens are stored hashed; bans and password
 * changes end a member's sessions in the same transaction.
 */
package dev.forumkit.core.session;
