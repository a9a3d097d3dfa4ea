package org.threelists.ledger.projection;

import org.threelists.contracts.Category;
import org.threelists.contracts.CommunityDirectory;

/** The zh-CN names reports and statements print for the codes entries carry (contracts/reference/communities.json). */
public final class Labels {

    private Labels() {
    }

    public static String streetName(String street) {
        return CommunityDirectory.standard().all().stream().filter(c -> c.streetCode().equals(street))
                .map(CommunityDirectory.Community::streetName).findFirst().orElse(street);
    }

    public static String communityName(String community) {
        return CommunityDirectory.standard().find(community).map(CommunityDirectory.Community::name).orElse(community);
    }

    public static String categoryZh(String code) {
        try {
            return Category.valueOf(code).zh();
        } catch (IllegalArgumentException e) {
            return code;
        }
    }
}
