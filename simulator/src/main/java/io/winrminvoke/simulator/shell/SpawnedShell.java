package io.winrminvoke.simulator.shell;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

import java.io.IOException;
import java.util.Arrays;

/**
 * {@code /bin/sh -c LINE} started by posix_spawn in a session (so a process group) of its own,
 * with three pipes. Cheaper than ProcessBuilder in a process holding thousands of sockets: the
 * JDK's launcher closes every inherited descriptor one call at a time and Process.descendants()
 * reads the whole process table, where this closes them with one close_range and kills a
 * command's tree with one kill(-pgid). Nothing else in the JVM waits for this child: the owner
 * reaps it with {@link #waitFor()}.
 */
final class SpawnedShell {
    private static final LibC C = LibC.INSTANCE;

    final int pid;
    /** Our ends: write to the shell's stdin, read its stdout and stderr (all close-on-exec). */
    final int stdin;
    final int stdout;
    final int stderr;

    private SpawnedShell(int pid, int stdin, int stdout, int stderr) {
        this.pid = pid;
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static SpawnedShell start(String commandLine) throws IOException {
        int[][] pipes = new int[3][]; // stdin, stdout, stderr
        try {
            for (int i = 0; i < pipes.length; i++) {
                pipes[i] = pipe();
            }
        } catch (IOException e) {
            for (int[] made : pipes) {
                closeAll(made == null ? new int[0] : made);
            }
            throw e;
        }
        int[] in = pipes[0];
        int[] out = pipes[1];
        int[] err = pipes[2];
        Memory actions = new Memory(LibC.OPAQUE_STRUCT_BYTES);
        Memory attributes = new Memory(LibC.OPAQUE_STRUCT_BYTES);
        Memory noSignals = new Memory(LibC.OPAQUE_STRUCT_BYTES);
        Memory defaultSignals = new Memory(LibC.OPAQUE_STRUCT_BYTES);
        C.posix_spawn_file_actions_init(actions);
        C.posix_spawnattr_init(attributes);
        try {
            C.posix_spawn_file_actions_adddup2(actions, in[0], 0);
            C.posix_spawn_file_actions_adddup2(actions, out[1], 1);
            C.posix_spawn_file_actions_adddup2(actions, err[1], 2);
            C.posix_spawn_file_actions_addclosefrom_np(actions, 3);
            // a shell as from a login: no signal blocked or ignored that the JVM's thread had
            C.sigemptyset(noSignals);
            C.sigemptyset(defaultSignals);
            for (int signal : new int[] {LibC.SIGHUP, LibC.SIGINT, LibC.SIGQUIT, LibC.SIGPIPE, LibC.SIGTERM}) {
                C.sigaddset(defaultSignals, signal);
            }
            C.posix_spawnattr_setsigmask(attributes, noSignals);
            C.posix_spawnattr_setsigdefault(attributes, defaultSignals);
            C.posix_spawnattr_setflags(attributes,
                    (short) (LibC.POSIX_SPAWN_SETSID | LibC.POSIX_SPAWN_SETSIGMASK | LibC.POSIX_SPAWN_SETSIGDEF));
            IntByReference pid = new IntByReference();
            int error = C.posix_spawn(pid, "/bin/sh", actions, attributes,
                    new String[] {"/bin/sh", "-c", commandLine}, LibC.ENVIRON.getPointer(0));
            if (error != 0) {
                closeAll(in[1], out[0], err[0]);
                throw new IOException("posix_spawn failed with errno " + error);
            }
            return new SpawnedShell(pid.getValue(), in[1], out[0], err[0]);
        } finally {
            closeAll(in[0], out[1], err[1]); // the child's ends: it has its own copies now
            C.posix_spawn_file_actions_destroy(actions);
            C.posix_spawnattr_destroy(attributes);
        }
    }

    /** Sends {@code signal} to the shell and everything in its process group. */
    void signalGroup(int signal) {
        C.kill(-pid, signal); // ESRCH once the whole group is gone: nothing left to stop
    }

    /** Blocks until the shell exits; its exit code, or 128 + the signal that ended it (as Process.waitFor). */
    int waitFor() {
        IntByReference status = new IntByReference();
        while (C.waitpid(pid, status, 0) < 0) {
            if (Native.getLastError() != LibC.EINTR) {
                return -1;
            }
        }
        int s = status.getValue();
        return (s & 0x7f) == 0 ? (s >> 8) & 0xff : 128 + (s & 0x7f);
    }

    static int[] pipe() throws IOException {
        int[] fds = new int[2];
        if (C.pipe2(fds, LibC.O_CLOEXEC) != 0) {
            throw new IOException("pipe2 failed with errno " + Native.getLastError());
        }
        return fds;
    }

    /** Reads up to {@code buffer.length} bytes; -1 at end of stream (or when the pipe broke). */
    static int read(int fd, byte[] buffer) {
        while (true) {
            long n = C.read(fd, buffer, buffer.length);
            if (n >= 0) {
                return n == 0 ? -1 : (int) n;
            }
            if (Native.getLastError() != LibC.EINTR) {
                return -1;
            }
        }
    }

    /** Writes all of {@code bytes}; false when the reader is gone. */
    static boolean writeAll(int fd, byte[] bytes) {
        int offset = 0;
        while (offset < bytes.length) {
            byte[] rest = offset == 0 ? bytes : Arrays.copyOfRange(bytes, offset, bytes.length);
            long n = C.write(fd, rest, rest.length);
            if (n < 0) {
                if (Native.getLastError() == LibC.EINTR) {
                    continue;
                }
                return false;
            }
            offset += (int) n;
        }
        return true;
    }

    /** Waits until one of {@code fds} is readable (or hung up); returns which, as a bit set. */
    static int pollReadable(int... fds) {
        Memory pollFds = new Memory(8L * fds.length); // struct pollfd { int fd; short events; short revents; }
        for (int i = 0; i < fds.length; i++) {
            pollFds.setInt(8L * i, fds[i]);
            pollFds.setShort(8L * i + 4, fds[i] < 0 ? 0 : LibC.POLLIN);
            pollFds.setShort(8L * i + 6, (short) 0);
        }
        while (C.poll(pollFds, fds.length, -1) < 0) {
            if (Native.getLastError() != LibC.EINTR) {
                return (1 << fds.length) - 1; // let the reads find out what is wrong
            }
        }
        int ready = 0;
        for (int i = 0; i < fds.length; i++) {
            if (fds[i] >= 0 && pollFds.getShort(8L * i + 6) != 0) {
                ready |= 1 << i;
            }
        }
        return ready;
    }

    static void closeAll(int... fds) {
        for (int fd : fds) {
            if (fd >= 0) {
                C.close(fd);
            }
        }
    }
}
