package org.perch.chatdata;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.perch.core.CategoryId;
import org.perch.core.RoomId;
import org.perch.store.Store;
import org.perch.store.chat.Addin;
import org.perch.store.chat.Category;
import org.perch.store.chat.ChatConfiguration;
import org.perch.store.chat.Room;

/**
 * What an export writes: the header's choices, and one consistent view of the configuration, categories,
 * add-ins and rooms, each sorted by name without regard to case (names are unique that way, so the order is
 * total and does not depend on the backend). History is read from the store as the export goes.
 */
final class ExportSource {

    /** A server may change rooms while an export runs; a view where a room names something missing is retaken. */
    private static final int ATTEMPTS = 5;

    private final Store store;
    private final DataHeader header;
    private final Optional<ChatConfiguration> configuration;
    private final List<Category> categories;
    private final List<Addin> addins;
    private final List<Room> rooms;
    private final Map<CategoryId, String> categoryNames;
    private final Map<RoomId, String> roomAddresses;

    private ExportSource(Store store, DataHeader header, Optional<ChatConfiguration> configuration,
                         List<Category> categories, List<Addin> addins, List<Room> rooms) {
        this.store = store;
        this.header = header;
        this.configuration = configuration;
        this.categories = categories;
        this.addins = addins;
        this.rooms = rooms;
        this.categoryNames = categories.stream().collect(Collectors.toMap(Category::id, Category::name));
        this.roomAddresses = rooms.stream().collect(Collectors.toMap(Room::id, Room::address));
    }

    static ExportSource read(Store store, DataHeader header) {
        String problem = "";
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            // Rooms last: a category or add-in a room names was created before the room.
            List<Category> categories = sorted(store.categories().list(), Category::name);
            List<Addin> addins = sorted(store.addins().list(), Addin::name);
            List<Room> rooms = sorted(store.rooms().list(), Room::name);
            Optional<String> dangling = dangling(categories, addins, rooms);
            if (dangling.isEmpty()) {
                return new ExportSource(store, header, store.configuration().load(), categories, addins, rooms);
            }
            problem = dangling.get();
        }
        throw new ChatDataException(problem + " (after " + ATTEMPTS + " attempts; if an administrator is changing"
                + " rooms, try again later)");
    }

    Store store() {
        return store;
    }

    DataHeader header() {
        return header;
    }

    Optional<ChatConfiguration> configuration() {
        return configuration;
    }

    List<Category> categories() {
        return categories;
    }

    List<Addin> addins() {
        return addins;
    }

    List<Room> rooms() {
        return rooms;
    }

    String categoryName(CategoryId id) {
        return categoryNames.get(id);
    }

    /** The room's address, if the room is in this export (one created after it began is not). */
    Optional<String> roomAddress(RoomId id) {
        return Optional.ofNullable(roomAddresses.get(id));
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static <T> List<T> sorted(List<T> items, Function<T, String> name) {
        return items.stream().sorted(Comparator.comparing(item -> key(name.apply(item)))).toList();
    }

    /** What a room names that is not there, if anything: a change made while the lists were read. */
    private static Optional<String> dangling(List<Category> categories, List<Addin> addins, List<Room> rooms) {
        Set<CategoryId> categoryIds = categories.stream().map(Category::id).collect(Collectors.toSet());
        Set<String> addinKeys = addins.stream().map(a -> key(a.name())).collect(Collectors.toSet());
        for (Room room : rooms) {
            if (!categoryIds.contains(room.category())) {
                return Optional.of("room '" + room.name() + "' is in a category the store no longer lists");
            }
            Optional<String> addin = room.settings().addin().filter(a -> !addinKeys.contains(key(a)));
            if (addin.isPresent()) {
                return Optional.of("room '" + room.name() + "' shows the add-in '" + addin.get()
                        + "', which is not registered");
            }
        }
        return Optional.empty();
    }
}
