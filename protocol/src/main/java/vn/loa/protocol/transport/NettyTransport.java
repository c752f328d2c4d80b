package vn.loa.protocol.transport;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.Locale;
import java.util.concurrent.ThreadFactory;

/**
 * Which Netty transport the receiver links use. On Linux the native epoll transport writes each batch
 * with one writev and keeps no selector garbage, which at ten thousand receivers is a large share of
 * the CPU a fan-out or an alert costs; elsewhere (or with {@code -Dloa.transport=nio}) Java NIO.
 */
public enum NettyTransport {
    EPOLL {
        @Override
        public EventLoopGroup group(int threads, ThreadFactory threadFactory) {
            return new EpollEventLoopGroup(threads, threadFactory);
        }

        @Override
        public Class<? extends ServerSocketChannel> serverChannel() {
            return EpollServerSocketChannel.class;
        }

        @Override
        public Class<? extends SocketChannel> channel() {
            return EpollSocketChannel.class;
        }
    },
    NIO {
        @Override
        public EventLoopGroup group(int threads, ThreadFactory threadFactory) {
            return new NioEventLoopGroup(threads, threadFactory);
        }

        @Override
        public Class<? extends ServerSocketChannel> serverChannel() {
            return NioServerSocketChannel.class;
        }

        @Override
        public Class<? extends SocketChannel> channel() {
            return NioSocketChannel.class;
        }
    };

    /** The system property that forces a transport: {@code epoll} or {@code nio}. */
    public static final String PROPERTY = "loa.transport";

    /** @param threads 0 for Netty's default (twice the cores) */
    public abstract EventLoopGroup group(int threads, ThreadFactory threadFactory);

    public abstract Class<? extends ServerSocketChannel> serverChannel();

    public abstract Class<? extends SocketChannel> channel();

    /** Epoll where the native library loads, unless the property asks for NIO. */
    public static NettyTransport best() {
        String asked = System.getProperty(PROPERTY, "").trim().toLowerCase(Locale.ROOT);
        if (asked.equals("nio")) {
            return NIO;
        }
        if (asked.equals("epoll") && !Epoll.isAvailable()) {
            throw new IllegalStateException("-D" + PROPERTY + "=epoll, but the native epoll transport is not available: "
                    + Epoll.unavailabilityCause());
        }
        return Epoll.isAvailable() ? EPOLL : NIO;
    }
}
