package io.winrminvoke.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.Adler32;
import java.util.zip.CRC32;

/**
 * A dynamic class-data archive (JDK 17's {@code -XX:ArchiveClassesAtExit} and
 * {@code -XX:SharedArchiveFile}) for the tuned JVM, kept in the user's cache directory per jar
 * and Java runtime: the first {@code run} writes it as its JVM exits, later starts map the
 * tool's classes from it instead of loading, parsing and verifying them again. This is what
 * JDK 19 later made a JVM option ({@code -XX:+AutoCreateSharedArchive}); on 17 the first JVM of a
 * {@code java -jar} start does it (docs/cli.md#jvm-options).
 *
 * <p>Best effort throughout: a cache that cannot be made or trusted, an archive the JVM refuses
 * (it then runs without, silently), a failed write: the tool runs as it would without one.
 */
final class ClassDataArchive {

    /** {@code WINRM_INVOKE_CDS=off}: no archive is used or written. */
    static final String OPT_OUT_VARIABLE = "WINRM_INVOKE_CDS";

    /** System property of the tuned JVM: the archive it was started with. */
    static final String PROPERTY = "winrm-invoke.class-data";

    /** A dump left by a first JVM that did not see its child end is removed after this. */
    private static final Duration STALE_DUMP = Duration.ofHours(1);

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private final Path directory;
    private final String jarKey;
    private final Path archive;
    private final Path dump;

    private ClassDataArchive(Path directory, String jarKey, String runtimeKey, long pid) {
        this.directory = directory;
        this.jarKey = jarKey;
        this.archive = directory.resolve(jarKey + "-" + runtimeKey + ".jsa");
        this.dump = directory.resolve(jarKey + "-" + runtimeKey + "." + pid + ".tmp");
    }

