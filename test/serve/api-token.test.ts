import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadApiToken, tokenFileFor } from '../../src/http/api-token.js'

describe('the API token', () => {
  it('is kept next to an SQLite store, else in ./data', () => {
    expect(tokenFileFor('/srv/news/store.db')).toBe('/srv/news/newsgraph.token')
    expect(tokenFileFor('postgres://db/news')).toBe(join('data', 'newsgraph.token'))
    expect(tokenFileFor(':memory:')).toBe(join('data', 'newsgraph.token'))
  })

  it('comes from NEWSGRAPH_TOKEN, else is created once (mode 0600) and then read back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsgraph-token-'))
    const db = join(dir, 'n.db')
    expect(loadApiToken(db, { NEWSGRAPH_TOKEN: ' set-by-env-0123456789 ' })).toEqual({ token: 'set-by-env-0123456789', origin: 'env', file: null })
    const created = loadApiToken(db, {})
    expect(created.origin).toBe('created')
    expect(statSync(created.file!).mode & 0o777).toBe(0o600)
    expect(readFileSync(created.file!, 'utf8')).toBe(created.token + '\n')
    expect(loadApiToken(db, {})).toEqual({ ...created, origin: 'file' })
  })

  it('refuses a token file others may read, or one too short', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsgraph-token-'))
    const file = join(dir, 'newsgraph.token')
    writeFileSync(file, 'a-long-enough-token-value\n', { mode: 0o644 })
    chmodSync(file, 0o644)
    expect(() => loadApiToken(join(dir, 'n.db'), {})).toThrow(`the API token ${file} may be read by others; run \`chmod 600 ${file}\``)
    writeFileSync(file, 'short\n')
    chmodSync(file, 0o600)
    expect(() => loadApiToken(join(dir, 'n.db'), {})).toThrow('is too short')
  })
})
