package io.winrminvoke.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the tuned JVM's class-data archive lives, when it is written, used, replaced and not
 * trusted (docs/cli.md#jvm-options). The JVM's side (that it writes and maps the archive) is
 * checked with the packaged jar in bench's CliJvmOptionsTest.
 */
class ClassDataArchiveTest {

    @TempDir
    Path temp;

    private Path jar;
    private Map<String, String> environment;

    @BeforeEach
    void setUp() throws Exception {
        jar = Files.writeString(temp.resolve("winrm-invoke.jar"), "not really a jar");
        environment = Map.of("XDG_CACHE_HOME", temp.resolve("cache").toString());
    }

    private ClassDataArchive locate() {
        return ClassDataArchive.locate(environment, jar, TunedJvm.OPTIONS).orElseThrow();
    }

    private static String valueOf(List<String> options, String prefix) {
        return options.stream().filter(o -> o.startsWith(prefix)).map(o -> o.substring(prefix.length()))
                .findFirst().orElseThrow(() -> new AssertionError(prefix + " not in " + options));
    }

    private static List<String> names(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theCacheIsUnderXdgCacheHomeAndOnlyItsOwnerMayEnterIt() throws Exception {
        ClassDataArchive archive = locate();

        assertThat(archive.directory()).isEqualTo(temp.resolve("cache/winrm-invoke/cds"));
        assertThat(archive.archive().getParent()).isEqualTo(archive.directory());
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(archive.directory())))
                    .isEqualTo("rwx------");
        }
    }

    @Test
    void aRelativeXdgCacheHomeIsIgnoredAsTheSpecificationSays() throws Exception {
        String home = System.getProperty("user.home");
        System.setProperty("user.home", temp.resolve("home").toString());
        try {
            Optional<Path> directory = ClassDataArchive.cacheDirectory(Map.of("XDG_CACHE_HOME", "relative/cache"));

            assertThat(directory).contains(temp.resolve("home/.cache/winrm-invoke/cds"));
        } finally {
            System.setProperty("user.home", home);
        }
    }

    @Test
    void withoutAnArchiveARunWritesOneAndAnythingElseNeither() {
        ClassDataArchive archive = locate();

        List<String> run = archive.jvmOptions(true);
        assertThat(valueOf(run, "-XX:ArchiveClassesAtExit=")).startsWith(archive.directory().toString()).endsWith(".tmp");
        assertThat(run).contains("-Xlog:cds*=off");
        assertThat(archive.jvmOptions(false)).isEmpty();
    }

    @Test
    void aCompletedRunsDumpBecomesTheArchiveTheNextStartMaps() throws Exception {
        ClassDataArchive first = locate();
        Path dump = Path.of(valueOf(first.jvmOptions(true), "-XX:ArchiveClassesAtExit="));
        Files.writeString(dump, "archive bytes");

        first.settle(ExitStatus.SOME_FAILED);

        assertThat(dump).doesNotExist();
        assertThat(first.archive()).hasContent("archive bytes");
        List<String> next = locate().jvmOptions(true);
        assertThat(valueOf(next, "-XX:SharedArchiveFile=")).isEqualTo(first.archive().toString());
        assertThat(valueOf(next, "-D" + ClassDataArchive.PROPERTY + "=")).isEqualTo(first.archive().toString());
        assertThat(next).noneMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit="));
    }

    @Test
    void aDumpOfARunThatDidNotCompleteIsThrownAway() throws Exception {
        for (int status : new int[] {ExitStatus.INVALID_INPUT, ExitStatus.INTERNAL_ERROR, 130}) {
            ClassDataArchive archive = locate();
            Path dump = Path.of(valueOf(archive.jvmOptions(true), "-XX:ArchiveClassesAtExit="));
            Files.writeString(dump, "partial");

            archive.settle(status);

            assertThat(dump).as("status %d", status).doesNotExist();
            assertThat(archive.archive()).as("status %d", status).doesNotExist();
        }
    }

    @Test
    void aNewBuildOfTheJarGetsItsOwnArchiveAndReplacesTheOldOneButNotOtherJars() throws Exception {
        ClassDataArchive old = locate();
        Files.writeString(Path.of(valueOf(old.jvmOptions(true), "-XX:ArchiveClassesAtExit=")), "old");
        old.settle(0);
        Path otherJar = Files.writeString(temp.resolve("other.jar"), "another copy");
        ClassDataArchive other = ClassDataArchive.locate(environment, otherJar, TunedJvm.OPTIONS).orElseThrow();
        Files.writeString(Path.of(valueOf(other.jvmOptions(true), "-XX:ArchiveClassesAtExit=")), "other");
        other.settle(0);
        Path abandonedDump = old.directory().resolve(old.archive().getFileName().toString().replace(".jsa", ".1.tmp"));
        Files.writeString(abandonedDump, "a first JVM that was killed");
        Files.setLastModifiedTime(abandonedDump, FileTime.from(Instant.now().minusSeconds(2 * 3600)));

        Files.writeString(jar, "rebuilt, longer than before");
        ClassDataArchive rebuilt = locate();
        assertThat(rebuilt.archive()).isNotEqualTo(old.archive());
        assertThat(rebuilt.jvmOptions(true)).anyMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit="));
        Files.writeString(Path.of(valueOf(rebuilt.jvmOptions(true), "-XX:ArchiveClassesAtExit=")), "new");
        rebuilt.settle(0);

        assertThat(names(rebuilt.directory())).containsExactlyInAnyOrder(
                rebuilt.archive().getFileName().toString(), other.archive().getFileName().toString());
    }

    @Test
    void theOptOutLeavesTheCacheAlone() {
        Map<String, String> off = Map.of("XDG_CACHE_HOME", temp.resolve("cache").toString(),
                ClassDataArchive.OPT_OUT_VARIABLE, "off");

        assertThat(ClassDataArchive.locate(off, jar, TunedJvm.OPTIONS)).isEmpty();
        assertThat(temp.resolve("cache")).doesNotExist();
    }

    @Test
    void onlyHotSpotJvmsGetTheArchiveOptions() {
        assertThat(ClassDataArchive.hasDynamicArchives("OpenJDK 64-Bit Server VM")).isTrue();
        assertThat(ClassDataArchive.hasDynamicArchives("Java HotSpot(TM) 64-Bit Server VM")).isTrue();
        assertThat(ClassDataArchive.hasDynamicArchives("Eclipse OpenJ9 VM")).isFalse();
        assertThat(ClassDataArchive.hasDynamicArchives(System.getProperty("java.vm.name"))).as("this JDK").isTrue();
    }

    @Test
    void aCacheDirectoryOthersCanWriteIsNotTrusted() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path directory = locate().directory();
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThat(ClassDataArchive.locate(environment, jar, TunedJvm.OPTIONS)).isEmpty();
    }

    @Test
    void theTunedCommandCarriesTheArchiveOptionsAfterTheToolsOwn() {
        ClassDataArchive archive = locate();
        List<String> plain = new java.util.ArrayList<>(List.of("/usr/bin/java"));
        plain.addAll(TunedJvm.OPTIONS);
        plain.addAll(List.of("-Dwinrm-invoke.jvm=tuned", "-jar", "x.jar", "run"));

        List<String> run = TunedJvm.withClassData(plain, new String[] {"run"}, Optional.of(archive));
        List<String> help = TunedJvm.withClassData(plain, new String[] {"--help"}, Optional.of(archive));

        assertThat(run.subList(0, 1 + TunedJvm.OPTIONS.size())).isEqualTo(plain.subList(0, 1 + TunedJvm.OPTIONS.size()));
        assertThat(run.get(1 + TunedJvm.OPTIONS.size())).startsWith("-XX:ArchiveClassesAtExit=");
        assertThat(run.subList(run.size() - 4, run.size())).isEqualTo(plain.subList(plain.size() - 4, plain.size()));
        assertThat(help).isEqualTo(plain);
        assertThat(TunedJvm.withClassData(plain, new String[] {"run"}, Optional.empty())).isEqualTo(plain);
    }
}
