package dev.forumkit.web.internal.html;

import dev.forumkit.core.profile.Profile;
import dev.forumkit.web.internal.PluginSettings;
import io.javalin.http.Context;

import java.util.List;
import java.util.Locale;

/**
 * Which language a page speaks: the host's choice, then the member's preference, then the browser's
 * {@code Accept-Language} among the supported languages, then the forum's default. Asked once per page.
 */
public final class Languages {
    private Languages() {
    }

    /** The texts for this request; {@code profile} is the signed-in member's (null for guests or when unread). */
    public static Texts choose(Context ctx, PluginSettings.Language settings, Profile profile) {
        if (settings.chooser() != null) {
            Locale host = settings.chooser().apply(ctx);
            if (Texts.supported(host) != null) {
                return Texts.of(host);
            }
        }
        if (profile != null && profile.language() != null) {
            Locale preferred = Locale.forLanguageTag(profile.language());
            if (Texts.supported(preferred) != null) {
                return Texts.of(preferred);
            }
        }
        Locale browser = fromHeader(ctx.header("Accept-Language"));
        return Texts.of(browser != null ? browser : settings.defaultLocale());
    }

    /** The best supported language of an {@code Accept-Language} header; null when none fits or it is malformed. */
    public static Locale fromHeader(String header) {
        if (header == null || header.isBlank() || header.length() > 1000) {
            return null;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
            // "*" alone says nothing: the forum's default answers it
            if (ranges.stream().allMatch(r -> r.getRange().equals("*"))) {
                return null;
            }
            return Locale.lookup(ranges, Texts.SUPPORTED);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
