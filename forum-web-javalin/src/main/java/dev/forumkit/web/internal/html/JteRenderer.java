package dev.forumkit.web.internal.html;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
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
        StringOutput out = new StaticPartsOutput(16 * 1024);
        engine.render(filePath, params, out);
        return out.toString();
    }

    /**
     * The decoded text of each static part the templates write as bytes (binaryStaticContent: each is a static final
     * array of a template class, so arrays, which hash and compare by identity, are the keys; as many as the
     * templates have static parts, a few thousand at most).
     */
    private static final int MAX_STATIC_PARTS = 20_000;
    private static final java.util.concurrent.ConcurrentHashMap<byte[], String> STATIC_PARTS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A StringOutput for the renders that answer a string (the host's frame and its parts): StringOutput's own
     * {@code writeBinaryContent} would decode every static part anew, each time it is written; this one decodes each
     * once. Measured against rendering into PageBytes and decoding the page at the end, which cost 6-28 % more
     * (bench/StaticPartsCost.java -Dframe, task jtebin).
     */
    static final class StaticPartsOutput extends StringOutput {
        StaticPartsOutput(int capacity) {
            super(capacity);
        }

        @Override
        public void writeBinaryContent(byte[] content) {
            String text = STATIC_PARTS.get(content);
            if (text == null) {
                text = new String(content, java.nio.charset.StandardCharsets.UTF_8);
                if (STATIC_PARTS.size() < MAX_STATIC_PARTS) { // bounded should anything ever hand over fresh arrays
                    STATIC_PARTS.put(content, text);
                }
            }
            writeContent(text);
        }
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
