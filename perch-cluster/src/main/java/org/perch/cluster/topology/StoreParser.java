package org.perch.cluster.topology;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads the {@code stores} and {@code fileStores} objects: each store by its kind, each file store by its path. */
final class StoreParser {

    private static final String KINDS = PostgresStoreDefinition.KIND + " or " + EmbeddedStoreDefinition.KIND;

    private StoreParser() {
    }

    /** The stores that could be read, by name, in file order. */
    static Map<String, StoreDefinition> stores(JsonNode stores, JsonPath path, Problems problems) {
        Map<String, StoreDefinition> read = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : stores.properties()) {
            store(entry.getKey(), entry.getValue(), path.key(entry.getKey()), problems)
                    .ifPresent(store -> read.put(store.name(), store));
        }
        return read;
    }

    /** The file stores that could be read, by name, in file order. */
    static Map<String, FileStoreDefinition> fileStores(JsonNode fileStores, JsonPath path, Problems problems) {
        Map<String, FileStoreDefinition> read = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : fileStores.properties()) {
            String name = entry.getKey();
            ObjectFields.of(entry.getValue(), path.key(name), problems, Shape.FILE_STORE)
                    .flatMap(fields -> fields.text("path"))
                    .ifPresent(directory -> read.put(name, new FileStoreDefinition(name, directory)));
        }
        return read;
    }

    private static Optional<StoreDefinition> store(String name, JsonNode node, JsonPath path, Problems problems) {
        if (!node.isObject()) {
            problems.error(path, "a store must be a JSON object {…}, found " + JsonTypes.describe(node));
            return Optional.empty();
        }
        JsonNode kind = node.get("kind");
        if (kind == null) {
            problems.error(path.key("kind"), "missing required key 'kind' in a store: " + KINDS);
            return Optional.empty();
        }
        return switch (kind.isTextual() ? kind.textValue() : "") {
            case PostgresStoreDefinition.KIND -> postgres(name, node, path, problems);
            case EmbeddedStoreDefinition.KIND -> embedded(name, node, path, problems);
            default -> {
                problems.error(path.key("kind"), "kind must be " + KINDS + ", found " + JsonTypes.describe(kind));
                yield Optional.empty();
            }
        };
    }

    private static Optional<StoreDefinition> postgres(String name, JsonNode node, JsonPath path, Problems problems) {
        ObjectFields fields = ObjectFields.of(node, path, problems, Shape.POSTGRES_STORE).orElseThrow();
        Optional<String> url = fields.text("url");
        Optional<String> user = fields.text("user");
        Optional<String> passwordFile = fields.text("passwordFile");
        return fields.complete()
                ? Optional.of(new PostgresStoreDefinition(name, url.orElseThrow(), user.orElseThrow(),
                        passwordFile.orElseThrow()))
                : Optional.empty();
    }

    private static Optional<StoreDefinition> embedded(String name, JsonNode node, JsonPath path, Problems problems) {
        return ObjectFields.of(node, path, problems, Shape.EMBEDDED_STORE).orElseThrow().text("dataDir")
                .map(dataDir -> new EmbeddedStoreDefinition(name, dataDir));
    }
}
