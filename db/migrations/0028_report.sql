-- The organizer's report (issue 30, docs/report.md).
-- Aggregates of a session kept when the retention job purges its raw records (chat, check-ins,
-- who attended): the report reads them once the raw rows are gone.
CREATE TABLE "session_report_snapshots" (
	"session_id" uuid PRIMARY KEY NOT NULL,
	"report" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "session_report_snapshots" ADD CONSTRAINT "session_report_snapshots_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."programme_sessions"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
-- The event's registration figures (on site, online, no-show rate) as they stood at the purge.
ALTER TABLE "retention_purges" ADD COLUMN "registrations" jsonb;
--> statement-breakpoint
-- Replay views: one counter per replay and day, no personal data.
CREATE TABLE "replay_views" (
	"replay_id" uuid NOT NULL,
	"day" date NOT NULL,
	"views" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "replay_views_pk" PRIMARY KEY ("replay_id", "day")
);
--> statement-breakpoint
ALTER TABLE "replay_views" ADD CONSTRAINT "replay_views_replay_id_fk" FOREIGN KEY ("replay_id") REFERENCES "public"."replays"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
-- The licence of the event's open-data package, chosen by its organizers (Licence Ouverte 2.0 by default).
ALTER TABLE "events" ADD COLUMN "open_data_licence" text DEFAULT 'etalab-2.0' NOT NULL;
--> statement-breakpoint
-- The report's attendance aggregates read each session's rows by person, in time order, from the
-- index alone (no sort, no table read on a large event).
CREATE INDEX "attendance_session_actor_joined_idx" ON "attendance" USING btree ("session_id", "actor_key", "joined_at") INCLUDE ("left_at");
--> statement-breakpoint
CREATE INDEX "registrations_event_created_idx" ON "registrations" USING btree ("event_id", "created_at");
