package dev.forumkit.web.internal.html;

/** A board a form offers to pick (the search form's boards), and whether it is picked. */
public record BoardChoice(long id, String title, boolean chosen) {
}
