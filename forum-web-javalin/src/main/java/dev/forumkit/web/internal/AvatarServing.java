package dev.forumkit.web.internal;

import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.profile.Avatar;
import dev.forumkit.core.profile.AvatarImage;
import dev.forumkit.web.internal.html.Written;
import io.javalin.http.Context;

/**
 * Serves avatars at {@code /avatars/{memberId}/{version}/{size}} ({@code small} or {@code large}): only images the
 * server wrote itself, as {@code image/jpeg} or {@code image/png} with {@code nosniff} and
 * {@code Content-Security-Policy: sandbox}. The version is in the address, so the current one is cached publicly for
 * a year ({@code immutable}); an old version's address answers the current image with a short cache, so a page
 * cached before a change still shows the member's face. A member without an avatar (or a deleted one) is a 404.
 */
public final class AvatarServing {
    private static final String YEAR = "public, max-age=31536000, immutable";
    private static final String SHORT = "public, max-age=300";

    private AvatarServing() {
    }

    /** The address of the current avatar's image; {@code small} for posts and lists, large for the profile. */
    public static String url(String base, MemberId member, long version, boolean small) {
        return base + "/avatars/" + member.value() + "/" + version + "/" + (small ? "small" : "large");
    }

    public static String url(String base, Avatar a, boolean small) {
        return url(base, a.member(), a.version(), small);
    }

    public static Object serve(Call call) {
        Context ctx = call.ctx();
        ctx.header("Content-Security-Policy", "sandbox; default-src 'none'");
        String size = ctx.pathParam("size");
        if (!"small".equals(size) && !"large".equals(size)) {
            throw HttpProblem.notFound("avatars come in small and large");
        }
        long asked;
        try {
            asked = Long.parseLong(ctx.pathParam("version"));
        } catch (NumberFormatException e) {
            throw HttpProblem.notFound("no such avatar version");
        }
        AvatarImage image = call.api().forum().avatars().image(MemberId.of(call.id("memberId")), "small".equals(size));
        String etag = "\"a" + image.version() + "-" + size + "\"";
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", asked == image.version() ? YEAR : SHORT);
        ctx.header("Content-Disposition", "inline");
        ctx.contentType(image.mediaType());
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return Written.RESPONSE;
        }
        ctx.header("Content-Length", Integer.toString(image.bytes().length));
        ctx.result(image.bytes());
        return Written.RESPONSE;
    }
}
