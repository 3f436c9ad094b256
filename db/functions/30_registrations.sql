-- The current source of these functions, applied after the migrations at every start
-- (db/functions/README.md): change them here, not in a migration.
--
-- The rules of a registration, in one place (docs/architecture.md, "Registrations"): which
-- sessions are open to a request, invitation codes, answers against the event's questions, seat
-- allocation, the waiting list's order, the confirmation mail and its key, and the promotions a
-- cancellation makes. The app only validates the shape of a request (zod), queues requests into
-- batches (db/queries/registrations.ts) and calls `register_people`; every write of a
-- registration, a seat or a cancellation goes through the functions below. A batch's rules run
-- set-based (`register_set`): one statement per rule for all its people, not a loop per person.
-- To add a rule (a per-person session limit, a time-clash check), add a refusal to `register_set`,
-- as one statement over its people, before its first write.
--
-- A refusal is `{ "error": { status, code, message, fields? } }`: the HTTP status and the error
-- of the public contract, returned as they are by the API and the registration form.
--
-- Locks, always in this order, by every writer here: registrations (by e-mail), then sessions
-- (by id), then invitation codes (by id). Seats are counted in `programme_sessions.confirmed_count`
-- (every confirmed seat) and `confirmed_online` (its online part), changed only under the
-- session's row lock, by `take_seats` (and `take_seat`, one seat) and `release_seat`.
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

-- Seat allocation. The capacity rule: the free seats of a session (a row of programme_sessions) in
-- a mode, null when there is no limit (below zero if its capacity was lowered under its seats). A
-- hybrid session's chairs and online seats are counted apart; any other session has one capacity.
CREATE OR REPLACE FUNCTION seats_free(s programme_sessions, p_mode seat_mode) RETURNS int
LANGUAGE sql STABLE
AS $$
  SELECT CASE WHEN s.mode <> 'hybrid' THEN s.capacity - s.confirmed_count
              WHEN p_mode = 'onsite' THEN s.capacity - (s.confirmed_count - s.confirmed_online)
              ELSE s.capacity_online - s.confirmed_online END
$$;

-- Take seats, set-based: for each (session, mode) of the arrays, up to `asked` free seats of that
-- session (its row locked by the caller) in that mode. Returns how many each got, first come first
-- served being the caller's business. The one place where seats are taken: registrations (a batch
-- at once), promotions and mode changes (`take_seat`, one) all count here, and give seats back
-- with `release_seat`. A session appears once per mode.
CREATE OR REPLACE FUNCTION take_seats(p_sessions uuid[], p_modes seat_mode[], p_asked int[])
RETURNS TABLE (session_id uuid, mode seat_mode, granted int)
LANGUAGE plpgsql
AS $$
BEGIN
  -- (plpgsql rather than sql: its plan is kept, where a sql function with an UPDATE is planned at each call.)
  RETURN QUERY
  WITH given AS (
    SELECT a.sid, a.smode, greatest(0, least(a.k, coalesce(seats_free(s, a.smode), a.k))) AS n
      FROM unnest(p_sessions, p_modes, p_asked) AS a(sid, smode, k)
      JOIN programme_sessions s ON s.id = a.sid
  ), counted AS (
    UPDATE programme_sessions s
       SET confirmed_count = s.confirmed_count + g.total,
           confirmed_online = s.confirmed_online + g.online
      FROM (SELECT sid, sum(n)::int AS total, (coalesce(sum(n) FILTER (WHERE smode = 'online'), 0))::int AS online
              FROM given GROUP BY sid) g
     WHERE s.id = g.sid AND g.total > 0
  )
  SELECT sid, smode, n FROM given;
END
$$;

-- Take one free seat of a session (its row locked by the caller) in a mode, if it has one.
CREATE OR REPLACE FUNCTION take_seat(p_session uuid, p_mode seat_mode) RETURNS boolean
LANGUAGE sql
AS $$
  SELECT coalesce((SELECT t.granted = 1 FROM take_seats(ARRAY[p_session], ARRAY[p_mode], ARRAY[1]) t), false)
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

