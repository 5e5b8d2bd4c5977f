/**
 * Domain events and the listener hook. Later features (alerts, live updates, search) subscribe here.
 */
package dev.forumkit.core.event;
