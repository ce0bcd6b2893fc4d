/**
 * User accounts: creating and removing them, passwords turned into SCRAM verifiers ({@link
 * org.perch.domain.account.ScramCredentials}), the administrator role, and the login throttle that slows down
 * password guessing. Knows nothing of XMPP, SQL or sockets; talks to an {@link org.perch.store.AccountStore}.
 */
package org.perch.domain.account;
