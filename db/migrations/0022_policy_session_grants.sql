-- Every grant has a scope (docs/security.md § Policy): moderators and speakers are granted per
-- session (a moderator may still be granted every session of one event, explicitly).
ALTER TABLE "role_grants" ADD COLUMN "session_id" uuid;
--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_session_id_programme_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."programme_sessions"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
-- An event-wide speaker grant has no meaning any more: a speaker speaks in sessions. Where its
-- account is linked to a programme person (people.user_id), the person's session_people rows give
-- it the sessions it speaks in; the event-wide grant is dropped.
DELETE FROM "role_grants" WHERE "role" = 'speaker' AND "session_id" IS NULL;
--> statement-breakpoint
ALTER TABLE "role_grants" DROP CONSTRAINT "role_grants_uq";
--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_uq" UNIQUE NULLS NOT DISTINCT("user_id","role","event_id","path_id","session_id");
--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_scope_ck" CHECK (CASE "role"
  WHEN 'admin' THEN "event_id" IS NULL AND "path_id" IS NULL AND "session_id" IS NULL
  WHEN 'organizer' THEN "event_id" IS NOT NULL AND "path_id" IS NULL AND "session_id" IS NULL
  WHEN 'moderator' THEN "event_id" IS NOT NULL AND "path_id" IS NULL
  WHEN 'speaker' THEN "event_id" IS NOT NULL AND "path_id" IS NULL AND "session_id" IS NOT NULL
  WHEN 'coordinator' THEN "path_id" IS NOT NULL AND "event_id" IS NULL AND "session_id" IS NULL
END);
