package dev.forumkit.web.internal.html;

/** A scope of the grid to choose: its form value ("forum", "category:3", "board:7") and label. */
public record ScopeOption(String value, Text label) {
}
