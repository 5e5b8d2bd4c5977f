package dev.forumkit.web.internal.html;

/** A page endpoint's answer when it wrote the response itself (a file with its own headers and ranges). */
public enum Written {
    RESPONSE
}
