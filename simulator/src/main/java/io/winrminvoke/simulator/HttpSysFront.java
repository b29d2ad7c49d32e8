package io.winrminvoke.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The listening port of a plain-HTTP host, in front of its HTTP server. HTTP.sys answers a
 * connection whose first byte cannot begin a request method (a TLS ClientHello starts with
 * 0x16) with {@code 400 Bad Request - Invalid Verb} at once; the JDK's server would wait for a
 * line end that never comes. Every other connection is relayed byte for byte to the server, one
 * server connection per client connection, so the server still tells connections apart (the
 * auth contexts of {@link ConnectionTable} are per connection).
 */
final class HttpSysFront {
    /** HTTP.sys's answer to a request line that does not start with a token (its "Invalid Verb" page). */
    private static final byte[] INVALID_VERB = invalidVerb();
    private static final int STACK_BYTES = 128 * 1024;

    private final String name;
    private final ServerSocket listener;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile InetSocketAddress server;
    private Thread acceptThread;

    /**
     * Listens on {@code port} (0 = any) of the loopback address; {@link #relayTo} starts serving.
     * The front binds before its server does, so the server's own port 0 cannot be handed the
     * front's port.
     */
    HttpSysFront(String name, int port, int backlog) throws IOException {
        this.name = name;
        this.listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(SimulatedHost.LOOPBACK, port), backlog);
    }

    /** Accepts connections from now on and relays each to {@code server}. */
    synchronized void relayTo(InetSocketAddress server) {
        this.server = server;
        acceptThread = start(this::accept, name + "-accept");
    }

    int port() {
        return listener.getLocalPort();
    }

    /**
     * Closes the port and every connection through it. Returns once the port refuses: the JDK
     * closes a socket that a thread is blocked accepting on only when that thread's accept call
     * returns, and until then the kernel still completes handshakes on it.
     */
    synchronized void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing is all we wanted
        }
        boolean interrupted = false;
        while (acceptThread != null && acceptThread.isAlive()) {
            try {
                acceptThread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        for (Socket s : open) {
            closeQuietly(s);
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                client.setTcpNoDelay(true);
                open.add(client);
                start(() -> serve(client), name + "-conn");
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        Socket upstream = null;
        try {
            InputStream in = client.getInputStream();
            int first = in.read();
            if (first < 0) {
                return;
            }
            if (!isTokenChar(first)) {
                OutputStream out = client.getOutputStream();
                out.write(INVALID_VERB);
                out.flush();
                client.shutdownOutput();
                return;
            }
            upstream = new Socket();
            upstream.setTcpNoDelay(true);
            open.add(upstream);
            upstream.connect(server);
            upstream.getOutputStream().write(first);
            Socket to = upstream;
            start(() -> relay(to, client), name + "-back");
            relay(client, upstream);
        } catch (IOException e) {
            // a connection cut by either side: nothing to answer
        } finally {
            if (upstream == null) {
                closeQuietly(client);
            }
        }
    }

    /** Copies until either side ends the connection, then closes both (no client half-closes a WinRM connection). */
    private void relay(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // cut by either side
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void closeQuietly(Socket s) {
        open.remove(s);
        try {
            s.close();
        } catch (IOException ignored) {
            // closing is all we wanted
        }
    }

    /** RFC 9110 tchar: what a method name is made of. */
    private static boolean isTokenChar(int b) {
        return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(b) >= 0;
    }

    private static Thread start(Runnable task, String threadName) {
        Thread t = new Thread(null, task, threadName, STACK_BYTES);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static byte[] invalidVerb() {
        String body = "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\"\"http://www.w3.org/TR/html4/strict.dtd\">\r\n"
                + "<HTML><HEAD><TITLE>Bad Request</TITLE>\r\n"
                + "<META HTTP-EQUIV=\"Content-Type\" Content=\"text/html; charset=us-ascii\"></HEAD>\r\n"
                + "<BODY><h2>Bad Request - Invalid Verb</h2>\r\n"
                + "<hr><p>HTTP Error 400. The request verb is invalid.</p>\r\n"
                + "</BODY></HTML>\r\n";
        String head = "HTTP/1.1 400 Bad Request\r\n"
                + "Content-Type: text/html; charset=us-ascii\r\n"
                + "Server: Microsoft-HTTPAPI/2.0\r\n"
                + "Connection: close\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n";
        return (head + body).getBytes(StandardCharsets.US_ASCII);
    }
}
