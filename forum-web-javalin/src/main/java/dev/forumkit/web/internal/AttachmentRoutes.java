package dev.forumkit.web.internal;

import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.attachment.Attachment;
import dev.forumkit.core.attachment.AttachmentId;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.web.Access;
import io.javalin.http.UploadedFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Attachments in the JSON API: upload a file (multipart, field {@code file}) into one's draft for a board, list and
 * delete drafts. A reply or a new thread takes drafts with {@code attachment_ids}; files are served under
 * {@code /attachments/{id}/{name}} (see {@link AttachmentServing}).
 */
public final class AttachmentRoutes {
    private AttachmentRoutes() {
    }

    public static void register(RouteTable t) {
        t.post("/boards/{boardId}/attachments", Access.MEMBER, AttachmentRoutes::upload);
        t.get("/attachments/drafts", Access.MEMBER, AttachmentRoutes::drafts);
        t.delete("/attachments/{attachmentId}", Access.MEMBER, AttachmentRoutes::delete);
    }

    private static Object upload(Call call) {
        BoardId board = BoardId.of(call.id("boardId"));
        UploadedFile file = file(call);
        try (InputStream in = file.content()) {
            Attachment a = call.api().forum().attachments().uploadDraft(call.actor(), board, file.filename(), in);
            return Reply.created(Map.of("attachment", AttachmentJson.from(a, call.api().settings().basePath())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one uploaded file of a multipart request; anything else is a 422 naming {@code file}. */
    static UploadedFile file(Call call) {
        String type = call.ctx().contentType();
        List<UploadedFile> files = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")
                ? call.ctx().uploadedFiles("file") : List.of();
        if (files.size() != 1) {
            throw InvalidInputException.of("file", "required", "send one file as multipart/form-data in the field file");
        }
        return files.get(0);
    }

    private static Object drafts(Call call) {
        String base = call.api().settings().basePath();
        List<AttachmentJson> items = call.api().forum().attachments().drafts(call.actor()).stream()
                .map(a -> AttachmentJson.from(a, base)).toList();
        return Map.of("attachments", items, "pagination", Pagination.single(items.size()));
    }

    private static Object delete(Call call) {
        call.api().forum().attachments().delete(call.actor(), AttachmentId.of(call.id("attachmentId")));
        return Reply.noContent();
    }

    /** {@code attachment_ids} of a reply or a new thread, as ids. */
    static List<AttachmentId> ids(List<Long> raw) {
        return raw == null ? List.of() : raw.stream().filter(x -> x != null && x > 0).map(AttachmentId::of).toList();
    }
}
