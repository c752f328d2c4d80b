package vn.loa.server.tts;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A speech service over HTTP: the text is POSTed as UTF-8 plain text to {@code urlTemplate} with {voice}
 * and {rate} filled in (URL-encoded), with the configured headers (an API key, say). The answer must be
 * WAV or MP3, told by its Content-Type or, failing that, by its first bytes.
 */
public record HttpEngine(String urlTemplate, Map<String, String> headers, List<Voice> voices, Duration timeout,
                         HttpClient client) implements TtsEngine {

    public static HttpEngine of(String urlTemplate, Map<String, String> headers, List<Voice> voices, Duration timeout) {
        return new HttpEngine(urlTemplate, Map.copyOf(headers), List.copyOf(voices), timeout,
                HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build());
    }

    @Override
    public String name() {
        return "http";
    }

    @Override
    public Path synthesize(String text, String voice, double rate, Path dir) throws IOException, InterruptedException {
        URI uri = URI.create(urlTemplate.replace("{voice}", URLEncoder.encode(voice, StandardCharsets.UTF_8))
                .replace("{rate}", String.format(Locale.ROOT, "%.2f", rate)));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.net.http.HttpTimeoutException e) {
            throw new SpeechFailed("tts_timeout", "the speech service did not answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            throw new SpeechFailed("tts_engine_failed", "the speech service could not be reached: " + e.getMessage());
        }
        if (response.statusCode() / 100 != 2) {
            throw new SpeechFailed("tts_engine_failed", "the speech service answered HTTP " + response.statusCode());
        }
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        byte[] body = response.body();
        boolean wav = type.contains("wav") || body.length > 4 && body[0] == 'R' && body[1] == 'I' && body[2] == 'F';
        boolean mp3 = type.contains("mpeg") || type.contains("mp3") || body.length > 3 && (body[0] == 'I' && body[1] == 'D'
                && body[2] == '3' || (body[0] & 0xFF) == 0xFF && (body[1] & 0xE0) == 0xE0);
        if (!wav && !mp3) {
            throw new SpeechFailed("tts_engine_failed", "the speech service answered '" + type + "', not WAV or MP3");
        }
        Path out = Files.createTempFile(dir, "http-", wav ? ".wav" : ".mp3");
        Files.write(out, body);
        return out;
    }
}
