package org.threelists.ledger.domain;

/**
 * The ledger's hash chains: one per partition of each topic entries come from, appended in offset order, so that a
 * rebuild gives the same chains however the partitions interleave (services/ledger/README.md, "Entries and the hash
 * chains"). Chain {@code p} is partition {@code p} of project-list.events.v1 (the chains that were there before slips);
 * chain {@code 1000 + p} is partition {@code p} of demand-list.events.v1, whose closed slips give entries too. A topic
 * of the ledger's has far fewer than 1000 partitions.
 */
public final class Chains {

    /** The first chain of demand-list.events.v1's partitions. */
    public static final int FIRST_SLIP_CHAIN = 1000;

    private Chains() {
    }

    /** The chain of a partition of demand-list.events.v1. */
    public static int ofSlips(int partition) {
        return FIRST_SLIP_CHAIN + partition;
    }

    /** The chain as a verification names it: the topic's short name and the partition. */
    public static String name(int chain) {
        return chain >= FIRST_SLIP_CHAIN ? "demand-list/" + (chain - FIRST_SLIP_CHAIN) : "project-list/" + chain;
    }
}
