package dev.forumkit.web.internal.html;

/** What the viewer may do on a member's profile: change the custom title, ban or unban, change the role. */
public record ProfileActions(boolean editTitle, boolean ban, boolean changeRole) {
}
