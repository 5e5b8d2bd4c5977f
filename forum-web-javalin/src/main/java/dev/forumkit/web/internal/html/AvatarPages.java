package dev.forumkit.web.internal.html;

import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.web.Access;
import dev.forumkit.web.internal.AvatarServing;
import dev.forumkit.web.internal.Call;
import io.javalin.http.UploadedFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * {@code /account/avatar}: upload an avatar with a plain multipart form (no script) or remove it; and the images
 * themselves at {@code /avatars/{memberId}/{version}/{size}} (see {@link AvatarServing}).
 */
final class AvatarPages {
    private AvatarPages() {
    }

    static void register(PageTable t) {
        t.get("/account/avatar", Access.MEMBER, call -> page(call, Form.empty(), null));
        t.post("/account/avatar", Access.MEMBER, AvatarPages::upload);
        t.post("/account/avatar/delete", Access.MEMBER, AvatarPages::remove);
        t.get("/avatars/{memberId}/{version}/{size}", Access.ANYONE, AvatarServing::serve);
    }

    private static View page(Call call, Form form, String done) {
        MemberId me = call.viewer().member().id();
        return View.of("account-avatar", new Text("avatar.title")).noindex().with("form", form)
                .with("hasAvatar", call.api().forum().avatars().of(me).isPresent())
                .with("maxBytes", call.api().forum().avatars().limits().maxBytes()).with("done", done);
    }

    private static Object upload(Call call) {
        Form form = Form.empty();
        try {
            String type = call.ctx().contentType();
            List<UploadedFile> files = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
                    ? call.ctx().uploadedFiles("file") : List.of();
            if (files.size() != 1 || files.get(0).size() == 0) {
                throw InvalidInputException.of("file", "required", "choose an image file");
            }
            try (InputStream in = files.get(0).content()) {
                call.api().forum().avatars().upload(call.actor(), call.viewer().member().id(), in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } catch (RuntimeException refused) {
            return Refusal.of(page(call, form, null), form, refused, "file");
        }
        return page(call, form, "avatar.saved");
    }

    private static Object remove(Call call) {
        boolean removed = call.api().forum().avatars().remove(call.actor(), call.viewer().member().id());
        return page(call, Form.empty(), removed ? "avatar.removed" : "avatar.none");
    }
}
