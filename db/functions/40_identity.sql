-- The current source of these functions, applied after the migrations at every start
-- (db/functions/README.md): change them here, not in a migration.
--
-- Proven addresses and linking registrations to accounts (docs/security.md, "Proven addresses").

-- Link one proven registration to an account, moving what live rooms recorded under the
-- registration's key to the account's.
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
  UPDATE session_note_updates SET actor_key = v_user_key WHERE session_id = ANY (v_sessions) AND actor_key = v_key;
END
$$;

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
