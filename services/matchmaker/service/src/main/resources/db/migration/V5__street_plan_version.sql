-- The street's plan version (service README, "Re-planning"): every transaction that writes a street's proposals or
-- changes what its plan rests on (an offer, a unit, a capacity, an amended demand) takes the street's row lock here
-- and counts one. A re-planner keeps a street's plan in memory between listings; the count tells it whether anyone
-- else (the desk, another replica) changed the street since, and the row lock serialises the proposal writes of a
-- street across replicas.
CREATE TABLE street_plan (
    street_code VARCHAR(64) NOT NULL PRIMARY KEY,
    version     BIGINT      NOT NULL
);
