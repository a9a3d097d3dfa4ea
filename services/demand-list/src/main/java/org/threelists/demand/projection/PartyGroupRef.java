package org.threelists.demand.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;

/**
 * A community's building Party group as resource-list publishes it: what the demand list needs to route a demand
 * to it and to know its leader. Written only by {@link PartyGroupDirectory}.
 */
@Entity
@Table(name = "party_group")
public class PartyGroupRef extends PanacheEntityBase {

    @Id
    @Column(name = "group_id")
    public String groupId;
    @Column(name = "street_code")
    public String streetCode;
    @Column(name = "community_code")
    public String communityCode;
    public String name;
    public String compound;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] buildings;
    @Column(name = "leader_id")
    public String leaderId;
    @Column(name = "updated_at")
    public Instant updatedAt;

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
