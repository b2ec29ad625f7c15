import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type BetterSqlite3 from 'better-sqlite3'
import type { Migration } from '../migrations/migration.js'
import { SQLITE_MIGRATIONS } from '../migrations/sqlite.js'
import { ftsWords } from '../rows.js'
import { SqlStore, type ArticleInsert, type ArticleUpdate, type SqlDriver, type SqlRunner, type SqlValue } from '../sql-store.js'

type Database = BetterSqlite3.Database

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
  return new SqlStore(createSqliteDriver(db, path))
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
  const runner: SqlRunner = {
    async all<T>(sql: string, params: readonly SqlValue[] = []) {
      const s = prepare(sql)
      if (s.reader) return s.all(...params) as T[]
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
        `insert into articles (id, hash, input_hash, simhash, sh0, sh1, sh2, sh3, sh4, sh5, sh6, duplicate_of, version, title, url, outlet, published, source, stored_at, analysis, input)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning seq`,
        [r.id, r.hash, r.inputHash, r.simhash?.hex ?? null, ...(r.simhash?.bands ?? [null, null, null, null, null, null, null]), r.duplicateOf, r.version, r.title, r.url, r.outlet, r.published, r.source, r.storedAt, r.json, r.input],
      )
      await tx.all('insert into articles_fts (rowid, title, text) values (?, ?, ?)', [row!.seq, r.title ?? '', r.text])
      return row!.seq
    },
    async updateArticle(tx: SqlRunner, seq: number, r: ArticleUpdate, old: { title: string | null; text: string }): Promise<void> {
      await tx.all(
        `update articles set hash = ?, simhash = ?, sh0 = ?, sh1 = ?, sh2 = ?, sh3 = ?, sh4 = ?, sh5 = ?, sh6 = ?, version = ?, title = ?, url = ?, outlet = ?, published = ?, analysis = ? where seq = ?`,
        [r.hash, r.simhash?.hex ?? null, ...(r.simhash?.bands ?? [null, null, null, null, null, null, null]), r.version, r.title, r.url, r.outlet, r.published, r.json, seq],
      )
      // A contentless FTS5 table forgets a row only when told its old values.
      await tx.all(`insert into articles_fts (articles_fts, rowid, title, text) values ('delete', ?, ?, ?)`, [seq, old.title ?? '', old.text])
      await tx.all('insert into articles_fts (rowid, title, text) values (?, ?, ?)', [seq, r.title ?? '', r.text])
    },
    searchSql: `select a.id, a.title, a.url, a.published, a.analysis
      from articles_fts f join articles a on a.seq = f.rowid
      where articles_fts match ? and a.duplicate_of is null order by bm25(articles_fts) limit ?`,
    searchParam(query: string) {
      const words = ftsWords(query)
      return words.length ? words.map((w) => `"${w}"`).join(' ') : null
    },
    isUniqueViolation(err: unknown) {
      return (err as { code?: string })?.code === 'SQLITE_CONSTRAINT_UNIQUE'
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
