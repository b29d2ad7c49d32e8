package io.winrminvoke.engine.targets;

import io.winrminvoke.engine.InvalidInputException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one parser for host lists: the lines of a hosts file, repeated {@code --host} values, a
 * plugin text area. An entry is {@code host}, {@code host:port}, an IPv4 literal (with or without
 * port), {@code [v6]} / {@code [v6]:port} or a bare IPv6 literal (no port), optionally after
 * {@code ssh://} or {@code winrm://} to name the host's transport. {@code #} starts a
 * comment; blank lines are skipped. Duplicates are dropped with a warning; any invalid entry
 * fails the whole list (before any host is contacted) naming the source, the line and the entry.
 */
public final class TargetParser {

    // RFC 1123 labels, plus '_' which NetBIOS-era Windows names use.
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?");
    private static final Pattern NUMERIC_DOTTED = Pattern.compile("[0-9.]+");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,5}");
    private static final String SCHEME_SEPARATOR = "://";

    private TargetParser() {
    }

    /**
     * @param lines      entries, one per element (e.g. a file's lines)
     * @param sourceName shown in messages: a file name, {@code --host}, ...
     * @throws InvalidInputException for the first invalid entry, or when no target remains
     */
    public static TargetList parseLines(List<String> lines, String sourceName) {
        List<Target> targets = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String entry = stripComment(lines.get(i)).strip();
            if (entry.isEmpty()) {
                continue;
            }
            Target target = parseEntry(entry, sourceName, lineNo);
            Integer first = firstLine.putIfAbsent(TargetList.key(target), lineNo);
            if (first != null) {
                warnings.add(sourceName + " line " + lineNo + ": duplicate target '" + entry
                        + "' (first on line " + first + ") ignored");
            } else {
                targets.add(target);
            }
        }
        if (targets.isEmpty()) {
            throw new InvalidInputException(sourceName + ": no hosts given (the list is empty or only comments)");
        }
        return new TargetList(targets, warnings);
    }

    /** One entry, already stripped of comments and surrounding blanks. */
    static Target parseEntry(String entry, String source, int lineNo) {
        if (entry.chars().anyMatch(Character::isWhitespace)) {
            throw invalid(source, lineNo, entry, "one host per line, no spaces inside an entry");
        }
        int schemeEnd = entry.indexOf(SCHEME_SEPARATOR);
        if (schemeEnd < 0) {
            return parseHostAndPort(entry, entry, source, lineNo);
        }
        String scheme = entry.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        Transport transport = Arrays.stream(Transport.values()).filter(t -> t.scheme().equals(scheme))
                .findFirst().orElseThrow(() -> invalid(source, lineNo, entry,
                        "unknown transport '" + scheme + "://': use ssh:// or winrm://"));
        String address = entry.substring(schemeEnd + SCHEME_SEPARATOR.length());
        if (address.indexOf('@') >= 0 || address.indexOf('/') >= 0) {
            throw invalid(source, lineNo, entry, "only host and port follow '" + scheme
                    + "://' (the user is given once for the run, and there is no path)");
        }
        Target target = parseHostAndPort(address, entry, source, lineNo);
        return new Target(target.host(), target.port(), transport);
    }

    /** {@code address} is the entry without any scheme; messages quote the whole {@code entry}. */
    private static Target parseHostAndPort(String address, String entry, String source, int lineNo) {
        if (address.startsWith("[")) {
            int close = address.indexOf(']');
            if (close < 0) {
                throw invalid(source, lineNo, entry, "missing ']' after the IPv6 address");
            }
            String host = address.substring(1, close);
            requireIpv6(host, source, lineNo, entry);
            String rest = address.substring(close + 1);
            if (rest.isEmpty()) {
                return new Target(host, 0);
            }
            if (!rest.startsWith(":")) {
                throw invalid(source, lineNo, entry, "expected ':port' after ']'");
            }
            return new Target(host, parsePort(rest.substring(1), source, lineNo, entry));
        }
        int firstColon = address.indexOf(':');
        if (firstColon >= 0 && address.indexOf(':', firstColon + 1) >= 0) {
            // Two or more colons and no brackets: a bare IPv6 literal, which cannot carry a port.
            requireIpv6(address, source, lineNo, entry);
            return new Target(address, 0);
        }
        String host = firstColon < 0 ? address : address.substring(0, firstColon);
        int port = firstColon < 0 ? 0 : parsePort(address.substring(firstColon + 1), source, lineNo, entry);
        requireHostName(host, source, lineNo, entry);
        return new Target(host, port);
    }

    private static int parsePort(String text, String source, int lineNo, String entry) {
        if (!DIGITS.matcher(text).matches()) {
            throw invalid(source, lineNo, entry, "port '" + text + "' is not a number 1..65535");
        }
        int port = Integer.parseInt(text);
        if (port < 1 || port > 65535) {
            throw invalid(source, lineNo, entry, "port " + port + " is outside 1..65535");
        }
        return port;
    }

    private static void requireHostName(String host, String source, int lineNo, String entry) {
        if (host.isEmpty()) {
            throw invalid(source, lineNo, entry, "the host name is empty");
        }
        if (NUMERIC_DOTTED.matcher(host).matches()) {
            requireIpv4(host, source, lineNo, entry);
            return;
        }
        if (host.length() > 253) {
            throw invalid(source, lineNo, entry, "host name longer than 253 characters");
        }
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        for (String label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw invalid(source, lineNo, entry, "not a valid host name (letters, digits, '-', '_' and dots)");
            }
        }
    }

    private static void requireIpv4(String host, String source, int lineNo, String entry) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            throw invalid(source, lineNo, entry, "an IPv4 address has four numbers");
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || Integer.parseInt(p) > 255) {
                throw invalid(source, lineNo, entry, "IPv4 numbers are 0..255");
            }
        }
    }

    private static void requireIpv6(String host, String source, int lineNo, String entry) {
        // A string containing ':' is parsed by InetAddress as an IPv6 literal only, never looked up.
        boolean valid = !host.isEmpty() && host.indexOf(':') >= 0 && host.chars().allMatch(
                c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.' || c == '%' || Character.isLetterOrDigit(c));
        if (valid) {
            try {
                InetAddress.getByName(host);
            } catch (UnknownHostException | SecurityException e) {
                valid = false;
            }
        }
        if (!valid) {
            throw invalid(source, lineNo, entry, "not a valid IPv6 address");
        }
    }

    private static String stripComment(String line) {
        // Notepad saves UTF-8 files with a BOM; it is not part of the first host name.
        if (!line.isEmpty() && line.charAt(0) == '\uFEFF') {
            line = line.substring(1);
        }
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    private static InvalidInputException invalid(String source, int lineNo, String entry, String why) {
        return new InvalidInputException(source + " line " + lineNo + ": invalid host entry '" + entry + "': " + why);
    }
}
