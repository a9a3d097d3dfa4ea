package org.threelists.system;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** REST calls to the running services as a person with a token would make them, and waiting for eventual effects. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification as(String service, String token) {
        return RestAssured.given()
                .baseUri(RunningSystem.url(service))
                .header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    public static ValidatableResponse post(String service, String token, String path, Object body, int status) {
        RequestSpecification request = as(service, token);
        if (body != null) {
            request = request.body(body);
        }
        return request.post(path).then().log().ifValidationFails().statusCode(status);
    }

    public static ValidatableResponse get(String service, String token, String path) {
        return as(service, token).get(path).then().log().ifValidationFails().statusCode(200);
    }

    /**
     * Polls until {@code read} gives a value that {@code done} accepts: the services talk through Kafka, so an effect
     * in another service is eventual. Fails with the last value seen.
     */
    public static <T> T eventually(String what, Supplier<T> read, Predicate<T> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        T last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = read.get();
                if (done.test(last)) {
                    return last;
                }
            } catch (AssertionError | RuntimeException notYet) {
                last = null;
            }
            sleep(250);
        }
        throw new AssertionError("not within 90 s: " + what + "; last seen: " + last);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
