package dev.forumkit.web.internal.html;

/** One row of the alert preferences form: the kind's field name, what it means, and the delivery chosen now. */
public record AlertKindRow(String field, Text label, String delivery) {
}
