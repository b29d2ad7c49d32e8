package io.winrminvoke.cli;

/** The documented exit statuses of {@code winrm-invoke}. */
public final class ExitStatus {

    /** Every host succeeded (and, for {@code demo}, every host ended as its scenario intends). */
    public static final int ALL_SUCCEEDED = 0;
    /** At least one host did not succeed. */
    public static final int SOME_FAILED = 1;
    /** Invalid input: nothing was run, no host was contacted. */
    public static final int INVALID_INPUT = 2;
    /** A defect in the tool itself (an unexpected exception); reported in one line. */
    public static final int INTERNAL_ERROR = 3;

    private ExitStatus() {
    }
}
