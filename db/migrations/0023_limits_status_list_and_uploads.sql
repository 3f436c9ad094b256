-- The issuer's revocation list as last signed, and what it was signed from (the encoded bitstring
-- and the public URL): re-signed only when that changes, not on every GET.
ALTER TABLE "badge_issuers" ADD COLUMN "status_list_signed" jsonb;--> statement-breakpoint
ALTER TABLE "badge_issuers" ADD COLUMN "status_list_source" text;
--> statement-breakpoint
-- Each person's uploads, summed for their storage quota at every upload.
CREATE INDEX "attachments_uploaded_by_idx" ON "attachments" USING btree ("uploaded_by");--> statement-breakpoint
CREATE INDEX "attachments_uploaded_by_registration_idx" ON "attachments" USING btree ("uploaded_by_registration");
