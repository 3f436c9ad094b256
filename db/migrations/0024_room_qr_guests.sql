-- The room's QR code admits the room as guests (issue 34): null = by the session's mode.
ALTER TABLE "programme_sessions" ADD COLUMN "room_qr_guests" boolean;
