package org.perch.cluster.topology;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.perch.store.cluster.PublishedTopology;

/**
 * Reads a topology file (JSON, docs/topology.md) into a {@link Topology}, reporting every key that is unknown,
 * missing or of the wrong type with its place in the file. What the model needs and the file lacks is left out of
 * the model; a file that is not JSON, or of another schema, gives no model at all.
 */
public final class TopologyParser {

    private TopologyParser() {
    }

    /**
     * Reads {@code text}, the content of the file {@code fileName} (used only to name places in the problems).
     */
    public static ParsedTopology parse(String text, String fileName) {
        SourceMap map = new SourceMap(fileName);
        Problems problems = new Problems(map);
        if (text.length() > PublishedTopology.MAX_DOCUMENT_LENGTH) {
            problems.error(JsonPath.ROOT, "the file is " + text.length() + " characters; a store keeps at most "
                    + PublishedTopology.MAX_DOCUMENT_LENGTH);
        }
        JsonNode root = JsonDocumentReader.read(text, map, problems);
        if (root.isMissingNode() || otherSchema(root, problems)) {
            return unread(map, problems);
        }
        Optional<ObjectFields> read = ObjectFields.of(root, JsonPath.ROOT, problems, Shape.TOPOLOGY);
        if (read.isEmpty()) {
            return unread(map, problems);
        }
        ObjectFields fields = read.get();
        fields.integer("schemaVersion");
        Optional<String> domain = fields.text("domain");
        int maxActive = fields.optionalInteger("maxActiveServersPerPool",
                Topology.DEFAULT_MAX_ACTIVE_SERVERS_PER_POOL);
        Optional<JsonNode> storesNode = fields.object("stores");
        Optional<JsonNode> fileStoresNode = fields.optionalObject("fileStores");
        Map<String, StoreDefinition> stores = storesNode
                .map(node -> StoreParser.stores(node, fields.path("stores"), problems)).orElse(Map.of());
        Map<String, FileStoreDefinition> fileStores = fileStoresNode
                .map(node -> StoreParser.fileStores(node, fields.path("fileStores"), problems)).orElse(Map.of());
        Optional<JsonNode> poolsNode = fields.array("pools");
        Optional<PoolParser> pools = poolsNode.map(node -> PoolParser.read(node, fields.path("pools"), problems));
        if (domain.isEmpty() || storesNode.isEmpty() || pools.isEmpty()) {
            return unread(map, problems);
        }
        Topology topology = new Topology(domain.get(), maxActive, stores, fileStores, pools.get().pools());
        TopologySource source = new TopologySource(map, pools.get().origins(),
                pools.get().pools().size() == poolsNode.get().size(), names(storesNode), names(fileStoresNode));
        return new ParsedTopology(Optional.of(topology), problems.list(), source);
    }

    /** A schemaVersion other than 1 means another format: its other keys would only give false alarms. */
    private static boolean otherSchema(JsonNode root, Problems problems) {
        JsonNode version = root.path("schemaVersion");
        if (!version.isIntegralNumber() || version.asLong() == Topology.SCHEMA_VERSION) {
            return false;
        }
        problems.error(JsonPath.ROOT.key("schemaVersion"), "schemaVersion " + version.asText() + " is not one this"
                + " Perch reads: it reads schemaVersion " + Topology.SCHEMA_VERSION + " (nothing else was checked)");
        return true;
    }

    private static Set<String> names(Optional<JsonNode> object) {
        Set<String> names = new HashSet<>();
        object.ifPresent(node -> node.properties().forEach(property -> names.add(property.getKey())));
        return names;
    }

    private static ParsedTopology unread(SourceMap map, Problems problems) {
        return new ParsedTopology(Optional.empty(), problems.list(),
                new TopologySource(map, List.of(), false, Set.of(), Set.of()));
    }
}
