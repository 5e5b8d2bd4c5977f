package dev.forumkit.web.internal;

import dev.forumkit.core.attachment.Attachment;

/** An attachment in the JSON API, with the addresses it is served at (thumbnail: null for non-images). */
public record AttachmentJson(long id, String name, String type, long size, int width, int height, Long postId,
                             boolean inline, String url, String thumbnailUrl) {
    public static AttachmentJson from(Attachment a, String base) {
        String url = AttachmentServing.url(base, a);
        return new AttachmentJson(a.id().value(), a.name(), a.type().key(), a.size(), a.width(), a.height(),
                a.post() == null ? null : a.post().value(), a.inline(), url,
                a.inline() ? AttachmentServing.thumbnailUrl(base, a) : null);
    }
}
