CREATE TYPE "public"."organization_kind" AS ENUM('association', 'public_body', 'company', 'network', 'school', 'research', 'collective');--> statement-breakpoint
CREATE TABLE "event_organizations" (
	"event_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"role" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "event_organizations_event_id_organization_id_role_pk" PRIMARY KEY("event_id","organization_id","role")
);
--> statement-breakpoint
CREATE TABLE "event_people" (
	"event_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "event_people_event_id_person_id_role_pk" PRIMARY KEY("event_id","person_id","role")
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"kind" "organization_kind" DEFAULT 'association' NOT NULL,
	"url" text,
	"description" text DEFAULT '' NOT NULL,
	CONSTRAINT "organizations_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "path_organizations" (
	"path_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "path_organizations_path_id_organization_id_pk" PRIMARY KEY("path_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "person_affiliations" (
	"person_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"title" text,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "person_affiliations_person_id_organization_id_pk" PRIMARY KEY("person_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "session_organizations" (
	"session_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"role" "person_role" NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "session_organizations_session_id_organization_id_role_pk" PRIMARY KEY("session_id","organization_id","role")
);
--> statement-breakpoint
ALTER TABLE "path_coordinators" ADD COLUMN "organization_id" uuid;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "key" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "bio" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "photo_url" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "links" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "programme_sessions" ADD COLUMN "format" text;--> statement-breakpoint
ALTER TABLE "programme_sessions" ADD COLUMN "programme_organization_id" uuid;--> statement-breakpoint
ALTER TABLE "programme_sessions" ADD COLUMN "schedule_note" text;--> statement-breakpoint
ALTER TABLE "session_people" ADD COLUMN "organization_id" uuid;--> statement-breakpoint
ALTER TABLE "event_organizations" ADD CONSTRAINT "event_organizations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_organizations" ADD CONSTRAINT "event_organizations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_people" ADD CONSTRAINT "event_people_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_people" ADD CONSTRAINT "event_people_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "path_organizations" ADD CONSTRAINT "path_organizations_path_id_paths_id_fk" FOREIGN KEY ("path_id") REFERENCES "public"."paths"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "path_organizations" ADD CONSTRAINT "path_organizations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_affiliations" ADD CONSTRAINT "person_affiliations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_affiliations" ADD CONSTRAINT "person_affiliations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_organizations" ADD CONSTRAINT "session_organizations_session_id_programme_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."programme_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_organizations" ADD CONSTRAINT "session_organizations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_organizations_org_idx" ON "event_organizations" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "event_people_person_idx" ON "event_people" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "path_organizations_org_idx" ON "path_organizations" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "person_affiliations_org_idx" ON "person_affiliations" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "session_organizations_org_idx" ON "session_organizations" USING btree ("organization_id");--> statement-breakpoint
ALTER TABLE "path_coordinators" ADD CONSTRAINT "path_coordinators_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_sessions" ADD CONSTRAINT "programme_sessions_programme_organization_id_organizations_id_fk" FOREIGN KEY ("programme_organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_people" ADD CONSTRAINT "session_people_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "path_coordinators_person_idx" ON "path_coordinators" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "session_people_person_idx" ON "session_people" USING btree ("person_id");--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_key_unique" UNIQUE("key");