-- The requests of a batch whose e-mails are all different (registrations and sessions already
-- locked by `register_people`), set-based: each rule below is one statement over all the people,
-- in arrival order (their place in p_people). A person:
--   p: { email, name, answers, sessions: [uuid], modes?: { uuid: 'onsite' | 'online' }, invitationCode?, at, token, locale?, holder?, provenEmail?, source? }
-- Every check comes before the first write, so a refusal writes nothing of that person. Returns
-- one outcome per person, in order: a refusal, or
-- `{ "ok": { created, id, joinToken, sessions: [{ sessionId, status, mode }], newSeats: [...] } }`:
-- the seats held before (in the order they were asked for), then the new ones (by session id).
-- p.locale ('fr' | 'en', checked by the app) is kept on the registration, for their mails
-- (docs/i18n.md); a repeat request updates it. A repeat by someone who neither holds the
-- registration (p.holder) nor is signed in with its address (p.provenEmail) changes nothing and
-- mails the owner their link (docs/security.md, "Proven addresses"); a registration made by the
-- signed-in owner of its address is linked and proven at once. A seat held already keeps its
-- mode (`change_seat_mode` changes it); a mode that is not the session's (an on-site session asked
-- for online) is refused.
--
-- The work is kept in `v_req`, one object per person in arrival order: `n` (its place), `p` (the
-- request), then what each step adds: `ids`, `invited`, `modes`, `answers`, `refusal`; `reg`,
-- `joinToken`, `created`, `repeat`, `held`, `wanted`; `code`. A person with a `refusal` or a
-- `repeat` is left alone by the steps after.
CREATE OR REPLACE FUNCTION register_set(p_event uuid, p_questions jsonb, p_people jsonb) RETURNS jsonb
LANGUAGE plpgsql
AS $$
DECLARE
  v_req jsonb;
  v_new jsonb;
  v_lost text;
