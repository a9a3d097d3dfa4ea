package org.threelists.resource.domain;

import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.threelists.platform.domain.DomainException;

import java.util.Map;
import java.util.Objects;

/**
 * Hamcrest matchers for the aggregates' refusals in Axon fixture tests: the kind of rule that refused, and the facts
 * it reports. Each kind is one problem type at the REST edge (platform.problem.DomainProblems), which the API tests
 * check on the wire.
 */
final class Refusals {

    private Refusals() {
    }

    static Matcher<DomainException> refusalOf(DomainException.Kind kind) {
        return new CustomTypeSafeMatcher<>("a refusal of kind " + kind) {
            @Override
            protected boolean matchesSafely(DomainException refusal) {
                return refusal.kind() == kind;
            }
        };
    }

    /** The refusal's kind, and these facts among its facts. */
    static Matcher<DomainException> refusalOf(DomainException.Kind kind, Map<String, Object> facts) {
        return new CustomTypeSafeMatcher<>("a refusal of kind " + kind + " with " + facts) {
            @Override
            protected boolean matchesSafely(DomainException refusal) {
                return refusal.kind() == kind && facts.entrySet().stream()
                        .allMatch(e -> Objects.equals(refusal.facts().get(e.getKey()), e.getValue()));
            }
        };
    }
}
