package dev.forumkit.core.mail;

import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.Validation;

import java.net.IDN;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mailbox: an address and an optional display name ({@code ""} when there is none), e.g.
 * {@code Zoë Ångström <zoe@example.org>}. The local part must be plain ASCII (RFC 5322 dot-atom: servers without
 * SMTPUTF8 refuse anything else); the domain may be internationalised and is sent in its ASCII (punycode) form.
 * Neither part can carry CR, LF or other control characters, so an address can never add a header line.
 */
public record EmailAddress(String address, String name) {
    private static final String ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final Pattern LOCAL_PART = Pattern.compile(ATEXT + "(\\." + ATEXT + ")*");
    private static final Pattern DOMAIN = Pattern.compile(
            "[\\p{L}\\p{N}]([\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?(\\.[\\p{L}\\p{N}]([\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?)*");
    private static final Pattern NAME_AND_ADDRESS = Pattern.compile("(.*)<([^<>]*)>\\s*", Pattern.DOTALL);

    public EmailAddress {
        address = address == null ? null : address.strip();
        name = name == null ? "" : name.strip();
        Validation v = Validation.start().length(address, "address", 3, 254).noControlCharacters(address, "address");
        if (v.ok()) {
            v.require(valid(address), "address", "invalid_email", "address must look like name@example.org "
                    + "(ASCII before the @), not " + quoted(address));
        }
        v.noControlCharacters(name, "name").require(name.codePointCount(0, name.length()) <= 200, "name", "too_long",
                "name must be at most 200 characters").orThrow();
    }

    /** An address without a display name. */
    public static EmailAddress of(String address) {
        return new EmailAddress(address, "");
    }

    /** Reads {@code name@example.org} or {@code Display Name <name@example.org>} (the name may be in double quotes). */
    public static EmailAddress parse(String text) {
        if (text == null) {
            throw InvalidInputException.of("address", "required", "address is required");
        }
        Matcher m = NAME_AND_ADDRESS.matcher(text.strip());
        if (!m.matches()) {
            return of(text);
        }
        String name = m.group(1).strip();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1);
        }
        return new EmailAddress(m.group(2), name);
    }

    /** The part after the @, as written. */
    public String domain() {
        return address.substring(address.lastIndexOf('@') + 1);
    }

    /** The domain in ASCII (punycode), as it goes on the wire. */
    public String asciiDomain() {
        return IDN.toASCII(domain(), IDN.ALLOW_UNASSIGNED);
    }

    /** The address with its domain in ASCII (punycode), as it goes on the wire. */
    public String asciiAddress() {
        return address.substring(0, address.lastIndexOf('@') + 1) + asciiDomain();
    }

    @Override
    public String toString() {
        return name.isEmpty() ? address : name + " <" + address + ">";
    }

    private static boolean valid(String address) {
        int at = address.lastIndexOf('@');
        if (at < 1 || at > 64 || at == address.length() - 1) {
            return false;
        }
        String domain = address.substring(at + 1);
        if (!LOCAL_PART.matcher(address.substring(0, at)).matches() || !DOMAIN.matcher(domain).matches()) {
            return false;
        }
        try {
            return IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED).length() <= 253;
        } catch (IllegalArgumentException e) { // a label too long or not convertible
            return false;
        }
    }

    /** Shows control characters as escapes, so that an error message cannot itself break a log line. */
    static String quoted(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.append('"').toString();
    }
}
