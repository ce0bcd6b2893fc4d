package org.perch.chatdata;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.UUID;
import java.util.function.Consumer;
import org.perch.store.chat.Addin;

/** A registered add-in: its id, name and URL. Rooms name it by its name. */
final class AddinKind implements RecordKind<Addin> {

    @Override
    public String type() {
        return "addin";
    }

    @Override
    public String noun(long count) {
        return count + (count == 1 ? " add-in" : " add-ins");
    }

    @Override
    public void export(ExportSource source, Consumer<Addin> out) {
        source.addins().forEach(out);
    }

    @Override
    public void write(Addin addin, ExportSource source, ObjectNode line) {
        line.put("id", addin.id().toString());
        line.put("name", addin.name());
        line.put("url", addin.url().toString());
    }

    @Override
    public Addin read(LineFields fields, Catalog catalog) {
        UUID id = fields.uuid("id");
        String name = fields.text("name");
        String url = fields.text("url");
        URI checkedUrl = fields.check("url", () -> Addin.url(url));
        Addin addin = fields.check("name", () -> new Addin(id, name, checkedUrl));
        catalog.addin(addin, fields);
        return addin;
    }

    @Override
    public void restore(Addin addin, Restorer restorer) {
        if (!restorer.store().addins().create(addin)) {
            throw new ChatDataException("the store refused add-in '" + addin.name() + "': its id or name is taken");
        }
    }
}
