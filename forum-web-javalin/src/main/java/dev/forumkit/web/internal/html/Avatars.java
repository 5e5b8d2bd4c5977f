package dev.forumkit.web.internal.html;

import dev.forumkit.core.markup.Html;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Avatars made here, never fetched from an outside service: the member's initial on a colour derived from the
 * username, as inline SVG (presentation attributes only, so the Content-Security-Policy needs no inline styles); or the
 * member's uploaded avatar as served by the forum itself.
 */
final class Avatars {
    private Avatars() {
    }

    static String svg(long memberId, String username, String sizeClass) {
        String name = username == null || username.isBlank() ? "?" : username;
        int hash = 0;
        for (byte b : name.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)) {
            hash = hash * 31 + (b & 0xff);
        }
        float hue = Math.floorMod(hash, 360);
        String colour = hex(hue / 360f, 0.45f, 0.42f);
        String initial = new String(Character.toChars(name.codePointAt(0))).toUpperCase(Locale.ROOT);
        return "<svg class=\"avatar avatar-" + Html.escape(sizeClass) + "\" viewBox=\"0 0 64 64\" aria-hidden=\"true\" focusable=\"false\">"
                + "<rect width=\"64\" height=\"64\" rx=\"6\" fill=\"" + colour + "\"/>"
                + "<text x=\"32\" y=\"43\" text-anchor=\"middle\" font-size=\"30\" font-family=\"sans-serif\" fill=\"#ffffff\">"
                + Html.escape(initial) + "</text></svg>";
    }

    /** An uploaded avatar: the server's own re-encoded image, decorative (the name is always beside it). */
    static String img(String src, String sizeClass) {
        return "<img class=\"avatar avatar-" + Html.escape(sizeClass) + "\" src=\"" + Html.escape(src)
                + "\" alt=\"\" loading=\"lazy\" decoding=\"async\">";
    }

    private static String hex(float h, float s, float l) {
        float q = l < 0.5f ? l * (1 + s) : l + s - l * s;
        float p = 2 * l - q;
        int r = Math.round(255 * channel(p, q, h + 1f / 3));
        int g = Math.round(255 * channel(p, q, h));
        int b = Math.round(255 * channel(p, q, h - 1f / 3));
        return "#" + hexByte(r) + hexByte(g) + hexByte(b);
    }

    private static String hexByte(int v) {
        return v < 16 ? "0" + Integer.toHexString(v) : Integer.toHexString(v);
    }

    private static float channel(float p, float q, float t) {
        if (t < 0) {
            t += 1;
        }
        if (t > 1) {
            t -= 1;
        }
        if (t < 1f / 6) {
            return p + (q - p) * 6 * t;
        }
        if (t < 1f / 2) {
            return q;
        }
        if (t < 2f / 3) {
            return p + (q - p) * (2f / 3 - t) * 6;
        }
        return p;
    }
}
