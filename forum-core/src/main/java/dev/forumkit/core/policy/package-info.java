/**
 * The permission policy: one pure decision for every action, from the role's standing and the permission grid
 * (groups and members x forum, categories and boards x permissions: allow, deny, never), with explanations.
 * Services consult it before every command, the read side for viewer flags and for which boards an actor may see.
 */
package dev.forumkit.core.policy;
