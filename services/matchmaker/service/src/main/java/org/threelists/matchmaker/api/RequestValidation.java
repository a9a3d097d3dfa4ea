package org.threelists.matchmaker.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.threelists.platform.problem.ProblemException;
import org.threelists.platform.problem.ProblemType;
import org.threelists.platform.problem.Violation;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a request body against its constraints once the caller is known to be allowed to act on the target: a
 * caller who may not touch a project learns nothing about it from a 400 (authorisation comes before validation). The
 * problem document is the one a failed {@code @Valid} would give: invalid-input with one violation per field.
 */
@ApplicationScoped
public class RequestValidation {

    private final Validator validator;

    RequestValidation(Validator validator) {
        this.validator = validator;
    }

    public <T> T check(T request) {
        if (request == null) {
            throw ProblemException.invalid("body", "is required");
        }
        Set<ConstraintViolation<T>> found = validator.validate(request);
        if (found.isEmpty()) {
            return request;
        }
        List<Violation> violations = found.stream()
                .map(v -> new Violation(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(Violation::field))
                .toList();
        String detail = violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
        throw new ProblemException(ProblemType.INVALID_INPUT, detail, Map.of("violations", violations));
    }
}