BEGIN
  -- The sessions asked for (each once, by id): of this event, published (not a draft, 0025), not
  -- cancelled, in a mode they offer; which are by invitation; each seat's mode (the session's, or a
  -- hybrid session's as asked, online by default). Then the answers (`check_answers`).
  SELECT jsonb_agg(jsonb_build_object(
           'n', x.n, 'p', x.p, 'ids', a.ids, 'invited', a.invited, 'modes', a.modes, 'answers', c.checked->'answers',
           'refusal', CASE
             WHEN a.unknown IS NOT NULL THEN
               registration_refusal(404, 'session_not_found', 'Some sessions are not part of this event.', jsonb_build_object('sessionIds', 'unknown: ' || a.unknown))
             WHEN a.cancelled IS NOT NULL THEN
               registration_refusal(400, 'session_cancelled', 'Some sessions are cancelled.', jsonb_build_object('sessionIds', 'cancelled: ' || a.cancelled))
             WHEN a.wrong IS NOT NULL THEN
               registration_refusal(400, 'mode_not_offered', 'Some sessions are not offered in the mode asked for.', a.wrong)
             WHEN c.checked ? 'fields' THEN
               registration_refusal(400, 'invalid', 'Some answers are not valid.', c.checked->'fields')
           END) ORDER BY x.n)
    INTO v_req
    FROM jsonb_array_elements(p_people) WITH ORDINALITY AS x(p, n)
    CROSS JOIN LATERAL (
      SELECT coalesce(jsonb_agg(w.id ORDER BY w.id), '[]') AS ids,
             string_agg(w.id::text, ', ' ORDER BY w.id) FILTER (WHERE s.id IS NULL) AS unknown,
             string_agg(w.id::text, ', ' ORDER BY w.id) FILTER (WHERE s.status = 'cancelled') AS cancelled,
             coalesce(jsonb_agg(w.id ORDER BY w.id) FILTER (WHERE s.visibility = 'invitation'), '[]') AS invited,
             coalesce(jsonb_object_agg(w.id, CASE WHEN s.mode = 'hybrid' THEN coalesce(x.p->'modes'->>w.id::text, 'online') ELSE s.mode::text END)
                        FILTER (WHERE s.id IS NOT NULL), '{}') AS modes,
             jsonb_object_agg('modes.' || w.id, 'not offered: this session is ' || s.mode::text || ' only')
               FILTER (WHERE s.mode <> 'hybrid' AND x.p->'modes'->>w.id::text IS DISTINCT FROM NULL AND x.p->'modes'->>w.id::text <> s.mode::text) AS wrong
        FROM (SELECT DISTINCT y::uuid AS id FROM jsonb_array_elements_text(x.p->'sessions') y) w
        LEFT JOIN programme_sessions s ON s.id = w.id AND s.event_id = p_event AND NOT s.draft
    ) a
    CROSS JOIN LATERAL check_answers(p_questions, x.p->'answers') AS c(checked);

  -- Someone registered before keeps their seats: only the sessions they do not hold yet are
  -- wanted, and only those need an invitation. Whoever typed an address they neither hold nor are
  -- signed in with holds nothing of its registration: a `repeat`, which changes nothing and says
  -- nothing about it, and mails its owner their personal link (to add sessions from there).
  -- Planned at each call (EXECUTE), with a lateral lookup per person: a kept plan, made while the
  -- event had few registrations, may read every registration of the event (its index on event_id)
  -- for each batch, whose cost then grows with the event (docs/architecture.md, "Registrations").
  EXECUTE $q$
  SELECT jsonb_agg(r || jsonb_build_object(
           'reg', g.id, 'joinToken', g.join_token, 'created', false,
           'repeat', g.id IS NOT NULL AND g.id IS DISTINCT FROM (r->'p'->>'holder')::uuid
                     AND lower(r->'p'->>'email') IS DISTINCT FROM lower(r->'p'->>'provenEmail'),
           'held', coalesce(h.held, '[]'),
           'wanted', coalesce((SELECT jsonb_agg(i ORDER BY i::uuid) FROM jsonb_array_elements_text(r->'ids') i WHERE NOT coalesce(h.ids, '[]') @> jsonb_build_array(i)), '[]'),
           'invited', coalesce((SELECT jsonb_agg(i ORDER BY i::uuid) FROM jsonb_array_elements_text(r->'invited') i WHERE NOT coalesce(h.ids, '[]') @> jsonb_build_array(i)), '[]'))
         ORDER BY (r->>'n')::int)
    FROM jsonb_array_elements($1) r
    LEFT JOIN LATERAL (
      SELECT g.id, g.join_token FROM registrations g
       WHERE r->>'refusal' IS NULL AND g.event_id = $2 AND g.email = r->'p'->>'email' LIMIT 1
    ) g ON true
    LEFT JOIN LATERAL (
      SELECT jsonb_agg(to_jsonb(rs.session_id) ORDER BY rs.requested_at) AS ids,
             jsonb_agg(jsonb_build_object('sessionId', rs.session_id, 'status', rs.status, 'mode', rs.mode) ORDER BY rs.requested_at) AS held
        FROM registration_sessions rs WHERE rs.registration_id = g.id AND rs.status <> 'cancelled'
    ) h ON g.id IS NOT NULL
  $q$ INTO v_req USING v_req, p_event;

  -- Invitation-only sessions the person does not hold yet need a valid code of this event (for
  -- one session: that one only), used once more: its uses are counted in arrival order, and those
  -- past its `max_uses` are refused. The codes are locked (by id) until the end.
  PERFORM 1 FROM invitation_codes c
   WHERE c.event_id = p_event
     AND c.code IN (SELECT r->'p'->>'invitationCode' FROM jsonb_array_elements(v_req) r WHERE r->'invited' <> '[]')
   ORDER BY c.id FOR UPDATE;
  SELECT jsonb_agg(CASE WHEN q.refusal IS NULL THEN q.r || jsonb_build_object('code', q.code)
                        ELSE q.r || jsonb_build_object('refusal', q.refusal) END ORDER BY q.n)
    INTO v_req
    FROM (
      SELECT v.r, v.n, v.code,
             CASE WHEN v.checked IS NOT NULL THEN v.checked
                  WHEN v.code IS NOT NULL AND v.max_uses IS NOT NULL
                       AND v.uses + row_number() OVER (PARTITION BY v.code ORDER BY v.n) > v.max_uses THEN
                    registration_refusal(403, 'invitation_used_up', 'This invitation code has already been used.', '{"invitationCode": "used up"}')
             END AS refusal
        FROM (
          SELECT r, (r->>'n')::int AS n, c.uses, c.max_uses,
                 CASE WHEN needs AND c.id IS NOT NULL AND (c.session_id IS NULL OR r->'invited' = jsonb_build_array(c.session_id)) THEN c.id END AS code,
                 CASE WHEN NOT needs THEN NULL
                      WHEN r->'p'->>'invitationCode' IS NULL THEN
                        registration_refusal(403, 'invitation_required', 'This session is by invitation: an invitation code is needed.', '{"invitationCode": "required"}')
                      WHEN c.id IS NULL OR (c.session_id IS NOT NULL AND r->'invited' <> jsonb_build_array(c.session_id)) THEN
                        registration_refusal(403, 'invitation_invalid', 'This invitation code is not valid for these sessions.', '{"invitationCode": "invalid"}')
                 END AS checked
            FROM jsonb_array_elements(v_req) r
            CROSS JOIN LATERAL (SELECT r->>'refusal' IS NULL AND NOT (r->>'repeat')::boolean AND r->'invited' <> '[]' AS needs) k
            LEFT JOIN invitation_codes c ON needs AND c.code = r->'p'->>'invitationCode' AND c.event_id = p_event
        ) v
    ) q;

  -- (Add a new rule's refusal above this line, as one statement over `v_req`: what follows writes.
  -- A person it refuses spends no invitation use; put it before the codes if their place in a
  -- code's count should go to the next person.)

  -- The invitation codes' uses.
  UPDATE invitation_codes c SET uses = c.uses + u.k
    FROM (SELECT (r->>'code')::uuid AS id, count(*)::int AS k FROM jsonb_array_elements(v_req) r
           WHERE r->>'refusal' IS NULL AND r->>'code' IS NOT NULL GROUP BY 1) u
   WHERE c.id = u.id;

  -- New registrations; one made by the signed-in owner of its address is theirs, and proven, at once.
  WITH made AS (
    -- p.source (0035): what drove the registration (checked by the app), kept from its creation only.
    INSERT INTO registrations (event_id, name, email, answers, consent_at, updated_at, join_token, locale, user_id, email_proven_at, source)
    SELECT p_event, r->'p'->>'name', r->'p'->>'email', r->'answers', (r->'p'->>'at')::timestamptz, (r->'p'->>'at')::timestamptz,
           r->'p'->>'token', coalesce(r->'p'->>'locale', 'fr'), u.id, CASE WHEN u.id IS NOT NULL THEN (r->'p'->>'at')::timestamptz END,
           r->'p'->>'source'
      FROM jsonb_array_elements(v_req) r
      LEFT JOIN users u ON lower(r->'p'->>'email') = lower(r->'p'->>'provenEmail') AND lower(u.email) = lower(r->'p'->>'email')
     WHERE r->>'refusal' IS NULL AND r->>'reg' IS NULL
     ORDER BY (r->>'n')::int
    ON CONFLICT (event_id, email) DO NOTHING
    RETURNING id, email, join_token
  )
  SELECT jsonb_agg(CASE WHEN m.id IS NULL THEN r ELSE r || jsonb_build_object('reg', m.id, 'joinToken', m.join_token, 'created', true) END
                   ORDER BY (r->>'n')::int)
    INTO v_req
    FROM jsonb_array_elements(v_req) r LEFT JOIN made m ON r->>'reg' IS NULL AND m.email = r->'p'->>'email';
  SELECT string_agg(r->'p'->>'email', ', ') INTO v_lost FROM jsonb_array_elements(v_req) r WHERE r->>'refusal' IS NULL AND r->>'reg' IS NULL;
  IF v_lost IS NOT NULL THEN
    -- Registered by another transaction since this batch locked the e-mails (another process):
    -- the app runs each request of the batch again on its own.
    RAISE EXCEPTION 'registered meanwhile: %', v_lost USING ERRCODE = 'CH002';
  END IF;

  -- The same e-mail again, by its holder or owner: the registration as asked now.
  UPDATE registrations g
     SET name = r->'p'->>'name', answers = r->'answers', status = 'active',
         consent_at = (r->'p'->>'at')::timestamptz, updated_at = (r->'p'->>'at')::timestamptz,
         locale = coalesce(r->'p'->>'locale', g.locale)
    FROM jsonb_array_elements(v_req) r
   WHERE g.id = (r->>'reg')::uuid AND r->>'refusal' IS NULL AND NOT (r->>'repeat')::boolean AND NOT (r->>'created')::boolean;

  -- Every request mails the person their link (again): the public answer to a repeat withholds
  -- it. The key holds the time of the request, and the sessions it asked for (a repeat: `repeat`).
  INSERT INTO mail_outbox (kind, dedupe_key, registration_id)
  SELECT 'confirmation',
         'confirmation:' || (r->>'reg') || ':' || floor(extract(epoch FROM (r->'p'->>'at')::timestamptz) * 1000)::bigint || ':' ||
           CASE WHEN (r->>'repeat')::boolean THEN 'repeat'
                ELSE coalesce((SELECT string_agg(w, ',' ORDER BY w::uuid) FROM jsonb_array_elements_text(r->'wanted') w), '') END,
         (r->>'reg')::uuid
    FROM jsonb_array_elements(v_req) r
   WHERE r->>'refusal' IS NULL
  ON CONFLICT (dedupe_key) DO NOTHING;

  -- Seats: per session and mode, a free one for each person in arrival order (`take_seats`), then
  -- that mode's waiting list, whose order is the time of the request (`at`).
  WITH wanted AS (
    SELECT (r->>'n')::int AS n, (r->>'reg')::uuid AS reg, w::uuid AS sid, (r->'modes'->>w)::seat_mode AS mode,
           (r->'p'->>'at')::timestamptz AS at, CASE WHEN r->'invited' @> to_jsonb(w) THEN (r->>'code')::uuid END AS code
      FROM jsonb_array_elements(v_req) r, jsonb_array_elements_text(r->'wanted') w
     WHERE r->>'refusal' IS NULL AND NOT (r->>'repeat')::boolean
  ), asked AS (
    SELECT array_agg(sid) AS sids, array_agg(mode) AS modes, array_agg(k) AS ks
      FROM (SELECT sid, mode, count(*)::int AS k FROM wanted GROUP BY sid, mode ORDER BY sid, mode) a
  ), given AS (
    SELECT t.* FROM asked, take_seats(asked.sids, asked.modes, asked.ks) t
  ), seats AS (
    SELECT w.*, CASE WHEN row_number() OVER (PARTITION BY w.sid, w.mode ORDER BY w.n) <= g.granted
                     THEN 'confirmed' ELSE 'waitlisted' END::seat_status AS status
      FROM wanted w JOIN given g ON g.session_id = w.sid AND g.mode = w.mode
  ), written AS (
    INSERT INTO registration_sessions (registration_id, session_id, status, mode, requested_at, updated_at, invitation_code_id)
    SELECT reg, sid, status, mode, at, at, code FROM seats
    ON CONFLICT (registration_id, session_id) DO UPDATE
      SET status = excluded.status, mode = excluded.mode, requested_at = excluded.requested_at, updated_at = excluded.updated_at,
          invitation_code_id = excluded.invitation_code_id
  )
  SELECT jsonb_object_agg(n, seats) INTO v_new
    FROM (SELECT n, jsonb_agg(jsonb_build_object('sessionId', sid, 'status', status, 'mode', mode) ORDER BY sid) AS seats FROM seats GROUP BY n) s;

  -- The outcomes, in arrival order.
  RETURN (
    SELECT jsonb_agg(CASE
             WHEN r->>'refusal' IS NOT NULL THEN r->'refusal'
             WHEN (r->>'repeat')::boolean THEN jsonb_build_object('ok', jsonb_build_object(
               'created', false, 'mailed', true, 'id', r->'reg', 'joinToken', '', 'sessions', '[]'::jsonb, 'newSeats', '[]'::jsonb))
             ELSE jsonb_build_object('ok', jsonb_build_object(
               'created', r->'created', 'id', r->'reg', 'joinToken', r->'joinToken',
               'sessions', (r->'held') || coalesce(v_new->(r->>'n'), '[]'), 'newSeats', coalesce(v_new->(r->>'n'), '[]')))
           END ORDER BY (r->>'n')::int)
      FROM jsonb_array_elements(v_req) r);
END
$$;

-- Register a batch of people to one event, in arrival order, in one call (one round trip, one
-- transaction, one commit): the app's only way to register someone (a lone request is a batch of
-- one). p_people: [{ email, name, answers, sessions, invitationCode?, at, token, … }] (shape
-- checked by the app's zod schema; see `register_set`). Returns one outcome per person, in the
-- same order: a refusal is that person's answer only.
--
-- The rules run set-based over the batch (`register_set`: one statement per rule for all its
-- people). The same e-mail twice in a batch is two requests of which the second sees the first:
-- the batch is cut before each e-mail seen earlier in it, and its parts run one after the other,
-- in order (usually there is one part).
--
-- Plans: the app's connections use custom plans (db/client.ts) so that a foreign-key check
-- planned while `registrations` was nearly empty is never kept as a scan of the whole table.
-- Here the plans may be kept (no re-planning of the statements and the foreign-key checks they
-- fire), and sequential scans are off, so a kept plan is always an index lookup. An index lookup
-- is not enough where the index is the event's: a plan kept from when the event had no
-- registrations read all of them, through `event_id`, at every batch once it had thousands. The
-- two statements that find registrations by e-mail are therefore planned at each call (EXECUTE),
-- one lookup per e-mail (`test/integration/registrations.test.ts`, "as the event grows").
CREATE OR REPLACE FUNCTION register_people(p_slug text, p_people jsonb) RETURNS jsonb
LANGUAGE plpgsql
SET plan_cache_mode = auto
SET enable_seqscan = off
AS $$
DECLARE
  v_event uuid;
  v_questions jsonb;
  v_part jsonb;
  v_out jsonb := '[]';
BEGIN
  SELECT e.id INTO v_event FROM events e WHERE e.slug = p_slug;
  IF NOT FOUND THEN
    RETURN (SELECT jsonb_agg(registration_refusal(404, 'event_not_found', 'No such event.')) FROM jsonb_array_elements(p_people));
  END IF;
  v_questions := event_questions_json(v_event)::jsonb;

  -- Locks, once per batch: the registrations of these e-mails, then the sessions asked for, each
  -- in order (held to commit), so two batches on the same sessions queue instead of deadlocking.
  -- (The registrations: planned at each call, one lookup per e-mail, as in `register_set`.)
  EXECUTE $q$
    SELECT count(*) FROM (SELECT DISTINCT x->>'email' AS email FROM jsonb_array_elements($1) x ORDER BY 1) e,
           LATERAL (SELECT g.id FROM registrations g WHERE g.event_id = $2 AND g.email = e.email LIMIT 1 FOR UPDATE) l
  $q$ USING p_people, v_event;
  PERFORM 1 FROM programme_sessions s
   WHERE s.event_id = v_event AND s.id IN (SELECT y::uuid FROM jsonb_array_elements(p_people) x, jsonb_array_elements_text(x->'sessions') y)
   ORDER BY s.id FOR NO KEY UPDATE;

  FOR v_part IN
    SELECT jsonb_agg(q.x ORDER BY q.n)
      FROM (SELECT d.x, d.n, sum(CASE WHEN d.k > 1 THEN 1 ELSE 0 END) OVER (ORDER BY d.n) AS part
              FROM (SELECT x, n, row_number() OVER (PARTITION BY x->>'email' ORDER BY n) AS k
                      FROM jsonb_array_elements(p_people) WITH ORDINALITY AS t(x, n)) d) q
     GROUP BY q.part ORDER BY q.part
  LOOP
    v_out := v_out || register_set(v_event, v_questions, v_part);
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
