package org.perch.cluster.topology;

import java.util.List;

/** Topology files for the tests, edited by exact replacement, and where a piece of text sits in them. */
final class Documents {

    static final String FILE = "topology.json";

    /** Two pools that break no rule: every key on a line of its own, so each test can find what it changes. */
    static final String VALID = """
            {
              "schemaVersion": 1,
              "domain": "example.org",
              "maxActiveServersPerPool": 4,
              "stores": {
                "chat-a": {
                  "kind": "postgresql",
                  "url": "jdbc:postgresql://db1.example.org:5432/perch",
                  "user": "perch",
                  "passwordFile": "/etc/perch/chat-a.password"
                },
                "chat-a-dr": {
                  "kind": "postgresql",
                  "url": "jdbc:postgresql://db9.example.org/perch",
                  "user": "perch",
                  "passwordFile": "/etc/perch/chat-a-dr.password"
                },
                "chat-b": {
                  "kind": "postgresql",
                  "url": "jdbc:postgresql://db2.example.org:5433/perch_b",
                  "user": "perch",
                  "passwordFile": "/etc/perch/chat-b.password"
                },
                "compliance": {
                  "kind": "postgresql",
                  "url": "jdbc:postgresql://db3.example.org:5432/perch_compliance",
                  "user": "auditor",
                  "passwordFile": "/etc/perch/compliance.password"
                }
              },
              "fileStores": {
                "files-a": {
                  "path": "/srv/perch/files"
                }
              },
              "pools": [
                {
                  "name": "pool-a",
                  "mucServices": ["chat.example.org", "rooms.example.org"],
                  "store": "chat-a",
                  "backupStore": "chat-a-dr",
                  "complianceStore": "compliance",
                  "fileStore": "files-a",
                  "servers": [
                    {
                      "name": "fe1",
                      "host": "fe1.example.org",
                      "clientPort": 5222,
                      "role": "active"
                    },
                    {
                      "name": "fe2",
                      "host": "fe2.example.org",
                      "role": "active"
                    },
                    {
                      "name": "fe9",
                      "host": "fe9.dr.example.org",
                      "role": "idle"
                    }
                  ]
                },
                {
                  "name": "pool-b",
                  "mucServices": ["zurich.example.org"],
                  "store": "chat-b",
                  "complianceStore": "compliance",
                  "servers": [
                    {
                      "name": "zh1",
                      "host": "10.1.2.3",
                      "clientPort": 15222,
                      "role": "active"
                    }
                  ]
                }
              ]
            }
            """;

    private Documents() {
    }

    /** {@code document} with the one occurrence of {@code from} replaced. */
    static String replace(String document, String from, String to) {
        requireOnce(document, from);
        return document.replace(from, to);
    }

    /** {@code FILE:LINE:COLUMN} of the one occurrence of {@code text}, counted here to check the parser's. */
    static String at(String document, String text) {
        int index = requireOnce(document, text);
        String before = document.substring(0, index);
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        int column = index - (before.lastIndexOf('\n') + 1) + 1;
        return FILE + ":" + line + ":" + column;
    }

    /** The line of the one occurrence of {@code text}. */
    static int line(String document, String text) {
        return (int) document.substring(0, requireOnce(document, text)).chars().filter(c -> c == '\n').count() + 1;
    }

    /** Every problem of {@code document} as {@code validate} prints it. */
    static List<String> problems(String document) {
        return TopologyReport.check(document, FILE).problems().stream().map(TopologyProblem::toString).toList();
    }

    private static int requireOnce(String document, String text) {
        int index = document.indexOf(text);
        if (index < 0 || document.indexOf(text, index + 1) >= 0) {
            throw new IllegalArgumentException("'" + text + "' is not in the document exactly once");
        }
        return index;
    }
}
