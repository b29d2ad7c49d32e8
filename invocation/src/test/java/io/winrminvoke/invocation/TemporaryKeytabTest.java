package io.winrminvoke.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/** The keytab's file on the agent: only its owner can read it, and it is gone when the run ends. */
class TemporaryKeytabTest {

    @Test
    void theKeytabIsWrittenForItsOwnerOnlyAndDeletedOnClose() throws Exception {
        byte[] keytab = {5, 2, 0, 0, 0, 42};
        Path file;
        try (TemporaryKeytab written = TemporaryKeytab.write(keytab.clone())) {
            file = written.path();
            assertThat(Files.readAllBytes(file)).isEqualTo(keytab);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThat(file).doesNotExist();
    }

    @Test
    void theBytesInMemoryAreClearedOnceWritten() throws Exception {
        byte[] keytab = {5, 2, 7, 7};
        try (TemporaryKeytab written = TemporaryKeytab.write(keytab)) {
            assertThat(written.path()).hasBinaryContent(new byte[] {5, 2, 7, 7});
            assertThat(keytab).containsOnly(0);
        }
    }

    @Test
    void noKeytabMeansNoFile() throws Exception {
        assertThat(TemporaryKeytab.write(null)).isNull();
    }
}
