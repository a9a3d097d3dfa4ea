package org.threelists.matchmaker.domain;

import org.threelists.matchmaker.domain.ProjectValues.Claim;
import org.threelists.matchmaker.domain.ProjectValues.Consumption;
import org.threelists.matchmaker.domain.ProjectValues.Release;
import org.threelists.platform.domain.RuleBrokenException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The books of a project's claims and pledges: those asked for (pending until resource-list reserved the capacity)
 * and those confirmed. A refused, released, expired or cancelled claim is forgotten, so a late answer of resource-list
 * about it confirms nothing; its id stays used, so that one claim id always names one claim, and how it closed is
 * kept. Only the {@link Project}'s event-sourcing handlers change it.
 */
final class Claims {

    /** Pending and confirmed claims, in the order they were asked for. */
    private final Map<String, Claim> open = new LinkedHashMap<>();
    private final Set<String> everUsed = new HashSet<>();
    /** How each forgotten claim closed (refused, released, expired, cancelled): why a late reservation goes back. */
    private final Map<String, String> closed = new HashMap<>();

    Optional<Claim> find(String claimId) {
        return Optional.ofNullable(open.get(claimId));
    }

    boolean used(String claimId) {
        return everUsed.contains(claimId);
    }

    /** How a claim that is no longer open closed. */
    String closedAs(String claimId) {
        return closed.getOrDefault(claimId, "closed");
    }

    /** The unit's pending or confirmed claim or pledge, if it holds one. */
    Optional<Claim> of(String unitId) {
        return open.values().stream().filter(c -> c.unitId().equals(unitId)).findFirst();
    }

    /** The units with a pending or confirmed claim. */
    List<String> units() {
        return open.values().stream().map(Claim::unitId).distinct().toList();
    }

    boolean isEmpty() {
        return open.isEmpty();
    }

    /** What the pending and the confirmed claims together ask for. */
    BigDecimal committed() {
        return sum(open.values());
    }

    /** What the confirmed claims hold. */
    BigDecimal confirmed() {
        return sum(holders());
    }

    List<Claim> holders() {
        return open.values().stream().filter(Claim::confirmed).toList();
    }

    /** The holders as they will be once this pending claim is confirmed, in the order the claims were asked for. */
    List<Claim> holdersConfirming(String claimId) {
        return open.values().stream().map(c -> c.claimId().equals(claimId) ? c.confirm() : c)
                .filter(Claim::confirmed).toList();
    }

    List<String> holderUnits() {
        return holders().stream().map(Claim::unitId).distinct().toList();
    }

    /** Every pending and confirmed claim, for resource-list to give their capacity back. */
    List<Release> releases() {
        return open.values().stream().map(c -> new Release(c.claimId(), c.unitId(), c.resourceId())).toList();
    }

    /**
     * What each holder used of its reservation: what the report says, or all it reserved when the report is silent.
     * A report may name only holders' claims — the reporting unit's own when it is named — and never more than they
     * reserved.
     */
    List<Consumption> consumptions(Map<String, BigDecimal> usedByClaim, String reportingUnitId) {
        Map<String, BigDecimal> used = usedByClaim == null ? Map.of() : usedByClaim;
        for (Map.Entry<String, BigDecimal> entry : used.entrySet()) {
            Claim claim = open.get(entry.getKey());
            if (claim == null || !claim.confirmed()) {
                throw new RuleBrokenException("usedByClaim", entry.getKey() + " is not a claim holding this project");
            }
            if (reportingUnitId != null && !claim.unitId().equals(reportingUnitId)) {
                throw new RuleBrokenException("usedByClaim", entry.getKey() + " is the claim of " + claim.unitId()
                        + ": a unit reports only what its own claim used");
            }
            BigDecimal amount = entry.getValue();
            if (amount == null || amount.signum() < 0) {
                throw new RuleBrokenException("usedByClaim", "the amount used by " + entry.getKey() + " must be 0 or more");
            }
            ProjectInput.decimals("usedByClaim", amount);
            if (amount.compareTo(claim.amount()) > 0) {
                throw new RuleBrokenException("usedByClaim", "claim " + entry.getKey() + " used "
                        + amount.toPlainString() + " but reserved only " + claim.amount().toPlainString());
            }
        }
        List<Consumption> consumptions = new ArrayList<>();
        for (Claim holder : holders()) {
            consumptions.add(new Consumption(holder.claimId(), holder.unitId(), holder.resourceId(),
                    used.getOrDefault(holder.claimId(), holder.amount())));
        }
        return consumptions;
    }

    void add(Claim claim) {
        open.put(claim.claimId(), claim);
        everUsed.add(claim.claimId());
    }

    void confirm(String claimId) {
        open.computeIfPresent(claimId, (id, claim) -> claim.confirm());
    }

    void forget(String claimId, String how) {
        if (open.remove(claimId) != null) {
            closed.put(claimId, how);
        }
    }

    void forgetAll(String how) {
        open.keySet().forEach(claimId -> closed.put(claimId, how));
        open.clear();
    }

    private static BigDecimal sum(java.util.Collection<Claim> claims) {
        return claims.stream().map(Claim::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
