package dev.forumkit.web.internal;

import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Feeds "last seen" and "members online now" from page views: a member's view costs at most one write per five
 * minutes (core throttles it), a guest's none (counted in this node's memory under a hash of address and browser, so
 * no raw IP is kept).
 */
final class Presence {
    private Presence() {
    }

    static void note(Api api, Context ctx, Viewer viewer) {
        try {
            if (viewer.isGuest()) {
                api.forum().profiles().guestSeen(guestKey(api.checks().clientIp(ctx), ctx.userAgent()));
            } else if (viewer.member() != null) {
                api.forum().profiles().seen(viewer.member().id());
            }
        } catch (RuntimeException e) {
            // presence is a nicety: a storage hiccup here must not fail the page the visitor asked for
        }
    }

    static String guestKey(String ip, String userAgent) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] d = sha.digest((ip + "\n" + (userAgent == null ? "" : userAgent)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
