package io.winrminvoke.engine.winrm;

import io.winrminvoke.engine.OptionLabels;

/**
 * What the user can change to fix a failure, worded with the options of the front end they used
 * ({@link OptionLabels}): the same refusal reads {@code --ca-file} in the CLI and
 * {@code caCertificate} in Jenkins.
 */
@FunctionalInterface
public interface Remedy {

    String text(OptionLabels labels);
}
