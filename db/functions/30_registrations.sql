-- The current source of these functions, applied after the migrations at every start
-- (db/functions/README.md): change them here, not in a migration.
--
-- The rules of a registration, in one place (docs/architecture.md, "Registrations"): which
-- sessions are open to a request, invitation codes, answers against the event's questions, seat
-- allocation, the waiting list's order, the confirmation mail and its key, and the promotions a
-- cancellation makes. The app only validates the shape of a request (zod), queues requests into
-- batches (db/queries/registrations.ts) and calls `register_people`; every write of a
-- registration, a seat or a cancellation goes through the functions below. To add a rule (a
-- per-person session limit, a time-clash check), add a refusal to `register_person`, before its
-- first write.
--
-- A refusal is `{ "error": { status, code, message, fields? } }`: the HTTP status and the error
-- of the public contract, returned as they are by the API and the registration form.
--
-- Locks, always in this order, by every writer here: registrations (by e-mail), then sessions
-- (by id). Seats are counted in `programme_sessions.confirmed_count` (every confirmed seat) and
-- `confirmed_online` (its online part), changed only under the session's row lock, by `take_seat`
-- and `release_seat`.
--
-- Seats on site and online (0030): each seat has a mode (`registration_sessions.mode`): an
-- on-site session's seats are on site, an online session's online, and a hybrid session's as the
-- registrant chose (`modes`, online by default). A hybrid session has two capacities, `capacity`
-- (the chairs) and `capacity_online`, and a waiting list for each: a freed chair goes to the first
-- on-site waiter, a freed online seat to the first online one. A mode is changed by
-- `change_seat_mode` only, which checks the new mode's capacity.
--
-- The mails they queue (`confirmation`, `promotion`) have the shapes of their kinds in
-- lib/mail/outbox.ts (checked by test/integration/db-functions.test.ts).

-- An event's registration questions, in order, as the app reads them. The app keeps a copy per
-- event and sends back its md5 with each batch, so a batch checked against old questions is
-- refused instead of written.
CREATE OR REPLACE FUNCTION event_questions_json(p_event uuid) RETURNS json
LANGUAGE plpgsql STABLE
AS $$
BEGIN
  -- plpgsql, not sql: its plan is kept between calls (a sql function with a FROM is planned again
  -- at every call).
  RETURN (select coalesce(json_agg(json_build_object('key', q.key, 'label', q.label, 'kind', q.kind, 'options', q.options, 'required', q.required)
                                   order by q.position, q.key), '[]'::json)
            from event_questions q where q.event_id = p_event);
END
$$;

CREATE OR REPLACE FUNCTION registration_refusal(p_status int, p_code text, p_message text, p_fields jsonb DEFAULT NULL)
RETURNS jsonb
LANGUAGE sql IMMUTABLE
AS $$
  SELECT jsonb_build_object('error', jsonb_strip_nulls(jsonb_build_object('status', p_status, 'code', p_code, 'message', p_message, 'fields', p_fields)))
$$;

-- Answers against the event's questions (`event_questions_json`, above): `{ "answers": … }`,
-- the answers as they are stored (trimmed text, yes/no as booleans, choices once each), or
-- `{ "fields": { "answers.<key>": problem } }`. Unknown keys are refused, so nothing unexpected is
-- stored.
CREATE OR REPLACE FUNCTION check_answers(p_questions jsonb, p_answers jsonb) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE
AS $$
DECLARE
  fields jsonb := '{}';
  clean jsonb := '{}';
  q jsonb;
  k text;
  v jsonb;
  opts jsonb;
  problem text;
