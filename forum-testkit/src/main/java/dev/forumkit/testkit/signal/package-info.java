/**
 * The contract every {@link dev.forumkit.core.signal.Signals} bus passes: a signal from any node reaches every node,
 * in order from one publisher, and a failing listener stops no other. Extend {@link dev.forumkit.testkit.signal.SignalsContract}.
 */
package dev.forumkit.testkit.signal;
