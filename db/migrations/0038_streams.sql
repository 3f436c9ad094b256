-- The stream out (issue 28, docs/streaming.md): a session's RTMP destinations (the address with its
-- stream key sealed at rest, and its masked form), and its streams (LiveKit Egress), one running at a time.
CREATE TYPE "public"."stream_status" AS ENUM('starting', 'live', 'ended', 'failed');
--> statement-breakpoint
CREATE TABLE "stream_destinations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"url_sealed" text NOT NULL,
	"url_masked" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "stream_destinations" ADD CONSTRAINT "stream_destinations_session_id_programme_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."programme_sessions"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "stream_destinations_position" ON "stream_destinations" USING btree ("session_id","position");
--> statement-breakpoint
CREATE TABLE "streams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"status" "stream_status" DEFAULT 'starting' NOT NULL,
	"egress_id" text,
	"error" text,
	"started_by" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "streams_egress_id_unique" UNIQUE("egress_id")
);
--> statement-breakpoint
ALTER TABLE "streams" ADD CONSTRAINT "streams_session_id_programme_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."programme_sessions"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "streams_one_running_per_session" ON "streams" USING btree ("session_id") WHERE "streams"."status" in ('starting', 'live');
