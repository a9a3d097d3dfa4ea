package org.threelists.testing;

import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.threelists.platform.problem.ProblemException;
import org.threelists.platform.problem.ProblemType;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Hamcrest matchers for Axon fixture tests: the kind of problem refused, and how many events were recorded. */
public final class ProblemMatchers {

    private ProblemMatchers() {
    }

    public static Matcher<ProblemException> problemOf(ProblemType type) {
        return new CustomTypeSafeMatcher<>("a problem of type " + type) {
            @Override
            protected boolean matchesSafely(ProblemException problem) {
                return problem.type() == type;
            }
        };
    }

    /** The problem's type, and these extension members among its extensions. */
    public static Matcher<ProblemException> problemOf(ProblemType type, Map<String, Object> extensions) {
        return new CustomTypeSafeMatcher<>("a problem of type " + type + " with " + extensions) {
            @Override
            protected boolean matchesSafely(ProblemException problem) {
                return problem.type() == type && extensions.entrySet().stream()
                        .allMatch(e -> Objects.equals(problem.extensions().get(e.getKey()), e.getValue()));
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
}
