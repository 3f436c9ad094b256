-- Interpretation and sign language (issue 29): an `interpreter` grant, given for one session with
-- the language it interprets into (`role_grants.lang`, set for interpreters only), and the
-- participant a moderator pins on the stage (`programme_sessions.stage_pin`, a LiveKit identity).
-- `role_grants_scope_ck` names no interpreter (its CASE is then null, which a check lets pass):
-- `role_grants_lang_ck` holds an interpreter's scope and language, and no language for any other
-- role. It compares the role as text: a value added to an enum cannot be used in the transaction
-- that adds it.
ALTER TYPE "public"."role_name" ADD VALUE 'interpreter';
--> statement-breakpoint
ALTER TABLE "role_grants" ADD COLUMN "lang" text;
--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_lang_ck" CHECK (CASE WHEN "role"::text = 'interpreter'
  THEN "event_id" IS NOT NULL AND "path_id" IS NULL AND "session_id" IS NOT NULL AND "lang" IS NOT NULL AND "lang" ~ '^[a-z]{2}$'
  ELSE "lang" IS NULL
END);
--> statement-breakpoint
ALTER TABLE "programme_sessions" ADD COLUMN "stage_pin" text;
