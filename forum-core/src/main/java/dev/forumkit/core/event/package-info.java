/**
 * Domain events, the event outbox (stored with each change, delivered after commit to in-process listeners and to
 * durable consumers), its storage port and its codec. Later features (alerts, e-mail, search, webhooks) consume here.
 */
package dev.forumkit.core.event;
