package org.perch.compliance.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.perch.compliance.ChainedEvent;
import org.perch.compliance.Chains;
import org.perch.compliance.EventChain;
import org.perch.compliance.verify.ChainBreak.Problem;

/**
 * Checks a directory of exported files (either adapter's, any mix of batches and per-room files): reads every
 * {@code .xml} and {@code .jsonl} file, orders all events by sequence, and walks each room's chain, recomputing
 * every hash. Reports the first break in sequence order, or the counts. A chain whose first link here does not
 * start at {@link EventChain#GENESIS} is accepted (its earlier files were archived away) and noted; a gap in the
 * sequences is a warning only, since events of a chain are checked by their links, not by their numbers.
 */
public final class ComplianceVerifier {

    private ComplianceVerifier() {
    }

    /** Verifies the files in {@code directory} (not its subdirectories). */
    public static VerificationReport verify(Path directory) throws IOException {
        List<Path> files = exportedFiles(directory);
        List<ExportedLink> links = new ArrayList<>();
        for (Path file : files) {
            try {
                links.addAll(read(file));
            } catch (UnreadableExportException e) {
                ChainBreak unreadable = new ChainBreak(name(file), Optional.empty(), Optional.empty(),
                        Problem.UNREADABLE, e.getMessage());
                return new VerificationReport(files.size(), 0, 0, 0, 0, Optional.of(unreadable), List.of(), List.of());
            }
        }
        return new Walk(files.size(), outOfOrder(links)).through(links);
    }

    private static List<Path> exportedFiles(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(Files::isRegularFile)
                    .filter(p -> !name(p).startsWith("."))
                    .filter(p -> name(p).endsWith(".xml") || name(p).endsWith(".jsonl"))
                    .sorted(Comparator.comparing(ComplianceVerifier::name))
                    .toList();
        }
    }

    private static List<ExportedLink> read(Path file) throws IOException, UnreadableExportException {
        try {
            return name(file).endsWith(".xml") ? XmlExportReader.read(file) : JsonLinesExportReader.read(file);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new UnreadableExportException("not UTF-8", e);
        }
    }

    /** The links a file holds after a later link of the same chain: moved within the file. */
    private static Map<ExportedLink, Long> outOfOrder(List<ExportedLink> links) {
        Map<ExportedLink, Long> moved = new IdentityHashMap<>();
        Map<Path, Map<String, Long>> highest = new HashMap<>();
        for (ExportedLink l : links) {
            Map<String, Long> perChain = highest.computeIfAbsent(l.file(), f -> new HashMap<>());
            String chain = Chains.key(l.link().event());
            Long before = perChain.get(chain);
            if (before != null && before > l.link().sequence()) {
                moved.put(l, before);
            } else {
                perChain.put(chain, l.link().sequence());
            }
        }
        return moved;
    }

    static String name(Path file) {
        return file.getFileName().toString();
    }

    /** One pass over all links in sequence order. */
    private static final class Walk {
        private final int files;
        private final Map<ExportedLink, Long> outOfOrder;
        private final Map<UUID, ExportedLink> byId = new HashMap<>();
        private final Map<Long, ExportedLink> bySequence = new HashMap<>();
        private final Map<String, String> heads = new HashMap<>();
        private final Set<String> rooms = new HashSet<>();
        private final List<String> warnings = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private long first;
        private long last;
        private int events;

        Walk(int files, Map<ExportedLink, Long> outOfOrder) {
            this.files = files;
            this.outOfOrder = outOfOrder;
        }

        VerificationReport through(List<ExportedLink> links) {
            List<ExportedLink> ordered = links.stream()
                    .sorted(Comparator.comparingLong((ExportedLink l) -> l.link().sequence())
                            .thenComparing(l -> name(l.file())).thenComparingInt(ExportedLink::position))
                    .toList();
            if (files == 0) {
                warnings.add("no exported files (.xml, .jsonl) in the directory");
            }
            for (ExportedLink l : ordered) {
                Optional<ChainBreak> broken = check(l);
                if (broken.isPresent()) {
                    return report(broken);
                }
                record(l);
            }
            return report(Optional.empty());
        }

        private Optional<ChainBreak> check(ExportedLink l) {
            ChainedEvent link = l.link();
            ExportedLink sameId = byId.get(link.event().id());
            if (sameId != null) {
                return broken(l, Problem.DUPLICATE_EVENT, "the same event is event " + sameId.link().sequence()
                        + " in " + name(sameId.file()));
            }
            ExportedLink sameSequence = bySequence.get(link.sequence());
            if (sameSequence != null) {
                return broken(l, Problem.DUPLICATE_SEQUENCE, "event " + sameSequence.link().event().id() + " in "
                        + name(sameSequence.file()) + " has the same sequence");
            }
            if (!EventChain.hash(link.previousHash(), link.event()).equals(link.hash())) {
                return broken(l, Problem.ALTERED, "its fields do not give its hash: the event was changed");
            }
            if (outOfOrder.containsKey(l)) {
                return broken(l, Problem.OUT_OF_ORDER, "the file holds it after event " + outOfOrder.get(l)
                        + " of the same room: events were moved");
            }
            String key = Chains.key(link.event());
            String head = heads.get(key);
            if (head == null && !link.previousHash().equals(EventChain.GENESIS)) {
                notes.add("the chain of " + chainName(link) + " starts mid-way at event " + link.sequence()
                        + " (its earlier files are not here)");
            } else if (head != null && !head.equals(link.previousHash())) {
                return broken(l, Problem.LINK_BROKEN, "its previous hash is not the hash of the previous event of "
                        + chainName(link) + " here: an event was removed or the events were reordered");
            }
            return Optional.empty();
        }

        private void record(ExportedLink l) {
            ChainedEvent link = l.link();
            if (events > 0 && link.sequence() > last + 1) {
                warnings.add("no events with sequences " + (last + 1) + " to " + (link.sequence() - 1)
                        + " (harmless if an older file was archived away)");
            }
            if (events == 0) {
                first = link.sequence();
            }
            last = link.sequence();
            events++;
            byId.put(link.event().id(), l);
            bySequence.put(link.sequence(), l);
            heads.put(Chains.key(link.event()), link.hash());
            link.event().room().ifPresent(room -> rooms.add(room.id().toString()));
        }

        private VerificationReport report(Optional<ChainBreak> broken) {
            return new VerificationReport(files, events, rooms.size(), first, last, broken, warnings, notes);
        }

        private static Optional<ChainBreak> broken(ExportedLink l, Problem problem, String detail) {
            return Optional.of(new ChainBreak(name(l.file()), Optional.of(l.link().sequence()),
                    Optional.of(l.link().event().id()), problem, detail));
        }

        private static String chainName(ChainedEvent link) {
            return link.event().room().map(room -> "room " + room.address() + " (" + room.id() + ")")
                    .orElse("the events without a room");
        }
    }
}
