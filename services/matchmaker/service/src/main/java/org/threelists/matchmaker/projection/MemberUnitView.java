package org.threelists.matchmaker.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.threelists.platform.projection.TrackedView;

/** An alliance member unit: its street decides which street plans its offers join. Written only by {@link ResourceListProjection}. */
@Entity
@Table(name = "member_unit")
public class MemberUnitView extends TrackedView {

    public static final String ACTIVE = "ACTIVE";

    @Id
    @Column(name = "unit_id")
    public String unitId;
    public String name;
    public String kind;
    @Column(name = "street_code")
    public String streetCode;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] communities;
    public String status;
    @Column(name = "status_reason")
    public String statusReason;
}
