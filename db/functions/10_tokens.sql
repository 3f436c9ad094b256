-- The current source of these functions, applied after the migrations at every start
-- (db/functions/README.md): change them here, not in a migration.
--
-- Tokens.

-- A random token of 24 bytes, URL-safe base64 (32 characters): the default of registrations'
-- mail_token and calendar_token, and a rotated token.
CREATE OR REPLACE FUNCTION new_token() RETURNS text
LANGUAGE sql VOLATILE
AS $$
  SELECT translate(encode(decode(replace(gen_random_uuid()::text, '-', ''), 'hex')
                       || decode(substr(replace(gen_random_uuid()::text, '-', ''), 1, 16), 'hex'), 'base64'), '+/', '-_')
$$;
