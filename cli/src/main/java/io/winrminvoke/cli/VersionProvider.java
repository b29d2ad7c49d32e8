package io.winrminvoke.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the project version, filtered into a resource by the build, and how the JVM runs. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"winrm-invoke " + version(), "JVM: Java " + System.getProperty("java.version") + ", "
                + TunedJvm.describeThisJvm()};
    }

    /** The tool's version, e.g. {@code 0.1.0-SNAPSHOT}; "unknown" when run from unfiltered classes. */
    public static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
