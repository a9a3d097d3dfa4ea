package org.threelists.matchmaker.contract;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.threelists.matchmaker.api.ProjectRequests;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generators stay within the requests' constraints (the constraints the OpenAPI document publishes), so that the
 * random-request test sends only valid requests: a refusal there is then a defect, not a bad sample.
 */
class ValidRequestGeneratorsTest {

    static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    @Property(tries = 200)
    void generated_reasons_notes_and_ratings_are_valid_requests(@ForAll("reasons") String reason,
            @ForAll("notes") String note, @ForAll("scores") int score) {
        assertThat(VALIDATOR.validate(new ProjectRequests.Reason(reason))).isEmpty();
        assertThat(VALIDATOR.validate(new ProjectRequests.Release(reason))).isEmpty();
        assertThat(VALIDATOR.validate(new ProjectRequests.Approval(note))).isEmpty();
        assertThat(VALIDATOR.validate(new ProjectRequests.Rating(UUID.randomUUID().toString(), score, note))).isEmpty();
    }

    @Property(tries = 200)
    @SuppressWarnings("unchecked")
    void generated_deliveries_are_valid_requests(@ForAll("deliveries") Map<String, Object> body) {
        Map<String, Object> volunteer = (Map<String, Object>) body.get("volunteer");
        ProjectRequests.Delivery delivery = new ProjectRequests.Delivery(LocalDate.now(), (String) body.get("place"),
                List.of(new ProjectRequests.VolunteerHours(UUID.randomUUID().toString(), null,
                        (String) volunteer.get("maskedName"), (BigDecimal) volunteer.get("hours"))),
                (Integer) body.get("residentsServed"), (String) body.get("notes"), null);
        assertThat(VALIDATOR.validate(delivery)).isEmpty();
    }

    @Provide
    Arbitrary<String> reasons() {
        return ValidRequests.text(2000);
    }

    @Provide
    Arbitrary<String> notes() {
        return ValidRequests.optionalText(2000);
    }

    @Provide
    Arbitrary<Integer> scores() {
        return ValidRequests.score();
    }

    @Provide
    Arbitrary<Map<String, Object>> deliveries() {
        return ValidRequests.delivery();
    }
}
