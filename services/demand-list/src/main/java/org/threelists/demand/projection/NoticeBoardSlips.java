package org.threelists.demand.projection;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import org.threelists.contracts.Category;
import org.threelists.demand.domain.slip.ServiceMode;
import org.threelists.demand.domain.slip.SlipStatus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The public notice board's reads of the second lane (services/demand-list/README.md, "Notice board"): the slips
 * closed in a street (or one community) in a period, and the period's counts. Only the columns the board may show are
 * read — never the slip's problem, the member's report, the member or the leader.
 */
@ApplicationScoped
public class NoticeBoardSlips {

    /** A closed slip as the board may show it; the group's name is null when its group is unknown here. */
    public record ClosedSlip(String slipId, Category category, String communityCode, String groupName,
            LocalDate serviceDate, BigDecimal hours, ServiceMode mode, Integer satisfaction, Instant closedAt) {
    }

    /** Slips dispatched and slips closed in the period; the closed ones' average satisfaction (null when none). */
    public record Counts(long dispatched, long closed, BigDecimal averageSatisfaction) {
    }

    /** One page of them, newest closure first; {@code community} null for the whole street. How many: {@link #counts}. */
    public List<ClosedSlip> closed(String street, String community, Instant from, Instant to, int page, int size) {
        String where = where(community, "closedAt") + " and s.status = :closed";
        TypedQuery<Object[]> rows = Panache.getEntityManager().createQuery("select s.slipId, d.category, "
                + "s.communityCode, g.name, s.serviceDate, s.hours, s.mode, s.satisfaction, s.closedAt "
                + "from SlipView s join DemandView d on d.demandId = s.demandId "
                + "left join PartyGroupRef g on g.groupId = s.groupId " + where
                + " order by s.closedAt desc, s.slipId", Object[].class);
        bind(rows, street, community, from, to).setParameter("closed", SlipStatus.CLOSED);
        return rows.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(r -> new ClosedSlip((String) r[0], (Category) r[1], (String) r[2], (String) r[3],
                        (LocalDate) r[4], (BigDecimal) r[5], (ServiceMode) r[6], (Integer) r[7], (Instant) r[8]))
                .toList();
    }

    public Counts counts(String street, String community, Instant from, Instant to) {
        TypedQuery<Long> dispatched = Panache.getEntityManager().createQuery(
                "select count(s) from SlipView s " + where(community, "dispatchedAt"), Long.class);
        TypedQuery<Object[]> closed = Panache.getEntityManager().createQuery("select count(s), avg(s.satisfaction) "
                + "from SlipView s " + where(community, "closedAt") + " and s.status = :closed", Object[].class);
        bind(closed, street, community, from, to).setParameter("closed", SlipStatus.CLOSED);
        Object[] closedRow = closed.getSingleResult();
        Double average = closedRow[1] == null ? null : ((Number) closedRow[1]).doubleValue();
        return new Counts(bind(dispatched, street, community, from, to).getSingleResult(), (Long) closedRow[0],
                average == null ? null : BigDecimal.valueOf(average).setScale(1, RoundingMode.HALF_UP));
    }

    private static String where(String community, String timeColumn) {
        return "where s.streetCode = :street" + (community == null ? "" : " and s.communityCode = :community")
                + " and s." + timeColumn + " >= :since and s." + timeColumn + " < :until";
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, String street, String community, Instant from,
            Instant to) {
        query.setParameter("street", street).setParameter("since", from).setParameter("until", to);
        if (community != null) {
            query.setParameter("community", community);
        }
        return query;
    }
}
