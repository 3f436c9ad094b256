CREATE TYPE "public"."poll_kind" AS ENUM('single', 'multiple', 'rating', 'text', 'words');--> statement-breakpoint
CREATE TYPE "public"."poll_status" AS ENUM('draft', 'live', 'closed');--> statement-breakpoint
CREATE TABLE "poll_answers" (
	"poll_id" uuid NOT NULL,
	"actor_key" text NOT NULL,
	"name" text NOT NULL,
	"value" jsonb NOT NULL,
	"folded" text,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "poll_answers_poll_id_actor_key_pk" PRIMARY KEY("poll_id","actor_key")
);
--> statement-breakpoint
CREATE TABLE "polls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"kind" "poll_kind" NOT NULL,
	"question" text NOT NULL,
	"options" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"anonymous" boolean DEFAULT true NOT NULL,
	"allow_change" boolean DEFAULT true NOT NULL,
	"status" "poll_status" DEFAULT 'draft' NOT NULL,
	"results_visible" boolean DEFAULT false NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"launched_at" timestamp with time zone,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "poll_answers" ADD CONSTRAINT "poll_answers_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polls" ADD CONSTRAINT "polls_session_id_programme_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."programme_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "polls_session_idx" ON "polls" USING btree ("session_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "polls_one_live_per_session" ON "polls" USING btree ("session_id") WHERE "polls"."status" = 'live';