    /**
     * The archive for {@code jar} run with {@code jvmOptions} by this Java runtime, or empty when
     * the user opted out or there is no cache directory this user alone can write.
     */
    static Optional<ClassDataArchive> locate(Map<String, String> environment, Path jar, List<String> jvmOptions) {
        if ("off".equalsIgnoreCase(environment.getOrDefault(OPT_OUT_VARIABLE, "").strip())
                || !hasDynamicArchives(System.getProperty("java.vm.name", ""))) {
            return Optional.empty();
        }
        try {
            Optional<Path> directory = cacheDirectory(environment);
            if (directory.isEmpty()) {
                return Optional.empty();
            }
            Path absoluteJar = jar.toAbsolutePath().normalize();
            BasicFileAttributes jarAttributes = Files.readAttributes(absoluteJar, BasicFileAttributes.class);
            String runtime = String.join("\n", System.getProperty("java.home", ""),
                    System.getProperty("java.vm.version", ""), Long.toString(jarAttributes.size()),
                    Long.toString(jarAttributes.lastModifiedTime().toMillis()), String.join(" ", jvmOptions));
            return Optional.of(new ClassDataArchive(directory.get(), digest(absoluteJar.toString()), digest(runtime),
                    ProcessHandle.current().pid()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether a JVM of this name takes HotSpot's archive options ({@code java.vm.name}: "OpenJDK
     * 64-Bit Server VM", "Java HotSpot(TM) 64-Bit Server VM"). Another JVM, such as OpenJ9, has
     * shared classes of its own and other {@code -Xlog} syntax: it gets none of these options.
     */
    static boolean hasDynamicArchives(String vmName) {
        return vmName.contains("HotSpot") || vmName.startsWith("OpenJDK");
    }

    /**
     * The tuned JVM's options: use the archive if there is one; else, if {@code mayWrite}, write it
     * when that JVM exits. The JVM's own CDS messages are silenced either way: they would land in
     * the tool's output, and an archive it cannot use only means a slower start.
     */
    List<String> jvmOptions(boolean mayWrite) {
        if (Files.isRegularFile(archive, LinkOption.NOFOLLOW_LINKS)) {
            return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=off", "-D" + PROPERTY + "=" + archive);
        }
        return mayWrite ? List.of("-XX:ArchiveClassesAtExit=" + dump, "-Xlog:cds*=off") : List.of();
    }

    /**
     * After the tuned JVM ended with {@code status}: an archive written by a run that completed
     * (all succeeded or some failed) replaces this jar's older ones; any other dump is removed.
     */
    void settle(int status) {
        try {
            if (!Files.isRegularFile(dump, LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            if ((status != ExitStatus.ALL_SUCCEEDED && status != ExitStatus.SOME_FAILED) || Files.size(dump) == 0) {
                Files.deleteIfExists(dump);
                return;
            }
            Files.move(dump, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            removeOthersOfThisJar();
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(dump);
            } catch (IOException ignored) {
                // best effort: a stale dump is removed by a later settle
            }
        }
    }

    Path archive() {
        return archive;
    }

    Path directory() {
        return directory;
    }

    /** Archives of this jar for another runtime, jar build or options, and dumps nobody settled. */
    private void removeOthersOfThisJar() throws IOException {
        Instant staleBefore = Instant.now().minus(STALE_DUMP);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, jarKey + "-*")) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                boolean otherArchive = name.endsWith(".jsa") && !entry.equals(archive);
                boolean staleDump = name.endsWith(".tmp")
                        && Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(staleBefore);
                if (otherArchive || staleDump) {
                    Files.deleteIfExists(entry);
                }
            }
        }
    }

    /**
     * {@code %LOCALAPPDATA%\winrm-invoke\cds} on Windows, else {@code $XDG_CACHE_HOME/winrm-invoke/cds}
     * or {@code ~/.cache/winrm-invoke/cds}; made if missing. Where permissions are POSIX ones, the
     * directory must belong to this user and be writable by nobody else: a JVM maps whatever
     * archive it is given.
     */
    static Optional<Path> cacheDirectory(Map<String, String> environment) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path base;
        String localAppData = environment.get("LOCALAPPDATA");
        String xdg = environment.get("XDG_CACHE_HOME");
        if (!posix && localAppData != null && !localAppData.isBlank()) {
            base = Path.of(localAppData);
        } else if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            base = Path.of(xdg);
        } else {
            String home = System.getProperty("user.home");
            if (home == null || home.isBlank() || home.equals("?")) {
                return Optional.empty();
            }
            base = Path.of(home, ".cache");
        }
        Path tool = base.resolve("winrm-invoke");
        Path directory = tool.resolve("cds");
        if (!posix) {
            Files.createDirectories(directory);
            return Optional.of(directory);
        }
        Files.createDirectories(base);
        for (Path own : List.of(tool, directory)) {
            if (Files.notExists(own, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Files.createDirectory(own, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    // another first JVM made it: checked below like any existing one
                }
            }
        }
        return ownedByThisUserAlone(directory) ? Optional.of(directory) : Optional.empty();
    }

    private static boolean ownedByThisUserAlone(Path directory) {
        try {
            PosixFileAttributes attributes = Files.readAttributes(directory, PosixFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isDirectory()) {
                return false;
            }
            UserPrincipal me = directory.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
            Set<PosixFilePermission> permissions = attributes.permissions();
            return attributes.owner().equals(me)
                    && !permissions.contains(PosixFilePermission.GROUP_WRITE)
                    && !permissions.contains(PosixFilePermission.OTHERS_WRITE);
        } catch (IOException | RuntimeException e) {
            return false; // e.g. a user name the system cannot look up (a container's bare uid)
        }
    }

    /**
     * 64 bits naming {@code text} in a file name: CRC-32 and Adler-32, not a cryptographic hash,
     * whose provider set-up alone cost the first JVM ~25 ms of CPU per start. Two texts that
     * collided would only share a name: the JVM checks an archive against its jar and runtime
     * and runs without one it does not match.
     */
    private static String digest(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        Adler32 adler = new Adler32();
        adler.update(bytes);
        // Long.toHexString of a value with bit 32 set: always 9 digits, the first of them dropped
        return Long.toHexString(crc.getValue() | 1L << 32).substring(1)
                + Long.toHexString(adler.getValue() | 1L << 32).substring(1);
    }
}
