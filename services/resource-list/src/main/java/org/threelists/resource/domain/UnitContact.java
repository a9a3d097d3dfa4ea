package org.threelists.resource.domain;

/** Who to call at a unit: an organisational contact, shown over REST to the alliance, never published on Kafka. */
public record UnitContact(String person, String phone, String email) {
}
