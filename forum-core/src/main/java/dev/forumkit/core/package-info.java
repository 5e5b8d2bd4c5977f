/**
 * forumkit's domain core: the {@link dev.forumkit.core.Forum} entry point, the actor and the exception root.
 * It depends on the JDK only; storage and delivery are adapters behind ports.
 */
package dev.forumkit.core;
