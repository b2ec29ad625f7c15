import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { DEFAULT_STORE_PATH } from '../store/open-store.js'

/** The token that writes (`POST /api/articles`) need, and where it came from. */
export interface ApiToken {
  token: string
  /** `env`: NEWSGRAPH_TOKEN; `file`: read from `file`; `created`: generated now and written to `file`. */
  origin: 'env' | 'file' | 'created'
  file: string | null
}

/** Where the token file is kept: next to an SQLite store, else in the default store's folder. */
export function tokenFileFor(storeSpec: string): string {
  const isPath = !/^[a-z][a-z0-9+.-]*:\/\//i.test(storeSpec) && storeSpec !== ':memory:'
  return join(dirname(isPath ? storeSpec : DEFAULT_STORE_PATH), 'newsgraph.token')
}

/**
 * The API token: `NEWSGRAPH_TOKEN` when set, else the one in the token file next to the store
 * (`./data/newsgraph.token` for the default store), else a new random one (256 bits, base64url)
 * written there with mode 0600. A token file others may read is refused.
 *
 * @example const { token, origin } = loadApiToken('./data/newsgraph.db') // origin 'created' on the first start
 */
export function loadApiToken(storeSpec: string, env: NodeJS.ProcessEnv = process.env): ApiToken {
  const fromEnv = env.NEWSGRAPH_TOKEN?.trim()
  if (fromEnv) return { token: fromEnv, origin: 'env', file: null }
  const file = tokenFileFor(storeSpec)
  let existing: string | null = null
  try {
    existing = readFileSync(file, 'utf8').trim()
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`cannot read the API token ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`)
  }
  if (existing !== null) {
    if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0)
      throw new Error(`the API token ${file} may be read by others; run \`chmod 600 ${file}\` (or delete it to get a new one)`)
    if (existing.length < 16) throw new Error(`the API token in ${file} is too short (under 16 characters); delete the file to get a new one`)
    return { token: existing, origin: 'file', file }
  }
  const token = randomBytes(32).toString('base64url')
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, token + '\n', { mode: 0o600, flag: 'wx' })
  return { token, origin: 'created', file }
}
