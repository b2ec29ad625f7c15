import type { Store } from './store.js'

/** Where the store is when `--db` is not given. */
export const DEFAULT_STORE_PATH = './data/newsgraph.db'

/** A store spec that is neither a file path nor a postgres:// URL (a usage error, not a database one). */
export class StoreSpecError extends Error {
  override readonly name = 'StoreSpecError'
}

/** Is a store spec a `scheme://` URL (postgres or not), rather than a file path? */
export function isStoreUrl(spec: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(spec)
}

/**
 * Opens a store: a file path (SQLite, created with its folder when missing) or a
 * `postgres://` / `postgresql://` URL (optionally `?schema=name`). Anything else that looks like a
 * URL is refused: `cannot open store "mysql://db/news": expected a file path or a postgres:// URL`.
 *
 * @example const store = await openStore(process.env.NEWSGRAPH_DB ?? DEFAULT_STORE_PATH)
 */
export async function openStore(spec: string = DEFAULT_STORE_PATH): Promise<Store> {
  if (/^postgres(?:ql)?:\/\//i.test(spec)) {
    const { openPostgresStore } = await import('./postgres/postgres-store.js')
    return openPostgresStore(spec)
  }
  if (spec.trim() === '' || isStoreUrl(spec))
    throw new StoreSpecError(`cannot open store "${spec}": expected a file path or a postgres:// URL`)
  const { openSqliteStore } = await import('./sqlite/sqlite-store.js')
  try {
    return await openSqliteStore(spec)
  } catch (err) {
    throw new Error(`cannot open store "${spec}": ${(err as Error).message}`)
  }
}
