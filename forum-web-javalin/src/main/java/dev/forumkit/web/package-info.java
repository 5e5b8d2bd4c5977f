/**
 * The forumkit HTTP adapter for Javalin: {@link dev.forumkit.web.ForumPlugin} adds the JSON API under
 * {@code /api/v1} and the forum's HTML pages to a Javalin app with one registration, configured by {@link dev.forumkit.web.ForumPluginConfig}.
 * A host application may tell the forum who is signed in through an {@link dev.forumkit.web.Authenticator}, and show the
 * forum's pages inside its own layout through a {@link dev.forumkit.web.PageFrame}.
 */
package dev.forumkit.web;
