package dev.forumkit.web.internal.html;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;

import java.util.HashMap;
import java.util.Map;

/**
 * Javalin's file renderer over the templates compiled at build time (jte-maven-plugin): no template compiler and
 * no template files at run time. The forum calls it itself, so a host app keeps its own {@code fileRenderer}.
 */
public final class JteRenderer implements FileRenderer {
    /** Where the build puts the compiled templates (jte-maven-plugin {@code packageName}). */
    static final String PACKAGE = "dev.forumkit.web.internal.html.jte";
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html,
            JteRenderer.class.getClassLoader(), PACKAGE);

    @Override
    public String render(String filePath, Map<String, ?> model, Context context) {
        // a Map<String, ?> would pick JTE's render(String, Object, ...) overload: copy into the type it expects
        Map<String, Object> params = new HashMap<>(model);
        // the templates' static parts are UTF-8 bytes (binaryStaticContent): a StringOutput would decode each of them
        // to a new String as it is written; PageBytes copies them, and the page is decoded once at the end
        PageBytes out = new PageBytes();
        engine.render(filePath, params, out);
        return out.text();
    }

    /**
     * The page as UTF-8 bytes, the form it is sent in, encoded as the template writes it (see {@link PageBytes}),
     * instead of a string that turns UTF-16 at its first non-Latin-1 character, is copied, then encoded: that was about
     * 15 % of a thread page's CPU (docs/performance.md).
     */
    java.io.InputStream renderUtf8(String filePath, Map<String, ?> model) {
        Map<String, Object> params = new HashMap<>(model);
        PageBytes out = new PageBytes(); // a thread page of 20 posts is 20-70 KiB, half of them under 30
        engine.render(filePath, params, out);
        return out.stream(); // no copy to an array of the exact size: Javalin reads it once into the response
    }
}
