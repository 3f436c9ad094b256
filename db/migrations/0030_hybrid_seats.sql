-- Seats on site and online (issue 28): a hybrid session has two capacities, `capacity` (the
-- chairs) and `capacity_online` (the online seats; null = unlimited), and a waiting list for each.
-- `confirmed_count` stays every confirmed seat of a session; `confirmed_online` is its online part
-- (so a hybrid session's chairs taken are `confirmed_count - confirmed_online`). Each seat has the
-- mode it was taken in: an on-site session's are on site, an online session's online, a hybrid
-- session's as the registrant chose (online by default). The rules: db/functions/30_registrations.sql.
ALTER TABLE "programme_sessions" ADD COLUMN "capacity_online" integer;
--> statement-breakpoint
ALTER TABLE "programme_sessions" ADD COLUMN "confirmed_online" integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
CREATE TYPE "public"."seat_mode" AS ENUM('onsite', 'online');
--> statement-breakpoint
ALTER TABLE "registration_sessions" ADD COLUMN "mode" "seat_mode" DEFAULT 'online' NOT NULL;
--> statement-breakpoint
-- Seats taken before: on site for an on-site session, online otherwise (a hybrid session's seats
-- were not told apart: they become online seats, and its online capacity stays unlimited).
UPDATE "registration_sessions" rs SET "mode" = 'onsite'
  FROM "programme_sessions" s WHERE s."id" = rs."session_id" AND s."mode" = 'onsite';
--> statement-breakpoint
UPDATE "programme_sessions" s SET "confirmed_online" = (
  SELECT count(*) FROM "registration_sessions" rs WHERE rs."session_id" = s."id" AND rs."status" = 'confirmed' AND rs."mode" = 'online');
--> statement-breakpoint
CREATE INDEX "registration_sessions_session_mode_status_idx" ON "registration_sessions" USING btree ("session_id","mode","status","requested_at");
--> statement-breakpoint
-- take_seat gets the seat's mode (a new signature: the old one goes).
DROP FUNCTION IF EXISTS take_seat(uuid);
