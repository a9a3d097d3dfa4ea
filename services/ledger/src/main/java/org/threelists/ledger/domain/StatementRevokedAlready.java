package org.threelists.ledger.domain;

import org.threelists.platform.domain.DomainException;

import java.util.Map;

/** A statement is revoked once; a second revocation is refused (services/ledger/README.md, "Hour statements"). */
public class StatementRevokedAlready extends DomainException {

    public StatementRevokedAlready(String number) {
        super(Kind.ILLEGAL_TRANSITION, "Statement " + number + " is revoked already",
                Map.of("state", "REVOKED", "action", "revoke"));
    }
}
