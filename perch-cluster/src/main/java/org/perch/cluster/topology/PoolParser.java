package org.perch.cluster.topology;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.perch.cluster.topology.TopologySource.PoolOrigin;

/** Reads the {@code pools} array: each pool with its servers, leaving out (reported) what cannot be read. */
final class PoolParser {

    private final Problems problems;
    private final List<PoolDefinition> pools = new ArrayList<>();
    private final List<PoolOrigin> origins = new ArrayList<>();

    private PoolParser(Problems problems) {
        this.problems = problems;
    }

    /** The pools of the array that could be read, and where each came from. */
    static PoolParser read(JsonNode array, JsonPath path, Problems problems) {
        PoolParser parser = new PoolParser(problems);
        for (int i = 0; i < array.size(); i++) {
            parser.pool(array.get(i), path.index(i));
        }
        return parser;
    }

    List<PoolDefinition> pools() {
        return pools;
    }

    List<PoolOrigin> origins() {
        return origins;
    }

    private void pool(JsonNode node, JsonPath path) {
        Optional<ObjectFields> read = ObjectFields.of(node, path, problems, Shape.POOL);
        if (read.isEmpty()) {
            return;
        }
        ObjectFields fields = read.get();
        Optional<String> name = fields.text("name");
        Optional<List<String>> mucServices = fields.texts("mucServices");
        Optional<String> store = fields.text("store");
        Optional<String> backupStore = fields.optionalText("backupStore");
        Optional<String> complianceStore = fields.optionalText("complianceStore");
        Optional<String> fileStore = fields.optionalText("fileStore");
        Optional<PoolState> state = fields.optionalText("state").map(text -> state(text, fields.path("state")))
                .orElse(Optional.of(PoolState.NORMAL));
        Optional<JsonNode> serverArray = fields.array("servers");
        List<ServerDefinition> servers = new ArrayList<>();
        List<JsonPath> serverPaths = new ArrayList<>();
        serverArray.ifPresent(array -> {
            for (int i = 0; i < array.size(); i++) {
                JsonPath serverPath = fields.path("servers").index(i);
                server(array.get(i), serverPath).ifPresent(server -> {
                    servers.add(server);
                    serverPaths.add(serverPath);
                });
            }
        });
        if (fields.complete() && state.isPresent()) {
            pools.add(new PoolDefinition(name.orElseThrow(), mucServices.orElseThrow(), store.orElseThrow(),
                    backupStore, complianceStore, fileStore, servers, state.get()));
            origins.add(new PoolOrigin(path, serverPaths, servers.size() == serverArray.orElseThrow().size()));
        }
    }

    private Optional<ServerDefinition> server(JsonNode node, JsonPath path) {
        Optional<ObjectFields> read = ObjectFields.of(node, path, problems, Shape.SERVER);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        ObjectFields fields = read.get();
        Optional<String> name = fields.text("name");
        Optional<String> host = fields.text("host");
        int clientPort = fields.optionalInteger("clientPort", ServerDefinition.DEFAULT_CLIENT_PORT);
        Optional<ServerRole> role = fields.text("role").flatMap(text -> role(text, fields.path("role")));
        if (!fields.complete() || role.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ServerDefinition(name.orElseThrow(), host.orElseThrow(), clientPort, role.get()));
    }

    private Optional<PoolState> state(String text, JsonPath path) {
        Optional<PoolState> state = PoolState.of(text);
        if (state.isEmpty()) {
            problems.error(path, "state must be " + PoolState.NORMAL.jsonName() + " (the default) or "
                    + PoolState.FAILED_OVER.jsonName() + " (running on the backup store), found \"" + text + "\"");
        }
        return state;
    }

    private Optional<ServerRole> role(String text, JsonPath path) {
        Optional<ServerRole> role = ServerRole.of(text);
        if (role.isEmpty()) {
            problems.error(path, "role must be " + ServerRole.ACTIVE.jsonName() + " (accepts connections) or "
                    + ServerRole.IDLE.jsonName() + " (waits to be activated), found \"" + text + "\"");
        }
        return role;
    }
}
