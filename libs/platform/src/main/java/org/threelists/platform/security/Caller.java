package org.threelists.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.threelists.contracts.CommunityDirectory;
import org.threelists.platform.problem.ProblemException;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, read from the bearer token: the subject, the role and the scope the token carries (the
 * street of a desk or auditor, the community of a community worker, the unit of a member unit). Services decide
 * what the scope entitles the caller to; this class reads it and refuses a scope that does not add up.
 *
 * <p>A community worker's (or a member's) token names both a community and a street; services check the street for some acts and
 * the community for others, so a community outside its street would grant a foothold in two places. Such a token
 * is refused (403) the first time its scope is read (README "Tokens"), whichever service reads it.
 */
@RequestScoped
public class Caller {

    public static final String STREET_CLAIM = "street";
    public static final String COMMUNITY_CLAIM = "community";
    public static final String UNIT_CLAIM = "unit";

    @Inject
    JsonWebToken jwt;

    private boolean scopeChecked;
    /**
     * The claims and groups as first read in this request. SmallRye builds a new set of groups on every call, and
     * converts a custom claim's value on every read: a request that checks its caller's place several times paid that
     * each time (bench/README.md, "Fast path, part six"; the exception it threw for each such name is gone since,
     * {@link ClaimsPrincipal}). A token cannot change within a request.
     */
    private final Map<String, Optional<String>> claims = new HashMap<>(4);
    private Set<String> groups;

    public String subject() {
        return jwt.getName();
    }

    public boolean hasRole(String role) {
        Set<String> known = groups();
        return known != null && known.contains(role);
    }

    public Optional<String> street() {
        return scoped(STREET_CLAIM);
    }

    public Optional<String> community() {
        return scoped(COMMUNITY_CLAIM);
    }

    public Optional<String> unit() {
        return scoped(UNIT_CLAIM);
    }

    /** "desk:alice" — how writes record who made them. */
    public String actor() {
        checkScope();
        Set<String> known = groups();
        String role = known == null ? "anonymous" : known.stream().sorted().findFirst().orElse("none");
        return role + ":" + subject();
    }

    private Optional<String> scoped(String name) {
        checkScope();
        return claim(name);
    }

    private void checkScope() {
        if (scopeChecked) {
            return;
        }
        if (hasRole(Roles.COMMUNITY) || hasRole(Roles.MEMBER)) {
            String community = claim(COMMUNITY_CLAIM).orElse(null);
            String street = claim(STREET_CLAIM).orElse(null);
            boolean inStreet = CommunityDirectory.standard().find(community)
                    .filter(known -> known.streetCode().equals(street))
                    .isPresent();
            if (!inStreet) {
                throw ProblemException.forbidden("the token's community " + community + " is not a community of its street " + street);
            }
        }
        scopeChecked = true;
    }

    private Set<String> groups() {
        if (groups == null) {
            groups = jwt.getGroups();
        }
        return groups;
    }

    private Optional<String> claim(String name) {
        return claims.computeIfAbsent(name, this::read);
    }

    private Optional<String> read(String name) {
        Object value = jwt.getClaim(name);
        // SmallRye hands non-standard claims over as JSON-P values; a JsonString's toString() would keep its quotes.
        String text = value instanceof JsonString json ? json.getString() : value == null ? null : value.toString();
        return Optional.ofNullable(text).filter(s -> !s.isBlank());
    }
}
