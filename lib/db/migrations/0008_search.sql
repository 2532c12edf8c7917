-- Worker search that stays fast and tolerant at a million workers (lib/server/queries/workers.ts).
-- Names, phones and document numbers are stored as search keys next to what was entered, by SQL
-- functions that mirror lib/domain/search-normalise.ts step for step (tests/db/search.test.ts
-- checks that they agree), and found through trigram and prefix indexes instead of a scan.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE FUNCTION rw_fold_name(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT btrim(regexp_replace(regexp_replace(translate(regexp_replace(regexp_replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(translate(translate(t, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), 'абвгдеёжзийклмнопрстуфхцчшщыэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЫЭЮЯўқғҳҷӣӯәөүұңіһЎҚҒҲҶӢӮӘӨҮҰҢІҺşçğöüıñéäəžščōūáíóúŞÇĞÖÜİÑÉÄƏŽŠČŌŪÁÍÓÚ-.,ъьЪЬ''`ʻʼ’‘', 'abvgdeejziiklmnoprstufhccwwieuaabvgdeejziiklmnoprstufhccwwieuaokghjiuaouunihokghjiuaouunihwcgouineaajwcouaiouwcgouineaajwcouaiou   '), 'shch', 'w'), 'dzh', 'j'), 'dj', 'j'), 'zh', 'j'), 'kh', 'h'), 'gh', 'g'), 'sh', 'w'), 'ch', 'c'), 'ts', 'c'), 'ph', 'f'), 'x', 'h'), 'q', 'k'), '[^a-z ]+', '', 'g'), 'y([aeiou])', '\1', 'g'), 'y', 'i'), '([a-z])\1+', '\1', 'g'), ' +', ' ', 'g'), ' ')
$$;
CREATE FUNCTION rw_name_skeleton(folded text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT regexp_replace(translate(regexp_replace(folded, '(\S)[aeiou]+', '\1', 'g'), 'gdbzv', 'ktpsf'), '([a-z])\1+', '\1', 'g')
$$;
CREATE FUNCTION rw_document_key(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT regexp_replace(translate(translate(t, 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), 'АВЕКМНОРСТУХавекмнорстух', 'ABEKMHOPCTYXABEKMHOPCTYX'), '[^A-Z0-9]+', '', 'g')
$$;
CREATE FUNCTION rw_phone_key(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN length(d) = 11 AND left(d, 1) = '8' THEN '7' || substr(d, 2)
    WHEN length(d) = 10 AND left(d, 1) = '9' THEN '7' || d ELSE d END
  FROM (SELECT regexp_replace(t, '[^0-9]+', '', 'g') AS d) x
$$;

-- Both spellings of the name in one key: a worker is found by either, in any word order. Rows are
-- found by the consonant skeleton (tolerant of vowels and voicing) and ranked by the folded name.
ALTER TABLE workers ADD COLUMN name_key text
  GENERATED ALWAYS AS (rw_fold_name(full_name_latin || ' ' || COALESCE(full_name_cyrillic, ''))) STORED;
ALTER TABLE workers ADD COLUMN name_skeleton text
  GENERATED ALWAYS AS (rw_name_skeleton(rw_fold_name(full_name_latin || ' ' || COALESCE(full_name_cyrillic, '')))) STORED;
ALTER TABLE workers ADD COLUMN phone_key text GENERATED ALWAYS AS (rw_phone_key(phone)) STORED;
ALTER TABLE workers ADD COLUMN document_key text GENERATED ALWAYS AS (rw_document_key(document_number)) STORED;
CREATE INDEX workers_name_skeleton_trgm_idx ON workers USING gin (name_skeleton gin_trgm_ops);
CREATE INDEX workers_phone_key_trgm_idx ON workers USING gin (phone_key gin_trgm_ops);
CREATE INDEX workers_document_key_idx ON workers (document_key text_pattern_ops);
-- Replaced by the keys above; the Latin name index stays for the alphabetical listing.
DROP INDEX workers_name_cyr_idx;
