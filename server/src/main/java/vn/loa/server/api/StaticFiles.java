package vn.loa.server.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The web console's files, read from the jar: the console under {@code web/}, the libraries it uses
 * from WebJars under {@code META-INF/resources/webjars/}. Each file is read once and kept, so serving
 * never touches the jar on a network thread after the first request. Only known extensions are served.
 */
final class StaticFiles {
    record File(byte[] bytes, String contentType) {
    }

    /** How many files are kept (for tests: unknown paths must not add any). */
    int cached() {
        return cache.size();
    }

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"), Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("png", "image/png"), Map.entry("svg", "image/svg+xml"), Map.entry("ico", "image/x-icon"));
    /** Only files found in the jar, so the map can never grow past the jar's contents, whatever is asked. */
    private final Map<String, File> cache = new ConcurrentHashMap<>();

    /** The file for a URL path, or empty: unknown paths, folders, traversal and unknown types are not served. */
    Optional<File> find(String path) {
        String resource;
        if (path.equals("/") || path.equals("/index.html")) {
            resource = "web/index.html";
        } else if (path.startsWith("/web/")) {
            resource = "web/" + path.substring(5);
        } else if (path.startsWith("/webjars/")) {
            resource = "META-INF/resources/webjars/" + path.substring(9);
        } else {
            return Optional.empty();
        }
        if (resource.contains("..") || resource.contains("//") || resource.endsWith("/")) {
            return Optional.empty();
        }
        String type = TYPES.get(resource.substring(resource.lastIndexOf('.') + 1));
        if (type == null) {
            return Optional.empty();
        }
        File cached = cache.get(resource);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<File> found = read(resource, type);
        found.ifPresent(f -> cache.putIfAbsent(resource, f));
        return found;
    }

    private static Optional<File> read(String resource, String type) {
        try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new File(in.readAllBytes(), type));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
