package dev.forumkit.web.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The forum's Content-Security-Policy with the sources a host added for its page frame (its stylesheet, fonts or
 * script on another origin). A host can widen where styles, fonts, images and scripts come from, never allow inline
 * or evaluated script: that is what keeps a post's markup from running code, whatever slipped through the sanitiser.
 */
public final class ContentSecurityPolicy {
    /** The directives a host may add sources to; the others (object-src, base-uri, frame-ancestors) stay fixed. */
    public static final Set<String> WIDENABLE = Set.of("default-src", "script-src", "style-src", "img-src", "font-src",
            "connect-src", "media-src", "frame-src", "form-action");
    private static final Set<String> SCRIPT = Set.of("default-src", "script-src");
    private static final Pattern HASH = Pattern.compile("'sha(256|384|512)-[A-Za-z0-9+/_=-]+'");
    private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]*:");
    private static final Pattern HOST = Pattern.compile(
            "([a-z][a-z0-9+.-]*://)?(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:(\\d{1,5}|\\*))?(/[^\\s;,'\"]*)?");
    private final Map<String, List<String>> directives = new LinkedHashMap<>();

    public ContentSecurityPolicy() {
        directives.put("default-src", new ArrayList<>(List.of("'self'")));
        directives.put("script-src", new ArrayList<>(List.of("'self'")));
        directives.put("style-src", new ArrayList<>(List.of("'self'")));
        directives.put("img-src", new ArrayList<>(List.of("'self'", "data:", "https:")));
        directives.put("object-src", new ArrayList<>(List.of("'none'")));
        directives.put("base-uri", new ArrayList<>(List.of("'self'")));
        directives.put("form-action", new ArrayList<>(List.of("'self'")));
        directives.put("frame-ancestors", new ArrayList<>(List.of("'self'")));
    }

    /**
     * Adds one source to a directive ({@code style-src https://static.example.org}); a directive the policy leaves
     * to {@code default-src} (font-src, connect-src, ...) starts from {@code 'self'}.
     *
     * @throws IllegalArgumentException for a directive outside {@link #WIDENABLE} or a source that is not one, or
     *                                  that would let script run inline, from anywhere or from {@code data:}
     */
    public ContentSecurityPolicy add(String directive, String source) {
        String d = directive == null ? "" : directive.strip().toLowerCase(Locale.ROOT);
        if (!WIDENABLE.contains(d)) {
            throw new IllegalArgumentException("a host may add sources to " + new java.util.TreeSet<>(WIDENABLE)
                    + ", not to '" + directive + "'");
        }
        String s = source == null ? "" : source.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        boolean hash = HASH.matcher(s).matches();
        boolean host = HOST.matcher(lower).matches();
        boolean scheme = SCHEME.matcher(lower).matches();
        boolean self = lower.equals("'self'");
        boolean inlineStyles = lower.equals("'unsafe-inline'") && d.equals("style-src");
        if (SCRIPT.contains(d) ? !(self || hash || host) : !(self || hash || host || scheme || inlineStyles || lower.equals("*"))) {
            throw new IllegalArgumentException("'" + source + "' is not a source the forum accepts for " + d
                    + ": give an origin such as https://static.example.org"
                    + (SCRIPT.contains(d) ? " or a 'sha256-...' hash (inline, evaluated and data: script stay off)" : ""));
        }
        List<String> sources = directives.get(d);
        if (sources == null) {
            sources = new ArrayList<>(List.of("'self'"));
            insertBeforeObjectSrc(d, sources);
        }
        if (!sources.contains(hash ? s : lower)) {
            sources.add(hash ? s : lower);
        }
        return this;
    }

    private void insertBeforeObjectSrc(String directive, List<String> sources) {
        Map<String, List<String>> copy = new LinkedHashMap<>(directives);
        directives.clear();
        copy.forEach((k, v) -> {
            if (k.equals("object-src")) {
                directives.put(directive, sources);
            }
            directives.put(k, v);
        });
    }

    /** The header's value. */
    public String value() {
        StringBuilder out = new StringBuilder();
        directives.forEach((k, v) -> {
            if (out.length() > 0) {
                out.append("; ");
            }
            out.append(k).append(' ').append(String.join(" ", v));
        });
        return out.toString();
    }
}
