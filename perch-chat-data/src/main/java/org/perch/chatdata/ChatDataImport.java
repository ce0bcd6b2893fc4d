package org.perch.chatdata;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.perch.core.Jid;
import org.perch.store.Store;
import org.perch.store.chat.Category;
import org.perch.store.chat.ChatPolicy;

/**
 * Import-CsPersistentChatData: restores a data file (docs/data-format.md) into an empty store. All or nothing as
 * far as the store interfaces allow: the header is checked first (a newer schema is refused before anything
 * else), then the store must be empty, then the whole file is read and checked (every field, every reference,
 * every stanza-id unique in its room), and only then is anything written, reading the file once more. History
 * goes in batches, so any history fits in memory.
 */
public final class ChatDataImport {

    private ChatDataImport() {
    }

    /**
     * Restores the file into the store, which must hold no Persistent Chat data: no policy but the global one as
     * shipped, no room, no add-in, and no category but the untouched first-start one, which the file's categories
     * replace. The configuration becomes the file's, or none (the configuration file's values) if the file has
     * none. The accounts the file grants policies to must be in the store.
     */
    public static DataSummary fromFile(Path file, Store store, Optional<FirstStartCategory> firstStart) {
        header(file);
        Optional<Category> replaced = requireEmpty(store, firstStart);
        Catalog checked = checked(file);
        requireGrantedAccounts(store, checked);
        replaced.ifPresent(category -> store.categories().delete(category.id()));
        store.configuration().clear();
        Catalog restored = pass(file, new StanzaIdCheck.Off(), Optional.of(new Restorer(store)));
        return new DataSummary(checked.header(), restored.counts());
    }

    /** Accounts are not in the file: those it grants policies to must be in the store already. */
    private static void requireGrantedAccounts(Store store, Catalog file) {
        List<Jid> missing = file.grantedAccounts().stream().filter(u -> store.accounts().find(u).isEmpty())
                .sorted(Comparator.comparing(Jid::toString)).toList();
        if (!missing.isEmpty()) {
            throw new ChatDataException("the file grants policies to " + missing.size() + " account(s) this store"
                    + " does not have, such as " + missing.getFirst() + "; accounts are not in the file: create them"
                    + " first (perch user add), then import");
        }
    }

    /** Whether the file and the store would do, as {@link #fromFile} checks them; writes nothing (-WhatIf). */
    public static DataSummary whatIf(Path file, Store store, Optional<FirstStartCategory> firstStart) {
        header(file);
        requireEmpty(store, firstStart);
        Catalog checked = checked(file);
        requireGrantedAccounts(store, checked);
        return new DataSummary(checked.header(), checked.counts());
    }

    /** Reads and checks the whole file; what it holds, or a {@link DataFileException} naming the first fault. */
    public static DataSummary check(Path file) {
        Catalog catalog = checked(file);
        return new DataSummary(catalog.header(), catalog.counts());
    }

    private static Catalog checked(Path file) {
        StanzaIdCheck.Hashes hashes = StanzaIdCheck.hashes();
        Catalog catalog = pass(file, hashes, Optional.empty());
        StanzaIdCheck exact = hashes.secondPass();
        if (!(exact instanceof StanzaIdCheck.Off)) {
            pass(file, exact, Optional.empty());
        }
        return catalog;
    }

    /** The file's header: a file of a newer schema is refused here, before anything else is done. */
    public static DataHeader header(Path file) {
        try (DataFileReader reader = DataFileReader.open(file)) {
            return reader.header();
        }
    }

    /** The untouched first-start category, if the store holds that and nothing else of Persistent Chat. */
    private static Optional<Category> requireEmpty(Store store, Optional<FirstStartCategory> firstStart) {
        List<String> held = new ArrayList<>();
        List<Category> categories = store.categories().list();
        Optional<Category> replaceable = categories.size() == 1
                ? firstStart.filter(f -> f.untouched(categories.getFirst())).map(f -> categories.getFirst())
                : Optional.empty();
        if (!categories.isEmpty() && replaceable.isEmpty()) {
            held.add(new CategoryKind().noun(categories.size()));
        }
        int addins = store.addins().list().size();
        if (addins > 0) {
            held.add(new AddinKind().noun(addins));
        }
        int rooms = store.rooms().list().size();
        if (rooms > 0) {
            held.add(new RoomKind().noun(rooms));
        }
        // The global policy always exists; changed, or beside others, it is data the import would overwrite.
        List<ChatPolicy> policies = store.policies().list();
        if (!policies.equals(List.of(ChatPolicy.GLOBAL_DEFAULT))) {
            held.add(new PolicyKind().noun(policies.size()) + " (the global one changed, or others)");
        }
        if (!held.isEmpty()) {
            throw new ChatDataException("the store already holds Persistent Chat data (" + String.join(", ", held)
                    + "); an import restores into an empty store only: import into a new data directory");
        }
        return replaceable;
    }

    /** One pass over the file: every line read and checked, and stored if there is a restorer. */
    private static Catalog pass(Path file, StanzaIdCheck stanzaIds, Optional<Restorer> restorer) {
        try (DataFileReader reader = DataFileReader.open(file)) {
            Catalog catalog = new Catalog(reader.header(), stanzaIds);
            long line = 1;
            try {
                for (Optional<LineFields> next = reader.next(); next.isPresent(); next = reader.next()) {
                    line = next.get().line();
                    handle(next.get(), catalog, restorer);
                }
                line++;
                restorer.ifPresent(Restorer::flush);
            } catch (DataFileException e) {
                throw e;
            } catch (RuntimeException e) {
                if (restorer.isEmpty()) {
                    throw e;
                }
                throw new ChatDataException("the import stopped at line " + line + " (" + e.getMessage()
                        + "); the store holds part of the file now: import again into a new data directory", e);
            }
            return catalog;
        }
    }

    private static void handle(LineFields fields, Catalog catalog, Optional<Restorer> restorer) {
        String type = fields.text("type");
        RecordKind<?> kind = DataFormat.kind(type).orElseThrow(() -> fields.error("type",
                "unknown record type '" + type + "'; schema " + DataHeader.SCHEMA + " has " + DataFormat.types()));
        catalog.enter(kind, fields);
        handle(kind, fields, catalog, restorer);
    }

    private static <T> void handle(RecordKind<T> kind, LineFields fields, Catalog catalog,
                                   Optional<Restorer> restorer) {
        T record = kind.read(fields, catalog);
        fields.requireNoOthers();
        restorer.ifPresent(r -> kind.restore(record, r));
    }
}
