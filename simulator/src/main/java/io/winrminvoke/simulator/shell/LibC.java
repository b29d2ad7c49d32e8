package io.winrminvoke.simulator.shell;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The few glibc calls the simulator needs that the JDK does not offer: posix_spawn with a new
 * session and one close_range-backed "close every other descriptor", signals to a process
 * group, and plain pipe I/O. Linux x86-64/aarch64 with glibc 2.34 or later (size_t = long).
 */
interface LibC extends Library {
    LibC INSTANCE = Native.load("c", LibC.class, Map.of(Library.OPTION_STRING_ENCODING, StandardCharsets.UTF_8.name()));
    /** The process's environment ({@code char **environ}), handed to every spawned shell. */
    Pointer ENVIRON = NativeLibrary.getInstance("c").getGlobalVariableAddress("environ");

    int O_CLOEXEC = 0x80000;
    short POSIX_SPAWN_SETSIGDEF = 0x04;
    short POSIX_SPAWN_SETSIGMASK = 0x08;
    short POSIX_SPAWN_SETSID = 0x80;
    /** glibc's posix_spawn_file_actions_t (80 bytes), posix_spawnattr_t (336 bytes) and sigset_t (128 bytes) fit. */
    int OPAQUE_STRUCT_BYTES = 512;
    short POLLIN = 0x001;
    int SIGHUP = 1;
    int SIGINT = 2;
    int SIGQUIT = 3;
    int SIGKILL = 9;
    int SIGPIPE = 13;
    int SIGTERM = 15;
    int EINTR = 4;
    int EAGAIN = 11;

    int pipe2(int[] fds, int flags);

    int close(int fd);

    long read(int fd, byte[] buffer, long count);

    long write(int fd, byte[] buffer, long count);

    int poll(Pointer fds, long count, int timeoutMillis);

    int posix_spawn_file_actions_init(Pointer actions);

    int posix_spawn_file_actions_adddup2(Pointer actions, int fd, int newFd);

    int posix_spawn_file_actions_addclosefrom_np(Pointer actions, int from);

    int posix_spawn_file_actions_destroy(Pointer actions);

    int posix_spawnattr_init(Pointer attributes);

    int posix_spawnattr_setflags(Pointer attributes, short flags);

    int posix_spawnattr_setsigmask(Pointer attributes, Pointer mask);

    int posix_spawnattr_setsigdefault(Pointer attributes, Pointer signals);

    int posix_spawnattr_destroy(Pointer attributes);

    int posix_spawn(IntByReference pid, String path, Pointer actions, Pointer attributes, String[] argv, Pointer envp);

    int sigemptyset(Pointer set);

    int sigaddset(Pointer set, int signal);

    int kill(int pid, int signal);

    int waitpid(int pid, IntByReference status, int options);
}
