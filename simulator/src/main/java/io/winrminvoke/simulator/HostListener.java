package io.winrminvoke.simulator;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import io.winrminvoke.simulator.auth.ConnectionSecurity;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * The listening port of one host on the fleet's event loops, and its connections. A connection's
 * first byte decides what it is, as on Windows: on a plain-HTTP port, one that cannot begin a
 * request method (a TLS ClientHello starts with 0x16) gets HTTP.sys's {@code 400 Bad Request -
 * Invalid Verb} and is closed; on an HTTPS port, anything but a TLS handshake record is closed
 * unanswered, as Schannel does. Each whole request then goes to the fleet's request threads, one
 * at a time per connection, and the answer is written from there.
 */
final class HostListener {
    /** An idle connection is closed after this long, as the JDK server that served hosts before did. */
    static final long IDLE_SECONDS = Long.getLong("sun.net.httpserver.idleInterval", 30);
    /** A Kerberos ticket with a PAC in one Authorization header is several KiB; HTTP.sys allows 16 KiB a line. */
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    /**
     * Bodies up to this size reach {@link HostEndpoint}, which answers one over the host's
     * MaxEnvelopeSize with Windows' fault; beyond it the request is refused with 413 unread.
     */
    private static final int MAX_BODY_BYTES = 64 * 1024 * 1024;
    private static final int TLS_HANDSHAKE_RECORD = 0x16;
    /** HTTP.sys's answer to a request line that does not start with a token (its "Invalid Verb" page). */
    private static final byte[] INVALID_VERB = invalidVerb();

    private final FleetNetwork network;
    private final SSLContext tls;
    private final HostEndpoint endpoint;
    private final ExecutorService requestThreads;
    private final Set<Channel> connections = ConcurrentHashMap.newKeySet();
    private Channel server;

    /** {@code tls} null: plain HTTP. */
    HostListener(FleetNetwork network, SSLContext tls, HostEndpoint endpoint, ExecutorService requestThreads) {
        this.network = network;
        this.tls = tls;
        this.endpoint = endpoint;
        this.requestThreads = requestThreads;
    }

