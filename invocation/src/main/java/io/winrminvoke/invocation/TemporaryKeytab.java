package io.winrminvoke.invocation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

/**
 * The keytab of a secret file credential, written on the agent for one run and deleted when it
 * ends: the JDK's Kerberos login reads a keytab only from a file. Readable by the agent's user
 * alone where the file system has POSIX permissions.
 */
public final class TemporaryKeytab implements AutoCloseable {

    private final Path file;

    private TemporaryKeytab(Path file) {
        this.file = file;
    }

    /** @return null when {@code bytes} is null (no keytab for this run) */
    public static TemporaryKeytab write(byte[] bytes) throws IOException {
        if (bytes == null) {
            return null;
        }
        Path file;
        try {
            file = Files.createTempFile("winrm-invoke-", ".keytab",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException windows) {
            // a Windows agent: the file inherits the ACL of the agent user's temporary directory
            file = Files.createTempFile("winrm-invoke-", ".keytab");
        }
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        return new TemporaryKeytab(file);
    }

    public Path path() {
        return file;
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }
}
