CREATE TYPE "public"."achievement_kind" AS ENUM('participated', 'facilitated', 'contributed', 'request');--> statement-breakpoint
CREATE TYPE "public"."badge_status" AS ENUM('requested', 'declined', 'offered', 'accepted', 'rejected');--> statement-breakpoint
CREATE TABLE "achievements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"issuer_id" uuid NOT NULL,
	"kind" "achievement_kind" NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"criteria" text NOT NULL,
	"image" text NOT NULL,
	"min_minutes" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "badge_awards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"achievement_id" uuid NOT NULL,
	"issuer_id" uuid NOT NULL,
	"recipient_email" text NOT NULL,
	"recipient_name" text NOT NULL,
	"status" "badge_status" NOT NULL,
	"evidence" text,
	"decision_reason" text,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"credential" jsonb,
	"status_index" integer,
	"revoked_at" timestamp with time zone,
	"is_public" boolean DEFAULT false NOT NULL,
	"issued_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "badge_awards_recipient_uq" UNIQUE("achievement_id","recipient_email"),
	CONSTRAINT "badge_awards_status_index_uq" UNIQUE("issuer_id","status_index")
);
--> statement-breakpoint
CREATE TABLE "badge_endorsements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"achievement_id" uuid NOT NULL,
	"endorser_email" text NOT NULL,
	"endorser_name" text NOT NULL,
	"comment" text NOT NULL,
	"credential" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "badge_endorsements_uq" UNIQUE("achievement_id","endorser_email")
);
--> statement-breakpoint
CREATE TABLE "badge_issuers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"event_id" uuid,
	"name" text NOT NULL,
	"public_key_multibase" text NOT NULL,
	"secret_key_encrypted" text NOT NULL,
	"next_status_index" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "badge_issuers_slug_unique" UNIQUE("slug"),
	CONSTRAINT "badge_issuers_event_id_unique" UNIQUE("event_id")
);
--> statement-breakpoint
ALTER TABLE "achievements" ADD CONSTRAINT "achievements_issuer_id_badge_issuers_id_fk" FOREIGN KEY ("issuer_id") REFERENCES "public"."badge_issuers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badge_awards" ADD CONSTRAINT "badge_awards_achievement_id_achievements_id_fk" FOREIGN KEY ("achievement_id") REFERENCES "public"."achievements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badge_awards" ADD CONSTRAINT "badge_awards_issuer_id_badge_issuers_id_fk" FOREIGN KEY ("issuer_id") REFERENCES "public"."badge_issuers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badge_awards" ADD CONSTRAINT "badge_awards_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badge_endorsements" ADD CONSTRAINT "badge_endorsements_achievement_id_achievements_id_fk" FOREIGN KEY ("achievement_id") REFERENCES "public"."achievements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badge_issuers" ADD CONSTRAINT "badge_issuers_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "achievements_builtin_uq" ON "achievements" USING btree ("issuer_id","kind") WHERE "achievements"."kind" <> 'request';--> statement-breakpoint
CREATE INDEX "badge_awards_recipient_idx" ON "badge_awards" USING btree ("recipient_email");