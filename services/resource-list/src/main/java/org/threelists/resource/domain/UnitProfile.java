package org.threelists.resource.domain;

import org.threelists.platform.domain.RuleBrokenException;

import java.util.List;

/** What a unit says about itself when it joins the alliance, and may change later. */
public record UnitProfile(String name, UnitKind kind, String partyOrganisation, List<String> communities,
        UnitContact contact) {

    public UnitProfile {
        communities = communities == null ? List.of() : List.copyOf(communities);
    }

    void check() {
        if (name == null || name.isBlank()) {
            throw new RuleBrokenException("name", "must not be blank");
        }
        if (kind == null) {
            throw new RuleBrokenException("kind", "is required");
        }
        if (communities.isEmpty()) {
            throw new RuleBrokenException("communities", "a unit serves at least one community");
        }
        if (communities.stream().distinct().count() != communities.size()) {
            throw new RuleBrokenException("communities", "must not repeat a community");
        }
    }
}
