package dev.forumkit.web.internal.feed;

import dev.forumkit.web.internal.Call;
import dev.forumkit.web.internal.PluginSettings;

import java.util.regex.Pattern;

/**
 * The absolute address of the forum (base path included, no trailing slash) for feeds, sitemaps and canonical links:
 * the configured public URL, else the request's scheme and host (the forwarded ones behind a trusted proxy). A Host
 * header that is not a plain host name and port is not used (it would land in cached documents).
 */
public final class SiteAddress {
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?");

    private SiteAddress() {
    }

    public static String of(Call call) {
        return of(call.ctx(), call.api().settings());
    }

    public static String of(io.javalin.http.Context ctx, PluginSettings settings) {
        if (settings.site().publicUrl() != null) {
            return settings.site().publicUrl();
        }
        dev.forumkit.web.internal.RequestChecks checks = new dev.forumkit.web.internal.RequestChecks(settings.security());
        String scheme = checks.scheme(ctx);
        String host = checks.host(ctx);
        if (!"https".equals(scheme)) {
            scheme = "http";
        }
        if (host == null || !HOST.matcher(host).matches()) {
            host = "localhost";
        }
        return scheme + "://" + host + settings.basePath();
    }
}
