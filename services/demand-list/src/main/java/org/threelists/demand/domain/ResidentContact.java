package org.threelists.demand.domain;

/** The resident behind a demand. Personal data: it exists in clear only in memory, never in events or on Kafka. */
public record ResidentContact(String name, String phone, String address) {

    public boolean isEmpty() {
        return blank(name) && blank(phone) && blank(address);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
