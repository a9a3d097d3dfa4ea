package org.threelists.demand.projection;

import jakarta.enterprise.context.ApplicationScoped;
import org.threelists.contracts.Category;
import org.threelists.demand.domain.slip.ServiceMode;
import org.threelists.demand.domain.slip.SlipStatus;
import org.threelists.platform.projection.jdbc.Jdbc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The public notice board's reads of the second lane (services/demand-list/README.md, "Notice board"): the slips
 * closed in a street (or one community) in a period, and the period's counts. Only the columns the board may show are
 * read — never the slip's problem, the member's report, the member or the leader.
 */
@ApplicationScoped
public class NoticeBoardSlips {

    private final WrittenRows written;

    NoticeBoardSlips(WrittenRows written) {
        this.written = written;
    }

    /** A closed slip as the board may show it; the group's name is null when its group is unknown here. */
    public record ClosedSlip(String slipId, Category category, String communityCode, String groupName,
            LocalDate serviceDate, BigDecimal hours, ServiceMode mode, Integer satisfaction, Instant closedAt) {
    }

    /** Slips dispatched and slips closed in the period; the closed ones' average satisfaction (null when none). */
    public record Counts(long dispatched, long closed, BigDecimal averageSatisfaction) {
    }

    /** One page of them, newest closure first; {@code community} null for the whole street. How many: {@link #counts}. */
    public List<ClosedSlip> closed(String street, String community, Instant from, Instant to, int page, int size) {
        written.flush();
        List<Object> parameters = parameters(street, community, from, to);
        parameters.add(SlipStatus.CLOSED);
        return Jdbc.list("SELECT s.slip_id, d.category, s.community_code, g.name, s.service_date, s.hours, s.mode,"
                + " s.satisfaction, s.closed_at FROM slip_view s JOIN demand_view d ON d.demand_id = s.demand_id"
                + " LEFT JOIN party_group g ON g.group_id = s.group_id " + where(community, "closed_at")
                + " AND s.status = ? ORDER BY s.closed_at DESC, s.slip_id LIMIT " + size + " OFFSET " + (long) page * size,
                NoticeBoardSlips::closedSlip, parameters.toArray());
    }

    public Counts counts(String street, String community, Instant from, Instant to) {
        written.flush();
        long dispatched = Jdbc.count("SELECT count(*) FROM slip_view s " + where(community, "dispatched_at"),
                parameters(street, community, from, to).toArray());
        List<Object> closedParameters = parameters(street, community, from, to);
        closedParameters.add(SlipStatus.CLOSED);
        // the average as a double precision, as the board has always rounded it
        Closed closed = Jdbc.first("SELECT count(*), avg(s.satisfaction)::float8 FROM slip_view s "
                + where(community, "closed_at") + " AND s.status = ?", NoticeBoardSlips::closedCounts,
                closedParameters.toArray());
        Double average = closed.average();
        return new Counts(dispatched, closed.count(),
                average == null ? null : BigDecimal.valueOf(average).setScale(1, RoundingMode.HALF_UP));
    }

    private record Closed(long count, Double average) {
    }

    private static Closed closedCounts(ResultSet row) throws SQLException {
        long count = row.getLong(1);
        double average = row.getDouble(2);
        return new Closed(count, row.wasNull() ? null : average);
    }

    private static ClosedSlip closedSlip(ResultSet row) throws SQLException {
        String mode = row.getString(7);
        int satisfaction = row.getInt(8);
        Integer score = row.wasNull() ? null : satisfaction;
        Timestamp closedAt = row.getTimestamp(9);
        return new ClosedSlip(row.getString(1), Category.valueOf(row.getString(2)), row.getString(3),
                row.getString(4), row.getObject(5, LocalDate.class), row.getBigDecimal(6),
                mode == null ? null : ServiceMode.valueOf(mode), score, closedAt == null ? null : closedAt.toInstant());
    }

    private static String where(String community, String timeColumn) {
        return "WHERE s.street_code = ?" + (community == null ? "" : " AND s.community_code = ?")
                + " AND s." + timeColumn + " >= ? AND s." + timeColumn + " < ?";
    }

    /** The parameters of {@link #where}, in its order. */
    private static List<Object> parameters(String street, String community, Instant from, Instant to) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(street);
        if (community != null) {
            parameters.add(community);
        }
        parameters.add(from);
        parameters.add(to);
        return parameters;
    }
}
