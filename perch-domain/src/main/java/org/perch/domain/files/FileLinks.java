package org.perch.domain.files;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.perch.core.Jid;

/**
 * The URLs of uploaded files: {@code <base>/upload/<id>/<name>}, the canonical form messages are stored with, and the
 * per-reader form {@code ...?u=<reader>&t=<token>} each reader is shown. Finding them in text is a substring search
 * first, so text without one costs a {@code contains}.
 */
public final class FileLinks {

    /** The HTTP path under which files are uploaded and downloaded. */
    public static final String PATH = "/upload/";
    private static final String ID = "[A-Za-z0-9_-]{16,64}";

    private final String prefix;
    private final Pattern url;

    public FileLinks(String baseUrl) {
        String base = baseUrl.strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        if (!base.startsWith("https://") && !base.startsWith("http://")) {
            throw new IllegalArgumentException("the files' base URL must be http or https: " + baseUrl);
        }
        this.prefix = base + PATH;
        // The id, then an optional name segment and query, up to what cannot be in a URL in running text.
        this.url = Pattern.compile(Pattern.quote(prefix) + "(" + ID + ")(/[^\\s?#<>\"']*)?(\\?[^\\s#<>\"']*)?");
    }

    /** Whether the text may name a file: cheap, and never false for text that does. */
    public boolean mayMention(String text) {
        return text.contains(prefix);
    }

    /** The ids of the files the text names, in order, each once. */
    public Set<String> fileIds(String text) {
        Set<String> ids = new LinkedHashSet<>();
        if (mayMention(text)) {
            Matcher m = url.matcher(text);
            while (m.find()) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }

    public String canonical(String id, String name) {
        return prefix + id + "/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public String upload(String id, String name, FileTokens tokens) {
        return canonical(id, name) + "?t=" + tokens.upload(id);
    }

    /**
     * The text with every file URL in it made the reader's own: any query it had is replaced by the reader's name
     * and token. Returns the same string when the text names no file.
     */
    public String forReader(String text, Jid reader, FileTokens tokens) {
        if (!mayMention(text)) {
            return text;
        }
        Jid bare = reader.toBare();
        String user = URLEncoder.encode(bare.toString(), StandardCharsets.UTF_8);
        Matcher m = url.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 96);
        while (m.find()) {
            String id = m.group(1);
            String path = m.group(2) == null ? "" : m.group(2);
            m.appendReplacement(out, Matcher.quoteReplacement(prefix + id + path + "?u=" + user + "&t="
                    + tokens.download(id, bare)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
