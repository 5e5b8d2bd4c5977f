package dev.forumkit.web.internal;

import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.profile.Avatar;
import dev.forumkit.web.Access;
import io.javalin.http.UploadedFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * One's avatar in the JSON API: {@code GET /me/avatar}, {@code PUT /me/avatar} (multipart, field {@code file}: a JPEG,
 * PNG or GIF, re-encoded by the server) and {@code DELETE /me/avatar} (the letter avatar again). The images are served
 * under {@code /avatars/...} (see {@link AvatarServing}).
 */
public final class AvatarRoutes {
    private AvatarRoutes() {
    }

    record AvatarJson(long version, String format, String smallUrl, String largeUrl) {
        static AvatarJson from(Avatar a, String base) {
            return new AvatarJson(a.version(), a.format(), AvatarServing.url(base, a, true), AvatarServing.url(base, a, false));
        }
    }

    public static void register(RouteTable t) {
        t.get("/me/avatar", Access.MEMBER, AvatarRoutes::mine);
        t.put("/me/avatar", Access.MEMBER, AvatarRoutes::upload);
        t.delete("/me/avatar", Access.MEMBER, call -> {
            call.api().forum().avatars().remove(call.actor(), call.viewer().member().id());
            return Reply.noContent();
        });
    }

    private static Object mine(Call call) {
        Map<String, Object> body = new HashMap<>();
        body.put("avatar", call.api().forum().avatars().of(call.viewer().member().id())
                .map(a -> AvatarJson.from(a, call.api().settings().basePath())).orElse(null));
        return body;
    }

    private static Object upload(Call call) {
        MemberId me = call.viewer().member().id();
        UploadedFile file = AttachmentRoutes.file(call);
        try (InputStream in = file.content()) {
            Avatar a = call.api().forum().avatars().upload(call.actor(), me, in);
            return Map.of("avatar", AvatarJson.from(a, call.api().settings().basePath()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
