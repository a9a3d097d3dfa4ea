package org.threelists.demand.projection;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

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
        reveal.persist();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Found list(String streetCode, Instant from, Instant to, int page, int size) {
        var query = ContactReveal.<ContactReveal>find("streetCode = ?1 and revealedAt >= ?2 and revealedAt < ?3",
                Sort.descending("revealedAt").and("id"), streetCode, from, to);
        return new Found(query.page(Page.of(page, size)).list(), query.count());
    }
}
