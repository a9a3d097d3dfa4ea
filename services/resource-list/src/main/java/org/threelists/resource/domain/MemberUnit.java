package org.threelists.resource.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.threelists.platform.domain.IllegalTransitionException;
import org.threelists.platform.domain.RuleBrokenException;
import org.threelists.resource.domain.MemberUnitCommands.AmendUnit;
import org.threelists.resource.domain.MemberUnitCommands.LeaveAlliance;
import org.threelists.resource.domain.MemberUnitCommands.RegisterUnit;
import org.threelists.resource.domain.MemberUnitCommands.RejoinAlliance;
import org.threelists.resource.domain.MemberUnitEvents.UnitAmended;
import org.threelists.resource.domain.MemberUnitEvents.UnitLeft;
import org.threelists.resource.domain.MemberUnitEvents.UnitRegistered;
import org.threelists.resource.domain.MemberUnitEvents.UnitRejoined;

import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An alliance member unit (共建单位): joins the street's alliance, says whom it serves, may leave and come back. */
public class MemberUnit {

    /** Unit ids are chosen at registration and appear in tokens' {@code unit} claim, so they are short slugs. */
    public static final Pattern ID = Pattern.compile("^unit-[a-z0-9-]{2,60}$");

    @AggregateIdentifier
    private String unitId;
    private String streetCode;
    private MembershipStatus status;

    protected MemberUnit() {
    }

    @CommandHandler
    public MemberUnit(RegisterUnit command) {
        if (command.unitId() == null || !ID.matcher(command.unitId()).matches()) {
            throw new RuleBrokenException("unitId", "must look like unit-<lowercase letters, digits, dashes>");
        }
        requireProfile(command.profile()).check();
        apply(new UnitRegistered(command.unitId(), command.streetCode(), command.profile(), command.actor()));
    }

    @CommandHandler
    public void handle(AmendUnit command) {
        requireActive("amend");
        requireProfile(command.profile()).check();
        apply(new UnitAmended(unitId, streetCode, command.profile(), status, command.actor()));
    }

    @CommandHandler
    public void handle(LeaveAlliance command) {
        requireActive("leave the alliance");
        String reason = command.reason() == null || command.reason().isBlank() ? "no reason given" : command.reason().strip();
        apply(new UnitLeft(unitId, reason, command.actor()));
    }

    @CommandHandler
    public void handle(RejoinAlliance command) {
        if (status != MembershipStatus.LEFT) {
            throw new IllegalTransitionException("rejoin the alliance as unit " + unitId, status);
        }
        apply(new UnitRejoined(unitId, command.actor()));
    }

    @EventSourcingHandler
    void on(UnitRegistered event) {
        unitId = event.unitId();
        streetCode = event.streetCode();
        status = MembershipStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(UnitLeft event) {
        status = MembershipStatus.LEFT;
    }

    @EventSourcingHandler
    void on(UnitRejoined event) {
        status = MembershipStatus.ACTIVE;
    }

    private static UnitProfile requireProfile(UnitProfile profile) {
        if (profile == null) {
            throw new RuleBrokenException("profile", "is required");
        }
        return profile;
    }

    private void requireActive(String action) {
        if (status != MembershipStatus.ACTIVE) {
            throw new IllegalTransitionException(action + " as unit " + unitId, status);
        }
    }
}
