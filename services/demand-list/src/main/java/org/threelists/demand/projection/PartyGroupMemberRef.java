package org.threelists.demand.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;

/** A present member of a Party group, by id and masked name only. Written only by {@link PartyGroupDirectory}. */
@Entity
@Table(name = "party_group_member")
public class PartyGroupMemberRef extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "group_id") String groupId, @Column(name = "member_id") String memberId)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;
    /** VOLUNTEER (双报到, with a home unit) or RESIDENT, as published. */
    public String kind;
    @Column(name = "home_unit_id")
    public String homeUnitId;
    @Column(name = "masked_name")
    public String maskedName;
}
