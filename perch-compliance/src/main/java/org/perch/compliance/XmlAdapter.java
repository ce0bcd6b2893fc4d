package org.perch.compliance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.perch.store.compliance.ComplianceEventType;

/**
 * The {@code xml} adapter: Lync's XML output format (spec §10.5) with Perch's additions, one file per batch or per
 * room per batch, written durably ({@link DurableFiles}); with CreateFileAttachmentsManifest, a {@code .ATTACH}
 * manifest beside each file that has file transfers. The format is described in docs/compliance.md and its XSD
 * is the resource {@code org/perch/compliance/compliance.xsd}.
 */
public final class XmlAdapter implements ComplianceAdapter {

    public static final String NAME = "xml";

    private AdapterSettings settings;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void configure(AdapterSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public List<Path> translate(ExportBatch batch) throws IOException {
        if (settings == null) {
            throw new IllegalStateException("configure the adapter before the first batch");
        }
        List<Path> written = new ArrayList<>();
        for (OutputFile file : BatchFiles.plan(batch, settings.oneChatRoomPerOutputFile(), ".xml")) {
            Path target = settings.outputDirectory().resolve(file.name());
            DurableFiles.write(target, out -> XmlConversationsWriter.write(out, batch, file.events(), settings));
            written.add(target);
            List<ChainedEvent> transfers = file.events().stream().filter(XmlAdapter::isFileTransfer).toList();
            if (settings.createFileAttachmentsManifest() && !transfers.isEmpty()) {
                Path manifest = settings.outputDirectory().resolve(file.name().replaceFirst("\\.xml$", ".ATTACH"));
                DurableFiles.write(manifest, out -> AttachmentManifest.write(out, file.name(), transfers, settings));
                written.add(manifest);
            }
        }
        return written;
    }

    private static boolean isFileTransfer(ChainedEvent e) {
        return e.event().type() == ComplianceEventType.FILE_UPLOAD
                || e.event().type() == ComplianceEventType.FILE_DOWNLOAD;
    }
}
