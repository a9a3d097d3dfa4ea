package org.threelists.ledger.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.threelists.ledger.domain.HourStatement;
import org.threelists.ledger.domain.LedgerEntry;
import org.threelists.ledger.domain.StatementRevokedAlready;
import org.threelists.ledger.domain.VerificationCodes;
import org.threelists.ledger.projection.Figures;
import org.threelists.ledger.projection.Labels;
import org.threelists.ledger.projection.directory.Directory;
import org.threelists.ledger.projection.entries.CorrectionChain;
import org.threelists.ledger.projection.statements.StatementStore;
import org.threelists.platform.domain.NotFoundException;
import org.threelists.platform.domain.RuleBrokenException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Hour statements (志愿服务时长证明): issued by a street's desk from the volunteer's confirmed hours in force, revoked
 * once, outdated by a correction of hours they certified ({@code EntryCorrections}), verified by anyone holding the
 * number and the code printed beside it (services/ledger/README.md, "Hour statements").
 */
@ApplicationScoped
public class HourStatements {

    private final StatementStore store;
    private final CorrectionChain corrections;
    private final Directory directory;
    private final ZoneId zone;
    private final String issuer;

    HourStatements(StatementStore store, CorrectionChain corrections, Directory directory,
            @ConfigProperty(name = "threelists.ledger.time-zone") ZoneId zone,
            @ConfigProperty(name = "threelists.ledger.issuer") String issuer) {
        this.store = store;
        this.corrections = corrections;
        this.directory = directory;
        this.zone = zone;
        this.issuer = issuer;
    }

    /**
     * Issues a statement of the volunteer's confirmed hours in force in the street and period, in the name of the
     * street's joint meeting; refused when there are none. Another statement of the same volunteer and period may be
     * issued at any time: that is how the desk replaces an outdated or revoked one.
     */
    @Transactional
    public HourStatement issue(String street, String volunteerId, LocalDate from, LocalDate to, String actor) {
        // no correction between reading the hours and committing the statement: one under way is waited for and read,
        // one after finds the statement's entries and outdates it (EntryCorrections.correct)
        corrections.holdOff();
        List<StatementStore.Service> services = store.servicesOf(volunteerId, street, from, to);
        if (services.isEmpty()) {
            throw new RuleBrokenException("volunteerId", "has no hours in street " + street + " from " + from + " to " + to);
        }
        List<String> lines = new ArrayList<>();
        BigDecimal hours = BigDecimal.ZERO;
        String unitId = null;
        for (StatementStore.Service s : services) {
            hours = hours.add(s.hours());
            unitId = s.unitId();
            lines.add(s.date() + " " + Labels.communityName(s.communityCode()) + " " + Labels.categoryZh(s.category())
                    + what(s) + " " + Figures.plain(s.hours()).toPlainString() + "小时");
        }
        var volunteer = directory.volunteer(volunteerId);
        String masked = volunteer.map(Directory.Volunteer::maskedName).orElse(null);
        if (volunteer.isPresent() && volunteer.get().unitId() != null) {
            unitId = volunteer.get().unitId();
        }
        LocalDate today = LocalDate.now(zone);
        String number = HourStatement.number(today.getYear(), store.nextSerial());
        HourStatement statement = new HourStatement(number, volunteerId, masked, unitId, street, from, to,
                Figures.plain(hours), HourStatement.content(lines), Labels.streetName(street) + issuer, actor, today,
                Instant.now().truncatedTo(ChronoUnit.MICROS), null, null, null, null).sealed(VerificationCodes.next());
        store.insert(statement, services);
        return statement;
    }

    /** A project's title, or for a slip (三联单) how the member served: the project's and the slip's hours side by side. */
    private static String what(StatementStore.Service s) {
        if (s.origin() == LedgerEntry.Origin.SLIP) {
            return "「三联单·" + ("ONLINE".equals(s.mode()) ? "线上服务" : "上门服务") + "」";
        }
        return s.title() == null ? "" : "「" + s.title() + "」";
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public HourStatement statement(String number) {
        return store.find(number).orElseThrow(() -> new NotFoundException("Statement", number));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public StatementStore.StatementPage list(StatementStore.StatementFilter filter, int page, int size) {
        return store.list(filter, page, size);
    }

    /**
     * Revokes once; a second revocation is refused. The revocation is chained as the statement's mark
     * ({@link StatementStore#revoke}), so that deleting it in the database is found. Answers the statement as it now
     * stands.
     */
    @Transactional
    public HourStatement revoke(String number, String reason, String actor) {
        if (!store.revoke(number, reason, actor, Instant.now())) {
            throw new StatementRevokedAlready(number);
        }
        return statement(number);
    }

    /**
     * The statement with this number and code. A missing or wrong code is answered exactly like an unknown number,
     * so that nothing can be enumerated.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public HourStatement verify(String number, String code) {
        return store.find(number).filter(found -> VerificationCodes.matches(found.verificationCode(), code))
                .orElseThrow(() -> new NotFoundException("Statement", number + " with this code"));
    }
}
