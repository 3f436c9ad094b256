-- Registrations set-based (issue 33): `register_people` runs the rules over the whole batch
-- (`register_set` in db/functions/30_registrations.sql, one statement per rule for all its
-- people) instead of calling `register_person` once per person. Nothing calls that one any more.
DROP FUNCTION IF EXISTS register_person(uuid, jsonb, jsonb);
