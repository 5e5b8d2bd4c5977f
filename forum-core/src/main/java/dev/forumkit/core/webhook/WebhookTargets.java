package dev.forumkit.core.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where a webhook may send (SSRF): http(s) URLs without user info, whose host resolves only to public addresses,
 * unless the forum allows private ones (a receiver on the same machine or network). The check runs after DNS, on
 * every attempt, and the sender connects to the very address checked, so a name that later resolves elsewhere (DNS
 * rebinding) cannot slip a private address in between.
 */
public final class WebhookTargets {
    private final boolean allowPrivate;

    public WebhookTargets(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** A URL resolved and checked: connect to {@code address}, speak to {@code host}. */
    public record Target(URI uri, String host, int port, boolean https, InetAddress address) {
        /** Path and query for the request line. */
        public String requestTarget() {
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        }

        /** The Host header: the port only when it is not the scheme's default. */
        public String hostHeader() {
            String h = host.contains(":") ? "[" + host + "]" : host;
            return port == (https ? 443 : 80) ? h : h + ":" + port;
        }
    }

    /** Why a URL may not be used, said for the admin. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** Checks the URL's form only (no DNS): what an admin may save. */
    public static URI parse(String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException | NullPointerException e) {
            throw new Refused("not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused("a webhook URL must start with http:// or https://");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new Refused("a webhook URL needs a host, and no user name, password or #fragment");
        }
        return uri;
    }

    /** Resolves the host and checks every address it has; the first one is where to connect. */
    public Target resolve(String url) throws Refused {
        URI uri = parse(url);
        boolean https = uri.getScheme().equalsIgnoreCase("https");
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        InetAddress[] all;
        try {
            all = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new Refused("the host " + host + " does not resolve");
        }
        for (InetAddress a : all) {
            String kind = privateKind(a);
            if (kind != null && !allowPrivate) {
                throw new Refused("the host " + host + " resolves to a " + kind + " address (" + a.getHostAddress()
                        + "), which webhooks may not reach unless private addresses are allowed");
            }
        }
        int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
        return new Target(uri, host, port, https, all[0]);
    }

    /** What kind of non-public address this is, or null for a public one. */
    static String privateKind(InetAddress a) {
        if (a.isLoopbackAddress()) {
            return "loopback";
        }
        if (a.isLinkLocalAddress()) {
            return "link-local";
        }
        if (a.isMulticastAddress()) {
            return "multicast";
        }
        if (a.isAnyLocalAddress()) {
            return "unspecified";
        }
        byte[] b = a.getAddress();
        if (a.isSiteLocalAddress()) {
            return "private";
        }
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0 || (first == 100 && second >= 64 && second < 128) || first >= 240) {
                return "private"; // "this network", carrier-grade NAT, reserved and broadcast
            }
        } else if (a instanceof Inet6Address && (b[0] & 0xfe) == 0xfc) {
            return "private"; // unique local fc00::/7
        }
        return null;
    }
}