BEGIN
  FOR k IN SELECT jsonb_object_keys(coalesce(p_answers, '{}')) LOOP
    IF NOT EXISTS (SELECT 1 FROM jsonb_array_elements(p_questions) x WHERE x->>'key' = k) THEN
      fields := fields || jsonb_build_object('answers.' || k, 'unknown question');
    END IF;
  END LOOP;
  FOR q IN SELECT x FROM jsonb_array_elements(p_questions) x LOOP
    k := q->>'key';
    v := p_answers->k;
    opts := q->'options';
    problem := NULL;
    IF v IS NULL OR v = '""' OR v = '[]' THEN
      IF (q->>'required')::boolean THEN problem := 'required'; END IF;
    ELSIF q->>'kind' = 'text' THEN
      IF jsonb_typeof(v) <> 'string' THEN problem := 'must be text';
      ELSE clean := clean || jsonb_build_object(k, regexp_replace(v #>> '{}', '^\s+|\s+$', '', 'g'));
      END IF;
    ELSIF q->>'kind' = 'yesno' THEN
      IF v IN ('true', '"yes"', '"true"') THEN clean := clean || jsonb_build_object(k, true);
      ELSIF v IN ('false', '"no"', '"false"') THEN clean := clean || jsonb_build_object(k, false);
      ELSE problem := 'must be yes or no';
      END IF;
    ELSIF q->>'kind' = 'single' THEN
      IF jsonb_typeof(v) = 'string' AND opts @> jsonb_build_array(v) THEN clean := clean || jsonb_build_object(k, v);
      ELSE problem := 'must be one of the options';
      END IF;
    ELSE -- multiple: one choice or several, each once
      IF jsonb_typeof(v) <> 'array' THEN v := jsonb_build_array(v); END IF;
      IF EXISTS (SELECT 1 FROM jsonb_array_elements(v) x WHERE jsonb_typeof(x) <> 'string' OR NOT opts @> jsonb_build_array(x)) THEN
        problem := 'must be among the options';
      ELSE
        clean := clean || jsonb_build_object(k, (SELECT jsonb_agg(x ORDER BY n) FROM (SELECT x, min(n) AS n FROM jsonb_array_elements(v) WITH ORDINALITY AS t(x, n) GROUP BY x) d));
      END IF;
    END IF;
    IF problem IS NOT NULL THEN fields := fields || jsonb_build_object('answers.' || k, problem); END IF;
  END LOOP;
  IF fields <> '{}' THEN RETURN jsonb_build_object('fields', fields); END IF;
  RETURN jsonb_build_object('answers', clean);
END
$$;

-- Seat allocation: take a free seat of a session (its row locked by the caller) in a mode, if
-- it has one. The one place where a seat is counted: registrations, promotions and mode changes
-- all take seats here (and give them back with `release_seat`). A hybrid session's chairs and
-- online seats are counted apart; any other session has one capacity.
CREATE OR REPLACE FUNCTION take_seat(p_session uuid, p_mode seat_mode) RETURNS boolean
LANGUAGE plpgsql
AS $$
BEGIN
  UPDATE programme_sessions
     SET confirmed_count = confirmed_count + 1,
         confirmed_online = confirmed_online + CASE WHEN p_mode = 'online' THEN 1 ELSE 0 END
   WHERE id = p_session
     AND CASE WHEN mode <> 'hybrid' THEN capacity IS NULL OR confirmed_count < capacity
              WHEN p_mode = 'onsite' THEN capacity IS NULL OR confirmed_count - confirmed_online < capacity
              ELSE capacity_online IS NULL OR confirmed_online < capacity_online END;
  RETURN FOUND;
END
$$;

-- Give back a confirmed seat of a session (its row locked by the caller) in a mode.
CREATE OR REPLACE FUNCTION release_seat(p_session uuid, p_mode seat_mode) RETURNS void
LANGUAGE sql
AS $$
  UPDATE programme_sessions
     SET confirmed_count = confirmed_count - 1,
         confirmed_online = confirmed_online - CASE WHEN p_mode = 'online' THEN 1 ELSE 0 END
   WHERE id = p_session
$$;

-- One person's request (registrations and sessions already locked by `register_people`):
--   p: { email, name, answers, sessions: [uuid], modes?: { uuid: 'onsite' | 'online' }, invitationCode?, at, token, locale?, holder?, provenEmail?, source? }
-- Every check comes before the first write, so a refusal writes nothing. Returns a refusal, or
-- `{ "ok": { created, id, joinToken, sessions: [{ sessionId, status, mode }], newSeats: [...] } }`:
-- the seats held before (in the order they were asked for), then the new ones (by session id).
-- p.locale ('fr' | 'en', checked by the app) is kept on the registration, for their mails
-- (docs/i18n.md); a repeat request updates it. A repeat by someone who neither holds the
-- registration (p.holder) nor is signed in with its address (p.provenEmail) changes nothing and
-- mails the owner their link (docs/security.md, "Proven addresses"); a registration made by the
-- signed-in owner of its address is linked and proven at once. A seat held already keeps its
-- mode (`change_seat_mode` changes it); a mode that is not the session's (an on-site session asked
-- for online) is refused.
-- (Written for speed as well as for reading: it runs once per person, so it avoids a statement
-- wherever a plain expression will do.)
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
  v_modes jsonb;
  v_wrong jsonb;
  v_mode seat_mode;
BEGIN
  -- The sessions asked for (each once, by id): of this event, published (not a draft, 0025), not cancelled; which are by invitation.
  SELECT coalesce(array_agg(x ORDER BY x), '{}'),
         string_agg(x::text, ', ' ORDER BY x) FILTER (WHERE s.id IS NULL),
         string_agg(x::text, ', ' ORDER BY x) FILTER (WHERE s.status = 'cancelled'),
         coalesce(array_agg(x ORDER BY x) FILTER (WHERE s.visibility = 'invitation'), '{}'),
         -- Each seat's mode: the session's, or a hybrid session's as asked (online by default).
         coalesce(jsonb_object_agg(x, CASE WHEN s.mode = 'hybrid' THEN coalesce(p->'modes'->>x::text, 'online') ELSE s.mode::text END) FILTER (WHERE s.id IS NOT NULL), '{}'),
         jsonb_object_agg('modes.' || x, 'not offered: this session is ' || s.mode::text || ' only')
           FILTER (WHERE s.mode <> 'hybrid' AND p->'modes'->>x::text IS DISTINCT FROM NULL AND p->'modes'->>x::text <> s.mode::text)
    INTO v_ids, v_unknown, v_cancelled, v_invited, v_modes, v_wrong
    FROM (SELECT DISTINCT y::uuid AS x FROM jsonb_array_elements_text(p->'sessions') y) w
    LEFT JOIN programme_sessions s ON s.id = w.x AND s.event_id = p_event AND NOT s.draft;
  IF v_unknown IS NOT NULL THEN
    RETURN registration_refusal(404, 'session_not_found', 'Some sessions are not part of this event.', jsonb_build_object('sessionIds', 'unknown: ' || v_unknown));
  END IF;
  IF v_cancelled IS NOT NULL THEN
    RETURN registration_refusal(400, 'session_cancelled', 'Some sessions are cancelled.', jsonb_build_object('sessionIds', 'cancelled: ' || v_cancelled));
  END IF;
  IF v_wrong IS NOT NULL THEN
    RETURN registration_refusal(400, 'mode_not_offered', 'Some sessions are not offered in the mode asked for.', v_wrong);
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
           coalesce(jsonb_agg(jsonb_build_object('sessionId', rs.session_id, 'status', rs.status, 'mode', rs.mode) ORDER BY rs.requested_at), '[]')
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
    -- p.source (0035): what drove the registration, checked by the app; kept from its creation only.
    INSERT INTO registrations (event_id, name, email, answers, consent_at, updated_at, join_token, locale, user_id, email_proven_at, source)
    SELECT p_event, p->>'name', p->>'email', v_checked->'answers', v_at, v_at, p->>'token', coalesce(p->>'locale', 'fr'), u.id, CASE WHEN u.id IS NOT NULL THEN v_at END, p->>'source'
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

  -- Seats: a free one in the mode asked for, or that mode's waiting list, whose order is the time
  -- of the request (`at`).
  FOREACH v_session IN ARRAY v_wanted LOOP
    v_mode := (v_modes->>v_session::text)::seat_mode;
    v_status := CASE WHEN take_seat(v_session, v_mode) THEN 'confirmed' ELSE 'waitlisted' END;
    INSERT INTO registration_sessions (registration_id, session_id, status, mode, requested_at, updated_at, invitation_code_id)
    VALUES (v_reg.id, v_session, v_status, v_mode, v_at, v_at, CASE WHEN v_session = ANY (v_invited) THEN v_code.id END)
    ON CONFLICT (registration_id, session_id) DO UPDATE
      SET status = excluded.status, mode = excluded.mode, requested_at = excluded.requested_at, updated_at = excluded.updated_at,
          invitation_code_id = excluded.invitation_code_id;
    v_new := v_new || jsonb_build_object('sessionId', v_session, 'status', v_status, 'mode', v_mode);
  END LOOP;

  RETURN jsonb_build_object('ok', jsonb_build_object(
    'created', v_created, 'id', v_reg.id, 'joinToken', v_reg.join_token,
    'sessions', v_held || v_new, 'newSeats', v_new));
END
$$;

-- Register a batch of people to one event, in arrival order, in one call (one round trip, one
-- transaction, one commit): the app's only way to register someone (a lone request is a batch of
-- one). p_people: [{ email, name, answers, sessions, invitationCode?, at, token }] (shape checked
-- by the app's zod schema). Returns one outcome per person, in the same order: a refusal is that
-- person's answer only.
--
-- Plans: the app's connections use custom plans (db/client.ts) so that a foreign-key check
-- planned while `registrations` was nearly empty is never kept as a scan of the whole table.
-- Here the plans may be kept (no re-planning of the statements and the foreign-key checks they
-- fire), and sequential scans are off, so a kept plan is always an index lookup.
CREATE OR REPLACE FUNCTION register_people(p_slug text, p_people jsonb) RETURNS jsonb
LANGUAGE plpgsql
SET plan_cache_mode = auto
SET enable_seqscan = off
AS $$
DECLARE
  v_event uuid;
  v_questions jsonb;
  v_person jsonb;
  v_out jsonb := '[]';
BEGIN
  SELECT e.id INTO v_event FROM events e WHERE e.slug = p_slug;
  IF NOT FOUND THEN
    RETURN (SELECT jsonb_agg(registration_refusal(404, 'event_not_found', 'No such event.')) FROM jsonb_array_elements(p_people));
  END IF;
  v_questions := event_questions_json(v_event)::jsonb;

  -- Locks: the registrations of these e-mails, then the sessions asked for (held to commit).
  PERFORM 1 FROM registrations g
   WHERE g.event_id = v_event AND g.email IN (SELECT x->>'email' FROM jsonb_array_elements(p_people) x)
   ORDER BY g.email FOR UPDATE;
  PERFORM 1 FROM programme_sessions s
   WHERE s.event_id = v_event AND s.id IN (SELECT y::uuid FROM jsonb_array_elements(p_people) x, jsonb_array_elements_text(x->'sessions') y)
   ORDER BY s.id FOR NO KEY UPDATE;

  FOR v_person IN SELECT x FROM jsonb_array_elements(p_people) x LOOP
    v_out := v_out || jsonb_build_array(register_person(v_event, v_questions, v_person));
  END LOOP;
  RETURN v_out;
END
$$;

-- Give a session's free seats (its row locked by the caller) to its waiting lists, one per mode,
-- earliest request first, each with a promotion mail. Returns the registrations promoted.
CREATE OR REPLACE FUNCTION promote_waiting_list(p_session uuid) RETURNS uuid[]
LANGUAGE plpgsql
AS $$
DECLARE
  w record;
  v_promoted uuid[] := '{}';
  v_full seat_mode[] := '{}';
BEGIN
  FOR w IN SELECT rs.registration_id, rs.mode FROM registration_sessions rs
            WHERE rs.session_id = p_session AND rs.status = 'waitlisted'
            ORDER BY rs.mode, rs.requested_at, rs.registration_id LOOP
    CONTINUE WHEN w.mode = ANY (v_full);
    IF NOT take_seat(p_session, w.mode) THEN
      v_full := v_full || w.mode;
      CONTINUE;
    END IF;
    UPDATE registration_sessions SET status = 'confirmed', updated_at = now()
     WHERE registration_id = w.registration_id AND session_id = p_session;
    INSERT INTO mail_outbox (kind, dedupe_key, registration_id, session_id)
    VALUES ('promotion', 'promotion:' || w.registration_id || ':' || p_session || ':' || floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint,
            w.registration_id, p_session)
    ON CONFLICT (dedupe_key) DO NOTHING;
    v_promoted := v_promoted || w.registration_id;
  END LOOP;
  RETURN v_promoted;
END
$$;

-- Cancel a registration's seat in one session (p_session), or the whole registration (null),
-- from its personal link. Freed seats go to the waiting list. Returns a refusal, or
-- `{ cancelled: [sessionId], promoted: [{ sessionId, registrationIds }] }`.
CREATE OR REPLACE FUNCTION cancel_registration(p_token text, p_session uuid) RETURNS jsonb
LANGUAGE plpgsql
AS $$
DECLARE
  v_reg uuid;
  v_cancelled uuid[];
  v_confirmed uuid[];
  v_ids uuid[];
  v_promoted jsonb := '[]';
  v_session uuid;
  v_modes seat_mode[];
BEGIN
  SELECT g.id INTO v_reg FROM registrations g WHERE g.join_token = p_token FOR UPDATE;
  IF NOT FOUND THEN
    RETURN registration_refusal(404, 'registration_not_found', 'No registration for this personal link.');
  END IF;
  PERFORM 1 FROM programme_sessions ps
   WHERE ps.id IN (SELECT rs.session_id FROM registration_sessions rs
                    WHERE rs.registration_id = v_reg AND rs.status <> 'cancelled' AND (p_session IS NULL OR rs.session_id = p_session))
   ORDER BY ps.id FOR NO KEY UPDATE;
  SELECT coalesce(array_agg(rs.session_id ORDER BY rs.session_id), '{}'),
         coalesce(array_agg(rs.session_id ORDER BY rs.session_id) FILTER (WHERE rs.status = 'confirmed'), '{}'),
         coalesce(array_agg(rs.mode ORDER BY rs.session_id) FILTER (WHERE rs.status = 'confirmed'), '{}')
    INTO v_cancelled, v_confirmed, v_modes
    FROM registration_sessions rs
   WHERE rs.registration_id = v_reg AND rs.status <> 'cancelled' AND (p_session IS NULL OR rs.session_id = p_session);
  IF p_session IS NOT NULL AND cardinality(v_cancelled) = 0 THEN
    RETURN registration_refusal(404, 'seat_not_found', 'You are not registered to this session.');
  END IF;

  UPDATE registration_sessions SET status = 'cancelled', updated_at = now()
   WHERE registration_id = v_reg AND session_id = ANY (v_cancelled);
  FOR i IN 1 .. cardinality(v_confirmed) LOOP
    PERFORM release_seat(v_confirmed[i], v_modes[i]);
  END LOOP;
  IF p_session IS NULL THEN
    UPDATE registrations SET status = 'cancelled', updated_at = now() WHERE id = v_reg;
  END IF;
  FOREACH v_session IN ARRAY v_confirmed LOOP
    v_ids := promote_waiting_list(v_session);
    IF cardinality(v_ids) > 0 THEN
      v_promoted := v_promoted || jsonb_build_array(jsonb_build_object('sessionId', v_session, 'registrationIds', to_jsonb(v_ids)));
    END IF;
  END LOOP;
  RETURN jsonb_build_object('cancelled', to_jsonb(v_cancelled), 'promoted', v_promoted);
END
$$;

-- Change the mode of a seat (on site or online) of a hybrid session, from the personal link
-- (p_token) or the check-in desk (which has the same token). A confirmed seat moves only to a mode
-- with a free seat (else 409 `mode_full`: the seat is kept), and its freed seat goes to that mode's
-- waiting list; a place on a waiting list moves to the new mode's seat if one is free, else to the
-- end of that mode's list. Returns a refusal, or `{ sessionId, status, mode, promoted: [uuid] }`.
CREATE OR REPLACE FUNCTION change_seat_mode(p_token text, p_session uuid, p_mode seat_mode) RETURNS jsonb
LANGUAGE plpgsql
AS $$
DECLARE
  v_reg uuid;
  v_seat record;
  v_status seat_status;
  v_promoted uuid[] := '{}';
BEGIN
  SELECT g.id INTO v_reg FROM registrations g WHERE g.join_token = p_token AND g.status = 'active' FOR UPDATE;
  IF NOT FOUND THEN
    RETURN registration_refusal(404, 'registration_not_found', 'No registration for this personal link.');
  END IF;
  PERFORM 1 FROM programme_sessions ps WHERE ps.id = p_session FOR NO KEY UPDATE;
  SELECT rs.status, rs.mode, s.mode AS session_mode INTO v_seat
    FROM registration_sessions rs JOIN programme_sessions s ON s.id = rs.session_id
   WHERE rs.registration_id = v_reg AND rs.session_id = p_session AND rs.status <> 'cancelled';
  IF NOT FOUND THEN
    RETURN registration_refusal(404, 'seat_not_found', 'You are not registered to this session.');
  END IF;
  IF v_seat.mode = p_mode THEN
    RETURN jsonb_build_object('sessionId', p_session, 'status', v_seat.status, 'mode', p_mode, 'promoted', '[]'::jsonb);
  END IF;
  IF v_seat.session_mode <> 'hybrid' THEN
    RETURN registration_refusal(400, 'mode_not_offered', 'This session is not offered in that mode.', jsonb_build_object('mode', 'not offered: this session is ' || v_seat.session_mode::text || ' only'));
  END IF;
  IF v_seat.status = 'confirmed' THEN
    IF NOT take_seat(p_session, p_mode) THEN
      RETURN registration_refusal(409, 'mode_full', 'No free seat in that mode: your seat is kept.');
    END IF;
    PERFORM release_seat(p_session, v_seat.mode);
    UPDATE registration_sessions SET mode = p_mode, updated_at = now() WHERE registration_id = v_reg AND session_id = p_session;
    v_promoted := promote_waiting_list(p_session);
    v_status := 'confirmed';
  ELSE
    v_status := CASE WHEN take_seat(p_session, p_mode) THEN 'confirmed' ELSE 'waitlisted' END;
    UPDATE registration_sessions SET mode = p_mode, status = v_status, requested_at = clock_timestamp(), updated_at = now()
     WHERE registration_id = v_reg AND session_id = p_session;
  END IF;
  RETURN jsonb_build_object('sessionId', p_session, 'status', v_status, 'mode', p_mode, 'promoted', to_jsonb(v_promoted));
END
$$;
