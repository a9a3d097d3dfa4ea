package org.threelists.resource.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.threelists.contracts.CommunityDirectory;
import org.threelists.platform.domain.RuleBrokenException;

import java.util.List;

/**
 * Communities named in a request must exist, and a unit serves only communities of its own street (the street's
 * alliance is the unit of the practice: services/resource-list/README.md, "Owns").
 */
@ApplicationScoped
public class ServiceArea {

    public void requireInStreet(String field, List<String> communities, String streetCode) {
        for (String code : communities) {
            var community = CommunityDirectory.standard().find(code)
                    .orElseThrow(() -> new RuleBrokenException(field, "unknown community '" + code + "'"));
            if (!community.streetCode().equals(streetCode)) {
                throw new RuleBrokenException(field, "community '" + code + "' is not in street " + streetCode);
            }
        }
    }

    public void requireExists(String field, String community) {
        if (CommunityDirectory.standard().find(community).isEmpty()) {
            throw new RuleBrokenException(field, "unknown community '" + community + "'");
        }
    }
}
