package dev.forumkit.core.event;

import java.util.List;
import java.util.Objects;

/**
 * The writes a {@link BatchPlanner} answers for a batch, in order, and whether the batch is {@code large}: one that
 * read or writes more rows than a request ever does (a reply's alerts for thousands of watchers). The outbox paces a
 * large batch so that it takes about a tenth of a core while requests run (docs/outbox.md, "Pacing"); an ordinary
 * batch is written at once.
 */
public record BatchPlan(List<Runnable> steps, boolean large) {
    public BatchPlan {
        steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
    }
}
