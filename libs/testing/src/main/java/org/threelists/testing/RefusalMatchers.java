package org.threelists.testing;

import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.threelists.platform.domain.DomainException;
import org.threelists.platform.domain.RuleBrokenException;
import org.threelists.platform.problem.DomainProblems;
import org.threelists.platform.problem.ProblemType;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Hamcrest matchers for Axon fixture tests: the aggregates' refusals (their kind and facts, or the problem type the
 * REST edge maps the kind to through {@link DomainProblems}), and how many events were recorded.
 */
public final class RefusalMatchers {

    private RefusalMatchers() {
    }

    public static Matcher<DomainException> refusalOf(DomainException.Kind kind) {
        return refusalOf(kind, Map.of());
    }

    /** The refusal's kind, and these facts among its facts. */
    public static Matcher<DomainException> refusalOf(DomainException.Kind kind, Map<String, Object> facts) {
        return new CustomTypeSafeMatcher<>("a refusal of kind " + kind + (facts.isEmpty() ? "" : " with " + facts)) {
            @Override
            protected boolean matchesSafely(DomainException refusal) {
                return refusal.kind() == kind && hasFacts(refusal, facts);
            }
        };
    }

    /** A refusal the REST edge answers with this problem type. */
    public static Matcher<DomainException> problemOf(ProblemType type) {
        return problemOf(type, Map.of());
    }

    /** The problem type, and these facts among the refusal's facts (its problem's extension members). */
    public static Matcher<DomainException> problemOf(ProblemType type, Map<String, Object> facts) {
        return new CustomTypeSafeMatcher<>("a refusal mapped to " + type + (facts.isEmpty() ? "" : " with " + facts)) {
            @Override
            protected boolean matchesSafely(DomainException refusal) {
                return DomainProblems.typeOf(refusal.kind()) == type && hasFacts(refusal, facts);
            }
        };
    }

    /** A broken rule of this field: answered as 400 invalid-input with the field among the violations. */
    public static Matcher<RuleBrokenException> ruleBrokenOn(String field) {
        return new CustomTypeSafeMatcher<>("a broken rule of " + field) {
            @Override
            protected boolean matchesSafely(RuleBrokenException broken) {
                return broken.field().equals(field);
            }
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Matcher exactlyOneEvent() {
        return new CustomTypeSafeMatcher<List>("exactly one event") {
            @Override
            protected boolean matchesSafely(List events) {
                return events.size() == 1;
            }
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Matcher atLeastOneEvent() {
        return new CustomTypeSafeMatcher<List>("at least one event") {
            @Override
            protected boolean matchesSafely(List events) {
                return !events.isEmpty();
            }
        };
    }

    private static boolean hasFacts(DomainException refusal, Map<String, Object> facts) {
        return facts.entrySet().stream().allMatch(e -> Objects.equals(refusal.facts().get(e.getKey()), e.getValue()));
    }
}
