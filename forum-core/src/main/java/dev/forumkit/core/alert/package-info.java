/**
 * Alerts: who is told about replies, quotes, mentions, reactions, new threads and moderation, grouped for reading, with
 * per-kind preferences and ignored members. The fan-out turns stored domain events into alerts, once per event.
 */
package dev.forumkit.core.alert;