    /** Listens on {@code address}; returns the port. */
    synchronized int listen(InetSocketAddress address, int backlog) {
        server = network.bind(address, backlog, new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                accepted(ch);
            }
        });
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** Whether the port is listening: from {@link #listen} until {@link #close}. */
    synchronized boolean listening() {
        return server != null;
    }

    /** Closes the port (it refuses when this returns) and every connection to it. */
    synchronized void close() {
        if (server != null) {
            server.close().syncUninterruptibly();
            server = null;
        }
        List<Channel> open = new ArrayList<>(connections);
        for (Channel c : open) {
            c.close();
        }
        for (Channel c : open) {
            c.closeFuture().syncUninterruptibly();
        }
    }

    private void accepted(SocketChannel ch) {
        connections.add(ch);
        ch.closeFuture().addListener(f -> connections.remove(ch));
        if (!ch.parent().isOpen()) {
            // accepted just before close() closed the port; close() may have looked at the set already
            ch.close();
            return;
        }
        ChannelPipeline p = ch.pipeline();
        p.addLast("idle", new IdleStateHandler(0, 0, IDLE_SECONDS, TimeUnit.SECONDS));
        p.addLast("scheme", new FirstBytes());
        p.addLast("wsman", new Connection(ch));
    }

    /** Looks at a connection's first byte, then puts TLS and HTTP in its place (or answers and closes). */
    private final class FirstBytes extends ByteToMessageDecoder {
        private boolean refused;

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
            if (refused) {
                in.skipBytes(in.readableBytes());
                return;
            }
            if (!in.isReadable()) {
                return;
            }
            int first = in.getUnsignedByte(in.readerIndex());
            ChannelPipeline p = ctx.pipeline();
            String before = "wsman";
            if (tls != null) {
                if (first != TLS_HANDSHAKE_RECORD) {
                    refused = true;
                    in.skipBytes(in.readableBytes());
                    ctx.close();
                    return;
                }
                SSLEngine engine = tls.createSSLEngine();
                engine.setUseClientMode(false);
                p.addBefore(before, "tls", new SslHandler(engine));
            } else if (!isTokenChar(first)) {
                refused = true;
                in.skipBytes(in.readableBytes());
                ctx.writeAndFlush(Unpooled.wrappedBuffer(INVALID_VERB)).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            p.addBefore(before, "http", new HttpServerCodec(new HttpDecoderConfig()
                    .setMaxInitialLineLength(16 * 1024).setMaxHeaderSize(MAX_HEADER_BYTES)));
            p.addBefore(before, "aggregate", new HttpObjectAggregator(MAX_BODY_BYTES));
            // what is left of the buffer goes on to the handlers just added
            p.remove(this);
        }
    }

    /**
     * One client connection: its security context, and its requests in order, each handed to
     * a request thread once the answer to the one before has been written. Fields other than
     * {@link #security} are used on the channel's event loop only.
     */
    private final class Connection extends ChannelInboundHandlerAdapter {
        private final Channel channel;
        private final InetSocketAddress remote;
        private final ConnectionSecurity security = new ConnectionSecurity();
        /** Requests a client sent before the answer to the one in hand (pipelining; WinRM clients do not). */
        private final ArrayDeque<Request> waiting = new ArrayDeque<>();
        private boolean busy;

        Connection(Channel channel) {
            this.channel = channel;
            this.remote = (InetSocketAddress) channel.remoteAddress();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!(msg instanceof FullHttpRequest req)) {
                ReferenceCountUtil.release(msg);
                return;
            }
            Request r;
            try {
                if (req.decoderResult().isFailure()) {
                    badRequest();
                    return;
                }
                r = new Request(this, req);
            } finally {
                req.release();
            }
            if (busy) {
                waiting.add(r);
            } else {
                dispatch(r);
            }
        }

        private void dispatch(Request r) {
            busy = true;
            try {
                requestThreads.execute(() -> serve(r));
            } catch (RejectedExecutionException shutDown) {
                channel.close();
            }
        }

        private void serve(Request r) {
            try {
                endpoint.handle(r);
            } catch (RuntimeException | Error e) {
                channel.close(); // as the JDK server did when a handler threw: no answer, connection closed
                return;
            }
            if (!r.answered) {
                channel.close();
            }
        }

        /** On the event loop, once an answer is written. */
        void answered(boolean keepOpen) {
            busy = false;
            if (!keepOpen) {
                channel.close();
                return;
            }
            Request next = waiting.poll();
            if (next != null) {
                dispatch(next);
            }
        }

        private void badRequest() {
            DefaultFullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST);
            r.headers().set("Server", "Microsoft-HTTPAPI/2.0");
            r.headers().set("Content-Length", 0);
            r.headers().set("Connection", "close");
            busy = true;
            channel.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof IdleStateEvent) {
                if (!busy) {
                    ctx.close();
                }
            } else {
                ctx.fireUserEventTriggered(evt);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // a reset, a TLS handshake that failed, a request line too long: nothing to answer
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            waiting.clear();
            ctx.fireChannelInactive();
        }
    }

    /** A whole request, copied off the event loop's buffers, and the way to answer it. */
    private static final class Request implements Exchange {
        private final Connection connection;
        private final String method;
        private final String uri;
        private final String protocol;
        private final HttpHeaders headers;
        private final byte[] body;
        private final boolean keepAlive;
        private final Instant arrived = Instant.now();
        private volatile boolean answered;

        Request(Connection connection, FullHttpRequest req) {
            this.connection = connection;
            this.method = req.method().name();
            this.uri = req.uri();
            this.protocol = req.protocolVersion().text();
            this.headers = req.headers().copy();
            this.body = ByteBufUtil.getBytes(req.content());
            this.keepAlive = HttpUtil.isKeepAlive(req);
        }

        @Override
        public String method() {
            return method;
        }

        @Override
        public String uri() {
            return uri;
        }

        @Override
        public String path() {
            int q = uri.indexOf('?');
            String p = q < 0 ? uri : uri.substring(0, q);
            if (p.startsWith("http://") || p.startsWith("https://")) {
                // absolute form: the path starts at the first slash after the authority
                int slash = p.indexOf('/', p.indexOf("//") + 2);
                p = slash < 0 ? "/" : p.substring(slash);
            }
            return p;
        }

        @Override
        public String protocol() {
            return protocol;
        }

        @Override
        public String header(String name) {
            return headers.get(name);
        }

        @Override
        public List<String> headers(String name) {
            return headers.getAll(name);
        }

        @Override
        public List<Map.Entry<String, String>> headerLines() {
            return headers.entries();
        }

        @Override
        public byte[] body() {
            return body;
        }

        @Override
        public Instant arrived() {
            return arrived;
        }

        @Override
        public InetSocketAddress remoteAddress() {
            return connection.remote;
        }

        @Override
        public ConnectionSecurity connection() {
            return connection.security;
        }

        @Override
        public void send(int status, List<Map.Entry<String, String>> headerList, byte[] content) {
            DefaultFullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(status), Unpooled.wrappedBuffer(content));
            head(r, headerList, content.length);
            if (!keepAlive) {
                r.headers().set("Connection", "close");
            } else if (!"HTTP/1.1".equals(protocol)) {
                r.headers().set("Connection", "keep-alive");
            }
            answered = true;
            Channel ch = connection.channel;
            ch.writeAndFlush(r).addListener(f -> connection.answered(keepAlive && f.isSuccess()));
        }

        @Override
        public void sendPartlyAndClose(int status, List<Map.Entry<String, String>> headerList, byte[] content, int sent) {
            DefaultHttpResponse r = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status));
            head(r, headerList, content.length);
            answered = true;
            Channel ch = connection.channel;
            ch.write(r);
            ch.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(content, 0, sent)))
                    .addListener(ChannelFutureListener.CLOSE);
        }

        private static void head(HttpMessage r, List<Map.Entry<String, String>> headerList, int length) {
            HttpHeaders h = r.headers();
            for (Map.Entry<String, String> e : headerList) {
                h.add(e.getKey(), e.getValue());
            }
            // spelled as HTTP.sys spells them (Netty's constants are lower case)
            h.set("Date", DateFormatter.format(new Date()));
            h.set("Content-Length", length);
        }
    }

    /** RFC 9110 tchar: what a method name is made of. */
    private static boolean isTokenChar(int b) {
        return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(b) >= 0;
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
