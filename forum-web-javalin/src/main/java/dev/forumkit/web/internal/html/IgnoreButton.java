package dev.forumkit.web.internal.html;

/** The ignore button of a profile: shown to members on others' profiles, with whether they ignore the member now. */
public record IgnoreButton(boolean shown, boolean ignoring) {
}
