package dev.forumkit.core.attachment;

import java.util.List;
import java.util.Objects;

/**
 * What an attachment recount found: members whose stored usage differed from their attachments ({@code stored} as
 * it was, {@code counted} from the rows; repaired if asked), and attachments whose file or thumbnail is missing from
 * the blob store (reported only: the bytes cannot be recreated; an admin deletes the attachment).
 */
public record AttachmentRecount(List<UsageDifference> differences, List<AttachmentId> missingBlobs, boolean repaired) {
    public AttachmentRecount {
        differences = List.copyOf(differences);
        missingBlobs = List.copyOf(missingBlobs);
    }

    public record UsageDifference(AttachmentUsage stored, AttachmentUsage counted) {
        public UsageDifference {
            Objects.requireNonNull(stored, "stored");
            Objects.requireNonNull(counted, "counted");
        }
    }

    public boolean clean() {
        return differences.isEmpty() && missingBlobs.isEmpty();
    }
}
