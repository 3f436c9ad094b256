-- One person, one identity (docs/architecture.md, "Identity"): a registration belongs to the
-- account with the same e-mail (case-insensitive), and whatever live rooms recorded under the
-- registration's key (`registration:<id>`) moves to the account's key (`user:<id>`) when the two
-- are linked, in the same transaction, so that sanctions, votes, authorship, rate limits and
-- promotions follow the person. The database keeps the link itself, whichever code path writes:
--   * a new account (magic-link sign-in, a role granted by e-mail, the seed) links the
--     registrations already made with its e-mail (trigger on `users`);
--   * a new registration made with an account's e-mail is linked at once (trigger on
--     `registrations`, so that `register_batch` and `registerOne` need nothing more); it has
--     nothing recorded under its own key yet.

-- Link the registrations made with this account's e-mail, and move what was keyed by each of
-- them to the account. Votes and reactions both identities made are kept once (and the
-- question's vote count follows). Every statement is confined to the sessions of the
-- registration's event (a registration key exists nowhere else), so that it uses their indexes.
CREATE OR REPLACE FUNCTION link_registrations(p_user text) RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
  r record;
  v_user_key text := 'user:' || p_user;
  v_key text;
  v_sessions uuid[];
BEGIN
  FOR r IN
    UPDATE registrations g SET user_id = p_user
      FROM users u
     WHERE u.id = p_user AND lower(g.email) = lower(u.email) AND g.user_id IS NULL
    RETURNING g.id, g.event_id
  LOOP
    v_key := 'registration:' || r.id;
    v_sessions := ARRAY(SELECT s.id FROM programme_sessions s WHERE s.event_id = r.event_id);

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
  END LOOP;
END
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION users_link_registrations() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  PERFORM link_registrations(NEW.id);
  RETURN NULL;
END
$$;
--> statement-breakpoint

CREATE OR REPLACE TRIGGER users_link_registrations AFTER INSERT ON users
  FOR EACH ROW EXECUTE FUNCTION users_link_registrations();
--> statement-breakpoint

CREATE OR REPLACE FUNCTION registrations_link_user() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  IF NEW.user_id IS NULL THEN
    NEW.user_id := (SELECT u.id FROM users u WHERE lower(u.email) = lower(NEW.email) ORDER BY u.created_at LIMIT 1);
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint

CREATE OR REPLACE TRIGGER registrations_link_user BEFORE INSERT ON registrations
  FOR EACH ROW EXECUTE FUNCTION registrations_link_user();
--> statement-breakpoint

-- Accounts and registrations that met before this migration.
SELECT link_registrations(u.id) FROM users u;
