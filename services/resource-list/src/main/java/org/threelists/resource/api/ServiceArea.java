package org.threelists.resource.api;

import jakarta.enterprise.context.ApplicationScoped;
import org.threelists.contracts.CommunityDirectory;
import org.threelists.platform.problem.ProblemException;

import java.util.List;

/** Communities named in a request must exist, and a unit serves only communities of its own street. */
@ApplicationScoped
public class ServiceArea {

    public void requireInStreet(String field, List<String> communities, String streetCode) {
        for (String code : communities) {
            var community = CommunityDirectory.standard().find(code)
                    .orElseThrow(() -> ProblemException.invalid(field, "unknown community '" + code + "'"));
            if (!community.streetCode().equals(streetCode)) {
                throw ProblemException.invalid(field, "community '" + code + "' is not in street " + streetCode);
            }
        }
    }

    public void requireExists(String field, String community) {
        if (CommunityDirectory.standard().find(community).isEmpty()) {
            throw ProblemException.invalid(field, "unknown community '" + community + "'");
        }
    }
}
