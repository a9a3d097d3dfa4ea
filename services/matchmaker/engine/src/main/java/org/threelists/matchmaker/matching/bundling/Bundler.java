package org.threelists.matchmaker.matching.bundling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.threelists.matchmaker.matching.Assignment;
import org.threelists.matchmaker.matching.DemandInput;
import org.threelists.matchmaker.matching.ProposedProject;
import org.threelists.matchmaker.matching.ResourceInput;
import org.threelists.matchmaker.matching.Window;

/**
 * Bundles assignments into proposed projects: one unit, one community, one category, and windows with a common day.
 * Within a (unit, community, category) group the windows are covered by the fewest bundles (the classic greedy for
 * intervals: sort by end, open ends last; the first open interval's end E is shared by every remaining interval
 * that starts on or before E, and they form one bundle). A demand without a window fits every bundle.
 */
public final class Bundler {

    private Bundler() {
    }

    public static List<ProposedProject> bundle(List<Assignment> assignments, Map<String, DemandInput> demands,
                                        Map<String, ResourceInput> resources) {
        Map<List<String>, List<Assignment>> groups = new LinkedHashMap<>();
        for (Assignment a : assignments) {
            DemandInput d = demands.get(a.demandId());
            groups.computeIfAbsent(List.of(a.unitId(), d.communityCode(), d.category()), k -> new ArrayList<>()).add(a);
        }
        List<ProposedProject> projects = new ArrayList<>();
        Comparator<Assignment> byEnd = Comparator.comparing((Assignment a) -> demands.get(a.demandId()).windowEnd(),
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Assignment::demandId);
        for (Map.Entry<List<String>, List<Assignment>> group : groups.entrySet()) {
            List<Assignment> open = new ArrayList<>(group.getValue());
            open.sort(byEnd);
            while (!open.isEmpty()) {
                Window common = Window.OPEN;
                List<Assignment> bundle = new ArrayList<>();
                for (Assignment a : open) {
                    DemandInput d = demands.get(a.demandId());
                    Window next = common.intersect(new Window(d.windowStart(), d.windowEnd()));
                    if (next != null) {
                        common = next;
                        bundle.add(a);
                    }
                }
                open.removeAll(bundle);
                LinkedHashSet<String> resourceIds = new LinkedHashSet<>();
                bundle.forEach(a -> resourceIds.add(a.resourceId()));
                projects.add(new ProposedProject(group.getKey().get(0), group.getKey().get(1), group.getKey().get(2),
                        List.copyOf(resourceIds), bundle.stream().map(Assignment::demandId).toList(), common));
            }
        }
        return projects;
    }
}
