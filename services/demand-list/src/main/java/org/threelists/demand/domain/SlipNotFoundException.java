package org.threelists.demand.domain;

import org.threelists.platform.domain.NotFoundException;

/** No slip with this id was dispatched. */
public class SlipNotFoundException extends NotFoundException {

    public SlipNotFoundException(String slipId) {
        super("Slip", slipId);
    }
}
