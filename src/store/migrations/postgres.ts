import type { Migration } from './migration.js'

/**
 * PostgreSQL schema, in order. Never edit an applied migration: add the next one.
 * `analysis` holds the analysis JSON text as produced (kept as text, not jsonb, so it comes back
 * byte for byte); `tsv` is the English full-text vector of title and text, under a GIN index.
 */
export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'articles, quotes, entities, full text',
    sql: `
create table articles (
  seq bigserial primary key,
  id text not null unique,
  hash text not null unique,
  input_hash text,
  simhash text,
  sh0 integer, sh1 integer, sh2 integer, sh3 integer, sh4 integer, sh5 integer, sh6 integer,
  duplicate_of text,
  version text not null,
  title text, url text, outlet text, published text,
  source text,
  stored_at text not null,
  analysis text not null,
  tsv tsvector not null
);
create index articles_input_hash on articles(input_hash);
create index articles_sh0 on articles(sh0);
create index articles_sh1 on articles(sh1);
create index articles_sh2 on articles(sh2);
create index articles_sh3 on articles(sh3);
create index articles_sh4 on articles(sh4);
create index articles_sh5 on articles(sh5);
create index articles_sh6 on articles(sh6);
create index articles_tsv on articles using gin(tsv);
create table quotes (
  article_seq bigint not null references articles(seq),
  quote_id text not null,
  kind text not null,
  text text not null,
  speaker text,
  speaker_kind text not null,
  speaker_entity text,
  source_kind text not null,
  primary key (article_seq, quote_id)
);
create index quotes_source_kind on quotes(source_kind);
create table entities (
  article_seq bigint not null references articles(seq),
  entity_id text not null,
  name text not null,
  type text not null,
  aliases text not null,
  roles text not null,
  mentions integer not null,
  primary key (article_seq, entity_id)
);
create index entities_name on entities(lower(name));
`,
  },
  {
    version: 2,
    name: 'articles.input: the original input, for reanalyze',
    sql: `
alter table articles add column input text;
`,
  },
  {
    version: 3,
    name: 'people: the same person across articles, with the rule that linked each mention',
    sql: `
create table people (
  id bigserial primary key,
  name text not null,
  split_from bigint references people(id),
  created_at text not null
);
create table person_links (
  article_seq bigint not null references articles(seq),
  entity_id text not null,
  person_id bigint not null references people(id),
  name text not null,
  norm text not null,
  given text not null,
  surname text not null,
  rule text not null,
  primary key (article_seq, entity_id)
);
create index person_links_person on person_links(person_id);
create index person_links_norm on person_links(norm);
create index person_links_surname on person_links(surname);
`,
  },
  {
    version: 4,
    name: 'indexes for the API: entity names and aliases, quote text, events and quote order precomputed',
    sql: `
create table entity_names (
  norm text not null,
  article_seq bigint not null references articles(seq),
  entity_id text not null,
  primary key (norm, article_seq, entity_id)
);
create index entity_names_article on entity_names(article_seq);
create table entity_terms (norm text primary key);
create table events (
  article_seq bigint not null references articles(seq),
  ord integer not null,
  event_id text not null,
  type text not null,
  ids text not null,
  denied_ids text,
  row text not null,
  primary key (article_seq, ord)
);
create index events_type on events(type, article_seq);
alter table quotes add column ord integer;
alter table quotes add column cited_kind text;
alter table articles add column raw_published text;
create table backfills (name text primary key);
insert into backfills (name) select 'api-index' where exists (select 1 from articles);
do $$
begin
  begin
    create extension if not exists pg_trgm;
  exception when others then null;
  end;
  if exists (select 1 from pg_opclass where opcname = 'gin_trgm_ops' and pg_opclass_is_visible(oid)) then
    create index quotes_text_trgm on quotes using gin (lower(text) gin_trgm_ops);
    create index quotes_speaker_trgm on quotes using gin (lower(speaker) gin_trgm_ops);
    create index entity_terms_trgm on entity_terms using gin (norm gin_trgm_ops);
  end if;
end $$;
`,
  },
  {
    version: 5,
    name: 'sources by article; the entities each event involves or denies; running totals for counts, entities and outlets',
    sql: `
create table sources (
  article_seq bigint not null references articles(seq),
  ord integer not null,
  source_id text not null,
  kind text not null,
  text text not null,
  entity text,
  count integer,
  description text,
  primary key (article_seq, ord)
);
create index sources_kind on sources(kind, article_seq);
create table event_entities (
  article_seq bigint not null references articles(seq),
  entity_id text not null,
  ord integer not null,
  primary key (article_seq, entity_id, ord)
);
create index articles_outlet on articles(outlet, seq);
create table store_stats (key text primary key, n bigint not null);
create table entity_stats (
  norm text primary key,
  name text not null,
  type text not null,
  articles integer not null,
  mentions integer not null
);
create index entity_stats_top on entity_stats(articles, mentions);
create index entity_stats_type_top on entity_stats(type, articles, mentions);
create table entity_norms (norm text primary key, articles integer not null, mentions integer not null);
create table entity_facets (
  norm text not null,
  facet text not null,
  value text not null,
  n integer not null,
  primary key (norm, facet, value)
);
create table outlet_stats (
  outlet text not null,
  month text not null,
  articles integer not null,
  anonymous_articles integer not null,
  quotes integer not null,
  anonymous_quotes integer not null,
  src_named integer not null,
  src_organization integer not null,
  src_outlet integer not null,
  src_document integer not null,
  src_anonymous integer not null,
  primary key (outlet, month)
);
insert into backfills (name) select 'api-index' where exists (select 1 from articles) and not exists (select 1 from backfills where name = 'api-index');
`,
  },
  {
    version: 6,
    name: 'quotes.act: what the attribution does (null for quotes stored before; reanalyze fills it)',
    sql: `
alter table quotes add column act text;
create index quotes_act on quotes(act);
`,
  },
]
