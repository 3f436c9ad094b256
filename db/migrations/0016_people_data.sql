-- People and organizations told apart (issue 18, docs/people.md). Re-runnable.
-- 1. Every existing person gets a key: the slug of their name (accents and case folded, so
--    "Bouere" and "Bouëre" share one); a second row with the same slug gets a numbered key and
--    waits for an organizer to merge it (db/queries/people.ts mergePeople).
WITH slugs AS (
  SELECT id, coalesce(nullif(trim(both '-' from regexp_replace(lower(public.unaccent(name)), '[^a-z0-9]+', '-', 'g')), ''), 'personne') AS slug
  FROM people WHERE key IS NULL
), numbered AS (
  SELECT id, slug, row_number() OVER (PARTITION BY slug ORDER BY id) AS n FROM slugs
)
UPDATE people p SET key = CASE WHEN n.n = 1 AND NOT EXISTS (SELECT 1 FROM people o WHERE o.key = n.slug) THEN n.slug ELSE n.slug || '-' || n.n || '-' || left(p.id::text, 4) END
FROM numbered n WHERE p.id = n.id;
--> statement-breakpoint
-- 2. Organizations that were stored as people to coordinate a path become organizations.
INSERT INTO organizations (key, name, kind)
SELECT DISTINCT p.key, p.name, 'network'::organization_kind
FROM path_coordinators pc JOIN people p ON p.id = pc.person_id
WHERE pc.kind = 'organization'
ON CONFLICT (key) DO NOTHING;
--> statement-breakpoint
INSERT INTO path_organizations (path_id, organization_id, position)
SELECT pc.path_id, o.id, pc.position
FROM path_coordinators pc JOIN people p ON p.id = pc.person_id JOIN organizations o ON o.key = p.key
WHERE pc.kind = 'organization'
ON CONFLICT DO NOTHING;
--> statement-breakpoint
DELETE FROM path_coordinators WHERE kind = 'organization';
--> statement-breakpoint
DELETE FROM people p
WHERE p.user_id IS NULL
  AND EXISTS (SELECT 1 FROM organizations o WHERE o.key = p.key)
  AND NOT EXISTS (SELECT 1 FROM path_coordinators pc WHERE pc.person_id = p.id)
  AND NOT EXISTS (SELECT 1 FROM session_people sp WHERE sp.person_id = p.id);
