/**
 * Webhooks: admins subscribe URLs to event types; the outbox writes a delivery per event and webhook, and the service
 * posts them signed (HMAC-SHA256 of timestamp and body), retrying with backoff for a day, disabling a webhook after
 * repeated failures, and refusing private addresses unless allowed (SSRF).
 */
package dev.forumkit.core.webhook;
