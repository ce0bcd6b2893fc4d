package org.perch.xmpp.muc;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.perch.core.Principal;
import org.perch.store.chat.Category;
import org.perch.store.chat.InvitationSetting;
import org.perch.store.chat.Privacy;
import org.perch.store.chat.Room;
import org.perch.store.chat.RoomType;
import org.perch.xmpp.forms.DataForm;
import org.perch.xmpp.forms.DataForm.Field;
import org.perch.xmpp.stanza.StanzaErrorCondition;
import org.perch.xmpp.stanza.StanzaException;

/**
 * The owner's room configuration form (XEP-0045 §10.2): every standard {@code muc#roomconfig_*} field, showing
 * how the Lync room maps onto MUC, plus Perch's own fields for what MUC has no word for (category, privacy,
 * type, members, presenters, add-in, invitations). Submitting it changes only what the Lync model can hold;
 * fields that describe fixed behaviour (persistent, non-anonymous, no password) refuse other values.
 */
final class RoomConfigForm {
    static final String CATEGORY = "perch#category";
    static final String PRIVACY = "perch#privacy";
    static final String TYPE = "perch#type";
    static final String MEMBERS = "perch#members";
    static final String PRESENTERS = "perch#presenters";
    static final String ADDIN = "perch#addin";
    static final String INVITATIONS = "perch#invitations";
    private static final String P = "muc#roomconfig_";
    private static final List<String> ROLES = List.of("moderator", "participant", "visitor");

    private RoomConfigForm() {
    }

    static DataForm of(Room room, Category category, int maxHistory) {
        boolean invitations = category.flags().invitations() && room.settings().invitations() == InvitationSetting.INHERIT;
        List<Field> f = new ArrayList<>();
        f.add(Field.hidden("FORM_TYPE", MucNamespaces.ROOM_CONFIG));
        f.add(text(P + "roomname", "Room name (unique on this server)", room.name()));
        f.add(text(P + "roomdesc", "Description", room.description()));
        f.add(text(P + "lang", "Language", "en"));
        f.add(bool(P + "persistentroom", "Persistent (always, in Perch)", true));
        f.add(bool(P + "publicroom", "Listed in the directory (not Secret)", room.settings().privacy() != Privacy.SECRET));
        f.add(bool(P + "membersonly", "Members only (Closed or Secret)", room.settings().privacy() != Privacy.OPEN));
        f.add(bool(P + "moderatedroom", "Auditorium: only presenters post", room.settings().type() == RoomType.AUDITORIUM));
        f.add(bool(P + "passwordprotectedroom", "Password protected (never, in Perch)", false));
        f.add(new Field(P + "roomsecret", "text-private", "Password (unused)", false, List.of()));
        f.add(new Field(P + "whois", "list-single", "Who sees real addresses", false, List.of("anyone")));
        f.add(bool(P + "enablelogging", "History kept (set by the category)", category.flags().chatHistory()));
        f.add(bool(P + "changesubject", "Occupants may change the subject (managers only, in Perch)", false));
        f.add(bool(P + "allowinvites", "Invitations allowed (only if the category allows them)", invitations));
        f.add(new Field(P + "allowpm", "list-single", "Who may send private messages", false, List.of("anyone")));
        f.add(new Field(P + "maxusers", "list-single", "Maximum occupants", false, List.of("none")));
        f.add(new Field(P + "presencebroadcast", "list-multi", "Roles whose presence is broadcast", false, ROLES));
        f.add(new Field(P + "getmemberlist", "list-multi", "Roles that may see the member list", false, ROLES));
        f.add(text(P + "pubsub", "Associated pubsub node (none)", ""));
        f.add(new Field(P + "roomadmins", "jid-multi", "Room admins (Perch has managers: see owners)", false, List.of()));
        f.add(new Field(P + "roomowners", "jid-multi", "Managers", false, uris(room.roles().managers())));
        f.add(text("muc#maxhistoryfetch", "Messages sent on join", Integer.toString(maxHistory)));
        f.add(new Field(CATEGORY, "list-single", "Category", false, List.of(category.name())));
        f.add(new Field(PRIVACY, "list-single", "Privacy (open, closed, secret)", false,
                List.of(room.settings().privacy().name().toLowerCase(Locale.ROOT))));
        f.add(new Field(TYPE, "list-single", "Type (normal, auditorium)", false,
                List.of(room.settings().type().name().toLowerCase(Locale.ROOT))));
        f.add(new Field(MEMBERS, "jid-multi", "Members", false, uris(room.roles().members())));
        f.add(new Field(PRESENTERS, "jid-multi", "Presenters (auditorium only)", false, uris(room.roles().presenters())));
        f.add(text(ADDIN, "Add-in", room.settings().addin().orElse("")));
        f.add(new Field(INVITATIONS, "list-single", "Invitations (inherit, off)", false,
                List.of(room.settings().invitations().name().toLowerCase(Locale.ROOT))));
        return new DataForm("form", "Configuration of " + room.name(), "", f);
    }

