package io.winrminvoke.simulator;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The one event loop group that accepts, reads and writes for every port of a fleet. Its few
 * threads never block: whole requests go to the fleet's request threads, which write the answer
 * back (see {@link HostListener}).
 */
final class FleetNetwork implements AutoCloseable {
    /** Event loop threads; parsing and TLS records are all they do, so two are plenty for thousands of ports. */
    static final int IO_THREADS = Integer.getInteger("winrm.simulator.ioThreads", 2);
    static final String THREAD_PREFIX = "wsman-io";

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(IO_THREADS,
            new DefaultThreadFactory(THREAD_PREFIX, true), NioIoHandler.newFactory());

    /**
     * Listens on {@code address} and sets up each accepted connection with {@code init}; returns
     * once the port is bound and listening.
     */
    Channel bind(InetSocketAddress address, int backlog, ChannelInitializer<SocketChannel> init) {
        ServerBootstrap b = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, backlog)
                .option(ChannelOption.SO_REUSEADDR, true)
                // without it every small SOAP answer waits for the client's delayed ACK (Nagle)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(init);
        ChannelFuture bound = b.bind(address).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            Throwable cause = bound.cause();
            throw cause instanceof IOException io ? new UncheckedIOException("cannot listen on " + address, io)
                    : new IllegalStateException("cannot listen on " + address, cause);
        }
        return bound.channel();
    }

    /** Stops the event loops and waits until they have finished; every channel is closed by then. */
    @Override
    public void close() {
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
