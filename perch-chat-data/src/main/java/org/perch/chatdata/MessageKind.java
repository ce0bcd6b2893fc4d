package org.perch.chatdata;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.perch.core.Jid;
import org.perch.core.RoomId;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.PostedMessage;
import org.perch.store.chat.Retraction;

/**
 * A message of a room's history, its room named by address, without the store's id: lines come in the order the
 * store assigned ids (every room's history in order), and an import appends them in that order, so they get
 * ids in the same order again. A retracted message is its tombstone and the retraction.
 */
final class MessageKind implements RecordKind<ChatMessage> {

    /** Messages read from the store at a time: bounds the memory an export of any history needs. */
    static final int PAGE = 1_000;

    @Override
    public String type() {
        return "message";
    }

    @Override
    public String noun(long count) {
        return count + (count == 1 ? " message" : " messages");
    }

    @Override
    public void export(ExportSource source, Consumer<ChatMessage> out) {
        if (source.header().level() == DataLevel.CONFIGURATION) {
            return;
        }
        Optional<Instant> since = source.header().since();
        long after = 0;
        List<ChatMessage> page;
        do {
            page = source.store().history().since(after, PAGE);
            for (ChatMessage m : page) {
                // A room created after the export began is not in it, and neither are its messages.
                boolean inExport = source.roomAddress(m.room()).isPresent();
                if (inExport && since.map(s -> !m.timestamp().isBefore(s)).orElse(true)) {
                    out.accept(m);
                }
            }
            after = page.isEmpty() ? after : page.getLast().id();
        } while (page.size() == PAGE);
    }

    @Override
    public void write(ChatMessage message, ExportSource source, ObjectNode line) {
        line.put("room", source.roomAddress(message.room()).orElseThrow());
        line.put("stanzaId", message.stanzaId());
        line.put("timestamp", message.timestamp().toString());
        line.put("sender", message.sender().toString());
        line.put("nick", message.nick());
        line.put("body", message.body());
        line.put("payload", message.payload());
        Optional<Retraction> retraction = message.retraction();
        if (retraction.isEmpty()) {
            line.putNull("retraction");
        } else {
            ObjectNode r = line.putObject("retraction");
            r.put("at", retraction.get().at().toString());
            r.put("by", retraction.get().by().toString());
            r.put("moderated", retraction.get().moderated());
            r.put("reason", retraction.get().reason());
        }
    }

    @Override
    public ChatMessage read(LineFields fields, Catalog catalog) {
        if (catalog.header().level() == DataLevel.CONFIGURATION) {
            throw fields.error("type", "a message in a configuration-level file, which holds no history");
        }
        String address = fields.text("room");
        RoomId room = catalog.roomAt(address).orElseThrow(() -> fields.error("room",
                "no room at '" + address + "' comes before this message"));
        String stanzaId = fields.text("stanzaId");
        Instant timestamp = fields.instant("timestamp");
        Jid sender = fields.jid("sender");
        String nick = fields.text("nick");
        String body = fields.text("body");
        String payload = fields.text("payload");
        Optional<Retraction> retraction = fields.optionalObject("retraction").map(MessageKind::retraction);
        PostedMessage posted = fields.check("stanzaId",
                () -> new PostedMessage(room, stanzaId, timestamp, sender, nick, body, payload));
        catalog.stanzaIds().note(address, stanzaId, fields);
        // The store assigns the id when the import appends the message.
        return new ChatMessage(0, room, posted.stanzaId(), posted.timestamp(), posted.sender(), posted.nick(),
                posted.body(), posted.payload(), retraction);
    }

    @Override
    public void restore(ChatMessage message, Restorer restorer) {
        restorer.message(message);
    }

    private static Retraction retraction(LineFields fields) {
        Retraction retraction = new Retraction(fields.instant("at"), fields.jid("by"), fields.bool("moderated"),
                fields.text("reason"));
        fields.requireNoOthers();
        return retraction;
    }
}