    /**
     * The change a submitted form asks for, as a function of the room. {@code categories} resolves a category
     * name; the domain decides whether the submitter may make the change.
     */
    static UnaryOperator<Room> changes(DataForm form, List<Category> categories) {
        refuse(form, P + "passwordprotectedroom", "1", "Perch rooms have no passwords");
        refuse(form, P + "persistentroom", "0", "Perch rooms are always persistent");
        List<UnaryOperator<Room>> steps = new ArrayList<>();
        form.value(P + "roomname").filter(s -> !s.isBlank()).ifPresent(n -> steps.add(r -> r.withName(n)));
        form.value(P + "roomdesc").ifPresent(d -> steps.add(r -> r.withDescription(d)));
        privacy(form).ifPresent(p -> steps.add(r -> r.withSettings(r.settings().withPrivacy(p))));
        type(form).ifPresent(t -> steps.add(r -> r.withSettings(r.settings().withType(t))));
        form.field(P + "roomowners").ifPresent(o -> steps.add(r -> r.withRoles(r.roles().withManagers(principals(o)))));
        form.field(MEMBERS).ifPresent(m -> steps.add(r -> r.withRoles(r.roles().withMembers(principals(m)))));
        form.field(PRESENTERS).ifPresent(p -> steps.add(r -> r.withRoles(r.roles().withPresenters(principals(p)))));
        form.value(ADDIN).ifPresent(a -> steps.add(r -> r.withSettings(r.settings().withAddin(
                a.isBlank() ? Optional.empty() : Optional.of(a.strip())))));
        invitations(form).ifPresent(i -> steps.add(r -> r.withSettings(r.settings().withInvitations(i))));
        form.value(CATEGORY).filter(s -> !s.isBlank()).ifPresent(name -> {
            Category c = categories.stream().filter(x -> x.name().equalsIgnoreCase(name.strip())).findFirst()
                    .orElseThrow(() -> new StanzaException(StanzaErrorCondition.NOT_ACCEPTABLE, "no category '" + name + "'"));
            steps.add(r -> r.withCategory(c.id()));
        });
        return room -> {
            Room r = room;
            for (UnaryOperator<Room> step : steps) {
                r = step.apply(r);
            }
            return r;
        };
    }

    private static Optional<Privacy> privacy(DataForm form) {
        Optional<String> explicit = form.value(PRIVACY).filter(s -> !s.isBlank());
        if (explicit.isPresent()) {
            return Optional.of(enumValue(Privacy.class, explicit.get(), PRIVACY));
        }
        Optional<Boolean> listed = flag(form, P + "publicroom");
        Optional<Boolean> membersOnly = flag(form, P + "membersonly");
        if (listed.isEmpty() && membersOnly.isEmpty()) {
            return Optional.empty();
        }
        if (listed.isPresent() && !listed.get()) {
            return Optional.of(Privacy.SECRET);
        }
        return Optional.of(membersOnly.orElse(true) ? Privacy.CLOSED : Privacy.OPEN);
    }

    private static Optional<RoomType> type(DataForm form) {
        Optional<String> explicit = form.value(TYPE).filter(s -> !s.isBlank());
        if (explicit.isPresent()) {
            return Optional.of(enumValue(RoomType.class, explicit.get(), TYPE));
        }
        return flag(form, P + "moderatedroom").map(m -> m ? RoomType.AUDITORIUM : RoomType.NORMAL);
    }

    private static Optional<InvitationSetting> invitations(DataForm form) {
        Optional<String> explicit = form.value(INVITATIONS).filter(s -> !s.isBlank());
        if (explicit.isPresent()) {
            return Optional.of(enumValue(InvitationSetting.class, explicit.get(), INVITATIONS));
        }
        return flag(form, P + "allowinvites").map(on -> on ? InvitationSetting.INHERIT : InvitationSetting.OFF);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new StanzaException(StanzaErrorCondition.NOT_ACCEPTABLE, "'" + value + "' is not a value of " + field);
        }
    }

    private static Optional<Boolean> flag(DataForm form, String var) {
        return form.value(var).map(v -> v.equals("1") || v.equalsIgnoreCase("true"));
    }

    private static void refuse(DataForm form, String var, String value, String why) {
        if (flag(form, var).orElse(!value.equals("1")) == value.equals("1")) {
            throw new StanzaException(StanzaErrorCondition.NOT_ACCEPTABLE, why);
        }
    }

    private static Set<Principal> principals(Field field) {
        Set<Principal> out = new LinkedHashSet<>();
        for (String v : field.values()) {
            if (v.isBlank()) {
                continue;
            }
            try {
                out.add(Principal.of(v));
            } catch (IllegalArgumentException e) {
                throw new StanzaException(StanzaErrorCondition.JID_MALFORMED, e.getMessage());
            }
        }
        return out;
    }

    private static List<String> uris(Set<Principal> principals) {
        return principals.stream().map(p -> p instanceof Principal.User u ? u.jid().toString() : p.uri()).sorted().toList();
    }

    private static Field text(String var, String label, String value) {
        return new Field(var, "text-single", label, false, value.isEmpty() ? List.of() : List.of(value));
    }

    private static Field bool(String var, String label, boolean value) {
        return new Field(var, "boolean", label, false, List.of(value ? "1" : "0"));
    }
}
