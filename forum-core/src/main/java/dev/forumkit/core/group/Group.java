package dev.forumkit.core.group;

import dev.forumkit.core.InvalidInputException;

/**
 * A user group. {@code title} is the banner shown on the member card of members whose primary group it is (for
 * example "Staff"); null shows none. Built-in groups (guests, members, moderators, admins) exist in every storage.
 */
public record Group(GroupId id, String name, String title, int displayOrder) {
    public static final int MAX_NAME = 50;
    public static final int MAX_TITLE = 50;

    public Group {
        name = name == null ? "" : name.strip();
        if (name.isEmpty()) {
            throw InvalidInputException.of("name", "required", "a group needs a name");
        }
        if (name.length() > MAX_NAME) {
            throw InvalidInputException.of("name", "too_long", "a group name has at most " + MAX_NAME + " characters");
        }
        title = title == null || title.isBlank() ? null : title.strip();
        if (title != null && title.length() > MAX_TITLE) {
            throw InvalidInputException.of("title", "too_long", "a banner has at most " + MAX_TITLE + " characters");
        }
    }

    /** A new custom group before the storage has given it an id. */
    public static Group withoutId(String name, String title, int displayOrder) {
        return new Group(null, name, title, displayOrder);
    }

    public Group withId(GroupId newId) {
        return new Group(newId, name, title, displayOrder);
    }

    /** The four groups every forum has, as a fresh storage holds them. */
    public static java.util.List<Group> builtIns() {
        return java.util.List.of(new Group(GroupId.GUESTS, "Guests", null, 0),
                new Group(GroupId.MEMBERS, "Members", null, 1),
                new Group(GroupId.MODERATORS, "Moderators", null, 2),
                new Group(GroupId.ADMINS, "Admins", null, 3));
    }
}
