-- The project list's claim (threelists.project.claim-requested.v1) a reservation answers; NULL when it was made over REST.
ALTER TABLE reservation_view ADD COLUMN claim_id VARCHAR(36);
