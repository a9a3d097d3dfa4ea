-- A hotline ticket's own words may name or locate the resident: kept sealed with the resident's key, so erasing the
-- resident's data makes them unreadable; the published description is the one a community worker reviewed.
ALTER TABLE demand_view ADD COLUMN sealed_ticket_text TEXT;
