package org.perch.admin;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.perch.compliance.ComplianceControl;
import org.perch.compliance.ComplianceStatus;
import org.perch.store.compliance.ComplianceConfiguration;

/**
 * The compliance service, after New-, Set-, Get- and Remove-CsPersistentChatComplianceConfiguration:
 * {@code /api/v1/compliance/configuration}, and Perch's own {@code /api/v1/compliance/status} and
 * {@code /api/v1/compliance/run} (run now).
 */
final class ComplianceResource {

    static final String CONFIGURATION = "/api/v1/compliance/configuration";
    static final String STATUS = "/api/v1/compliance/status";
    static final String RUN = "/api/v1/compliance/run";
    private static final Set<String> FIELDS = Set.of("adapterType", "adapterName", "adapterOutputDirectory",
            "oneChatRoomPerOutputFile", "addChatRoomDetails", "addUserDetails", "createFileAttachmentsManifest",
            "runInterval", "customConfiguration");
    /** Lync's d.hh:mm:ss (the day part optional). */
    private static final Pattern LYNC_INTERVAL = Pattern.compile("(?:(\\d+)\\.)?(\\d{1,2}):(\\d{2}):(\\d{2})");

    private final ComplianceControl compliance;

    ComplianceResource(ComplianceControl compliance) {
        this.compliance = compliance;
    }

    void register(Routes routes) {
        routes.add("GET", CONFIGURATION, r -> ApiResponse.ok(view(compliance.configuration())))
                .add("PATCH", CONFIGURATION, this::configure)
                .add("DELETE", CONFIGURATION, r -> ApiResponse.ok(view(compliance.reset())))
                .add("GET", STATUS, r -> ApiResponse.ok(view(compliance.status())))
                .add("POST", RUN, r -> run());
    }

    private ApiResponse configure(ApiRequest request) {
        Body body = new Body(request.body()).only(FIELDS);
        if (body.has("customConfiguration")) {
            throw ApiException.invalid("customConfiguration", "customConfiguration (an XSLT transform) is not"
                    + " supported: write an adapter instead (docs/compliance.md)");
        }
        ComplianceConfiguration current = compliance.configuration();
        Optional<String> type = body.has("adapterType") ? nullable(body, "adapterType") : current.adapterType();
        String name = body.text("adapterName").orElse(current.adapterName());
        Optional<String> directory = body.has("adapterOutputDirectory") ? nullable(body, "adapterOutputDirectory")
                : current.adapterOutputDirectory();
        Duration interval = body.text("runInterval").map(ComplianceResource::interval).orElse(current.runInterval());
        ComplianceConfiguration next = CategoryResource.field(fieldOf(body), () -> new ComplianceConfiguration(type,
                name, directory, body.bool("oneChatRoomPerOutputFile").orElse(current.oneChatRoomPerOutputFile()),
                body.bool("addChatRoomDetails").orElse(current.addChatRoomDetails()),
                body.bool("addUserDetails").orElse(current.addUserDetails()),
                body.bool("createFileAttachmentsManifest").orElse(current.createFileAttachmentsManifest()),
                interval));
        ComplianceConfiguration applied = CategoryResource.field("adapterType", () -> compliance.configure(c -> next));
        return ApiResponse.ok(view(applied));
    }

    /** A text field that {@code null} clears. */
    private static Optional<String> nullable(Body body, String field) {
        return body.isNull(field) ? Optional.empty() : body.text(field);
    }

    /** A refusal of the whole configuration is about what the body changed; the adapter is the likeliest. */
    private static String fieldOf(Body body) {
        for (String field : new String[] {"runInterval", "adapterOutputDirectory", "adapterName", "adapterType"}) {
            if (body.has(field)) {
                return field;
            }
        }
        return "adapterType";
    }

    private ApiResponse run() {
        try {
            return ApiResponse.ok(view(compliance.runNow()));
        } catch (IllegalStateException e) {
            throw ApiException.conflict(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "unavailable", "the server is stopping", null);
        }
    }

    /** Lync's {@code d.hh:mm:ss} or ISO-8601 ({@code PT15M}). */
    static Duration interval(String text) {
        Matcher m = LYNC_INTERVAL.matcher(text.strip());
        try {
            if (m.matches()) {
                long days = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
                int hours = Integer.parseInt(m.group(2));
                int minutes = Integer.parseInt(m.group(3));
                int seconds = Integer.parseInt(m.group(4));
                if (hours > 23 || minutes > 59 || seconds > 59) {
                    throw ApiException.invalid("runInterval", "runInterval '" + text + "' is out of range:"
                            + " hh up to 23, mm and ss up to 59");
                }
                return Duration.ofDays(days).plusHours(hours).plusMinutes(minutes).plusSeconds(seconds);
            }
            return Duration.parse(text.strip());
        } catch (java.time.format.DateTimeParseException | NumberFormatException e) {
            throw ApiException.invalid("runInterval", "runInterval is d.hh:mm:ss (00:15:00) or ISO-8601 (PT15M);"
                    + " got '" + text + "'");
        }
    }

    /** Lync's d.hh:mm:ss, the day part only when there is one. */
    static String interval(Duration d) {
        long days = d.toDays();
        String time = String.format("%02d:%02d:%02d", d.toHoursPart(), d.toMinutesPart(), d.toSecondsPart());
        return days > 0 ? days + "." + time : time;
    }

    private static Map<String, Object> view(ComplianceConfiguration c) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("enabled", c.enabled());
        view.put("adapterType", c.adapterType().orElse(null));
        view.put("adapterName", c.adapterName());
        view.put("adapterOutputDirectory", c.adapterOutputDirectory().orElse(null));
        view.put("oneChatRoomPerOutputFile", c.oneChatRoomPerOutputFile());
        view.put("addChatRoomDetails", c.addChatRoomDetails());
        view.put("addUserDetails", c.addUserDetails());
        view.put("createFileAttachmentsManifest", c.createFileAttachmentsManifest());
        view.put("runInterval", interval(c.runInterval()));
        return view;
    }

    private static Map<String, Object> view(ComplianceStatus s) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("enabled", s.enabled());
        view.put("outboxBacklog", s.outboxBacklog());
        view.put("exportBacklog", s.exportBacklog());
        view.put("lastExportedSequence", s.lastExportedSequence());
        view.put("lastRun", s.lastRun().map(Object::toString).orElse(null));
        view.put("lastError", s.lastError().orElse(null));
        return view;
    }
}
