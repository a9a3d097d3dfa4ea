package org.threelists.demand.projection;

import org.threelists.platform.projection.jdbc.ViewTable;

import java.time.Instant;
import java.util.List;

/**
 * A community's building Party group as resource-list publishes it: what the demand list needs to route a demand
 * to it and to know its leader. Written only by {@link PartyGroupDirectory}. Each public field is the
 * {@code party_group} column of its name in snake case (plain JDBC, {@link ViewTable}).
 */
public class PartyGroupRef {

    public static final ViewTable<PartyGroupRef> TABLE = ViewTable.of(PartyGroupRef.class, "party_group", "groupId");

    public String groupId;
    public String streetCode;
    public String communityCode;
    public String name;
    public String compound;
    public String[] buildings;
    public String leaderId;
    public Instant updatedAt;

    public static PartyGroupRef findById(String groupId) {
        return TABLE.find(groupId);
    }

    /** Writes the row whole (inserted, or every column updated). */
    public void save() {
        TABLE.save(this);
    }

    /** Whether the group covers a place of its community: its compound, or the building when it names buildings. */
    public boolean covers(String demandCompound, String demandBuilding) {
        if (compound != null && !compound.equals(demandCompound)) {
            return false;
        }
        if (buildings.length == 0) {
            return compound != null;
        }
        return demandBuilding != null && List.of(buildings).contains(demandBuilding);
    }
}
