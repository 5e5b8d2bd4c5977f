package dev.forumkit.core.report;

/** Where a report stands: open in the queue, or closed as resolved (action taken) or rejected (nothing wrong). */
public enum ReportStatus {
    OPEN, RESOLVED, REJECTED
}
