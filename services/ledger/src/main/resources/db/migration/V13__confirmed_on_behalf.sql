-- Whether the street's coordination desk confirmed the project's completion on the community's behalf (代为确认完成),
-- once the confirmation wait passed: project.completed's confirmedOnBehalf (services/ledger/README.md, "Confirmed on
-- the community's behalf"). The hours count either way; the entries' listings show who confirmed and how. Projects
-- confirmed before this migration read false until a rebuild replays their project.completed (the rebuild upserts
-- every confirmation again, as the live path does).
ALTER TABLE project ADD COLUMN confirmed_on_behalf BOOLEAN NOT NULL DEFAULT FALSE;
