package dev.forumkit.web.internal.html;

import dev.forumkit.core.policy.Decision;

/** One action's decision on the explain page. */
public record ExplainRow(String action, Decision decision) {
}
