-- Issue 29: captions recognised from the speakers' audio where no captioner types (server/asr).
ALTER TABLE "programme_sessions" ADD COLUMN "recognised_captions" boolean DEFAULT false NOT NULL;
