CREATE TYPE "public"."replay_kind" AS ENUM('recording', 'upload', 'link');--> statement-breakpoint
CREATE TYPE "public"."replay_status" AS ENUM('recording', 'ready', 'failed');--> statement-breakpoint
CREATE TABLE "replays" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"kind" "replay_kind" NOT NULL,
	"status" "replay_status" DEFAULT 'ready' NOT NULL,
	"url" text,
	"file" text,
	"content_type" text,
	"size" integer,
	"started_at" timestamp with time zone NOT NULL,
	"duration_seconds" integer,
	"egress_id" text,
	"error" text,
	"title" text,
	"licence" text DEFAULT 'all-rights-reserved' NOT NULL,
	"captions" text,
	"transcript" text,
	"resource_id" uuid,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "replays_egress_id_unique" UNIQUE("egress_id")
);
--> statement-breakpoint
ALTER TABLE "programme_sessions" ADD COLUMN "recording_announced" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "programme_sessions" ADD COLUMN "auto_record" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "replays" ADD CONSTRAINT "replays_session_id_programme_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."programme_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "replays" ADD CONSTRAINT "replays_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "replays_session_idx" ON "replays" USING btree ("session_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "replays_one_recording_per_session" ON "replays" USING btree ("session_id") WHERE "replays"."status" = 'recording';