-- An address counts only once proven (docs/security.md, "Proven addresses"): a link mailed to it
-- was opened, or its owner signed in with it. Until then a registration acts for itself alone.
--
-- * registrations.email_proven_at: when the address was proven; registrations.mail_token: the
--   personal link as mailed (never in an API answer: opening it is the proof);
--   registrations.calendar_token: a read-only, revocable token for the calendar feed.
-- * A registration is linked to the account with its e-mail only once proven (no more triggers
--   that linked on insert): at sign-in (`link_registrations`), or when the mailed link is opened
--   (`prove_registration`). Proving a registration rotates its join token and closes the browsers
--   that opened it before: whatever was handed out before the proof (the 201's token) can no longer
--   act, and what acts afterwards was handed to the owner only.
-- * register_person: a repeat by someone who neither holds the registration (`p.holder`) nor is
--   signed in with its address (`p.provenEmail`) changes nothing and mails the owner their link.

CREATE OR REPLACE FUNCTION new_token() RETURNS text
LANGUAGE sql VOLATILE
AS $$
  SELECT translate(encode(decode(replace(gen_random_uuid()::text, '-', ''), 'hex')
                       || decode(substr(replace(gen_random_uuid()::text, '-', ''), 1, 16), 'hex'), 'base64'), '+/', '-_')
$$;
--> statement-breakpoint

ALTER TABLE registrations ADD COLUMN email_proven_at timestamptz;
--> statement-breakpoint
ALTER TABLE registrations ADD COLUMN mail_token text NOT NULL DEFAULT new_token();
--> statement-breakpoint
ALTER TABLE registrations ADD COLUMN calendar_token text NOT NULL DEFAULT new_token();
--> statement-breakpoint
ALTER TABLE registrations ADD CONSTRAINT registrations_mail_token_unique UNIQUE (mail_token);
--> statement-breakpoint
ALTER TABLE registrations ADD CONSTRAINT registrations_calendar_token_unique UNIQUE (calendar_token);
--> statement-breakpoint

DROP TRIGGER IF EXISTS registrations_link_user ON registrations;
--> statement-breakpoint
DROP FUNCTION IF EXISTS registrations_link_user();
--> statement-breakpoint
DROP TRIGGER IF EXISTS users_link_registrations ON users;
--> statement-breakpoint
DROP FUNCTION IF EXISTS users_link_registrations();
--> statement-breakpoint

-- Link one proven registration to an account, moving what live rooms recorded under the
-- registration's key to the account's (the body of 0006's loop, for one registration).
CREATE OR REPLACE FUNCTION link_registration(p_reg uuid, p_user text) RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
  v_user_key text := 'user:' || p_user;
  v_key text := 'registration:' || p_reg;
  v_sessions uuid[];
BEGIN
  UPDATE registrations SET user_id = p_user WHERE id = p_reg AND user_id IS NULL;
  IF NOT FOUND THEN RETURN; END IF;
  v_sessions := ARRAY(SELECT s.id FROM programme_sessions s JOIN registrations g ON g.event_id = s.event_id WHERE g.id = p_reg);

  WITH dup AS (
    DELETE FROM question_votes v
     WHERE v.voter_key = v_key
       AND v.question_id IN (SELECT q.id FROM questions q WHERE q.session_id = ANY (v_sessions))
       AND EXISTS (SELECT 1 FROM question_votes o WHERE o.question_id = v.question_id AND o.voter_key = v_user_key)
    RETURNING v.question_id)
  UPDATE questions q SET votes = q.votes - 1, updated_at = now() FROM dup WHERE q.id = dup.question_id;
  UPDATE question_votes v SET voter_key = v_user_key
   WHERE v.voter_key = v_key
     AND v.question_id IN (SELECT q.id FROM questions q WHERE q.session_id = ANY (v_sessions));

  DELETE FROM chat_reactions c
   WHERE c.actor_key = v_key
     AND c.message_id IN (SELECT m.id FROM chat_messages m WHERE m.session_id = ANY (v_sessions))
     AND EXISTS (SELECT 1 FROM chat_reactions o WHERE o.message_id = c.message_id AND o.actor_key = v_user_key AND o.emoji = c.emoji);
  UPDATE chat_reactions c SET actor_key = v_user_key
   WHERE c.actor_key = v_key
     AND c.message_id IN (SELECT m.id FROM chat_messages m WHERE m.session_id = ANY (v_sessions));

  UPDATE questions SET author_key = v_user_key WHERE session_id = ANY (v_sessions) AND author_key = v_key;
  UPDATE chat_messages SET author_key = v_user_key WHERE session_id = ANY (v_sessions) AND author_key = v_key;
  UPDATE room_sanctions SET target_key = v_user_key WHERE session_id = ANY (v_sessions) AND target_key = v_key;
  UPDATE moderation_log SET target_key = v_user_key WHERE session_id = ANY (v_sessions) AND target_key = v_key;
  UPDATE attendance SET actor_key = v_user_key WHERE session_id = ANY (v_sessions) AND actor_key = v_key;
  UPDATE rate_hits SET actor_key = v_user_key WHERE session_id = ANY (v_sessions) AND actor_key = v_key;
END
$$;
--> statement-breakpoint

-- The address of this registration is proven now (its mailed link was opened, or its owner signed
-- in). The first time: the join token is replaced and every browser that opened the registration
-- before is closed (they were not proven), except `p_keep` (the link session just opened).
-- Then the registration is linked to the account with its e-mail, if there is one.
CREATE OR REPLACE FUNCTION prove_registration(p_reg uuid, p_keep text DEFAULT NULL) RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
  v_user text;
BEGIN
  UPDATE registrations SET email_proven_at = now(), join_token = new_token()
   WHERE id = p_reg AND email_proven_at IS NULL;
  IF FOUND THEN
    DELETE FROM link_sessions WHERE registration_id = p_reg AND secret_hash IS DISTINCT FROM p_keep;
  END IF;
  SELECT u.id INTO v_user FROM users u JOIN registrations g ON lower(u.email) = lower(g.email)
   WHERE g.id = p_reg ORDER BY u.created_at LIMIT 1;
  IF v_user IS NOT NULL THEN PERFORM link_registration(p_reg, v_user); END IF;
END
$$;
--> statement-breakpoint

-- At sign-in (the e-mail is verified): every registration made with the account's e-mail is proven
-- and linked to it.
CREATE OR REPLACE FUNCTION link_registrations(p_user text) RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT g.id FROM registrations g JOIN users u ON lower(g.email) = lower(u.email)
     WHERE u.id = p_user AND (g.user_id IS NULL OR g.email_proven_at IS NULL)
  LOOP
    PERFORM prove_registration(r.id);
    PERFORM link_registration(r.id, p_user);
  END LOOP;
END
$$;
--> statement-breakpoint

-- Registrations linked before this migration were linked by e-mail alone, proven or not: their
-- join tokens are replaced and their browsers closed (their owners have an account to sign in
-- with), then they count as proven.
UPDATE registrations SET join_token = new_token(), email_proven_at = now() WHERE user_id IS NOT NULL;
--> statement-breakpoint
DELETE FROM link_sessions l USING registrations g WHERE g.id = l.registration_id AND g.user_id IS NOT NULL;
--> statement-breakpoint

-- register_person (0019) again: the repeat rule above, and a registration made by the signed-in
-- owner of its address linked and proven at once.
CREATE OR REPLACE FUNCTION register_person(p_event uuid, p_questions jsonb, p jsonb) RETURNS jsonb
LANGUAGE plpgsql
AS $$
DECLARE
  v_at timestamptz := (p->>'at')::timestamptz;
  v_ids uuid[];
  v_unknown text;
  v_cancelled text;
  v_invited uuid[];
  v_checked jsonb;
  v_reg record;
  v_created boolean := false;
  v_held_ids uuid[] := '{}';
  v_held jsonb := '[]';
  v_wanted uuid[];
  v_code invitation_codes%ROWTYPE;
  v_new jsonb := '[]';
  v_status seat_status;
  v_session uuid;
BEGIN
  -- The sessions asked for (each once, by id): of this event, not cancelled; which are by invitation.
  SELECT coalesce(array_agg(x ORDER BY x), '{}'),
         string_agg(x::text, ', ' ORDER BY x) FILTER (WHERE s.id IS NULL),
         string_agg(x::text, ', ' ORDER BY x) FILTER (WHERE s.status = 'cancelled'),
         coalesce(array_agg(x ORDER BY x) FILTER (WHERE s.visibility = 'invitation'), '{}')
    INTO v_ids, v_unknown, v_cancelled, v_invited
    FROM (SELECT DISTINCT y::uuid AS x FROM jsonb_array_elements_text(p->'sessions') y) w
    LEFT JOIN programme_sessions s ON s.id = w.x AND s.event_id = p_event;
  IF v_unknown IS NOT NULL THEN
    RETURN registration_refusal(404, 'session_not_found', 'Some sessions are not part of this event.', jsonb_build_object('sessionIds', 'unknown: ' || v_unknown));
  END IF;
  IF v_cancelled IS NOT NULL THEN
    RETURN registration_refusal(400, 'session_cancelled', 'Some sessions are cancelled.', jsonb_build_object('sessionIds', 'cancelled: ' || v_cancelled));
  END IF;

  -- Answers.
  v_checked := check_answers(p_questions, p->'answers');
  IF v_checked ? 'fields' THEN
    RETURN registration_refusal(400, 'invalid', 'Some answers are not valid.', v_checked->'fields');
  END IF;

  -- Someone registered before keeps their seats; only the sessions they do not hold yet are asked for.
  SELECT g.id, g.join_token INTO v_reg FROM registrations g WHERE g.event_id = p_event AND g.email = p->>'email';
  IF FOUND AND v_reg.id IS DISTINCT FROM (p->>'holder')::uuid AND lower(p->>'email') IS DISTINCT FROM lower(p->>'provenEmail') THEN
    -- Whoever typed this address holds nothing of its registration: nothing changes, nothing is
    -- said about it, and its owner is mailed their personal link (to add sessions from there).
    INSERT INTO mail_outbox (kind, dedupe_key, registration_id)
    VALUES ('confirmation', 'confirmation:' || v_reg.id || ':' || floor(extract(epoch FROM v_at) * 1000)::bigint || ':repeat', v_reg.id)
    ON CONFLICT (dedupe_key) DO NOTHING;
    RETURN jsonb_build_object('ok', jsonb_build_object(
      'created', false, 'mailed', true, 'id', v_reg.id, 'joinToken', '', 'sessions', '[]'::jsonb, 'newSeats', '[]'::jsonb));
  END IF;
  IF FOUND THEN
    SELECT coalesce(array_agg(rs.session_id ORDER BY rs.requested_at), '{}'),
           coalesce(jsonb_agg(jsonb_build_object('sessionId', rs.session_id, 'status', rs.status) ORDER BY rs.requested_at), '[]')
      INTO v_held_ids, v_held
      FROM registration_sessions rs WHERE rs.registration_id = v_reg.id AND rs.status <> 'cancelled';
  END IF;
  v_wanted := CASE WHEN cardinality(v_held_ids) = 0 THEN v_ids ELSE ARRAY(SELECT x FROM unnest(v_ids) x WHERE x <> ALL (v_held_ids)) END;

  -- Invitation-only sessions the person does not hold yet need a valid code, used once more.
  IF cardinality(v_invited) > 0 AND cardinality(v_held_ids) > 0 THEN
    v_invited := ARRAY(SELECT x FROM unnest(v_invited) x WHERE x <> ALL (v_held_ids));
  END IF;
  IF cardinality(v_invited) > 0 THEN
    IF p->>'invitationCode' IS NULL THEN
      RETURN registration_refusal(403, 'invitation_required', 'This session is by invitation: an invitation code is needed.', '{"invitationCode": "required"}');
    END IF;
    SELECT * INTO v_code FROM invitation_codes c WHERE c.code = p->>'invitationCode' AND c.event_id = p_event FOR UPDATE;
    IF NOT FOUND OR (v_code.session_id IS NOT NULL AND v_invited <> ARRAY[v_code.session_id]) THEN
      RETURN registration_refusal(403, 'invitation_invalid', 'This invitation code is not valid for these sessions.', '{"invitationCode": "invalid"}');
    END IF;
    IF v_code.max_uses IS NOT NULL AND v_code.uses >= v_code.max_uses THEN
      RETURN registration_refusal(403, 'invitation_used_up', 'This invitation code has already been used.', '{"invitationCode": "used up"}');
    END IF;
    UPDATE invitation_codes SET uses = uses + 1 WHERE id = v_code.id;
  END IF;

  -- (Add a new rule's refusal above this line: what follows writes.)

  IF v_reg.id IS NULL THEN
    -- Made by the signed-in owner of this address: theirs, and proven, at once.
    INSERT INTO registrations (event_id, name, email, answers, consent_at, updated_at, join_token, locale, user_id, email_proven_at)
    SELECT p_event, p->>'name', p->>'email', v_checked->'answers', v_at, v_at, p->>'token', coalesce(p->>'locale', 'fr'), u.id, CASE WHEN u.id IS NOT NULL THEN v_at END
      FROM (SELECT NULL) one
      LEFT JOIN users u ON lower(p->>'email') = lower(p->>'provenEmail') AND lower(u.email) = lower(p->>'email')
    ON CONFLICT (event_id, email) DO NOTHING
    RETURNING id, join_token INTO v_reg;
    IF NOT FOUND THEN
      -- Registered by another transaction since this batch locked the e-mails (another process):
      -- the app runs each request of the batch again on its own.
      RAISE EXCEPTION 'registered meanwhile: %', p->>'email' USING ERRCODE = 'CH002';
    END IF;
    v_created := true;
  ELSE
    UPDATE registrations SET name = p->>'name', answers = v_checked->'answers', status = 'active', consent_at = v_at, updated_at = v_at,
           locale = coalesce(p->>'locale', locale)
     WHERE id = v_reg.id;
  END IF;

  -- Every request mails the person their link (again): the public answer to a repeat withholds it.
  INSERT INTO mail_outbox (kind, dedupe_key, registration_id)
  VALUES ('confirmation', 'confirmation:' || v_reg.id || ':' || floor(extract(epoch FROM v_at) * 1000)::bigint || ':' || array_to_string(v_wanted, ','), v_reg.id)
  ON CONFLICT (dedupe_key) DO NOTHING;

  -- Seats: a free one, or the waiting list, whose order is the time of the request (`at`).
  FOREACH v_session IN ARRAY v_wanted LOOP
    v_status := CASE WHEN take_seat(v_session) THEN 'confirmed' ELSE 'waitlisted' END;
    INSERT INTO registration_sessions (registration_id, session_id, status, requested_at, updated_at, invitation_code_id)
    VALUES (v_reg.id, v_session, v_status, v_at, v_at, CASE WHEN v_session = ANY (v_invited) THEN v_code.id END)
    ON CONFLICT (registration_id, session_id) DO UPDATE
      SET status = excluded.status, requested_at = excluded.requested_at, updated_at = excluded.updated_at, invitation_code_id = excluded.invitation_code_id;
    v_new := v_new || jsonb_build_object('sessionId', v_session, 'status', v_status);
  END LOOP;

  RETURN jsonb_build_object('ok', jsonb_build_object(
    'created', v_created, 'id', v_reg.id, 'joinToken', v_reg.join_token,
    'sessions', v_held || v_new, 'newSeats', v_new));
END
$$;
