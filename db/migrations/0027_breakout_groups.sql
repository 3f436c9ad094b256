-- Breakout groups of live workshops (issue 31, part C): rounds, groups, members, broadcasts; kept after a round ends.
CREATE TABLE "breakout_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL REFERENCES "programme_sessions"("id") ON DELETE cascade,
	"minutes" integer NOT NULL,
	"assign" text NOT NULL,
	"started_by" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_by" text
);
--> statement-breakpoint
CREATE INDEX "breakout_rounds_session_idx" ON "breakout_rounds" USING btree ("session_id","started_at");
--> statement-breakpoint
CREATE UNIQUE INDEX "breakout_rounds_one_open_per_session" ON "breakout_rounds" USING btree ("session_id") WHERE "breakout_rounds"."ended_at" is null;
--> statement-breakpoint
CREATE TABLE "breakout_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL REFERENCES "breakout_rounds"("id") ON DELETE cascade,
	"session_id" uuid NOT NULL REFERENCES "programme_sessions"("id") ON DELETE cascade,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	"livekit_room" text NOT NULL,
	CONSTRAINT "breakout_groups_round_position" UNIQUE("round_id","position")
);
--> statement-breakpoint
CREATE INDEX "breakout_groups_session_idx" ON "breakout_groups" USING btree ("session_id");
--> statement-breakpoint
CREATE TABLE "breakout_members" (
	"round_id" uuid NOT NULL REFERENCES "breakout_rounds"("id") ON DELETE cascade,
	"group_id" uuid NOT NULL REFERENCES "breakout_groups"("id") ON DELETE cascade,
	"actor_key" text NOT NULL,
	"name" text NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "breakout_members_round_id_actor_key_pk" PRIMARY KEY("round_id","actor_key")
);
--> statement-breakpoint
CREATE INDEX "breakout_members_group_idx" ON "breakout_members" USING btree ("group_id");
--> statement-breakpoint
CREATE TABLE "breakout_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL REFERENCES "breakout_rounds"("id") ON DELETE cascade,
	"author_key" text NOT NULL,
	"author_name" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "breakout_messages_round_idx" ON "breakout_messages" USING btree ("round_id","author_key","created_at");
