-- A session made from an accepted proposal is a draft: it is in the organizer's programme, to be
-- scheduled (time, room) and published, but not on the public programme, its pages or exports,
-- and nobody can register for it (issue 34).
ALTER TABLE "programme_sessions" ADD COLUMN "draft" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
-- Sessions already made from proposals and never scheduled (still tentative) become drafts.
UPDATE "programme_sessions" s SET "draft" = true
  FROM "proposals" p WHERE p."session_id" = s."id" AND p."status" = 'accepted' AND s."status" = 'tentative';
-- register_person refuses draft sessions: db/functions/30_registrations.sql (applied after the
-- migrations).
