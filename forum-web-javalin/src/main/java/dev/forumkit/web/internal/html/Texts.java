package dev.forumkit.web.internal.html;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The words of the pages and e-mails in one language, from the bundles {@code dev/forumkit/web/messages*.properties}
 * (UTF-8). A key missing from a translation falls back to English, and a key missing from English shows as itself,
 * so a page never fails over a text. Placeholders are {@code {0}}, {@code {1}}, ... and nothing else: no
 * {@code MessageFormat}, whose quoting rules would eat the apostrophes of English ("What's new").
 */
public final class Texts {
    /** The bundles' base name; under the forum's package so a host's own {@code messages.properties} cannot clash. */
    static final String BUNDLE = "dev.forumkit.web.messages";
    /** The languages with a complete translation, English (the default bundle) first. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.JAPANESE);
    // without "no fallback" a JVM whose default locale is ja would answer an English request from the ja bundle
    private static final ResourceBundle.Control CONTROL =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final Map<Locale, Texts> LOADED = new ConcurrentHashMap<>();
    private static final Texts ENGLISH = load(Locale.ENGLISH);

    private final Locale locale;
    private final ResourceBundle bundle;
    private final Map<java.time.ZoneId, Map<String, java.time.format.DateTimeFormatter>> formats = new ConcurrentHashMap<>();
    private final Map<String, java.util.Optional<DatePattern>> printers = new ConcurrentHashMap<>();

    private Texts(Locale locale, ResourceBundle bundle) {
        this.locale = locale;
        this.bundle = bundle;
    }

    private static Texts load(Locale locale) {
        Locale root = locale.getLanguage().equals("en") ? Locale.ROOT : locale;
        return new Texts(locale, ResourceBundle.getBundle(BUNDLE, root, Texts.class.getClassLoader(), CONTROL));
    }

    public static Texts english() {
        return ENGLISH;
    }

    /** The texts of the supported language nearest to {@code locale} (its language), English otherwise. */
    public static Texts of(Locale locale) {
        Locale supported = supported(locale);
        return supported == null || supported.equals(Locale.ENGLISH) ? ENGLISH : LOADED.computeIfAbsent(supported, Texts::load);
    }

    /** The supported locale of the same language as {@code locale}, or null. */
    public static Locale supported(Locale locale) {
        if (locale == null) {
            return null;
        }
        for (Locale l : SUPPORTED) {
            if (l.getLanguage().equals(locale.getLanguage())) {
                return l;
            }
        }
        return null;
    }

    public Locale locale() {
        return locale;
    }

    /** The BCP 47 tag for {@code <html lang>}. */
    public String lang() {
        return locale.toLanguageTag();
    }

    /** The text of {@code key} with {@code {0}}, {@code {1}}, ... replaced by the arguments. */
    public String t(String key, Object... args) {
        String text = raw(key);
        return args.length == 0 ? text : fill(text, resolved(args), false);
    }

    /**
     * A text that holds markup of our own (a link inside a sentence): the bundle's text is trusted, the arguments
     * are escaped. The template writes it with {@code $unsafe}.
     */
    public String html(String key, Object... args) {
        return fill(raw(key), resolved(args), true);
    }

    /** As {@link #html}, for arguments that are markup already, built and escaped by the caller. */
    String markup(String key, String... safeArgs) {
        return fill(raw(key), safeArgs, false);
    }

    /** The key's {@code .one} text for 1 and {@code .other} otherwise, with the number as {@code {0}}. */
    public String plural(String key, long n, String formatted) {
        return t(key + (n == 1 ? ".one" : ".other"), formatted);
    }

    /** A time formatted with the pattern the bundle holds under {@code key} ({@code format.date}), in {@code zone}. */
    public String format(String key, java.time.Instant at, java.time.ZoneId zone) {
        // the bundles' patterns printed by hand (task pagecpu); any other pattern through the formatter
        java.util.Optional<DatePattern> printer = printers.computeIfAbsent(key,
                k -> java.util.Optional.ofNullable(DatePattern.of(raw(k), locale)));
        if (printer.isPresent()) {
            return printer.get().format(at, zone);
        }
        // one formatter per key and zone: withZone made a new formatter per call (task pagecost)
        return formats.computeIfAbsent(zone, z -> new ConcurrentHashMap<>())
                .computeIfAbsent(key, k -> java.time.format.DateTimeFormatter.ofPattern(raw(k), locale).withZone(zone))
                .format(at);
    }

    /**
     * An error as people read it: in English the core's message as it is (it may carry details, such as a limit);
     * in another language the {@code error.<code>} text when the bundles have one, else the English message.
     */
    public String error(String code, String english) {
        String key = "error." + code;
        return code == null || this == ENGLISH || !has(key) ? english : t(key);
    }

    /** Whether the bundles know {@code key} (an optional text, such as the message of an error code). */
    public boolean has(String key) {
        return bundle.containsKey(key) || ENGLISH.bundle.containsKey(key);
    }

    private String raw(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return this == ENGLISH ? key : ENGLISH.raw(key);
        }
    }

    /** Arguments that are texts themselves (the name of an alert kind in a sentence) in this language. */
    private Object[] resolved(Object[] args) {
        Object[] out = args;
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Text text) {
                out = out == args ? args.clone() : out;
                out[i] = text.in(this);
            }
        }
        return out;
    }

    private static String fill(String text, Object[] args, boolean escape) {
        StringBuilder out = new StringBuilder(text.length() + 32);
        int i = 0;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (ch == '{' && i + 2 < text.length() && Character.isDigit(text.charAt(i + 1)) && text.charAt(i + 2) == '}') {
                int n = text.charAt(i + 1) - '0';
                String value = n < args.length ? String.valueOf(args[n]) : "";
                out.append(escape ? escape(value) : value);
                i += 3;
            } else {
                out.append(ch);
                i++;
            }
        }
        return out.toString();
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&#34;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
