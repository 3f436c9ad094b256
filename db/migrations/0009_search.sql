-- Full-text search over paths, resources and programme sessions (db/queries/search.ts).
-- Hand-written and idempotent: every statement can run again on a database that already has it.
--
-- Two text search configurations, both accent-insensitive: `chemins_fr` (French stemming) and
-- `chemins_en` (English stemming); a row is indexed under the configuration of its `language`
-- (`en` → English, anything else → French). A query is matched under both.
-- PGlite loads the `unaccent` contrib extension itself (db/client.ts); on Postgres it ships with
-- the server packages (Debian: postgresql-15 / postgresql-contrib).

CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'chemins_fr') THEN
    CREATE TEXT SEARCH CONFIGURATION public.chemins_fr (COPY = pg_catalog.french);
    ALTER TEXT SEARCH CONFIGURATION public.chemins_fr
      ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, pg_catalog.french_stem;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'chemins_en') THEN
    CREATE TEXT SEARCH CONFIGURATION public.chemins_en (COPY = pg_catalog.english);
    ALTER TEXT SEARCH CONFIGURATION public.chemins_en
      ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, pg_catalog.english_stem;
  END IF;
END
$$;
--> statement-breakpoint
-- The configuration of a language. Immutable (the configurations are fixed once made), so that
-- it can serve generated columns; schema-qualified so that it does not depend on search_path.
CREATE OR REPLACE FUNCTION public.chemins_search_config(lang text) RETURNS regconfig
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT CASE WHEN lang = 'en' THEN 'public.chemins_en'::regconfig ELSE 'public.chemins_fr'::regconfig END $$;
--> statement-breakpoint
-- A row's vector: title (weight A), summary (B), body (C).
CREATE OR REPLACE FUNCTION public.chemins_search_vector(lang text, a text, b text, c text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT setweight(to_tsvector(public.chemins_search_config(lang), coalesce(a, '')), 'A')
      || setweight(to_tsvector(public.chemins_search_config(lang), coalesce(b, '')), 'B')
      || setweight(to_tsvector(public.chemins_search_config(lang), coalesce(c, '')), 'C')
$$;
--> statement-breakpoint
-- A query typed by a person, matched under both configurations (never a syntax error).
CREATE OR REPLACE FUNCTION public.chemins_search_query(q text) RETURNS tsquery
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT websearch_to_tsquery('public.chemins_fr'::regconfig, q) || websearch_to_tsquery('public.chemins_en'::regconfig, q) $$;
--> statement-breakpoint
ALTER TABLE paths ADD COLUMN IF NOT EXISTS search tsvector
  GENERATED ALWAYS AS (public.chemins_search_vector(language, title, summary, description)) STORED;
--> statement-breakpoint
ALTER TABLE resources ADD COLUMN IF NOT EXISTS search tsvector
  GENERATED ALWAYS AS (public.chemins_search_vector(language, title, summary, body)) STORED;
--> statement-breakpoint
ALTER TABLE programme_sessions ADD COLUMN IF NOT EXISTS search tsvector
  GENERATED ALWAYS AS (public.chemins_search_vector(language, title, description, '')) STORED;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS paths_search_idx ON paths USING gin (search);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS resources_search_idx ON resources USING gin (search);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS programme_sessions_search_idx ON programme_sessions USING gin (search);
