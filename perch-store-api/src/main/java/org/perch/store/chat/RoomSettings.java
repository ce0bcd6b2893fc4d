package org.perch.store.chat;

import java.util.Objects;
import java.util.Optional;

/** A room's Lync switches: privacy (Closed by default), type, invitations, add-in, and whether it is disabled. */
public record RoomSettings(Privacy privacy, RoomType type, InvitationSetting invitations, Optional<String> addin,
                           boolean disabled) {

    public static final RoomSettings DEFAULTS =
            new RoomSettings(Privacy.CLOSED, RoomType.NORMAL, InvitationSetting.INHERIT, Optional.empty(), false);

    public RoomSettings {
        Objects.requireNonNull(privacy, "privacy");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(invitations, "invitations");
        Objects.requireNonNull(addin, "addin");
    }

    public RoomSettings withPrivacy(Privacy p) {
        return new RoomSettings(p, type, invitations, addin, disabled);
    }

    public RoomSettings withType(RoomType t) {
        return new RoomSettings(privacy, t, invitations, addin, disabled);
    }

    public RoomSettings withInvitations(InvitationSetting i) {
        return new RoomSettings(privacy, type, i, addin, disabled);
    }

    public RoomSettings withAddin(Optional<String> a) {
        return new RoomSettings(privacy, type, invitations, a, disabled);
    }

    public RoomSettings withDisabled(boolean d) {
        return new RoomSettings(privacy, type, invitations, addin, d);
    }
}
