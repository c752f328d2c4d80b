package vn.loa.server.api;

import io.netty.handler.codec.http.HttpMethod;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.loa.server.auth.Access;
import vn.loa.server.config.ServerSettings;

/** GET /api/config: the settings the console shows (default quiet hours, zone, alert rule), nothing secret. */
public final class ConfigApi {
    private final ServerSettings settings;

    public ConfigApi(ServerSettings settings) {
        this.settings = settings;
    }

    public void register(Router router) {
        router.add(HttpMethod.GET, "/api/config", Access.MONITOR, Endpoint.sync(r -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("quietHours", settings.quietHours().toString());
            out.put("localTimeZone", settings.localZone().getId());
            out.put("attentionTone", settings.attentionTone());
            out.put("alertConfirmAboveCommunes", settings.alertConfirmAboveCommunes());
            out.put("maxUploadBytes", settings.maxUploadBytes());
            return ApiResponse.ok(out);
        }));
    }
}
