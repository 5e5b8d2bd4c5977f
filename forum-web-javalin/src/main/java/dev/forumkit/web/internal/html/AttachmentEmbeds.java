package dev.forumkit.web.internal.html;

import dev.forumkit.core.attachment.Attachment;
import dev.forumkit.core.markup.Html;
import dev.forumkit.web.internal.AttachmentServing;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Places a post's attachments: {@code [attach=ID]} in the rendered body becomes the attachment (a thumbnail linking
 * to the full image, or a link for other files) when ID is one of this post's own; the rest are listed under the
 * post. Everything inserted is built here from the attachment's fields, escaped: the post's HTML itself was already
 * sanitised by the renderer, and ids of other posts' attachments stay plain text.
 */
public final class AttachmentEmbeds {
    private static final Pattern TAG = Pattern.compile("\\[attach=(\\d{1,18})]", Pattern.CASE_INSENSITIVE);

    private AttachmentEmbeds() {
    }

    /** The body with this post's {@code [attach=ID]} tags replaced. */
    public static String body(String html, List<Attachment> attachments, String base) {
        if (attachments.isEmpty() || html == null || html.indexOf('[') < 0) {
            return html;
        }
        Matcher m = TAG.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Attachment a = find(attachments, m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(a == null ? m.group() : inline(a, base)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The attachments the body does not place itself: listed under the post. */
    public static List<Attachment> listed(String html, List<Attachment> attachments) {
        if (attachments.isEmpty() || html == null) {
            return attachments;
        }
        Set<String> placed = new HashSet<>();
        Matcher m = TAG.matcher(html);
        while (m.find()) {
            placed.add(m.group(1));
        }
        return attachments.stream().filter(a -> !placed.contains(Long.toString(a.id().value()))).toList();
    }

    public static String url(Attachment a, String base) {
        return AttachmentServing.url(base, a);
    }

    public static String thumbnail(Attachment a, String base) {
        return AttachmentServing.thumbnailUrl(base, a);
    }

    /** A size for people: 512 bytes, 12 KB, 3.4 MB. */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static Attachment find(List<Attachment> attachments, String id) {
        for (Attachment a : attachments) {
            if (Long.toString(a.id().value()).equals(id)) {
                return a;
            }
        }
        return null;
    }

    private static String inline(Attachment a, String base) {
        String href = Html.escape(url(a, base));
        String name = Html.escape(a.name());
        if (a.inline()) {
            return "<a class=\"attachment-inline\" href=\"" + href + "\"><img src=\"" + Html.escape(thumbnail(a, base))
                    + "\" alt=\"" + name + "\" loading=\"lazy\"></a>";
        }
        return "<a class=\"attachment-link\" href=\"" + href + "\" download>" + name + "</a>";
    }
}
