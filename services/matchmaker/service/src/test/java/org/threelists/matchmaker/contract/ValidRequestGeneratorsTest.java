package org.threelists.matchmaker.contract;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.threelists.matchmaker.api.ProjectRequests;
import org.threelists.testing.gen.Gen;
import org.threelists.testing.gen.Properties;

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

    static final int TRIES = 200;

    /** One draw of the texts and score the reason, note and rating requests carry. */
    record Texts(String reason, String note, int score) {
    }

    @Test
    void generated_reasons_notes_and_ratings_are_valid_requests() {
        Gen<String> reasons = ValidRequests.text(2000);
        Gen<String> notes = ValidRequests.optionalText(2000);
        Gen<Integer> scores = ValidRequests.score();
        Gen<Texts> texts = random -> new Texts(reasons.next(random), notes.next(random), scores.next(random));
        Properties.check(TRIES, texts, t -> {
            assertThat(VALIDATOR.validate(new ProjectRequests.Reason(t.reason()))).isEmpty();
            assertThat(VALIDATOR.validate(new ProjectRequests.Release(t.reason()))).isEmpty();
            assertThat(VALIDATOR.validate(new ProjectRequests.Approval(t.note()))).isEmpty();
            assertThat(VALIDATOR.validate(new ProjectRequests.Rating(UUID.randomUUID().toString(), t.score(),
                    t.note()))).isEmpty();
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void generated_deliveries_are_valid_requests() {
        Properties.check(TRIES, ValidRequests.delivery(), body -> {
            Map<String, Object> volunteer = (Map<String, Object>) body.get("volunteer");
            ProjectRequests.Delivery delivery = new ProjectRequests.Delivery(LocalDate.now(),
                    (String) body.get("place"),
                    List.of(new ProjectRequests.VolunteerHours(UUID.randomUUID().toString(), null,
                            (String) volunteer.get("maskedName"), (BigDecimal) volunteer.get("hours"))),
                    (Integer) body.get("residentsServed"), (String) body.get("notes"), null);
            assertThat(VALIDATOR.validate(delivery)).isEmpty();
        });
    }
}
