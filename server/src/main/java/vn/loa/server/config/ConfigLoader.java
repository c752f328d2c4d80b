package vn.loa.server.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.server.auth.StationSecrets;
import vn.loa.server.config.ConfigFiles.ServerFile;
import vn.loa.server.config.ConfigFiles.StationsFile;
import vn.loa.server.media.convert.ConversionSettings;
import vn.loa.server.media.convert.StationFormat;
import vn.loa.server.station.QuietHours;
import vn.loa.server.station.StationDirectory;
import vn.loa.server.store.Database;

/** Reads config/: server.yaml (optional), the stations file and the secrets file, and checks them. */
public final class ConfigLoader {
    private static final Logger log = LoggerFactory.getLogger(ConfigLoader.class);
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public record Loaded(ServerSettings settings, StationDirectory directory, StationSecrets secrets) {
    }

    public Loaded load(CommandLine cli) {
        Path configDir = Objects.requireNonNullElse(cli.configDir(), Path.of("config"));
        if (!Files.isDirectory(configDir)) {
            throw new ConfigException("configuration directory " + configDir.toAbsolutePath() + " does not exist");
        }
        Path serverYaml = configDir.resolve("server.yaml");
        ServerFile file = Files.exists(serverYaml) ? read(serverYaml, ServerFile.class) : ServerFile.EMPTY;
        ServerSettings settings = settings(file, cli, configDir);
        StationsFile stations = read(settings.stationsFile(), StationsFile.class);
        StationDirectory directory = new StationDirectoryBuilder(settings.stationsFile().toString()).build(stations);
        StationSecrets secrets = secrets(settings.secretsFile(), directory);
        return new Loaded(settings, directory, secrets);
    }

    private static ServerSettings settings(ServerFile f, CommandLine cli, Path configDir) {
        Path dataDir = cli.dataDir() != null ? cli.dataDir() : Path.of(Objects.requireNonNullElse(f.dataDir(), "data"));
        ConfigFiles.Database db = Objects.requireNonNullElse(f.database(), ConfigFiles.Database.NONE);
        // LOA_DATABASE_URL lets an operator or CI point the same configuration at PostgreSQL.
        String url = System.getenv().getOrDefault("LOA_DATABASE_URL",
                Objects.requireNonNullElse(db.url(), Database.h2Url(dataDir)));
        return new ServerSettings(
                Objects.requireNonNullElse(f.bindAddress(), "0.0.0.0"),
                first(cli.receiverPort(), f.receiverPort(), ServerSettings.DEFAULT_RECEIVER_PORT),
                first(cli.httpPort(), f.httpPort(), ServerSettings.DEFAULT_HTTP_PORT),
                Objects.requireNonNullElse(f.heartbeatIntervalMs(), 10_000L),
                Objects.requireNonNullElse(f.handshakeTimeoutMs(), 10_000L),
                Objects.requireNonNullElse(f.commandTimeoutMs(), 5_000L),
                Objects.requireNonNullElse(f.apiThreads(), 2),
                configDir, dataDir,
                configDir.resolve(Objects.requireNonNullElse(f.stationsFile(), "stations.yaml")),
                configDir.resolve(Objects.requireNonNullElse(f.secretsFile(), "station-secrets.yaml")),
                Path.of(Objects.requireNonNullElse(f.mediaDir(), "playlists")),
                f.attentionTone(),
                Objects.requireNonNullElse(f.emergencyVolume(), 90),
                Objects.requireNonNullElse(f.writeBufferLowBytes(), 32 * 1024),
                Objects.requireNonNullElse(f.writeBufferHighBytes(), 128 * 1024),
                Objects.requireNonNullElse(f.sendBufferBytes(), 64 * 1024),
                url,
                System.getenv().getOrDefault("LOA_DATABASE_USER", Objects.requireNonNullElse(db.user(), "")),
                System.getenv().getOrDefault("LOA_DATABASE_PASSWORD", Objects.requireNonNullElse(db.password(), "")),
                Objects.requireNonNullElse(db.poolSize(), 8),
                quietHours(f.quietHours()),
                zone(Objects.requireNonNullElse(f.localTimeZone(), "Asia/Ho_Chi_Minh")),
                Objects.requireNonNullElse(f.alertConfirmAboveCommunes(), 1),
                Objects.requireNonNullElse(f.maxUploadBytes(), 32L * 1024 * 1024),
                Objects.requireNonNullElse(f.publicMetrics(), false),
                f.http() == null ? HttpEdgeSettings.DEFAULT : f.http().settings(),
                receiverLimits(f.receiverLimits()), tls(f.tls(), configDir), tts(f.tts()), media(f.media()));
    }

