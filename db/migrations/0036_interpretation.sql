-- Interpretation and sign language (issue 29): an `interpreter` grant, given for one session with
-- the language it interprets into (`role_grants.lang`, set for interpreters only), and the
-- participant a moderator pins on the stage (`programme_sessions.stage_pin`, a LiveKit identity).
-- The checks compare the role as text: a value added to an enum cannot be used in the transaction
-- that adds it.
ALTER TYPE "public"."role_name" ADD VALUE 'interpreter';
--> statement-breakpoint
ALTER TABLE "role_grants" ADD COLUMN "lang" text;
--> statement-breakpoint
ALTER TABLE "role_grants" DROP CONSTRAINT "role_grants_scope_ck";
--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_scope_ck" CHECK (CASE "role"::text
  WHEN 'admin' THEN "event_id" IS NULL AND "path_id" IS NULL AND "session_id" IS NULL
  WHEN 'organizer' THEN "event_id" IS NOT NULL AND "path_id" IS NULL AND "session_id" IS NULL
  WHEN 'moderator' THEN "event_id" IS NOT NULL AND "path_id" IS NULL
  WHEN 'speaker' THEN "event_id" IS NOT NULL AND "path_id" IS NULL AND "session_id" IS NOT NULL
  WHEN 'coordinator' THEN "path_id" IS NOT NULL AND "event_id" IS NULL AND "session_id" IS NULL
  WHEN 'captioner' THEN "event_id" IS NOT NULL AND "path_id" IS NULL AND "session_id" IS NOT NULL
  WHEN 'interpreter' THEN "event_id" IS NOT NULL AND "path_id" IS NULL AND "session_id" IS NOT NULL
END);
--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_lang_ck" CHECK (("role"::text = 'interpreter') = ("lang" IS NOT NULL AND "lang" ~ '^[a-z]{2}$'));
--> statement-breakpoint
ALTER TABLE "programme_sessions" ADD COLUMN "stage_pin" text;
