package vn.loa.server.api;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import vn.loa.server.monitor.EventHub;
import vn.loa.server.monitor.LiveEvent;

/**
 * GET /api/events as Server-Sent Events: each live event the viewer's scope covers, as
 * {@code id:}, {@code event:} and one JSON {@code data:} line. A comment every 15 s keeps proxies from
 * closing an idle stream. A viewer whose connection is full loses events (counted), never stalls others.
 */
public final class EventStream {
    private static final long KEEPALIVE_SECONDS = 15;
    private final EventHub hub;
    private final Scopes scopes;
    private final LongAdder dropped = new LongAdder();
    /** Each event is serialised once, however many viewers it goes to; the last few are kept. */
    private final Map<Long, String> texts = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(64, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
                    return size() > 256;
                }
            });

    public EventStream(EventHub hub, Scopes scopes) {
        this.hub = hub;
        this.scopes = scopes;
    }

    void attach(Channel channel, ApiRequest viewer) {
        Runnable unsubscribe = hub.subscribe(event -> {
            if (!visible(viewer, event)) {
                return;
            }
            if (!channel.isWritable()) {
                dropped.increment();
                return;
            }
            channel.writeAndFlush(chunk(text(event)), channel.voidPromise());
        });
        ScheduledFuture<?> keepalive = channel.eventLoop().scheduleAtFixedRate(() ->
                channel.writeAndFlush(chunk(": keepalive\n\n"), channel.voidPromise()),
                KEEPALIVE_SECONDS, KEEPALIVE_SECONDS, TimeUnit.SECONDS);
        channel.closeFuture().addListener(f -> {
            unsubscribe.run();
            keepalive.cancel(false);
        });
    }

    public long dropped() {
        return dropped.sum();
    }

    public int viewers() {
        return hub.subscribers();
    }

    private boolean visible(ApiRequest viewer, LiveEvent event) {
        if (event.station() != null) {
            return scopes.reaches(viewer, event.station());
        }
        if (event.data() instanceof Map<?, ?> data && data.get("stations") instanceof Collection<?> stations) {
            return stations.stream().anyMatch(s -> scopes.reaches(viewer, String.valueOf(s)));
        }
        return true;
    }

    private String text(LiveEvent event) {
        return texts.computeIfAbsent(event.id(), id -> format(event));
    }

    private static String format(LiveEvent event) {
        String json;
        try {
            json = Json.MAPPER.writeValueAsString(event);
        } catch (Exception e) {
            json = "{\"type\":\"" + event.type() + "\",\"error\":\"not serialisable\"}";
        }
        return "id: " + event.id() + "\nevent: " + event.type() + "\ndata: " + json + "\n\n";
    }

    private static DefaultHttpContent chunk(String text) {
        return new DefaultHttpContent(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
    }
}
