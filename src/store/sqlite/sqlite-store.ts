import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type BetterSqlite3 from 'better-sqlite3'
import type { Migration } from '../migrations/migration.js'
import { SQLITE_MIGRATIONS } from '../migrations/sqlite.js'
import { ftsWords } from '../rows.js'
import type { QuoteRowData } from '../rows.js'
import { openSqlStore, QUOTE_COLUMNS, type SqlStore, type ArticleInsert, type ArticleUpdate, type SqlDriver, type SqlRunner, type SqlValue } from '../sql-store.js'

type Database = BetterSqlite3.Database

/** Quote rowids in the full-text table per article (see `indexQuotes`). */
const QUOTE_SLOTS = 65536

/**
 * Opens (creating it and its folder when missing) an SQLite store at `path`, in WAL mode, and
 * applies any pending migrations.
 *
 * @example const store = await openSqliteStore('./data/newsgraph.db')
 */
export async function openSqliteStore(path: string): Promise<SqlStore> {
  const { default: Sqlite } = await import('better-sqlite3')
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const db = new Sqlite(path)
  return openSqlStore(createSqliteDriver(db, path))
}

/**
 * The SQLite driver over a better-sqlite3 database the caller opened. WAL journal with
 * `synchronous = NORMAL`: a killed process loses at most the transaction it was in, never half of
 * one.
 */
