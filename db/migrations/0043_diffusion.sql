-- The overflow audience (issue 28, docs/diffusion.md): a session marked *diffusion* (its switch-over:
-- 0 = the audience always watches HLS, N = new audience members watch HLS once the room holds N), and
-- its HLS egress, kept with the RTMP streams as another kind (one running per session and kind).
ALTER TABLE "programme_sessions" ADD COLUMN "diffusion_above" integer;
--> statement-breakpoint
CREATE TYPE "public"."stream_kind" AS ENUM('rtmp', 'hls');
--> statement-breakpoint
ALTER TABLE "streams" ADD COLUMN "kind" "stream_kind" DEFAULT 'rtmp' NOT NULL;
--> statement-breakpoint
DROP INDEX "streams_one_running_per_session";
--> statement-breakpoint
CREATE UNIQUE INDEX "streams_one_running_per_session" ON "streams" USING btree ("session_id","kind") WHERE "streams"."status" in ('starting', 'live');
