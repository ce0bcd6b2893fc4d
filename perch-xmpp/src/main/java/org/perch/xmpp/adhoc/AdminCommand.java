package org.perch.xmpp.adhoc;

import java.util.List;
import org.perch.xmpp.forms.DataForm;

/** One XEP-0133 service administration command: the form it asks for, and what it does with the answers. */
interface AdminCommand {
    String ADMIN_NS = "http://jabber.org/protocol/admin";

    /** The command's node, e.g. {@code http://jabber.org/protocol/admin#add-user}. */
    String node();

    String name();

    /** The fields of the form sent to the administrator (FORM_TYPE is added by the caller). */
    List<DataForm.Field> fields();

    /** Carries out the submitted form; returns the note shown to the administrator. */
    String execute(DataForm submitted);
}
