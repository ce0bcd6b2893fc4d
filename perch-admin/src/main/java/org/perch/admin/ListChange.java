package org.perch.admin;

import java.util.LinkedHashSet;
import java.util.Set;
import org.perch.core.Principal;

/** A change to a principal list, after Lync's PSListModifier: replace the list, or add to and remove from it. */
public sealed interface ListChange {

    Set<Principal> applyTo(Set<Principal> current);

    record Replace(Set<Principal> principals) implements ListChange {
        @Override
        public Set<Principal> applyTo(Set<Principal> current) {
            return Set.copyOf(principals);
        }
    }

    record Modify(Set<Principal> add, Set<Principal> remove) implements ListChange {
        @Override
        public Set<Principal> applyTo(Set<Principal> current) {
            Set<Principal> result = new LinkedHashSet<>(current);
            result.addAll(add);
            result.removeAll(remove);
            return Set.copyOf(result);
        }
    }
}
