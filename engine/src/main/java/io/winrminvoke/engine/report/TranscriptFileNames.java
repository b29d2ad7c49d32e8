package io.winrminvoke.engine.report;

import io.winrminvoke.engine.targets.Target;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * The rule that turns a target into a transcript file name, safe on every file system for any
 * host string and free of collisions without any shared state:
 * <ol>
 *   <li>start from the target as displayed ({@code host}, {@code host:port}, {@code [v6]:port});</li>
 *   <li>lower-case it; keep {@code a-z 0-9 . _ -}; replace every run of other characters by one
 *       {@code _}; a leading {@code .} becomes {@code _}; cut to 80 characters;</li>
 *   <li>if that changed anything (or the name is a Windows device name such as {@code con}),
 *       append {@code ~} and the first 8 hex digits of the SHA-256 of the displayed target.</li>
 * </ol>
 * Unchanged names contain no {@code ~}, so they never meet a changed one; two changed names differ
 * by their hash. Examples: {@code web01.example.com} stays; {@code [::1]:5986} becomes
 * {@code _1_5986~<hash>}; {@code WEB01} becomes {@code web01~<hash>} (so it does not collide with
 * {@code web01} on a case-insensitive file system).
 */
public final class TranscriptFileNames {

    public static final String DIRECTORY = "hosts";
    public static final String EXTENSION = ".log";
    private static final int MAX_BASE_LENGTH = 80;
    private static final MessageDigest SHA_256 = newSha256();
    private static final Set<String> WINDOWS_DEVICE_NAMES = Set.of(
            "con", "prn", "aux", "nul",
            "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
            "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

    private TranscriptFileNames() {
    }

    /** The file name (no directory) of the target's transcript. */
    public static String fileName(Target target) {
        return baseName(target.display()) + EXTENSION;
    }

    /** The transcript's path relative to the report directory, always with {@code /}. */
    public static String relativePath(Target target) {
        return DIRECTORY + "/" + fileName(target);
    }

    static String baseName(String display) {
        String lower = display.toLowerCase(Locale.ROOT);
        StringBuilder safe = new StringBuilder(lower.length());
        boolean inReplacedRun = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            boolean keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
            if (keep && !(c == '.' && safe.length() == 0)) {
                safe.append(c);
                inReplacedRun = false;
            } else if (!inReplacedRun) {
                safe.append('_');
                inReplacedRun = true;
            }
        }
        String base = safe.length() > MAX_BASE_LENGTH ? safe.substring(0, MAX_BASE_LENGTH) : safe.toString();
        String device = base.contains(".") ? base.substring(0, base.indexOf('.')) : base;
        if (base.equals(display) && !WINDOWS_DEVICE_NAMES.contains(device)) {
            return base;
        }
        return base + "~" + shortHash(display);
    }

    private static String shortHash(String display) {
        byte[] digest = sha256().digest(display.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 4);
    }

    /** A copy of one digest found once: a provider lookup per name costs more than the hash. */
    private static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            return newSha256();
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
