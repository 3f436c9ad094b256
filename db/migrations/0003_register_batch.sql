-- Registrations written in batches (db/queries/registrations.ts, writeBatch): see docs/architecture.md.

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
--> statement-breakpoint

-- Write a batch of new registrations to one event, in one call (one round trip, one transaction).
--   p_input: [{ email, name, answers, at, token, sessions: [uuid], mail }], checked by the app.
--   p_sessions: every session the batch asks for.
-- Returns [{ id, email, joinToken, seats: [{ sessionId, status }] }] for the people written (an
-- e-mail already registered is left out: the app registers it on its own), or null when the
-- app's copy of the event is out of date (slug or questions changed); raises SQLSTATE CH001 when
-- a session is no longer open to the batch (cancelled, by invitation, moved): nothing is written.
--
-- The registrations and their confirmation mails are written first, with their foreign-key
-- checks, before any seat lock; only then are the sessions locked (in id order, as every writer
-- does, after its registrations) and the seats given: the free ones to the earliest requests,
-- the others on the waiting list.
--
-- Plans: the app's connections use custom plans (db/client.ts) so that a foreign-key check
-- planned while `registrations` was nearly empty is never kept as a scan of the whole table.
-- Here the plans may be kept (no re-planning of the foreign-key checks, four per registration),
-- and sequential scans are off, so a kept plan is always an index lookup.
CREATE OR REPLACE FUNCTION register_batch(p_event uuid, p_slug text, p_questions text, p_input jsonb, p_sessions uuid[])
RETURNS jsonb
LANGUAGE plpgsql
SET plan_cache_mode = auto
SET enable_seqscan = off
AS $$
#variable_conflict use_column
DECLARE
  regs jsonb;
  open_sessions int;
  result jsonb;
BEGIN
  IF NOT EXISTS (select 1 from events e where e.id = p_event and e.slug = p_slug)
     OR md5(event_questions_json(p_event)::text) IS DISTINCT FROM p_questions THEN
    RETURN NULL;
  END IF;

  WITH input AS (
    select * from jsonb_to_recordset(p_input) as i(email text, name text, answers jsonb, at timestamptz, token text, mail text)
  ),
  r AS (
    insert into registrations (event_id, name, email, answers, consent_at, updated_at, join_token)
    select p_event, name, email, answers, at, at, token from input order by email
    on conflict (event_id, email) do nothing
    returning id, email, join_token
  ),
  mailed AS (
    insert into mail_outbox (kind, dedupe_key, registration_id)
    -- no ON CONFLICT: the key holds the id of a registration made by this very statement
    select 'confirmation', 'confirmation:' || r.id || ':' || i.mail, r.id from r join input i on i.email = r.email
  )
  select coalesce(jsonb_agg(jsonb_build_object('id', r.id, 'email', r.email, 'joinToken', r.join_token)), '[]'::jsonb)
    into regs from r;

  IF cardinality(p_sessions) > 0 AND jsonb_array_length(regs) > 0 THEN
    select count(*) filter (where s.event_id = p_event and s.status <> 'cancelled' and s.visibility <> 'invitation')
      into open_sessions
      from (select id, event_id, status, visibility from programme_sessions
             where id = any(p_sessions) order by id for no key update) s;
    IF open_sessions <> cardinality(p_sessions) THEN
      RAISE EXCEPTION 'some sessions changed since the batch was checked' USING ERRCODE = 'CH001';
    END IF;
  END IF;

  WITH input AS (
    select * from jsonb_to_recordset(p_input) as i(email text, at timestamptz, sessions uuid[])
  ),
  r AS (
    select * from jsonb_to_recordset(regs) as x(id uuid, email text, "joinToken" text)
  ),
  wants AS (
    select r.id as registration_id, w.session_id, i.at,
           row_number() over (partition by w.session_id order by i.at) as rank
      from r join input i on i.email = r.email
     cross join lateral unnest(i.sessions) as w(session_id)
  ),
  decided AS (
    select w.registration_id, w.session_id, w.at,
           (case when s.capacity is null or s.confirmed_count + w.rank <= s.capacity
                 then 'confirmed' else 'waitlisted' end)::seat_status as status
      from wants w join programme_sessions s on s.id = w.session_id
  ),
  counted AS (
    update programme_sessions p set confirmed_count = p.confirmed_count + g.n
      from (select session_id, count(*)::int as n from decided where status = 'confirmed' group by session_id) g
     where p.id = g.session_id
  ),
  seated AS (
    insert into registration_sessions (registration_id, session_id, status, requested_at, updated_at)
    select registration_id, session_id, status, at, at from decided
  ),
  seats AS (
    select registration_id, jsonb_agg(jsonb_build_object('sessionId', session_id, 'status', status)) as seats
      from decided group by registration_id
  )
  select coalesce(jsonb_agg(jsonb_build_object('id', r.id, 'email', r.email, 'joinToken', r."joinToken",
                                               'seats', coalesce(s.seats, '[]'::jsonb))), '[]'::jsonb)
    into result from r left join seats s on s.registration_id = r.id;
  RETURN result;
END
$$;
