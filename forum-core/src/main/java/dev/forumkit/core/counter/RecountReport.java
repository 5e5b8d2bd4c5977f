package dev.forumkit.core.counter;

import java.util.List;

/** What a recount found: every stored counter that differed from the recomputed value (and was repaired). */
public record RecountReport(List<Difference> differences, int threadsChecked, int boardsChecked, int membersChecked) {
    public RecountReport {
        differences = List.copyOf(differences);
    }

    public boolean clean() {
        return differences.isEmpty();
    }

    /** One counter: which entity ({@code thread 12}), which field, what was stored, what the rows say. */
    public record Difference(String entity, String field, String stored, String expected) {
        @Override
        public String toString() {
            return entity + " " + field + ": stored " + stored + ", expected " + expected;
        }
    }
}