    /** The tts block (checked as it is read: a wrong engine, command, URL or region stops the start). */
    private static TtsSettings tts(TtsSettings file) {
        return file == null ? TtsSettings.DEFAULT : file;
    }

    private static ConversionSettings media(ConfigFiles.MediaBlock e) {
        ConversionSettings d = ConversionSettings.DEFAULT;
        if (e == null) {
            return d;
        }
        ConfigFiles.StationFormatEntry st = e.station();
        ConfigFiles.LoudnessEntry l = e.loudness();
        try {
            StationFormat format = st == null ? d.station() : new StationFormat(
                    Objects.requireNonNullElse(st.sampleRate(), d.station().sampleRate()),
                    Objects.requireNonNullElse(st.channels(), d.station().channels()),
                    Objects.requireNonNullElse(st.bitrateKbps(), d.station().bitrateKbps()));
            return new ConversionSettings(Objects.requireNonNullElse(e.ffmpeg(), d.ffmpeg()),
                    Objects.requireNonNullElse(e.conversionThreads(), d.conversionThreads()),
                    Objects.requireNonNullElse(e.conversionQueue(), d.queue()), format,
                    l == null || l.targetLufs() == null ? d.targetLufs() : l.targetLufs(),
                    l == null || l.truePeakDbtp() == null ? d.truePeakDbtp() : l.truePeakDbtp(),
                    Objects.requireNonNullElse(e.reencodeMp3(), d.reencodeMp3()));
        } catch (IllegalArgumentException ex) {
            throw new ConfigException("server.yaml: " + ex.getMessage());
        }
    }

    private static ReceiverLimits receiverLimits(ConfigFiles.ReceiverLimitsEntry e) {
        ReceiverLimits d = ReceiverLimits.DEFAULT;
        return e == null ? d : new ReceiverLimits(
                Objects.requireNonNullElse(e.preAuthConnections(), d.preAuthConnections()),
                Objects.requireNonNullElse(e.preAuthPerAddress(), Math.min(d.preAuthPerAddress(),
                        Objects.requireNonNullElse(e.preAuthConnections(), d.preAuthConnections()))),
                Objects.requireNonNullElse(e.statusPerSecond(), d.statusPerSecond()),
                Objects.requireNonNullElse(e.historyRowsPerMinute(), d.historyRowsPerMinute()));
    }

    private static TlsSettings tls(ConfigFiles.TlsEntry e, Path configDir) {
        if (e == null) {
            return TlsSettings.OFF;
        }
        return new TlsSettings(e.certificate() == null ? null : configDir.resolve(e.certificate()),
                e.privateKey() == null ? null : configDir.resolve(e.privateKey()),
                Objects.requireNonNullElse(e.receivers(), true), Objects.requireNonNullElse(e.http(), true));
    }

    private static QuietHours quietHours(String text) {
        try {
            return text == null ? QuietHours.DEFAULT : QuietHours.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("server.yaml: " + e.getMessage());
        }
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new ConfigException("server.yaml: localTimeZone '" + id + "' is not a time zone");
        }
    }

    private static int first(Integer cli, Integer file, int fallback) {
        return cli != null ? cli : file != null ? file : fallback;
    }

    private StationSecrets secrets(Path file, StationDirectory directory) {
        if (!Files.exists(file)) {
            log.warn("No secrets file {}: no receiver can authenticate until it exists", file);
            return new StationSecrets(Map.of());
        }
        Map<String, String> parsed = read(file, new TypeReference<Map<String, String>>() { });
        Map<String, String> secrets = parsed == null ? Map.of() : parsed;
        secrets.forEach((id, secret) -> {
            if (secret == null || secret.isBlank()) {
                throw new ConfigException(file + ": the secret of station " + id + " is empty");
            }
            if (directory.station(id).isEmpty()) {
                log.warn("{}: secret for {}, which is not in the stations file; ignored", file, id);
            }
        });
        directory.stations().stream().filter(s -> s.enabled() && !secrets.containsKey(s.id()))
                .forEach(s -> log.warn("{}: enabled station {} has no secret and cannot connect", file, s.id()));
        return new StationSecrets(secrets);
    }

    private <T> T read(Path file, Class<T> type) {
        return read(file, yaml.getTypeFactory().constructType(type));
    }

    private <T> T read(Path file, TypeReference<T> type) {
        return read(file, yaml.getTypeFactory().constructType(type));
    }

    private <T> T read(Path file, JavaType type) {
        try {
            return yaml.readValue(file.toFile(), type);
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + ": " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
