package dev.forumkit.web.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The peers whose {@code X-Forwarded-*} headers are believed: addresses and CIDR ranges (IPv4 and IPv6), or every
 * peer, or none (the default: a forged header from a client then changes nothing). Only IP literals are accepted,
 * never host names, so a check never waits for DNS.
 */
public final class TrustedProxies {
    public static final TrustedProxies NONE = new TrustedProxies(List.of(), false);
    /** Every peer: only for a forum that no client can reach but through the proxy. */
    public static final TrustedProxies ALL = new TrustedProxies(List.of(), true);
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private record Range(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Range> ranges;
    private final boolean all;

    private TrustedProxies(List<Range> ranges, boolean all) {
        this.ranges = List.copyOf(ranges);
        this.all = all;
    }

    /**
     * Parses {@code 10.0.0.5}, {@code 10.0.0.0/8}, {@code ::1}, {@code fd00::/8}.
     *
     * @throws IllegalArgumentException naming the entry that is not an IP address or CIDR range
     */
    public static TrustedProxies of(List<String> entries) {
        List<Range> ranges = new ArrayList<>();
        for (String raw : entries) {
            String e = raw.strip();
            int slash = e.indexOf('/');
            byte[] address = bytes(slash < 0 ? e : e.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("a trusted proxy must be an IP address or CIDR range such as 10.0.0.0/8, not '"
                        + raw + "'");
            }
            int max = address.length * 8;
            int prefix = max;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(e.substring(slash + 1));
                } catch (NumberFormatException x) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > max) {
                    throw new IllegalArgumentException("the prefix of trusted proxy range '" + raw + "' must be 0-" + max);
                }
            }
            ranges.add(new Range(address, prefix));
        }
        return ranges.isEmpty() ? NONE : new TrustedProxies(ranges, false);
    }

    /** True when headers from this peer (an IP literal as the socket reports it) are believed. */
    public boolean trusts(String address) {
        if (all) {
            return true;
        }
        if (ranges.isEmpty() || address == null) {
            return false;
        }
        byte[] b = bytes(address);
        return b != null && ranges.stream().anyMatch(r -> r.contains(b));
    }

    /** True when some peer may be trusted: without it no forwarded header is even read. */
    public boolean any() {
        return all || !ranges.isEmpty();
    }

    /** The bytes of an IP literal (brackets of an IPv6 one and a zone allowed; an IPv4-mapped IPv6 one as IPv4); null for anything else. */
    static byte[] bytes(String literal) {
        String s = literal.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        int zone = s.indexOf('%');
        if (zone >= 0) {
            s = s.substring(0, zone);
        }
        if (!IPV4.matcher(s).matches() && !IPV6.matcher(s).matches()) {
            return null; // InetAddress would look a host name up; and "10" alone is no address here
        }
        try {
            return InetAddress.getByName(s).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return all ? "every peer" : ranges.isEmpty() ? "none" : ranges.size() + " address range(s)";
    }
}
