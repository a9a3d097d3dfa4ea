package org.threelists.platform.domain;

import java.util.Map;

/** A value breaks a rule of its own; {@link #field()} names it as the request and the event name it. */
public class RuleBrokenException extends DomainException {

    private final String field;
    private final String rule;

    public RuleBrokenException(String field, String rule) {
        super(Kind.RULE_BROKEN, field + ": " + rule, Map.of("field", field));
        this.field = field;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    /** The rule in words, without the field's name. */
    public String rule() {
        return rule;
    }
}
