package org.perch.xmpp.muc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.perch.core.Jid;
import org.perch.xmpp.stream.Namespaces;
import org.perch.xmpp.xml.XmlElement;

/** A look-alike of a held nickname finds its holder; other nicknames, however close, find nobody. */
class OccupantsByNickTest {

    private final OccupantsByNick occupants = new OccupantsByNick();
    private final Occupant chloe = occupant("carol@localhost/desk", "Chlo\u00e9");
    private final Occupant anna = occupant("anna@localhost/desk", "anna");

    OccupantsByNickTest() {
        occupants.put(chloe.nick(), chloe);
        occupants.put(anna.nick(), anna);
    }

    @Test
    void aLookAlikeShouldFindTheHolderUnderTheNicknameItJoinedWith() {
        assertThat(occupants.get("\u0421hlo\u00e9")).isSameAs(chloe); // Cyrillic С
        assertThat(occupants.get("\u0430nna")).isSameAs(anna); // Cyrillic а
        assertThat(occupants.get("ANNA")).isSameAs(anna);
        assertThat(occupants.values()).extracting(Occupant::nick).containsExactly("Chlo\u00e9", "anna");
    }

    @Test
    void otherNicknamesShouldFindNobody() {
        assertThat(occupants.get("Chloe")).isNull();
        assertThat(occupants.get("hanna")).isNull();
        assertThat(occupants.get("annabel")).isNull();
    }

    @Test
    void aDepartureByALookAlikeSpellingShouldFreeTheNickname() {
        assertThat(occupants.remove("\u0430nna", chloe)).isFalse();
        assertThat(occupants.remove("\u0430nna", anna)).isTrue();

        assertThat(occupants.get("anna")).isNull();
        assertThat(occupants.size()).isEqualTo(1);
    }

    @Test
    void aNicknameFreedShouldBeFreeForItsLookAlikes() {
        occupants.remove("Chlo\u00e9");
        Occupant other = occupant("mallory@localhost/raw", "\u0421hlo\u00e9");

        occupants.put(other.nick(), other);

        assertThat(occupants.get("Chlo\u00e9")).isSameAs(other);
        assertThat(occupants.values()).extracting(Occupant::nick).containsExactly("anna", "\u0421hlo\u00e9");
    }

    @Test
    void aNicknameShouldBeHeldByAnotherOnlyIfItPassesForSomeoneElses() {
        assertThat(occupants.heldByAnother("\u0421hlo\u00e9", anna.jid())).isTrue();
        assertThat(occupants.heldByAnother("\u0421hlo\u00e9", chloe.jid())).isFalse(); // her own, re-spelt
        assertThat(occupants.heldByAnother("Chloe", anna.jid())).isFalse();
    }

    @Test
    void reSpellingOnesOwnNicknameShouldNotMakeItPassForAnothers() {
        Occupant ian = occupant("ian@localhost/desk", "ian");
        Occupant lan = occupant("lan@localhost/desk", "lan");
        occupants.put(ian.nick(), ian);
        occupants.put(lan.nick(), lan); // in small letters the two are told apart

        assertThat(occupants.heldByAnother("IAN", ian.jid())).isFalse();
        assertThat(occupants.heldByAnother("Ian", ian.jid())).isTrue(); // one nickname with "ian", but passes for "lan"
    }

    private static Occupant occupant(String jid, String nick) {
        return Occupant.here(Jid.of(jid), nick, "none", "participant", XmlElement.empty("presence", Namespaces.CLIENT));
    }
}
