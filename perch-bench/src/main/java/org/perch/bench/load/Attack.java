package org.perch.bench.load;

/**
 * One hostile client of the abuse profile: started while the well-behaved sessions post, left to run through a
 * settle period and a measured window, then stopped, saying what became of its connections.
 */
interface Attack {

    AttackKind kind();

    /** Connects (and logs in, joins) as the attack needs and sets it going; returns once it runs. */
    void start() throws InterruptedException;

    /** Stops the attack, notes how each of its connections ended or that it is still open, and closes them. */
    AttackOutcome stop() throws InterruptedException;

    /** The attack of that kind, at its size. */
    static Attack of(AttackKind kind, AttackContext context) {
        return switch (kind) {
            case FLOOD -> new FloodAttack(context);
            case SLOW_READER -> new SlowReaderAttack(context);
            case SLOWLORIS -> new SlowlorisAttack(context);
            case OVERSIZE -> new OversizeAttack(context);
            case MAM_EVERYTHING -> new MamEverythingAttack(context);
            case CONNECTION_FLOOD -> new ConnectionFloodAttack(context);
        };
    }
}
