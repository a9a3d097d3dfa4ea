package org.threelists.resource;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.config.Configurer;
import org.threelists.platform.axon.AxonModule;
import org.threelists.resource.domain.MemberUnit;
import org.threelists.resource.domain.PartyGroup;
import org.threelists.resource.domain.Resource;
import org.threelists.resource.domain.Volunteer;
import org.threelists.resource.projection.MemberUnitProjection;
import org.threelists.resource.projection.PartyGroupProjection;
import org.threelists.resource.projection.ResourceProjection;
import org.threelists.resource.projection.Views;
import org.threelists.resource.projection.VolunteerProjection;

/** The resource list's part of the Axon configuration: four aggregates and their read-model projections. */
@ApplicationScoped
public class ResourceListAxonModule implements AxonModule {

    private final MemberUnitProjection units;
    private final ResourceProjection resources;
    private final VolunteerProjection volunteers;
    private final PartyGroupProjection partyGroups;

    ResourceListAxonModule(MemberUnitProjection units, ResourceProjection resources, VolunteerProjection volunteers,
            PartyGroupProjection partyGroups) {
        this.units = units;
        this.resources = resources;
        this.volunteers = volunteers;
        this.partyGroups = partyGroups;
    }

    @Override
    public void configure(Configurer configurer) {
        configurer.configureAggregate(MemberUnit.class);
        configurer.configureAggregate(Resource.class);
        configurer.configureAggregate(Volunteer.class);
        configurer.configureAggregate(PartyGroup.class);
        configurer.eventProcessing()
                .registerSubscribingEventProcessor(Views.PROCESSOR)
                .registerEventHandler(c -> units)
                .registerEventHandler(c -> resources)
                .registerEventHandler(c -> volunteers)
                .registerEventHandler(c -> partyGroups);
    }
}
