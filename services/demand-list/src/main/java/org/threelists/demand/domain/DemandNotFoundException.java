package org.threelists.demand.domain;

import org.threelists.platform.domain.NotFoundException;

/** No demand with this id is on the demand list. */
public class DemandNotFoundException extends NotFoundException {

    private final String demandId;

    public DemandNotFoundException(String demandId) {
        super("Demand", demandId);
        this.demandId = demandId;
    }

    public String demandId() {
        return demandId;
    }
}
