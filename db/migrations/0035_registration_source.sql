-- What drove a registration (issue 30, docs/report.md "What drove registrations"): the source its
-- form or API request carried — a mail kind (`mail:<kind>`, the `?via=` of Chemins's mail links)
-- or a short slug an organizer put in a link they shared — kept as the registration was created;
-- null: direct. Written by `register_set` (db/functions/30_registrations.sql), read as counts only.
ALTER TABLE "registrations" ADD COLUMN "source" text;
