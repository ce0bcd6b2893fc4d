package org.perch.webclient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every file of the web client, read from the class path once at start and kept in memory (about 6 MB, most of it
 * Converse's translations, and 1.6 MB of gzip copies): {@code /} is the page, {@code /perch-client.js} its script, {@code /perch-config.json}
 * this server's settings, and {@code /converse/<version>/…} the files of Converse.js that the build copied from its
 * npm package. Only these paths are served, so no request path ever reaches the class loader or the file system.
 * Text files come with a gzip copy: the build's for Converse's (compressed once, at build time, at the highest level),
 * made here for Perch's own few kilobytes.
 */
public final class WebClient {
    private static final String BASE = "/org/perch/webclient/";
    private static final String CONVERSE_BASE = BASE + "converse/";
    private static final String CONVERSE_PATH = "/converse/";
    private static final String CONVERSE_PLACEHOLDER = "@CONVERSE@";
    private static final String GZ = ".gz";
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("png", "image/png"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("ico", "image/vnd.microsoft.icon"),
            Map.entry("mp3", "audio/mpeg"),
            Map.entry("ogg", "audio/ogg"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("", "text/plain; charset=utf-8"));

    private final Map<String, WebFile> files;
    private final String converseVersion;

    private WebClient(Map<String, WebFile> files, String converseVersion) {
        this.files = Map.copyOf(files);
        this.converseVersion = converseVersion;
    }

    /**
     * Reads the files from the class path.
     *
     * @throws IllegalStateException if the jar lacks a file its index names (a broken build)
     */
    public static WebClient load(WebClientSettings settings) {
        List<String> index = new String(read(CONVERSE_BASE + "files.txt"), StandardCharsets.UTF_8).lines()
                .filter(line -> !line.isBlank()).toList();
        String version = index.getFirst();
        String converse = CONVERSE_PATH + version + "/";
        String dir = CONVERSE_BASE + version + "/";
        Set<String> listed = Set.copyOf(index.subList(1, index.size()));
        Map<String, WebFile> files = new HashMap<>();
        for (String name : listed) {
            if (isGzipCopy(name, listed)) {
                continue;
            }
            Optional<byte[]> gzipped = listed.contains(name + GZ) ? Optional.of(read(dir + name + GZ))
                    : Optional.empty();
            files.put(converse + name, WebFile.withGzipped(typeOf(name), read(dir + name), gzipped,
                    WebFile.IMMUTABLE));
        }
        for (String notice : List.of("LICENSE", "COPYRIGHT")) {
            files.put(converse + notice, WebFile.of(typeOf(notice), read(CONVERSE_BASE + version + "/" + notice),
                    WebFile.IMMUTABLE));
        }
        String page = new String(read(BASE + "site/index.html"), StandardCharsets.UTF_8)
                .replace(CONVERSE_PLACEHOLDER, converse.substring(0, converse.length() - 1));
        files.put("/", WebFile.text(typeOf("index.html"), page, WebFile.REVALIDATE));
        files.put("/perch-client.js", WebFile.text(typeOf("perch-client.js"),
                new String(read(BASE + "site/perch-client.js"), StandardCharsets.UTF_8), WebFile.REVALIDATE));
        files.put("/perch-config.json", WebFile.text(typeOf("perch-config.json"), configJson(settings, converse),
                WebFile.REVALIDATE));
        return new WebClient(files, version);
    }

    /** The file served at this path (without query), if any; {@code /index.html} is the page too. */
    public Optional<WebFile> find(String path) {
        return Optional.ofNullable(files.get(path.equals("/index.html") ? "/" : path));
    }

    /** The version of Converse.js the build put in the jar. */
    public String converseVersion() {
        return converseVersion;
    }

    /** The headers every answer of the web client carries; see {@link ClientSecurityHeaders}. */
    public Map<String, String> securityHeaders() {
        return ClientSecurityHeaders.ALL;
    }

    /** The settings the page's script reads; field names are the page's, not Converse's. */
    private static String configJson(WebClientSettings settings, String conversePath) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("domain", settings.domain());
        config.put("mucDomain", settings.mucDomain());
        config.put("registration", settings.registration());
        config.put("websocketPath", settings.websocketPath());
        config.put("conversePath", conversePath);
        try {
            return new ObjectMapper().writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the web client's settings", e);
        }
    }

    /** The build's gzip copy of a listed file: served in its place to browsers that accept gzip, never by its name. */
    private static boolean isGzipCopy(String name, Set<String> listed) {
        return name.endsWith(GZ) && listed.contains(name.substring(0, name.length() - GZ.length()));
    }

    private static String typeOf(String name) {
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        return TYPES.get(dot > slash ? name.substring(dot + 1) : "");
    }

    private static byte[] read(String resource) {
        try (InputStream in = WebClient.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the web client's file " + resource
                        + " is missing from the class path (was perch-webclient built with npm?)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the web client's file " + resource, e);
        }
    }
}
