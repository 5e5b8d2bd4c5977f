package dev.forumkit.web.internal.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A page to render: its template (under {@code src/main/jte}, without {@code .jte}), status, title, crumbs and model. */
public final class View {
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
    private final String template;
    /** A String (a name people gave: a thread's title) or a {@link Text} of the bundles. */
    private final Object title;
    /** Labels are Strings or {@link Text}s, as the title. */
    private final List<Object[]> crumbs = new ArrayList<>();
    private final Map<String, Object> model = new LinkedHashMap<>();
    private int status = 200;
    private boolean noindex;
    private String canonical;
    private String description;
    private final List<Feed> feeds = new ArrayList<>();

    /** An Atom feed of what the page shows, for {@code <link rel="alternate">}. */
    public record Feed(String title, String href) {
    }

    private View(String template, Object title) {
        this.template = template;
        this.title = title;
    }

    /** A page whose title is a name people gave (a thread's title, a member's name), shown as it is. */
    public static View of(String template, String title) {
        return new View(template, title);
    }

    /** A page whose title is a text of the bundles, in the reader's language. */
    public static View of(String template, Text title) {
        return new View(template, title);
    }

    public View crumb(String label, String href) {
        crumbs.add(new Object[] {label, href});
        return this;
    }

    /** A breadcrumb whose label is a text of the bundles ("Forums"). */
    public View crumb(Text label, String href) {
        crumbs.add(new Object[] {label, href});
        return this;
    }

    public View with(String key, Object value) {
        model.put(key, value);
        return this;
    }

    public View status(int value) {
        this.status = value;
        return this;
    }

    /** Forms and error pages are of no use to search engines. */
    public View noindex() {
        this.noindex = true;
        return this;
    }

    /** The page's one address for search engines ({@code <link rel="canonical">}), a path under the base path. */
    public View canonical(String path) {
        this.canonical = path;
        return this;
    }

    /** Plain text for {@code <meta name="description">}; shortened to about 160 characters on a word boundary. */
    public View description(String text) {
        if (text == null || text.isBlank()) {
            this.description = null;
            return this;
        }
        String s = text.strip();
        // a thread page's text comes folded already (Bodies.plainText): the expression only when there is a run to fold
        this.description = shorten(folded(s) ? s : SPACES.matcher(s).replaceAll(" "), 160);
        return this;
    }

    public View feed(String title, String href) {
        feeds.add(new Feed(title, href));
        return this;
    }

    public String canonical() {
        return canonical;
    }

    public String description() {
        return description;
    }

    public List<Feed> feeds() {
        return List.copyOf(feeds);
    }

    /** Whether {@code \\s+} has nothing to change in {@code s}: no whitespace but single spaces. */
    private static boolean folded(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == ' ' && i + 1 < s.length() && s.charAt(i + 1) == ' ') {
                return false;
            }
        }
        return true;
    }

    private static String shorten(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int cut = s.lastIndexOf(' ', max - 1);
        return s.substring(0, cut > max / 2 ? cut : max - 1).stripTrailing() + "\u2026";
    }

    public boolean isNoindex() {
        return noindex;
    }

    public String template() {
        return template;
    }

    /** The title in English. */
    public String title() {
        return title(Texts.english());
    }

    public String title(Texts texts) {
        return title instanceof Text t ? t.in(texts) : (String) title;
    }

    /** The breadcrumbs in English. */
    public List<Crumb> crumbs() {
        return crumbs(Texts.english());
    }

    public List<Crumb> crumbs(Texts texts) {
        List<Crumb> out = new ArrayList<>(crumbs.size());
        for (Object[] c : crumbs) {
            out.add(new Crumb(c[0] instanceof Text t ? t.in(texts) : (String) c[0], (String) c[1]));
        }
        return out;
    }

    public Map<String, Object> model() {
        return model;
    }

    public int status() {
        return status;
    }

}
