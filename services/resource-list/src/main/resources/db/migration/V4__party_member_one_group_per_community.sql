-- One person belongs to at most one Party group of a community (README, "Party groups"). PartyGroups checks it
-- against this view before it adds a volunteer, but two adds to two groups at once both pass that check; the
-- unique index makes the second projection's insert fail, and with it the transaction that would have appended the
-- second member-added event (the view is kept in the transaction that appends the events).
ALTER TABLE party_member_view ADD COLUMN community_code VARCHAR(64);
UPDATE party_member_view m SET community_code = g.community_code FROM party_group_view g WHERE g.group_id = m.group_id;
ALTER TABLE party_member_view ALTER COLUMN community_code SET NOT NULL;
CREATE UNIQUE INDEX party_member_view_one_group_per_community ON party_member_view (community_code, member_id);
