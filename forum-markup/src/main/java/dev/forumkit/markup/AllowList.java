package dev.forumkit.markup;

import org.owasp.html.AttributePolicy;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import java.util.regex.Pattern;

/**
 * The last word on what a rendered post may contain, whatever the renderer produced: the elements and attributes
 * below and nothing else. Links go to http, https, mailto or a path on this site and always carry
 * {@code rel="nofollow ugc noopener"}; images come from http or https only. No style, no event handlers, no forms,
 * frames, scripts, SVG or MathML.
 */
final class AllowList {
    static final String[] ELEMENTS = {
            "p", "br", "hr", "strong", "em", "del", "s", "u", "code", "pre", "blockquote", "div", "ul", "ol", "li",
            "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "details", "summary",
            "a", "img"};

    private static final AttributePolicy HREF = (element, attribute, value) -> Urls.allowedHref(value) ? value : null;
    private static final AttributePolicy SRC = (element, attribute, value) -> Urls.allowedImage(value) ? value : null;

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements(ELEMENTS)
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href").matching(HREF).onElements("a")
            .allowAttributes("title").onElements("a", "img")
            .allowAttributes("src").matching(SRC).onElements("img")
            .allowAttributes("alt").onElements("img")
            .allowAttributes("class").matching(Pattern.compile("mention")).onElements("a")
            .allowAttributes("class").matching(Pattern.compile("quote")).onElements("blockquote")
            .allowAttributes("class").matching(Pattern.compile("quote-attribution")).onElements("div")
            .allowAttributes("class").matching(Pattern.compile("spoiler")).onElements("details")
            .allowAttributes("class").matching(Pattern.compile("language-[A-Za-z0-9_+#.-]{1,32}")).onElements("code")
            .allowAttributes("align").matching(true, "left", "center", "right").onElements("th", "td")
            .allowAttributes("start").matching(Pattern.compile("[0-9]{1,9}")).onElements("ol")
            .requireRelsOnLinks("nofollow", "ugc", "noopener")
            .toFactory();

    private AllowList() {
    }

    static String sanitize(String html) {
        return POLICY.sanitize(html);
    }
}
