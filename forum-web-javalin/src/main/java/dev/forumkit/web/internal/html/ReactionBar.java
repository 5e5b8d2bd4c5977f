package dev.forumkit.web.internal.html;

import dev.forumkit.core.reaction.ReactionType;
import gg.jte.Content;
import gg.jte.html.escape.Escape;
import gg.jte.output.StringOutput;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A post's reaction bar (tag/post.jte) as precomputed UTF-8 parts, one set per configured reaction type: the list of
 * counts (a zero count is a hidden item: forumkit.js unhides it by its data-type, so it stays in the page) and the
 * buttons of the react form. The template wrote every type's item and button with ~10 writes and two escapes each
 * (~120 items and, signed in, ~120 buttons a page); this writes one part per item (two and the count when it is not
 * zero) and one per button. The bytes are the template's own: the same static text, the labels escaped as jte escapes
 * a tag's body, the keys as it escapes an attribute (task signedplain; pages dumped from both jars compared).
 */
public final class ReactionBar {
    private static final String NL = "\n          ";
    private static final byte[] COUNT_END = ("</span></li>" + NL).getBytes(StandardCharsets.UTF_8);
    /** Bounded by the configured types (a record: equal by key, label and weight). */
    private static final Map<ReactionType, Parts> PARTS = new ConcurrentHashMap<>();

    private record Parts(byte[] zero, byte[] counted, byte[] button, byte[] mine) {
    }

    private ReactionBar() {
    }

    /** The items of the reaction-counts list, one per type, hidden when its count is zero. */
    public static Content counts(List<ReactionType> types, Map<String, Integer> counts) {
        return out -> {
            for (ReactionType type : types) {
                Parts parts = parts(type);
                int n = counts.getOrDefault(type.key(), 0);
                if (n == 0) {
                    out.writeBinaryContent(parts.zero);
                } else {
                    out.writeBinaryContent(parts.counted);
                    out.writeUserContent(n);
                    out.writeBinaryContent(COUNT_END);
                }
            }
        };
    }

    /** The react form's buttons, one per type; the viewer's own reaction's button removes it. */
    public static Content buttons(List<ReactionType> types, String viewerReaction) {
        return out -> {
            for (ReactionType type : types) {
                Parts parts = parts(type);
                out.writeBinaryContent(type.key().equals(viewerReaction) ? parts.mine : parts.button);
            }
        };
    }

    private static Parts parts(ReactionType type) {
        Parts parts = PARTS.get(type);
        return parts != null ? parts : PARTS.computeIfAbsent(type, ReactionBar::build);
    }

    private static Parts build(ReactionType type) {
        String key = attribute(type.key());
        String label = body(type.label());
        String item = NL + NL + "<li data-type=\"" + key + "\"";
        String itemRest = "><span class=\"reaction-label\">" + label + "</span> <span class=\"count\">";
        return new Parts(utf8(item + " hidden" + itemRest + "0" + "</span></li>" + NL), utf8(item + itemRest),
                utf8(button(type.key(), key, "false", label)), utf8(button("remove", key, "true", label)));
    }

    private static String button(String value, String key, String pressed, String label) {
        return NL + NL + "<button type=\"submit\" class=\"react-button\" name=\"type\" value=\"" + attribute(value)
                + "\" data-type=\"" + key + "\" aria-pressed=\"" + pressed + "\">" + label + "</button>" + NL;
    }

    private static String attribute(String value) {
        StringOutput out = new StringOutput();
        Escape.htmlAttribute(value, out);
        return out.toString();
    }

    private static String body(String value) {
        StringOutput out = new StringOutput();
        Escape.htmlContent(value, out);
        return out.toString();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
