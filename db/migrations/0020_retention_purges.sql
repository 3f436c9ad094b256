CREATE TABLE "retention_purges" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"purged_at" timestamp with time zone DEFAULT now() NOT NULL,
	"chat_messages" integer DEFAULT 0 NOT NULL,
	"attendance" integer DEFAULT 0 NOT NULL,
	"check_ins" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "retention_purges" ADD CONSTRAINT "retention_purges_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;