-- The organizer's report (issue 30, docs/report.md): a session's attendance figures (viewers,
-- peak, average, median, curve) once it has ended, computed once by the after-session job. They
-- cannot change after the end (every connection is clipped to the scheduled span), so the report
-- reads them instead of going through the session's join/leave rows again. Kept with the span
-- they were computed for: a session moved afterwards is computed again.
CREATE TABLE "session_attendance_figures" (
	"session_id" uuid PRIMARY KEY NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"online_viewers" integer NOT NULL,
	"peak_online" integer NOT NULL,
	"average_online" double precision NOT NULL,
	"median_minutes_watched" double precision NOT NULL,
	"attendance" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "session_attendance_figures" ADD CONSTRAINT "session_attendance_figures_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."programme_sessions"("id") ON DELETE cascade ON UPDATE no action;
