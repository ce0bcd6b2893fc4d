package org.perch.compliance;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The compliance configuration an adapter is given (Lync's AdapterConfig, spec §10.3).
 *
 * @param outputDirectory where its files go; one directory per adapter
 * @param oneChatRoomPerOutputFile a file per room rather than one per run
 * @param addUserDetails describe each user beyond their address
 * @param addChatRoomDetails describe each room beyond its address
 * @param createFileAttachmentsManifest write a manifest of file transfers beside the output
 * @param serverDomain the server's XMPP domain: users of it are internal, others federated
 * @param chatDomain the MUC service's domain, whose JIDs address the rooms ({@code room@chatDomain})
 */
public record AdapterSettings(Path outputDirectory, boolean oneChatRoomPerOutputFile, boolean addUserDetails,
                              boolean addChatRoomDetails, boolean createFileAttachmentsManifest,
                              String serverDomain, String chatDomain) {
    public AdapterSettings {
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        Objects.requireNonNull(serverDomain, "serverDomain");
        Objects.requireNonNull(chatDomain, "chatDomain");
    }
}