export function createSqliteDriver(db: Database, location: string): SqlDriver {
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 10000')
  migrate(db, SQLITE_MIGRATIONS)
  const statements = new Map<string, BetterSqlite3.Statement>()
  const prepare = (sql: string) => {
    let s = statements.get(sql)
    if (!s) statements.set(sql, (s = db.prepare(sql)))
    return s
  }
  // Writes through this connection; `data_version` counts those of other connections.
  let writes = 0
  const runner: SqlRunner = {
    async all<T>(sql: string, params: readonly SqlValue[] = []) {
      const s = prepare(sql)
      if (s.reader) return s.all(...params) as T[]
      writes++
      s.run(...params)
      return [] as T[]
    },
  }
  // One connection: transactions must not interleave, so they queue.
  let queue: Promise<unknown> = Promise.resolve()
  return {
    dialect: 'sqlite',
    capabilities: Object.freeze({ fullText: 'fts5', concurrentWriters: false }),
    location,
    all: runner.all,
    transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T> {
      const run = async () => {
        db.exec('begin immediate')
        try {
          const result = await fn(runner)
          db.exec('commit')
          return result
        } catch (err) {
          if (db.inTransaction) db.exec('rollback')
          throw err
        }
      }
      const p = queue.then(run, run)
      queue = p.catch(() => undefined)
      return p
    },
    async insertArticle(tx: SqlRunner, r: ArticleInsert): Promise<number> {
      const [row] = await tx.all<{ seq: number }>(
        `insert into articles (id, hash, input_hash, simhash, sh0, sh1, sh2, sh3, sh4, sh5, sh6, duplicate_of, version, title, url, outlet, published, source, stored_at, analysis, input, raw_published)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning seq`,
        [r.id, r.hash, r.inputHash, r.simhash?.hex ?? null, ...(r.simhash?.bands ?? [null, null, null, null, null, null, null]), r.duplicateOf, r.version, r.title, r.url, r.outlet, r.published, r.source, r.storedAt, r.json, r.input, r.rawPublished],
      )
      await tx.all('insert into articles_fts (rowid, title, text) values (?, ?, ?)', [row!.seq, r.title ?? '', r.text])
      return row!.seq
    },
    async updateArticle(tx: SqlRunner, seq: number, r: ArticleUpdate, old: { title: string | null; text: string }): Promise<void> {
      await tx.all(
        `update articles set hash = ?, simhash = ?, sh0 = ?, sh1 = ?, sh2 = ?, sh3 = ?, sh4 = ?, sh5 = ?, sh6 = ?, version = ?, title = ?, url = ?, outlet = ?, published = ?, analysis = ?, raw_published = ? where seq = ?`,
        [r.hash, r.simhash?.hex ?? null, ...(r.simhash?.bands ?? [null, null, null, null, null, null, null]), r.version, r.title, r.url, r.outlet, r.published, r.json, r.rawPublished, seq],
      )
      // A contentless FTS5 table forgets a row only when told its old values.
      await tx.all(`insert into articles_fts (articles_fts, rowid, title, text) values ('delete', ?, ?, ?)`, [seq, old.title ?? '', old.text])
      await tx.all('insert into articles_fts (rowid, title, text) values (?, ?, ?)', [seq, r.title ?? '', r.text])
    },
    // Ranked first, text read after: only the rows kept have their analysis opened.
    searchSql: `select a.id, a.title, a.url, a.published, json_extract(a.analysis, '$.text') as text
      from (select f.rowid as seq, bm25(articles_fts) as score from articles_fts f join articles d on d.seq = f.rowid
            where articles_fts match ? and d.duplicate_of is null order by score limit ?) top
      join articles a on a.seq = top.seq order by top.score, a.seq`,
    searchParam(query: string) {
      const words = ftsWords(query)
      return words.length ? words.map((w) => `"${w}"`).join(' ') : null
    },
    // Quote text and speaker under a trigram index; a quote's rowid is its article's seq and its
    // position there (seq * 65536 + ord), so an article's quotes are found from its `quotes` rows.
    async indexQuotes(tx: SqlRunner, seq: number, quotes: readonly QuoteRowData[]): Promise<void> {
      for (const q of quotes) {
        if (q.ord >= QUOTE_SLOTS) break
        await tx.all('insert or replace into quotes_fts (rowid, text, speaker) values (?, ?, ?)', [seq * QUOTE_SLOTS + q.ord, q.text, q.speaker ?? ''])
      }
    },
    async unindexQuotes(tx: SqlRunner, seq: number): Promise<void> {
      // One rowid at a time: FTS5 would scan the whole table for a rowid range. (A row left over
      // when `quotes` rows went some other way is replaced by `indexQuotes`, or matches no quote.)
      const rows = await tx.all<{ ord: number }>('select ord from quotes where article_seq = ? and ord is not null and ord < ?', [seq, QUOTE_SLOTS])
      for (const r of rows) await tx.all('delete from quotes_fts where rowid = ?', [seq * QUOTE_SLOTS + r.ord])
    },
    quoteSearchSql: `select ${QUOTE_COLUMNS}
      from quotes_fts f join quotes q on q.article_seq = f.rowid / ${QUOTE_SLOTS} and q.ord = f.rowid % ${QUOTE_SLOTS}
      join articles a on a.seq = q.article_seq
      where quotes_fts match ? and a.duplicate_of is null order by f.rowid limit ?`,
    quoteSearchParam(query: string) {
      // Trigrams: a phrase of three characters or more matches as a substring, ignoring case.
      return [...query].length >= 3 ? `"${query.replace(/"/g, '""')}"` : null
    },
    isUniqueViolation(err: unknown) {
      return (err as { code?: string })?.code === 'SQLITE_CONSTRAINT_UNIQUE'
    },
    async version() {
      return `${db.pragma('data_version', { simple: true }) as number}.${writes}`
    },
    async close() {
      await queue
      db.close()
    },
  }
}

/** Applies the migrations not yet recorded in the `migrations` table, each in its own transaction. */
function migrate(db: Database, migrations: readonly Migration[]): void {
  db.exec('create table if not exists migrations (version integer primary key, name text not null, applied_at text not null)')
  const applied = new Set((db.prepare('select version from migrations').all() as { version: number }[]).map((r) => r.version))
  for (const m of migrations) {
    if (applied.has(m.version)) continue
    db.transaction(() => {
      // Another process may have applied it since the check above.
      if (db.prepare('select 1 from migrations where version = ?').get(m.version)) return
      db.exec(m.sql)
      db.prepare('insert into migrations (version, name, applied_at) values (?, ?, ?)').run(m.version, m.name, new Date().toISOString())
    }).immediate()
  }
}
