package org.threelists.resource.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.threelists.resource.domain.VolunteerPerson;

import java.util.List;

/** Request bodies of {@code /volunteers}. */
public final class VolunteerRequests {

    private VolunteerRequests() {
    }

    @Schema(name = "VolunteerPerson", description = "Personal data: encrypted at rest, never published")
    public record Person(@NotBlank @Size(max = 100) String name,
            @Pattern(regexp = "^[0-9+\\- ]{5,30}$", message = "must be a phone number") String phone) {

        VolunteerPerson toDomain() {
            return new VolunteerPerson(name.strip(), phone);
        }

        static Person of(VolunteerPerson person) {
            return new Person(person.name(), person.phone());
        }
    }

    @Schema(name = "RegisterVolunteerRequest", description = "A dual-registered member (双报到) of a unit")
    public record Register(
            @NotBlank @Size(max = 70) String unitId,
            @NotBlank @Size(max = 64) String homeCommunity,
            @NotNull @Size(max = 30) List<@NotBlank @Size(max = 100) String> skills,
            @NotNull @Valid Person person,
            @NotNull @AssertTrue(message = "the volunteer must consent to the processing of their data") Boolean consent) {
    }

    @Schema(name = "AmendVolunteerRequest")
    public record Amend(@NotBlank @Size(max = 64) String homeCommunity,
            @NotNull @Size(max = 30) List<@NotBlank @Size(max = 100) String> skills) {
    }
}
