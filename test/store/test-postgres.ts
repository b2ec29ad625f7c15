import pg from 'pg'
import { afterAll } from 'vitest'

/** PostgreSQL for the tests: NEWSGRAPH_TEST_PG, else the local server (trust auth, database test). */
export const PG_URL = process.env.NEWSGRAPH_TEST_PG ?? 'postgres://root@127.0.0.1:5432/test'

/** A connected client, or null when no server answers within 2 s. */
export async function pgClient(): Promise<pg.Client | null> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 })
  try {
    await c.connect()
    return c
  } catch {
    return null
  }
}

/**
 * A schema of the calling test file's own (`<prefix>_<pid>_<time>`, plus any `suffixes`), dropped
 * after the file. `up` is false, with one note, when no server answers: the postgres half skips.
 */
export async function testSchema(prefix: string, suffixes: readonly string[] = []): Promise<{ up: boolean; schema: string }> {
  const schema = `${prefix}_${process.pid}_${Date.now().toString(36)}`
  const probe = await pgClient()
  const up = probe !== null
  await probe?.end()
  if (!up) console.log(`${prefix}: PostgreSQL not reachable at ${PG_URL}; skipping the postgres half`)
  afterAll(async () => {
    if (!up) return
    const c = await pgClient()
    for (const s of ['', ...suffixes]) await c?.query(`drop schema if exists ${schema}${s} cascade`)
    await c?.end()
  })
  return { up, schema }
}
