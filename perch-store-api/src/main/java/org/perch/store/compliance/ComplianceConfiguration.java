package org.perch.store.compliance;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Lync's PersistentChatComplianceConfiguration (spec §10.3), one for the deployment. Compliance is on when an
 * adapter is named: with none, nothing is recorded, as in Lync.
 *
 * @param adapterType {@code xml}, {@code jsonl}, or the class name of a third party's adapter; empty: off
 * @param adapterName a label for the adapter, free text (at most 256 characters)
 * @param adapterOutputDirectory where the adapter writes; required while an adapter is named
 * @param oneChatRoomPerOutputFile a file per room rather than one per run
 * @param addChatRoomDetails describe each room beyond its address
 * @param addUserDetails describe each user beyond their address
 * @param createFileAttachmentsManifest write a manifest of file transfers beside the output
 * @param runInterval time between export runs: 1 minute to 30 days
 */
public record ComplianceConfiguration(Optional<String> adapterType, String adapterName,
                                      Optional<String> adapterOutputDirectory, boolean oneChatRoomPerOutputFile,
                                      boolean addChatRoomDetails, boolean addUserDetails,
                                      boolean createFileAttachmentsManifest, Duration runInterval) {

    public static final Duration MIN_RUN_INTERVAL = Duration.ofMinutes(1);
    public static final Duration MAX_RUN_INTERVAL = Duration.ofDays(30);

    /** Lync's defaults: no adapter (off), every switch off, a run every 15 minutes. */
    public static final ComplianceConfiguration DEFAULTS = new ComplianceConfiguration(Optional.empty(), "",
            Optional.empty(), false, false, false, false, Duration.ofMinutes(15));

    public ComplianceConfiguration {
        Objects.requireNonNull(adapterType, "adapterType");
        adapterType = adapterType.map(String::strip).filter(t -> !t.isEmpty());
        adapterType.ifPresent(t -> {
            if (t.length() > 256 || t.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("adapterType is xml, jsonl or a class name, got '" + t + "'");
            }
        });
        Objects.requireNonNull(adapterName, "adapterName");
        if (adapterName.length() > 256) {
            throw new IllegalArgumentException("adapterName is " + adapterName.length() + " characters; at most 256");
        }
        Objects.requireNonNull(adapterOutputDirectory, "adapterOutputDirectory");
        adapterOutputDirectory = adapterOutputDirectory.map(String::strip).filter(d -> !d.isEmpty());
        Objects.requireNonNull(runInterval, "runInterval");
        if (runInterval.compareTo(MIN_RUN_INTERVAL) < 0 || runInterval.compareTo(MAX_RUN_INTERVAL) > 0) {
            throw new IllegalArgumentException("runInterval must be between 1 minute and 30 days, got "
                    + runInterval);
        }
        if (adapterType.isPresent() && adapterOutputDirectory.isEmpty()) {
            throw new IllegalArgumentException("adapterOutputDirectory is required while an adapter is named");
        }
    }

    /** Whether events are recorded: an adapter is named. */
    public boolean enabled() {
        return adapterType.isPresent();
    }
}
