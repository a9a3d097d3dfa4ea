package org.threelists.demand.service;

import org.threelists.contracts.CommunityDirectory.Community;
import org.threelists.demand.domain.DemandLimits;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where in its community a hotline ticket is, as far as a building Party group needs to know: the compound its address
 * names — one of the community's compounds in contracts/reference/communities.json — and the building written right
 * after it (2栋, 3号楼, B座). That is what a community worker types into a demand; the address itself, the room and
 * anything else in it stay sealed with the resident's contact (services/demand-list/README.md, "Municipal tickets").
 */
record TicketPlace(String compound, String building) {

    static final TicketPlace UNKNOWN = new TicketPlace(null, null);

    /** A building as addresses write it after the compound: a number or letters, then 栋, 幢, 号楼 or 座. */
    private static final Pattern BUILDING = Pattern.compile(
            "^[\\s\\-·]*([0-9０-９A-Za-z一二三四五六七八九十百]{1,10}(?:栋|幢|号楼|座))");

    /** Unknown when the address names none of the community's compounds, or more than one. */
    static TicketPlace of(Community community, String address) {
        if (address == null || address.isBlank()) {
            return UNKNOWN;
        }
        List<String> compounds = community.compounds().stream().filter(address::contains).toList();
        if (compounds.size() != 1) {
            return UNKNOWN;
        }
        String compound = compounds.get(0);
        Matcher building = BUILDING.matcher(address.substring(address.indexOf(compound) + compound.length()));
        boolean named = building.find() && DemandLimits.length(building.group(1)) <= DemandLimits.BUILDING_MAX;
        return new TicketPlace(compound, named ? building.group(1) : null);
    }
}
