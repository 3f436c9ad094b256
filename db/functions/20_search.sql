-- The current source of these functions, applied after the migrations at every start
-- (db/functions/README.md): change them here, not in a migration.
--
-- Full-text search (db/queries/search.ts; the configurations `chemins_fr`, `chemins_en`, the
-- generated `search` columns and their indexes are in migration 0009). These functions compute
-- STORED generated columns: a change to what they return must also recompute those columns (in a
-- migration), or rows keep their old vectors.

-- The configuration of a language. Immutable (the configurations are fixed once made), so that
-- it can serve generated columns; schema-qualified so that it does not depend on search_path.
CREATE OR REPLACE FUNCTION public.chemins_search_config(lang text) RETURNS regconfig
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT CASE WHEN lang = 'en' THEN 'public.chemins_en'::regconfig ELSE 'public.chemins_fr'::regconfig END $$;

-- A row's vector: title (weight A), summary (B), body (C).
CREATE OR REPLACE FUNCTION public.chemins_search_vector(lang text, a text, b text, c text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT setweight(to_tsvector(public.chemins_search_config(lang), coalesce(a, '')), 'A')
      || setweight(to_tsvector(public.chemins_search_config(lang), coalesce(b, '')), 'B')
      || setweight(to_tsvector(public.chemins_search_config(lang), coalesce(c, '')), 'C')
$$;

-- A query typed by a person, matched under both configurations (never a syntax error).
CREATE OR REPLACE FUNCTION public.chemins_search_query(q text) RETURNS tsquery
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT websearch_to_tsquery('public.chemins_fr'::regconfig, q) || websearch_to_tsquery('public.chemins_en'::regconfig, q) $$;
