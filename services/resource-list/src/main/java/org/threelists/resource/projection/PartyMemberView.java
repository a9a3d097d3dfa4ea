package org.threelists.resource.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.threelists.resource.domain.PartyMemberKind;

import java.io.Serializable;
import java.time.Instant;

/** A present member of a Party group; a resident's person only sealed. Written only by {@link PartyGroupProjection}. */
@Entity
@Table(name = "party_member_view")
public class PartyMemberView extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "group_id") String groupId, @Column(name = "member_id") String memberId)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;
    @Enumerated(EnumType.STRING)
    public PartyMemberKind kind;
    @Column(name = "home_unit_id")
    public String homeUnitId;
    @Column(name = "masked_name")
    public String maskedName;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] skills;
    @Column(name = "sealed_person")
    public String sealedPerson;
    @Column(name = "added_at")
    public Instant addedAt;
    @Column(name = "added_by")
    public String addedBy;
}
