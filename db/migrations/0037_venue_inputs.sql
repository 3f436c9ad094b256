-- Venue inputs (issue 28, docs/api.md "Venue inputs"): the venue's camera or OBS publishing into
-- a session's stage through LiveKit's WHIP endpoint. The token is never stored: its participant
-- identity carries `token_version`, and the LiveKit webhook removes a participant whose version is
-- revoked or replaced.
CREATE TABLE "venue_inputs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"session_id" uuid NOT NULL,
	"created_by" text,
	"token_version" integer DEFAULT 1 NOT NULL,
	"token_issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "venue_inputs" ADD CONSTRAINT "venue_inputs_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."programme_sessions"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "venue_inputs" ADD CONSTRAINT "venue_inputs_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "venue_inputs_session_idx" ON "venue_inputs" USING btree ("session_id","created_at");
