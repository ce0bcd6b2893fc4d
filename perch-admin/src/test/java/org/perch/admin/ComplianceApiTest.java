package org.perch.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perch.core.Jid;

/** The compliance configuration, status and run-now through the admin API, over a real compliance runtime. */
class ComplianceApiTest extends ApiTestBase {

    private static final String CONFIGURATION = "/api/v1/compliance/configuration";

    @TempDir
    Path output;

    @Test
    void complianceShouldBeOffUntilAnAdapterIsNamed() throws Exception {
        JsonNode off = json(send(local(CONFIGURATION).GET()));
        assertThat(off.path("enabled").asBoolean()).isFalse();
        assertThat(off.path("runInterval").asText()).isEqualTo("00:15:00");
        assertThat(json(send(local("/api/v1/compliance/status").GET())).path("enabled").asBoolean()).isFalse();
        HttpResponse<String> run = post("/api/v1/compliance/run", "{}");
        assertThat(run.statusCode()).isEqualTo(409);
        assertThat(error(run).path("message").asText()).contains("compliance is off");
    }

    @Test
    void namingAnAdapterShouldCaptureAndRunNowShouldExport() throws Exception {
        HttpResponse<String> on = patch(CONFIGURATION, "{\"adapterType\": \"jsonl\", \"adapterOutputDirectory\": \""
                + output + "\", \"runInterval\": \"1.00:00:00\"}");
        assertThat(on.statusCode()).as(on.body()).isEqualTo(200);
        assertThat(json(on).path("enabled").asBoolean()).isTrue();
        assertThat(json(on).path("runInterval").asText()).isEqualTo("1.00:00:00");
        assertThat(chat.compliance().enabled()).isTrue();

        post("/api/v1/categories", "{\"name\": \"Trading\"}");
        HttpResponse<String> run = post("/api/v1/compliance/run", "{}");

        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
        assertThat(json(run).path("lastExportedSequence").asLong()).isEqualTo(1);
        assertThat(json(run).path("exportBacklog").asLong()).isZero();
        try (var files = Files.list(output)) {
            assertThat(files.filter(f -> f.toString().endsWith(".jsonl")).toList()).hasSize(1);
        }

        HttpResponse<String> reset = send(local(CONFIGURATION).DELETE());
        assertThat(json(reset).path("enabled").asBoolean()).isFalse();
        assertThat(chat.compliance().enabled()).isFalse();
        assertThat(store.complianceConfiguration().load()).isEmpty();
    }

    @Test
    void mistakesShouldBeRefusedNamingTheField() throws Exception {
        assertPatchInvalid("{\"runInterval\": \"00:00:30\"}", "runInterval");
        assertPatchInvalid("{\"runInterval\": \"31.00:00:00\"}", "runInterval");
        assertPatchInvalid("{\"runInterval\": \"soon\"}", "runInterval");
        assertPatchInvalid("{\"adapterType\": \"xml\"}", "adapterType");
        assertPatchInvalid("{\"adapterType\": \"com.example.NoSuchAdapter\", \"adapterOutputDirectory\": \"/tmp\"}",
                "adapterType");
        assertPatchInvalid("{\"customConfiguration\": \"<xsl:stylesheet/>\"}", "customConfiguration");
        assertPatchInvalid("{\"oneChatRoomPerOutputFile\": \"yes\"}", "oneChatRoomPerOutputFile");
        assertPatchInvalid("{\"colour\": \"red\"}", "colour");
        assertThat(chat.compliance().enabled()).isFalse();
        assertThat(store.complianceConfiguration().load()).isEmpty();
    }

    @Test
    void onlyAdministratorsShouldReachCompliance() throws Exception {
        HttpResponse<String> alice = send(basic(request(CONFIGURATION), Jid.of("alice@example.org").toString(),
                "alice-secret").GET());
        assertThat(alice.statusCode()).isEqualTo(403);
    }

    private void assertPatchInvalid(String body, String field) throws Exception {
        HttpResponse<String> response = patch(CONFIGURATION, body);
        assertThat(response.statusCode()).as(body).isEqualTo(400);
        assertThat(error(response).path("field").asText()).as(body).isEqualTo(field);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.MAPPER.readTree(response.body());
    }
}
