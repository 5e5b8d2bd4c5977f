package dev.forumkit.web.internal.html;

import dev.forumkit.core.profile.Activity;

/** A page of a member's posts, or with {@code threads} of the threads they started, for the profile page. */
public record ProfileActivity(Activity page, boolean threads) {
    /** The query string of another page of the same list. */
    public String query(int number) {
        return "?" + (threads ? "show=threads&" : "") + "page=" + number;
    }
}
