-- After a session (issue 30): the feedback request to those who attended, "you missed it" to
-- registered no-shows, "the replay is ready" to registrants; each registrant may opt out of these
-- mails (docs/privacy.md, "Mails after the sessions").
ALTER TYPE "public"."mail_kind" ADD VALUE 'feedback_request';--> statement-breakpoint
ALTER TYPE "public"."mail_kind" ADD VALUE 'session_missed';--> statement-breakpoint
ALTER TYPE "public"."mail_kind" ADD VALUE 'replay_ready';--> statement-breakpoint
-- The registrant's choice, and the token of the one-click unsubscribe link of these mails (not the
-- personal link's: an unsubscribe link proves nothing and opens nothing else).
ALTER TABLE "registrations" ADD COLUMN "after_session_mails" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "unsubscribe_token" text DEFAULT new_token() NOT NULL;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_unsubscribe_token_unique" UNIQUE("unsubscribe_token");--> statement-breakpoint
-- When the after-session job queued this session's mails (once per session).
ALTER TABLE "programme_sessions" ADD COLUMN "after_session_mailed_at" timestamp with time zone;--> statement-breakpoint
-- One feedback request per attendee and session: its link's token, then the answer (once).
-- The registration is cleared by the retention job (and by an erasure), the answer stays.
CREATE TABLE "session_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"registration_id" uuid,
	"token" text DEFAULT new_token(),
	"rating" smallint,
	"answer" text,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_feedback_token_unique" UNIQUE("token"),
	CONSTRAINT "session_feedback_session_registration_uq" UNIQUE("session_id","registration_id"),
	CONSTRAINT "session_feedback_rating_check" CHECK ("rating" IS NULL OR "rating" BETWEEN 1 AND 5),
	CONSTRAINT "session_feedback_answer_check" CHECK ("answer" IS NULL OR char_length("answer") <= 2000),
	CONSTRAINT "session_feedback_answered_check" CHECK (("answered_at" IS NULL) = ("rating" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "session_feedback" ADD CONSTRAINT "session_feedback_session_id_programme_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."programme_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_feedback" ADD CONSTRAINT "session_feedback_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "session_feedback_registration_idx" ON "session_feedback" USING btree ("registration_id");
