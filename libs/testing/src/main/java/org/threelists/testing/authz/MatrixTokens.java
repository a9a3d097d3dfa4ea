package org.threelists.testing.authz;

import io.smallrye.jwt.build.Jwt;
import org.threelists.devkit.DevTokens;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The callers of the authorisation matrix, by "role/scope", all placed in the shared reference data
 * (contracts/reference/communities.json): the resources belong to 联桥社区 ({@link #COMMUNITY}) of 和平街道
 * ({@link #STREET}); the other community of that street is 花花桥社区; the other street is 殿前街道 with 嘉福社区.
 */
public final class MatrixTokens {

    public static final String STREET = "heping";
    public static final String COMMUNITY = "lianqiao";
    public static final String OTHER_COMMUNITY = "huahuaqiao";
    public static final String OTHER_STREET = "dianqian";
    public static final String OTHER_STREET_COMMUNITY = "jiafu";
    /** Members (党员志愿者) of 联桥社区: the one the slips name, the leader of the group holding the demand, another. */
    public static final String MEMBER = "00000000-0000-4000-8000-00000000a001";
    public static final String LEADER = "00000000-0000-4000-8000-00000000a002";
    public static final String OTHER_MEMBER = "00000000-0000-4000-8000-00000000a003";
    /** A member of 嘉福社区, in the other street. */
    public static final String OTHER_STREET_MEMBER = "00000000-0000-4000-8000-00000000a004";

    private MatrixTokens() {
    }

    /**
     * @param ownUnit     the unit that owns (or acts on) the resources, serving {@link #STREET}
     * @param otherUnit   another unit serving {@link #STREET}
     * @param foreignUnit a unit serving {@link #OTHER_STREET}
     */
    public static Map<String, String> callers(String ownUnit, String otherUnit, String foreignUnit) {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("community/own", DevTokens.community("worker-" + COMMUNITY, STREET, COMMUNITY));
        tokens.put("community/other-community", DevTokens.community("worker-" + OTHER_COMMUNITY, STREET, OTHER_COMMUNITY));
        tokens.put("community/other-street", DevTokens.community("worker-" + OTHER_STREET_COMMUNITY, OTHER_STREET, OTHER_STREET_COMMUNITY));
        tokens.put("unit/own", DevTokens.unit("member-" + ownUnit, ownUnit, STREET));
        tokens.put("unit/other-unit", DevTokens.unit("member-" + otherUnit, otherUnit, STREET));
        tokens.put("unit/other-street", DevTokens.unit("member-" + foreignUnit, foreignUnit, OTHER_STREET));
        tokens.put("desk/own", DevTokens.desk("desk-" + STREET, STREET));
        tokens.put("desk/other-street", DevTokens.desk("desk-" + OTHER_STREET, OTHER_STREET));
        tokens.put("auditor/own", DevTokens.auditor("auditor-" + STREET, STREET));
        tokens.put("auditor/other-street", DevTokens.auditor("auditor-" + OTHER_STREET, OTHER_STREET));
        tokens.put("member/own", DevTokens.member(MEMBER, STREET, COMMUNITY));
        tokens.put("member/leader", DevTokens.member(LEADER, STREET, COMMUNITY));
        tokens.put("member/other-member", DevTokens.member(OTHER_MEMBER, STREET, COMMUNITY));
        tokens.put("member/other-street", DevTokens.member(OTHER_STREET_MEMBER, OTHER_STREET, OTHER_STREET_COMMUNITY));
        tokens.put("operator/-", operator());
        return tokens;
    }

    /** Someone who runs the system: no street, no community, no unit. */
    public static String operator() {
        Instant now = Instant.now();
        return DevTokens.signUnchecked(Jwt.claims()
                .issuer(DevTokens.ISSUER)
                .audience(DevTokens.AUDIENCE)
                .subject("operator")
                .upn("operator")
                .groups(Set.of("operator"))
                .issuedAt(now)
                .expiresAt(now.plus(DevTokens.DEFAULT_LIFETIME)));
    }
}
