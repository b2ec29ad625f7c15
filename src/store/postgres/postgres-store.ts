import type { Pool, PoolClient } from 'pg'
import { POSTGRES_MIGRATIONS } from '../migrations/postgres.js'
import { openSqlStore, type SqlStore, type ArticleInsert, type ArticleUpdate, type SqlDriver, type SqlRunner, type SqlValue } from '../sql-store.js'

/**
 * Opens a PostgreSQL store from a `postgres://` URL and applies any pending migrations.
 * A `schema` parameter in the URL (`postgres://host/db?schema=news`) keeps the tables in that
 * schema, created when missing; default `public`.
 *
 * @example const store = await openPostgresStore('postgres://root@127.0.0.1:5432/test?schema=news')
 */
export async function openPostgresStore(url: string): Promise<SqlStore> {
  const { default: pg } = await import('pg')
  const u = new URL(url)
  const schema = u.searchParams.get('schema')
  u.searchParams.delete('schema')
  if (schema !== null && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema))
    throw new Error(`cannot open store "${redact(url)}": schema "${schema}" must be letters, digits and _`)
  const pool = new pg.Pool({
    connectionString: u.toString(),
    max: 4,
    connectionTimeoutMillis: 10_000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  })
  pool.on('error', () => undefined) // an idle client's error surfaces on the next query instead
  try {
    const client = await pool.connect()
    try {
      if (schema) await client.query(`create schema if not exists ${schema}`)
      await migrate(client)
    } finally {
      client.release()
    }
  } catch (err) {
    await pool.end()
    throw new Error(`cannot open store "${redact(url)}": ${(err as Error).message}`)
  }
  return openSqlStore(createPostgresDriver(pool, redact(url)))
}

/** The URL without its password, for messages. */
function redact(url: string): string {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    return u.toString()
  } catch {
    return url
  }
}

/** `?` placeholders to `$1, $2, …` (our SQL has no `?` inside literals). */
function numbered(sql: string): string {
  let n = 0
  return sql.replace(/\?/g, () => `$${++n}`)
}

function runnerOf(q: Pool | PoolClient): SqlRunner {
  return {
    async all<T>(sql: string, params: readonly SqlValue[] = []) {
      const r = await q.query(numbered(sql), params as SqlValue[])
      return r.rows as T[]
    },
  }
}

/** The PostgreSQL driver over a `pg` pool the caller made. */
export function createPostgresDriver(pool: Pool, location: string): SqlDriver {
  return {
    dialect: 'postgres',
    capabilities: Object.freeze({ fullText: 'tsvector', concurrentWriters: true }),
    location,
    all: runnerOf(pool).all,
    async transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T> {
      const client = await pool.connect()
      try {
        await client.query('begin')
        const result = await fn(runnerOf(client))
        await client.query('commit')
        return result
      } catch (err) {
        await client.query('rollback').catch(() => undefined)
        throw err
      } finally {
        client.release()
      }
    },
    async insertArticle(tx: SqlRunner, r: ArticleInsert): Promise<number> {
      const [row] = await tx.all<{ seq: string }>(
        `insert into articles (id, hash, input_hash, simhash, sh0, sh1, sh2, sh3, sh4, sh5, sh6, duplicate_of, version, title, url, outlet, published, source, stored_at, analysis, input, raw_published, tsv)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, to_tsvector('english', ?)) returning seq`,
        [r.id, r.hash, r.inputHash, r.simhash?.hex ?? null, ...(r.simhash?.bands ?? [null, null, null, null, null, null, null]), r.duplicateOf, r.version, r.title, r.url, r.outlet, r.published, r.source, r.storedAt, r.json, r.input, r.rawPublished, `${r.title ?? ''}\n${r.text}`],
      )
      return Number(row!.seq)
    },
    async updateArticle(tx: SqlRunner, seq: number, r: ArticleUpdate): Promise<void> {
      await tx.all(
        `update articles set hash = ?, simhash = ?, sh0 = ?, sh1 = ?, sh2 = ?, sh3 = ?, sh4 = ?, sh5 = ?, sh6 = ?, version = ?, title = ?, url = ?, outlet = ?, published = ?, analysis = ?, raw_published = ?, tsv = to_tsvector('english', ?) where seq = ?`,
        [r.hash, r.simhash?.hex ?? null, ...(r.simhash?.bands ?? [null, null, null, null, null, null, null]), r.version, r.title, r.url, r.outlet, r.published, r.json, r.rawPublished, `${r.title ?? ''}\n${r.text}`, seq],
      )
    },
    searchSql: `select a.id, a.title, a.url, a.published, a.analysis::json->>'text' as text
      from articles a, plainto_tsquery('english', ?) query
      where a.tsv @@ query and a.duplicate_of is null order by ts_rank(a.tsv, query) desc, a.seq limit ?`,
    searchParam(query: string) {
      return /[\p{L}\p{N}]/u.test(query) ? query : null
    },
    // Quote text and speaker: LIKE on lower(), under pg_trgm GIN indexes when the extension is there.
    async indexQuotes() {},
    async unindexQuotes() {},
    quoteSearchSql: null,
    quoteSearchParam() {
      return null
    },
    isUniqueViolation(err: unknown) {
      return (err as { code?: string })?.code === '23505'
    },
    // Every write transaction counts itself in store_stats (see stats.ts), whichever process runs it.
    async version() {
      const r = await pool.query<{ n: string }>(`select n from store_stats where key = 'writes'`)
      return `w${r.rows[0]?.n ?? 0}`
    },
    async close() {
      await pool.end()
    },
  }
}

/** Applies pending migrations under an advisory lock, so two processes opening a new store do not race. */
async function migrate(client: PoolClient): Promise<void> {
  await client.query('begin')
  try {
    await client.query('select pg_advisory_xact_lock(4242006)')
    await client.query('create table if not exists migrations (version integer primary key, name text not null, applied_at text not null)')
    const applied = new Set((await client.query<{ version: number }>('select version from migrations')).rows.map((r) => r.version))
    for (const m of POSTGRES_MIGRATIONS) {
      if (applied.has(m.version)) continue
      await client.query(m.sql)
      await client.query('insert into migrations (version, name, applied_at) values ($1, $2, $3)', [m.version, m.name, new Date().toISOString()])
    }
    await client.query('commit')
  } catch (err) {
    await client.query('rollback').catch(() => undefined)
    throw err
  }
}
