-- Shared notes of a session (issue 31): one Yjs document per session (`session:{id}`) or breakout
-- group (`session:{id}:group:{id}`), its compacted state, whether moderators locked it, and every
-- accepted update with its author (the history: who wrote what, restorable by moderators).
CREATE TABLE "session_notes" (
	"document_name" text PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"state" bytea,
	"state_through" bigint DEFAULT 0 NOT NULL,
	"locked" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_note_updates" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"document_name" text NOT NULL,
	"session_id" uuid NOT NULL,
	"actor_key" text NOT NULL,
	"author_name" text NOT NULL,
	"update" bytea NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "session_notes" ADD CONSTRAINT "session_notes_session_id_programme_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."programme_sessions"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "session_note_updates" ADD CONSTRAINT "session_note_updates_session_id_programme_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."programme_sessions"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "session_note_updates_document_idx" ON "session_note_updates" USING btree ("document_name","id");
--> statement-breakpoint
CREATE INDEX "session_note_updates_session_idx" ON "session_note_updates" USING btree ("session_id","actor_key");
