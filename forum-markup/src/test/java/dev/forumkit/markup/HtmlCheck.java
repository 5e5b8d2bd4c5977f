package dev.forumkit.markup;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An independent check of rendered HTML: parses it the way a browser would (jsoup) and lists everything outside the
 * allow-list, written out here again rather than taken from {@link AllowList}, so a mistake there shows up here.
 */
final class HtmlCheck {
    static final Set<String> ELEMENTS = Set.of("p", "br", "hr", "strong", "em", "del", "s", "u", "code", "pre",
            "blockquote", "div", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr",
            "th", "td", "details", "summary", "a", "img");
    private static final Map<String, Set<String>> ATTRIBUTES = Map.of(
            "a", Set.of("href", "title", "class", "rel"),
            "img", Set.of("src", "alt", "title"),
            "blockquote", Set.of("class"),
            "div", Set.of("class"),
            "details", Set.of("class"),
            "code", Set.of("class"),
            "th", Set.of("align"),
            "td", Set.of("align"),
            "ol", Set.of("start"));
    private static final Map<String, Pattern> CLASSES = Map.of(
            "a", Pattern.compile("mention"),
            "blockquote", Pattern.compile("quote"),
            "div", Pattern.compile("quote-attribution"),
            "details", Pattern.compile("spoiler"),
            "code", Pattern.compile("language-[A-Za-z0-9_+#.-]{1,32}"));
    private static final Pattern SCHEME = Pattern.compile("^([a-z][a-z0-9+.\\-]*):");
    private static final Pattern BROWSER_IGNORED = Pattern.compile("[\\x00-\\x20\\x7f]");

    private HtmlCheck() {
    }

    /** Everything wrong with the fragment; empty when it keeps to the allow-list. */
    static List<String> violations(String html) {
        return violations(html, ELEMENTS);
    }

    static List<String> violations(String html, Set<String> allowedElements) {
        List<String> problems = new ArrayList<>();
        Document doc = Jsoup.parseBodyFragment(html);
        NodeTraversor.traverse((Node node, int depth) -> {
            // the sanitiser writes "{<!-- -->{" to defuse client-side template syntax; any other comment is suspect
            if (node instanceof Comment comment && !comment.getData().isBlank() || node instanceof DataNode) {
                problems.add("node " + node.nodeName() + ": " + node.outerHtml());
            }
            if (!(node instanceof Element el) || depth == 0) {
                return;
            }
            String tag = el.normalName();
            if (!allowedElements.contains(tag)) {
                problems.add("element <" + tag + ">");
            }
            for (Attribute a : el.attributes()) {
                checkAttribute(tag, a.getKey().toLowerCase(Locale.ROOT), a.getValue(), problems);
            }
            if (tag.equals("a") && el.hasAttr("href") && !el.attr("rel").equals("nofollow ugc noopener")) {
                problems.add("link without rel=\"nofollow ugc noopener\": " + el.outerHtml());
            }
        }, doc.body());
        return problems;
    }

    private static void checkAttribute(String tag, String name, String value, List<String> problems) {
        if (!ATTRIBUTES.getOrDefault(tag, Set.of()).contains(name)) {
            problems.add("attribute " + name + " on <" + tag + ">");
            return;
        }
        switch (name) {
            case "class" -> {
                if (!CLASSES.get(tag).matcher(value).matches()) {
                    problems.add("class \"" + value + "\" on <" + tag + ">");
                }
            }
            case "href" -> {
                String scheme = scheme(value);
                boolean ok = scheme == null ? isSitePath(value) : Set.of("http", "https", "mailto").contains(scheme);
                if (!ok) {
                    problems.add("href " + value);
                }
            }
            case "src" -> {
                if (!Set.of("http", "https").contains(String.valueOf(scheme(value)))) {
                    problems.add("src " + value);
                }
            }
            case "align" -> {
                if (!Set.of("left", "center", "right").contains(value)) {
                    problems.add("align " + value);
                }
            }
            case "start" -> {
                if (!value.matches("[0-9]{1,9}")) {
                    problems.add("start " + value);
                }
            }
            default -> {
            }
        }
    }

    /** The scheme a browser would see: it ignores control characters and spaces in URLs (and their case). */
    static String scheme(String url) {
        var m = SCHEME.matcher(BROWSER_IGNORED.matcher(url).replaceAll("").toLowerCase(Locale.ROOT));
        return m.find() ? m.group(1) : null;
    }

    private static boolean isSitePath(String url) {
        String u = url.strip();
        return u.startsWith("/") && !u.startsWith("//") && !u.startsWith("/\\");
    }
}
