package org.threelists.resource.domain;

/** The person behind a volunteer record. Personal data: sealed at rest, never published in clear. */
public record VolunteerPerson(String name, String phone) {

    /** At most this many stars, so a long name still masks to a short, fixed-size label. */
    static final int MAX_STARS = 8;

    /** "王*明": what reports and hour statements may show of a volunteer. */
    public String maskedName() {
        if (name == null || name.isBlank()) {
            return "*";
        }
        int[] chars = name.strip().codePoints().toArray();
        if (chars.length == 1) {
            return new String(chars, 0, 1) + "*";
        }
        StringBuilder masked = new StringBuilder().appendCodePoint(chars[0]);
        masked.append("*".repeat(Math.min(MAX_STARS, Math.max(1, chars.length - 2))));
        if (chars.length > 2) {
            masked.appendCodePoint(chars[chars.length - 1]);
        }
        return masked.toString();
    }
}
