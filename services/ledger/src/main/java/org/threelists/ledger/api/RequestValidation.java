package org.threelists.ledger.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.threelists.platform.problem.ProblemException;

/**
 * Validates a request body after the caller's right to act was checked, not before: a caller outside the scope learns
 * nothing from a 400 (services/ledger/README.md, "Roles"). Bean Validation on the parameter would run first.
 */
@ApplicationScoped
public class RequestValidation {

    private final Validator validator;

    RequestValidation(Validator validator) {
        this.validator = validator;
    }

    public <T> T require(T body) {
        if (body == null) {
            throw ProblemException.invalid("body", "is required");
        }
        var violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return body;
    }
}
