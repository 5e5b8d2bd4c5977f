package dev.forumkit.web.internal.html;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a JTE template shows people as it is written: its text nodes and the visible attributes ({@code title},
 * {@code placeholder}, {@code aria-label}, {@code alt}), with every {@code ${...}}, {@code $unsafe{...}},
 * {@code !{...}}, {@code @directive(...)} and comment taken out. A word left over is a word no bundle translates.
 */
final class TemplateText {
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern VISIBLE = Pattern.compile("\\b(title|placeholder|aria-label|alt)=\"([^\"]*)\"");
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z']+");

    private TemplateText() {
    }

    /** The English-looking words of a template's visible text. */
    static List<String> words(String template) {
        String text = withoutCode(template);
        List<String> visible = new ArrayList<>();
        Matcher tag = TAG.matcher(text);
        StringBuilder rest = new StringBuilder();
        while (tag.find()) {
            Matcher attr = VISIBLE.matcher(tag.group());
            while (attr.find()) {
                visible.add(attr.group(2));
            }
            tag.appendReplacement(rest, " ");
        }
        tag.appendTail(rest);
        visible.add(rest.toString().replaceAll("&[a-zA-Z]+;|&#\\d+;", " "));
        List<String> words = new ArrayList<>();
        for (String v : visible) {
            Matcher w = WORD.matcher(v);
            while (w.find()) {
                words.add(w.group());
            }
        }
        return words;
    }

    /** The template with its code replaced by spaces: expressions, directives, parameters and comments. */
    static String withoutCode(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            if (s.startsWith("<%--", i)) {
                int end = s.indexOf("--%>", i);
                i = end < 0 ? s.length() : end + 4;
            } else if (s.startsWith("${", i) || s.startsWith("!{", i)) {
                i = skipBraces(s, i + 1);
            } else if (s.startsWith("$unsafe{", i)) {
                i = skipBraces(s, i + 7);
            } else if (s.charAt(i) == '@' && i + 1 < s.length() && Character.isLetter(s.charAt(i + 1))) {
                i = skipDirective(s, i + 1);
            } else if (s.charAt(i) == '`') {
                i++; // the end of a content block: @`...`
            } else {
                out.append(s.charAt(i));
                i++;
                continue;
            }
            out.append(' ');
        }
        return out.toString();
    }

    private static int skipDirective(String s, int i) {
        int start = i;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == '_')) {
            i++;
        }
        String name = s.substring(start, i);
        if (name.equals("import") || name.equals("param")) {
            int end = s.indexOf('\n', i);
            return end < 0 ? s.length() : end;
        }
        return i < s.length() && s.charAt(i) == '(' ? skipParens(s, i) : i;
    }

    private static int skipBraces(String s, int open) {
        return skipBalanced(s, open, '{', '}');
    }

    private static int skipParens(String s, int open) {
        return skipBalanced(s, open, '(', ')');
    }

    /** From an opening bracket to just after its match, passing over Java strings and nested content blocks. */
    private static int skipBalanced(String s, int open, char in, char out) {
        int depth = 0;
        int i = open;
        while (i < s.length()) {
            char ch = s.charAt(i);
            if (ch == '"') {
                i++;
                while (i < s.length() && s.charAt(i) != '"') {
                    i += s.charAt(i) == '\\' ? 2 : 1;
                }
            } else if (ch == '`') {
                // a content block inside a call (@template.layout(content = @`...`)) is template text: only the
                // call's head is code, the block is read on as text
                return i + 1;
            } else if (ch == in) {
                depth++;
            } else if (ch == out) {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
            i++;
        }
        return i;
    }
}
