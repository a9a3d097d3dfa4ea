package org.threelists.matchmaker.matching.explain;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Supplier;
import org.threelists.matchmaker.matching.Assignment;

/**
 * A plan's assignments whose explanations (score terms, alternatives and why they lost) are built the first time
 * the list is read, all at once on every core, and kept: the plan is answered when it is searched and bundled, and
 * the explanations — what the coordination desk reads, about as long to build as the search of a short limit — do
 * not come out of the solve's time limit (services/matchmaker/engine/README.md, "Time limit"). Its size is known
 * at once; any other read builds the list. Safe to read from several threads: it is built once.
 */
final class ExplainedLater extends AbstractList<Assignment> implements RandomAccess {

    private final int size;
    private Supplier<List<Assignment>> build;
    private volatile List<Assignment> built;

    ExplainedLater(int size, Supplier<List<Assignment>> build) {
        this.size = size;
        this.build = build;
    }

    @Override
    public Assignment get(int index) {
        return built().get(index);
    }

    @Override
    public int size() {
        return size;
    }

    private List<Assignment> built() {
        List<Assignment> list = built;
        if (list == null) {
            synchronized (this) {
                list = built;
                if (list == null) {
                    list = build.get();
                    built = list;
                    build = null; // the plan and its problem are no longer needed
                }
            }
        }
        return list;
    }
}
