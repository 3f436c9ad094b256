-- The issuer's revocation list as last signed, and what it was signed from (the encoded bitstring
-- and the public URL): re-signed only when that changes, not on every GET.
ALTER TABLE "badge_issuers" ADD COLUMN "status_list_signed" jsonb;--> statement-breakpoint
ALTER TABLE "badge_issuers" ADD COLUMN "status_list_source" text;
