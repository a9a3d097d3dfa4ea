package org.threelists.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/**
 * Who is calling, read from the bearer token: the subject, the role and the scope the token carries (the
 * street of a desk or auditor, the community of a community worker, the unit of a member unit). Services decide
 * what the scope entitles the caller to; this class only reads it.
 */
@RequestScoped
public class Caller {

    public static final String STREET_CLAIM = "street";
    public static final String COMMUNITY_CLAIM = "community";
    public static final String UNIT_CLAIM = "unit";

    @Inject
    JsonWebToken jwt;

    public String subject() {
        return jwt.getName();
    }

    public boolean hasRole(String role) {
        return jwt.getGroups() != null && jwt.getGroups().contains(role);
    }

    public Optional<String> street() {
        return claim(STREET_CLAIM);
    }

    public Optional<String> community() {
        return claim(COMMUNITY_CLAIM);
    }

    public Optional<String> unit() {
        return claim(UNIT_CLAIM);
    }

    /** "desk:alice" — how writes record who made them. */
    public String actor() {
        String role = jwt.getGroups() == null ? "anonymous" : jwt.getGroups().stream().sorted().findFirst().orElse("none");
        return role + ":" + subject();
    }

    private Optional<String> claim(String name) {
        Object value = jwt.getClaim(name);
        // SmallRye hands non-standard claims over as JSON-P values; a JsonString's toString() would keep its quotes.
        String text = value instanceof JsonString json ? json.getString() : value == null ? null : value.toString();
        return Optional.ofNullable(text).filter(s -> !s.isBlank());
    }
}
