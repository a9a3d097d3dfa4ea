package org.threelists.demand.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.threelists.demand.domain.slip.SlipCommands.CheckInSlip;
import org.threelists.demand.domain.slip.SlipCommands.CheckOutSlip;
import org.threelists.demand.domain.slip.SlipCommands.ConfirmSlipHours;
import org.threelists.demand.domain.slip.SlipStatus;
import org.threelists.demand.projection.SlipQueries;
import org.threelists.demand.projection.SlipView;
import org.threelists.platform.checkin.CheckInCode;
import org.threelists.platform.checkin.CheckInCodes;
import org.threelists.platform.checkin.CheckInPlace;
import org.threelists.platform.checkin.CheckInPurpose;
import org.threelists.platform.domain.IllegalTransitionException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * Check-in and check-out of a slip (签到/签退; services/demand-list/README.md, "Check-in and check-out"): the group's
 * leader obtains a short-lived signed code for an accepted slip and shows it as a QR code; the member scans it at the
 * start and at the end, within the code's place if it names one; the leader confirms the hours of a member who could
 * not check in. The code is verified here (signature, lifetime, purpose, slip, place); the slip itself refuses a code
 * used before, a check-out without a check-in and a confirmation of checked hours. The caller has been authorised.
 */
@ApplicationScoped
public class SlipCheckIns {

    private final CommandGateway commands;
    private final SlipQueries slips;
    private final CheckInCodes codes;

    SlipCheckIns(CommandGateway commands, SlipQueries slips, CheckInCodes codes) {
        this.commands = commands;
        this.slips = slips;
        this.codes = codes;
    }

    /** A new code for the accepted slip; nothing is stored (the code carries all it needs, signed). */
    public CheckInCode issueCode(String slipId, CheckInPurpose purpose, Optional<CheckInPlace> place) {
        SlipView slip = slips.require(slipId);
        if (slip.status != SlipStatus.ACCEPTED) {
            throw new IllegalTransitionException("issue a check-in code for slip " + slipId, slip.status);
        }
        return codes.issue(slipId, purpose, place, SlipWork.now());
    }

    @Transactional
    public void checkIn(String slipId, String memberId, String code, Position position, String actor) {
        Instant now = SlipWork.now();
        CheckInCode verified = codes.verify(code, slipId, CheckInPurpose.CHECK_IN, now);
        commands.sendAndWait(new CheckInSlip(slipId, memberId, verified.nonce(), atPlace(verified, position), now,
                actor));
    }

    @Transactional
    public void checkOut(String slipId, String memberId, String code, Position position, String actor) {
        Instant now = SlipWork.now();
        CheckInCode verified = codes.verify(code, slipId, CheckInPurpose.CHECK_OUT, now);
        commands.sendAndWait(new CheckOutSlip(slipId, memberId, verified.nonce(), atPlace(verified, position), now,
                actor));
    }

    @Transactional
    public void confirmHours(String slipId, String leaderId, BigDecimal hours, String reason, String actor) {
        commands.sendAndWait(new ConfirmSlipHours(slipId, leaderId, hours, reason, actor));
    }

    /** A code that names a place opens only within its radius (the position is checked, not kept). */
    private static boolean atPlace(CheckInCode code, Position position) {
        return code.requireAtPlace(position == null ? null : position.latitude(),
                position == null ? null : position.longitude());
    }

    /** Where the member stands when scanning (WGS 84). */
    public record Position(double latitude, double longitude) {
    }
}
