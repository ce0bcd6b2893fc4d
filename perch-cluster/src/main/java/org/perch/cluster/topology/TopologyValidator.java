package org.perch.cluster.topology;

import java.util.List;

/**
 * The rules a topology must follow to be published (docs/topology.md lists them), checked on what the parser
 * read. Pure: no file, network or store is touched. Elements the parser could not read are left alone, as their
 * problems are already reported.
 */
public final class TopologyValidator {

    private TopologyValidator() {
    }

    /** Every problem the rules find in {@code parsed}, errors and warnings, in rule order; none without a model. */
    public static List<TopologyProblem> validate(ParsedTopology parsed) {
        return parsed.topology().map(topology -> {
            Validation v = new Validation(topology, parsed.source(), new Problems(parsed.source().map()));
            DomainRules.check(v);
            PoolRules.check(v);
            ServerRules.check(v);
            StoreRules.check(v);
            StoreUseRules.check(v);
            return v.problems().list();
        }).orElse(List.of());
    }
}
