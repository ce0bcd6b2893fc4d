/**
 * The XMPP load generator (issue 7): a client engine on Netty that holds many thousands of sessions in one process
 * (STARTTLS, SCRAM-SHA-1 or PLAIN, bind, MUC join, groupchat, MAM), and the profiles that drive it against a server
 * while reading the server's CPU and memory from {@code /proc}. Start reading at {@link
 * org.perch.bench.load.LoadGenerator}.
 */
package org.perch.bench.load;
