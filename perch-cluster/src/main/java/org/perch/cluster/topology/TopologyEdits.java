package org.perch.cluster.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * Changes to a published topology document that a failover or a failback makes on the operator's behalf (Lync's
 * Set-CsPersistentChatState and Set-CsPersistentChatActiveServer): everything else in the document is kept as it was
 * published.
 */
public final class TopologyEdits {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TopologyEdits() {
    }

    /**
     * The document with {@code pool} in {@code state}, its servers named in {@code active} active and the others idle.
     *
     * @throws TopologyException if the document cannot be read or has no such pool
     */
    public static String withPool(String document, String pool, PoolState state, Set<String> active) {
        try {
            JsonNode root = JSON.readTree(document);
            ObjectNode target = null;
            for (JsonNode candidate : root.path("pools")) {
                if (candidate instanceof ObjectNode object && pool.equals(object.path("name").asText())) {
                    target = object;
                }
            }
            if (target == null) {
                throw new TopologyException("the published topology has no pool '" + pool + "'");
            }
            target.put("state", state.jsonName());
            for (JsonNode server : target.path("servers")) {
                if (server instanceof ObjectNode object) {
                    object.put("role", (active.contains(object.path("name").asText()) ? ServerRole.ACTIVE
                            : ServerRole.IDLE).jsonName());
                }
            }
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new TopologyException("the published topology is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
