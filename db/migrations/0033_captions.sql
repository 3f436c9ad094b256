-- Live captions (issue 29): a `captioner` grant, given for one session like a speaker's, and the
-- lines they type. The scope check compares the role as text: a value added to an enum cannot be
-- used in the transaction that adds it.
ALTER TYPE "public"."role_name" ADD VALUE 'captioner';
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
END);
--> statement-breakpoint
CREATE TABLE "caption_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"text" text NOT NULL,
	"lang" text NOT NULL,
	"speaker" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"final" boolean DEFAULT true NOT NULL,
	"author_key" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "caption_lines" ADD CONSTRAINT "caption_lines_session_id_programme_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."programme_sessions"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "caption_lines_session_idx" ON "caption_lines" USING btree ("session_id","at");
--> statement-breakpoint
CREATE INDEX "caption_lines_author_idx" ON "caption_lines" USING btree ("session_id","author_key","at");
