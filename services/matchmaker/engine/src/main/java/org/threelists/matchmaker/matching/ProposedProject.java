package org.threelists.matchmaker.matching;

import java.util.List;

/**
 * A bundle the engine proposes: demands one unit serves in one community and category, whose windows share at least
 * one day ({@code window} is that common range; open ends stay open).
 */
public record ProposedProject(String unitId, String communityCode, String category, List<String> resourceIds,
                              List<String> demandIds, Window window) {
}
