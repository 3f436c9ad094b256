-- A session made from an accepted proposal is a draft: it is in the organizer's programme, to be
-- scheduled (time, room) and published, but not on the public programme, its pages or exports,
-- and nobody can register for it (issue 34).
ALTER TABLE "programme_sessions" ADD COLUMN "draft" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
-- Sessions already made from proposals and never scheduled (still tentative) become drafts.
UPDATE "programme_sessions" s SET "draft" = true
  FROM "proposals" p WHERE p."session_id" = s."id" AND p."status" = 'accepted' AND s."status" = 'tentative';
--> statement-breakpoint

-- register_person (0021) again: a draft session is not part of the event yet (unknown, 404).
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
  -- The sessions asked for (each once, by id): of this event, published, not cancelled; which are by invitation.
  SELECT coalesce(array_agg(x ORDER BY x), '{}'),
         string_agg(x::text, ', ' ORDER BY x) FILTER (WHERE s.id IS NULL),
         string_agg(x::text, ', ' ORDER BY x) FILTER (WHERE s.status = 'cancelled'),
         coalesce(array_agg(x ORDER BY x) FILTER (WHERE s.visibility = 'invitation'), '{}')
    INTO v_ids, v_unknown, v_cancelled, v_invited
    FROM (SELECT DISTINCT y::uuid AS x FROM jsonb_array_elements_text(p->'sessions') y) w
    LEFT JOIN programme_sessions s ON s.id = w.x AND s.event_id = p_event AND NOT s.draft;
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
