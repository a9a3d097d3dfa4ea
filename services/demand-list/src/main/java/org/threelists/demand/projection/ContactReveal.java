package org.threelists.demand.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One showing of a resident's contact to a member unit: the trail the desk and the auditor review. */
@Entity
@Table(name = "contact_reveal")
public class ContactReveal extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "demand_id")
    public String demandId;
    @Column(name = "street_code")
    public String streetCode;
    @Column(name = "community_code")
    public String communityCode;
    @Column(name = "unit_id")
    public String unitId;
    /** The token subject of the person who read it, on the unit's behalf. */
    @Column(name = "revealed_to")
    public String revealedTo;
    @Column(name = "revealed_at")
    public Instant revealedAt;
}
