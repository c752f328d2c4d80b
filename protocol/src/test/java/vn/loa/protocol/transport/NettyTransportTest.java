package vn.loa.protocol.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NettyTransportTest {

    @AfterEach
    void clearProperty() {
        System.clearProperty(NettyTransport.PROPERTY);
    }

    @Test
    void epollWhereTheNativeLibraryLoadsOtherwiseNio() {
        NettyTransport expected = Epoll.isAvailable() ? NettyTransport.EPOLL : NettyTransport.NIO;
        assertEquals(expected, NettyTransport.best());
        // The jar carries the library for Linux on x86-64; on that platform it must load.
        if (System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64")) {
            assertEquals(NettyTransport.EPOLL, NettyTransport.best(), String.valueOf(Epoll.unavailabilityCause()));
        }
    }

    @Test
    void thePropertyForcesNio() {
        System.setProperty(NettyTransport.PROPERTY, "NIO");
        assertEquals(NettyTransport.NIO, NettyTransport.best());
    }

    @Test
    void groupAndChannelsMatchTheTransport() {
        for (NettyTransport t : NettyTransport.values()) {
            if (t == NettyTransport.EPOLL && !Epoll.isAvailable()) {
                continue;
            }
            EventLoopGroup group = t.group(1, new DefaultThreadFactory("transport-test"));
            try {
                Class<?> expected = t == NettyTransport.EPOLL ? EpollEventLoopGroup.class : NioEventLoopGroup.class;
                assertEquals(expected, group.getClass());
                assertEquals(t == NettyTransport.EPOLL, t.channel().getSimpleName().startsWith("Epoll"));
                assertEquals(t == NettyTransport.EPOLL, t.serverChannel().getSimpleName().startsWith("Epoll"));
            } finally {
                group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).syncUninterruptibly();
            }
        }
    }
}
