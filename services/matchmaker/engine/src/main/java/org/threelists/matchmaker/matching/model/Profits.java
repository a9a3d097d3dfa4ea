package org.threelists.matchmaker.matching.model;

/** Totals of a plan ({@code choice}: the chosen pair of each demand, −1 when unmatched). */
public final class Profits {

    private Profits() {
    }

    /** The lexicographic profit of the whole plan. */
    public static long profit(Problem p, int[] choice) {
        long total = 0;
        for (int k : choice) {
            if (k >= 0) {
                total += p.pairProfit[k];
            }
        }
        return total;
    }

    /** The total score of the plan, in units of {@link org.threelists.matchmaker.matching.Scoring#RESOLUTION}. */
    public static long scaledTotal(Problem p, int[] choice) {
        long total = 0;
        for (int k : choice) {
            if (k >= 0) {
                total += p.pairScaled[k];
            }
        }
        return total;
    }

    /** The lexicographic profit of the plan within one component. */
    public static long componentProfit(Problem p, int[] choice, int c) {
        long total = 0;
        for (int d : p.componentDemands[c]) {
            if (choice[d] >= 0) {
                total += p.pairProfit[choice[d]];
            }
        }
        return total;
    }

    /** The greatest common divisor: the dynamic programs count hours in units of the gcd of the tenths involved. */
    public static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
