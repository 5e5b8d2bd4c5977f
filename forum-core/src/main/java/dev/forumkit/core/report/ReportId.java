package dev.forumkit.core.report;

/** Typed id of a report; positive, assigned by the storage. */
public record ReportId(long value) {
    public ReportId {
        if (value <= 0) {
            throw new IllegalArgumentException("report id must be positive: " + value);
        }
    }

    public static ReportId of(long value) {
        return new ReportId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
