CREATE TYPE "public"."path_status" AS ENUM('draft', 'active', 'archived');--> statement-breakpoint
CREATE TYPE "public"."resource_format" AS ENUM('replay', 'initiative', 'meeting_report', 'interview', 'territorial_strategy', 'creation', 'remote_visit', 'document', 'link');--> statement-breakpoint
CREATE TYPE "public"."resource_status" AS ENUM('draft', 'in_review', 'published', 'archived', 'declined');--> statement-breakpoint
ALTER TYPE "public"."mail_kind" ADD VALUE 'resource_outcome';--> statement-breakpoint
ALTER TYPE "public"."mail_kind" ADD VALUE 'path_digest';--> statement-breakpoint
CREATE TABLE "attachment_variants" (
	"attachment_id" uuid NOT NULL,
	"name" text NOT NULL,
	"content_type" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "attachment_variants_attachment_id_name_pk" PRIMARY KEY("attachment_id","name")
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid,
	"path_id" uuid,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"width" integer,
	"height" integer,
	"data" "bytea" NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"uploaded_by" text,
	"uploaded_by_registration" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "path_sessions" (
	"path_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"linked_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "path_sessions_path_id_session_id_pk" PRIMARY KEY("path_id","session_id")
);
--> statement-breakpoint
CREATE TABLE "path_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"path_id" uuid NOT NULL,
	"email" text NOT NULL,
	"user_id" text,
	"registration_id" uuid,
	"locale" text DEFAULT 'fr' NOT NULL,
	"token" text NOT NULL,
	"since" timestamp with time zone DEFAULT now() NOT NULL,
	"unsubscribed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "path_subscriptions_token_unique" UNIQUE("token"),
	CONSTRAINT "path_subscriptions_path_email_uq" UNIQUE("path_id","email")
);
--> statement-breakpoint
CREATE TABLE "resource_paths" (
	"resource_id" uuid NOT NULL,
	"path_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "resource_paths_resource_id_path_id_pk" PRIMARY KEY("resource_id","path_id")
);
--> statement-breakpoint
CREATE TABLE "resource_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"action" text NOT NULL,
	"actor_user_id" text,
	"actor_name" text NOT NULL,
	"changed" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"snapshot" jsonb NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resource_revisions_version_uq" UNIQUE("resource_id","version")
);
--> statement-breakpoint
CREATE TABLE "resource_sessions" (
	"resource_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	CONSTRAINT "resource_sessions_resource_id_session_id_pk" PRIMARY KEY("resource_id","session_id")
);
--> statement-breakpoint
CREATE TABLE "resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"format" "resource_format" NOT NULL,
	"language" text DEFAULT 'fr' NOT NULL,
	"date" date,
	"licence" text DEFAULT 'all-rights-reserved' NOT NULL,
	"authors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"media_url" text,
	"status" "resource_status" DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text,
	"proposed" boolean DEFAULT false NOT NULL,
	"proposer_user_id" text,
	"proposer_registration_id" uuid,
	"proposer_name" text,
	"proposer_email" text,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"decline_reason" text,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resources_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "mail_outbox" ALTER COLUMN "registration_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "resource_id" uuid;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "subscription_id" uuid;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "payload" jsonb;--> statement-breakpoint
ALTER TABLE "path_coordinators" ADD COLUMN "kind" text DEFAULT 'person' NOT NULL;--> statement-breakpoint
ALTER TABLE "paths" ADD COLUMN "summary" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "paths" ADD COLUMN "status" "path_status" DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE "paths" ADD COLUMN "cover_attachment_id" uuid;--> statement-breakpoint
ALTER TABLE "paths" ADD COLUMN "language" text DEFAULT 'fr' NOT NULL;--> statement-breakpoint
ALTER TABLE "paths" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "attachment_variants" ADD CONSTRAINT "attachment_variants_attachment_id_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."attachments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_path_id_paths_id_fk" FOREIGN KEY ("path_id") REFERENCES "public"."paths"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_registration_registrations_id_fk" FOREIGN KEY ("uploaded_by_registration") REFERENCES "public"."registrations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "path_sessions" ADD CONSTRAINT "path_sessions_path_id_paths_id_fk" FOREIGN KEY ("path_id") REFERENCES "public"."paths"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "path_sessions" ADD CONSTRAINT "path_sessions_session_id_programme_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."programme_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "path_sessions" ADD CONSTRAINT "path_sessions_linked_by_users_id_fk" FOREIGN KEY ("linked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "path_subscriptions" ADD CONSTRAINT "path_subscriptions_path_id_paths_id_fk" FOREIGN KEY ("path_id") REFERENCES "public"."paths"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "path_subscriptions" ADD CONSTRAINT "path_subscriptions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "path_subscriptions" ADD CONSTRAINT "path_subscriptions_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_paths" ADD CONSTRAINT "resource_paths_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_paths" ADD CONSTRAINT "resource_paths_path_id_paths_id_fk" FOREIGN KEY ("path_id") REFERENCES "public"."paths"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_revisions" ADD CONSTRAINT "resource_revisions_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_revisions" ADD CONSTRAINT "resource_revisions_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_sessions" ADD CONSTRAINT "resource_sessions_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_sessions" ADD CONSTRAINT "resource_sessions_session_id_programme_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."programme_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_proposer_user_id_users_id_fk" FOREIGN KEY ("proposer_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_proposer_registration_id_registrations_id_fk" FOREIGN KEY ("proposer_registration_id") REFERENCES "public"."registrations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_resource_idx" ON "attachments" USING btree ("resource_id","position");--> statement-breakpoint
CREATE INDEX "attachments_path_idx" ON "attachments" USING btree ("path_id");--> statement-breakpoint
CREATE INDEX "path_sessions_session_idx" ON "path_sessions" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "resource_paths_path_idx" ON "resource_paths" USING btree ("path_id","position");--> statement-breakpoint
CREATE INDEX "resource_sessions_session_idx" ON "resource_sessions" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "resources_status_published_idx" ON "resources" USING btree ("status","published_at");--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_subscription_id_path_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."path_subscriptions"("id") ON DELETE cascade ON UPDATE no action;