package org.threelists.matchmaker.domain;

import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.threelists.platform.domain.DomainException;
import org.threelists.platform.problem.DomainProblems;
import org.threelists.platform.problem.ProblemType;

import java.util.Map;
import java.util.Objects;

/**
 * The aggregate's refusals as the caller sees them: the problem type the platform maps the refusal's kind to, and
 * the facts it shows as extension members. The domain throws no HTTP; these matchers read its refusals through the
 * one mapping the REST edge uses.
 */
final class RefusalMatchers {

    private RefusalMatchers() {
    }

    static Matcher<DomainException> problemOf(ProblemType type) {
        return new CustomTypeSafeMatcher<>("a refusal mapped to " + type) {
            @Override
            protected boolean matchesSafely(DomainException refusal) {
                return DomainProblems.typeOf(refusal.kind()) == type;
            }
        };
    }

    /** The problem type, and these facts among the refusal's facts (its problem's extension members). */
    static Matcher<DomainException> problemOf(ProblemType type, Map<String, Object> facts) {
        return new CustomTypeSafeMatcher<>("a refusal mapped to " + type + " with " + facts) {
            @Override
            protected boolean matchesSafely(DomainException refusal) {
                return DomainProblems.typeOf(refusal.kind()) == type && facts.entrySet().stream()
                        .allMatch(e -> Objects.equals(refusal.facts().get(e.getKey()), e.getValue()));
            }
        };
    }
}
