package org.threelists.matchmaker.matching.bundling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.threelists.matchmaker.matching.DemandInput;
import org.threelists.matchmaker.matching.ProposedProject;
import org.threelists.matchmaker.matching.ResourceInput;
import org.threelists.matchmaker.matching.Window;
import org.threelists.matchmaker.matching.model.Problem;

/**
 * Bundles assignments into proposed projects: one unit, one community, one category, and windows with a common day.
 * Within a (unit, community, category) group the windows are covered by the fewest bundles (the classic greedy for
 * intervals: sort by end, open ends last; the first open interval's end E is shared by every remaining interval
 * that starts on or before E, and they form one bundle). A demand without a window fits every bundle.
 *
 * <p>It reads the plan itself (demand → pair), not the explained assignments: the bundles are part of the answer,
 * the explanations are built when first read ({@link org.threelists.matchmaker.matching.explain.Explainer#explainLater}).
 */
public final class Bundler {

    private Bundler() {
    }

    /**
     * The proposed projects of the given demands' assignments (of every demand when null); groups in the order of
     * their first demand, as the assignments are listed.
     */
    public static List<ProposedProject> bundle(Problem p, int[] choice, int[] demands) {
        int[] which = demands == null ? IntStream.range(0, choice.length).toArray() : demands;
        Map<List<String>, List<Integer>> groups = new LinkedHashMap<>();
        for (int d : which) {
            if (choice[d] < 0) {
                continue;
            }
            DemandInput demand = p.demands.get(d);
            ResourceInput resource = p.resources.get(p.pairResource[choice[d]]);
            groups.computeIfAbsent(List.of(resource.unitId(), demand.communityCode(), demand.category()),
                    k -> new ArrayList<>()).add(d);
        }
        Comparator<Integer> byEnd = Comparator.comparing((Integer d) -> p.demands.get(d).windowEnd(),
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(d -> p.demands.get(d).id());
        List<ProposedProject> projects = new ArrayList<>();
        for (Map.Entry<List<String>, List<Integer>> group : groups.entrySet()) {
            List<Integer> sorted = group.getValue();
            sorted.sort(byEnd);
            Window[] windows = new Window[sorted.size()];
            for (int i = 0; i < windows.length; i++) {
                DemandInput d = p.demands.get(sorted.get(i));
                windows[i] = new Window(d.windowStart(), d.windowEnd());
            }
            // bundled demands are marked by their index, not removed from a list: a group costs its size squared in
            // comparisons of indices at most
            boolean[] bundled = new boolean[windows.length];
            int left = windows.length;
            while (left > 0) {
                Window common = Window.OPEN;
                List<String> demandIds = new ArrayList<>();
                LinkedHashSet<String> resourceIds = new LinkedHashSet<>();
                for (int i = 0; i < windows.length; i++) {
                    if (bundled[i]) {
                        continue;
                    }
                    Window next = common.intersect(windows[i]);
                    if (next != null) {
                        int d = sorted.get(i);
                        common = next;
                        demandIds.add(p.demands.get(d).id());
                        resourceIds.add(p.resources.get(p.pairResource[choice[d]]).id());
                        bundled[i] = true;
                        left--;
                    }
                }
                projects.add(new ProposedProject(group.getKey().get(0), group.getKey().get(1), group.getKey().get(2),
                        List.copyOf(resourceIds), List.copyOf(demandIds), common));
            }
        }
        return projects;
    }
}
