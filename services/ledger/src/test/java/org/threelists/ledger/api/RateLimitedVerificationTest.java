package org.threelists.ledger.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.threelists.platform.ratelimit.ClientRateLimiter;
import org.threelists.testing.RealInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The public verification cannot be used to try numbers and codes at speed: 429 with Retry-After after the burst. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class RateLimitedVerificationTest {

    @Inject
    ClientRateLimiter limiter;

    @BeforeEach
    @AfterEach
    void fullBucket() {
        limiter.reset();
    }

    @Test
    void a_client_that_asks_too_often_gets_429_with_retry_after_as_a_problem_document() {
        // the test profile allows a burst of 30 (threelists.public-rate-limit.burst), refilled at 1 a minute
        for (int i = 0; i < 30; i++) {
            RestAssured.given().queryParam("code", "ABCDEFGHJKMN").get("/ledger/statements/VH-2026-9" + i + "/verification")
                    .then().statusCode(404);
        }
        var refused = RestAssured.given().queryParam("code", "ABCDEFGHJKMN")
                .get("/ledger/statements/VH-2026-000001/verification").then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("https://threelists.dev/problems/too-many-requests"))
                .body("status", equalTo(429))
                .extract();
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(refused.jsonPath().getLong("retryAfter")).isEqualTo(retryAfter);
    }
}
