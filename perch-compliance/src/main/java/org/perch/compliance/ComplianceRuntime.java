package org.perch.compliance;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.perch.store.compliance.ComplianceConfiguration;
import org.perch.store.compliance.ComplianceConfigurationStore;
import org.perch.store.compliance.ComplianceOutbox;
import org.perch.store.compliance.ComplianceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compliance service of a running server, following its stored configuration: while an adapter is named it
 * captures events, opens the compliance database and runs a {@link ComplianceService}; a change of configuration
 * replaces the service at once; turning compliance off exports what was captured, then stops capturing.
 */
public final class ComplianceRuntime implements ComplianceControl, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ComplianceRuntime.class);
    /** Events moved into the compliance database, and exported, per batch: fewer, larger commits (each fsyncs). */
    public static final int BATCH = 5_000;

    private final ComplianceConfigurationStore configurations;
    private final ComplianceOutbox outbox;
    private final Supplier<ComplianceRecord> openRecord;
    private final Consumer<Boolean> capture;
    private final String serverDomain;
    private final String chatDomain;
    private final Clock clock;
    private final Duration moveEvery;
    private ComplianceConfiguration configuration;
    private Optional<ComplianceRecord> record = Optional.empty();
    private Optional<ComplianceService> service = Optional.empty();

    /**
     * @param openRecord opens the compliance database (only while compliance is on)
     * @param capture turns the capture of events on or off
     * @param moveEvery how often captured events move into the compliance database
     */
    public ComplianceRuntime(ComplianceConfigurationStore configurations, ComplianceOutbox outbox,
                             Supplier<ComplianceRecord> openRecord, Consumer<Boolean> capture, String serverDomain,
                             String chatDomain, Clock clock, Duration moveEvery) {
        this.configurations = configurations;
        this.outbox = outbox;
        this.openRecord = openRecord;
        this.capture = capture;
        this.serverDomain = serverDomain;
        this.chatDomain = chatDomain;
        this.clock = clock;
        this.moveEvery = moveEvery;
        this.configuration = ComplianceConfiguration.DEFAULTS;
    }

    /** Applies the stored configuration: starts the service if compliance is on. */
    public synchronized ComplianceRuntime start() {
        apply(configurations.load().orElse(ComplianceConfiguration.DEFAULTS));
        return this;
    }

    @Override
    public synchronized ComplianceConfiguration configuration() {
        return configuration;
    }

    @Override
    public synchronized ComplianceConfiguration configure(UnaryOperator<ComplianceConfiguration> change) {
        ComplianceConfiguration after = change.apply(configuration);
        if (after.enabled()) {
            Adapters.create(after, serverDomain, chatDomain); // refused here, before it is stored, if it cannot be made
        }
        configurations.save(after);
        apply(after);
        return after;
    }

    @Override
    public synchronized ComplianceConfiguration reset() {
        configurations.clear();
        apply(ComplianceConfiguration.DEFAULTS);
        return configuration;
    }

    @Override
    public synchronized ComplianceStatus status() {
        return service.map(ComplianceService::status).orElse(ComplianceStatus.OFF);
    }

    @Override
    public ComplianceStatus runNow() throws InterruptedException {
        ComplianceService running;
        synchronized (this) {
            running = service.orElseThrow(() -> new IllegalStateException(
                    "compliance is off: name an adapter first (perch compliance config set --adapter-type xml …)"));
        }
        return running.runNow();
    }

    private void apply(ComplianceConfiguration next) {
        stopService(configuration.enabled() && !next.enabled());
        configuration = next;
        capture.accept(next.enabled());
        if (!next.enabled()) {
            record.ifPresent(ComplianceRecord::close);
            record = Optional.empty();
            return;
        }
        ComplianceRecord opened = record.orElseGet(openRecord);
        record = Optional.of(opened);
        ComplianceAdapter adapter = Adapters.create(next, serverDomain, chatDomain);
        service = Optional.of(new ComplianceService(outbox, opened, adapter, clock, BATCH)
                .start(moveEvery, next.runInterval()));
        LOG.info("Compliance is on: the {} adapter writes to {} every {}", adapter.name(),
                next.adapterOutputDirectory().orElseThrow(), next.runInterval());
    }

    /** Stops the running service; when compliance is being turned off, exports what was captured first. */
    private void stopService(boolean finalRun) {
        if (service.isEmpty()) {
            return;
        }
        if (finalRun) {
            try {
                service.get().runNow();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warn("The last compliance run before turning compliance off failed; its events wait in the"
                        + " compliance database", e);
            }
        }
        service.get().close();
        service = Optional.empty();
    }

    @Override
    public synchronized void close() {
        stopService(false);
        record.ifPresent(ComplianceRecord::close);
        record = Optional.empty();
        capture.accept(false);
    }
}
