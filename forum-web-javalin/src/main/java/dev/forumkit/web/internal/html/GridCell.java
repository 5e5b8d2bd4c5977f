package dev.forumkit.web.internal.html;

import dev.forumkit.core.policy.Permission;

/** One cell of the permission grid's editor: its value, "inherit" when unset. */
public record GridCell(Permission permission, String value) {
}
