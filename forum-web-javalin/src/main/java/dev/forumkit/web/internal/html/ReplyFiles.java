package dev.forumkit.web.internal.html;

import dev.forumkit.core.attachment.Attachment;
import dev.forumkit.core.attachment.AttachmentId;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.post.PostId;
import dev.forumkit.web.internal.Call;
import io.javalin.http.UploadedFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The files of a multipart post form: drafts it already lists ({@code attachment}) and files chosen now ({@code file}). */
final class ReplyFiles {
    private final Set<AttachmentId> ids = new LinkedHashSet<>();
    private final List<UploadedFile> chosen;

    private ReplyFiles(List<UploadedFile> chosen) {
        this.chosen = chosen;
    }

    static ReplyFiles of(Call call) {
        String type = call.ctx().contentType();
        boolean multipart = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
        ReplyFiles files = new ReplyFiles(multipart ? call.ctx().uploadedFiles("file") : List.of());
        for (String raw : call.ctx().formParams("attachment")) {
            try {
                long id = Long.parseLong(raw.strip());
                if (id > 0) {
                    files.ids.add(AttachmentId.of(id));
                }
            } catch (NumberFormatException ignored) {
                // not one of ours: a draft id is a number
            }
        }
        return files;
    }

    /** Stores the chosen files as the member's drafts (an empty file input sends one nameless, empty part). */
    void upload(Call call, BoardId board) {
        for (UploadedFile f : chosen) {
            if (f.size() == 0 && (f.filename() == null || f.filename().isEmpty())) {
                continue;
            }
            try (InputStream in = f.content()) {
                Attachment a = call.api().forum().attachments().uploadDraft(call.actor(), board, f.filename(), in);
                ids.add(a.id());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The drafts this form lists, as stored (ids that are not the member's drafts are left out). */
    List<Attachment> drafts(Call call) {
        if (ids.isEmpty() || call.viewer().isGuest()) {
            return List.of();
        }
        return call.api().forum().attachments().drafts(call.actor()).stream().filter(a -> ids.contains(a.id())).toList();
    }

    void attachTo(Call call, PostId post) {
        if (!ids.isEmpty()) {
            call.api().forum().attachments().attach(call.actor(), post, new ArrayList<>(ids));
        }
    }
}
