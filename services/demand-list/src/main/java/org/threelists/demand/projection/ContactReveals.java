package org.threelists.demand.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.threelists.platform.projection.jdbc.SqlWhere;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Records each time a unit is shown a resident's contact, and lists them by street and period. */
@ApplicationScoped
public class ContactReveals {

    private final Clock clock = Clock.systemUTC();

    public record Found(List<ContactReveal> items, long total) {
    }

    /** Joins the caller's transaction: the record exists exactly when the answer that revealed the contact is sent. */
    @Transactional(Transactional.TxType.REQUIRED)
    public void record(String demandId, String streetCode, String communityCode, String unitId, String revealedTo) {
        ContactReveal reveal = new ContactReveal();
        reveal.demandId = demandId;
        reveal.streetCode = streetCode;
        reveal.communityCode = communityCode;
        reveal.unitId = unitId;
        reveal.revealedTo = revealedTo;
        reveal.revealedAt = clock.instant();
        reveal.insert();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Found list(String streetCode, Instant from, Instant to, int page, int size) {
        SqlWhere where = new SqlWhere().and("street_code = ? AND revealed_at >= ? AND revealed_at < ?", streetCode,
                from, to);
        return new Found(ContactReveal.TABLE.page(where, "revealed_at DESC, id", page, size),
                ContactReveal.TABLE.count(where));
    }
}
