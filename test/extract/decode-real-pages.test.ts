import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { decodeHtmlBytes } from '../../src/extract/decode.js'
import { extractHtml } from '../../src/extract/extract-html.js'

/**
 * Real pages (UTF-8 in the data sets) re-encoded in a legacy charset with iconv-lite, then decoded
 * through each path: <meta charset>, <meta http-equiv>, HTTP Content-Type only, no declaration at
 * all (the detector), and a BOM (UTF-16LE). What we extract must equal what we extract from the
 * UTF-8 original. Characters the charset cannot hold are written as numeric character references
 * first (as browsers do in forms), in the original too, so both sides hold the same text.
 */
const data = fileURLToPath(new URL('../../../shared/data/extraction/', import.meta.url))
const present = existsSync(data)
if (!present) console.log(`decode-real-pages: ${data} absent, skipped`)

const pages = [
  // [name, loader, legacy encoding, iconv name decodeHtmlBytes reports]
  { name: 'lemonde-1 (French)', html: () => readFileSync(`${data}readability-test-pages/lemonde-1/source.html`, 'utf8'), enc: 'iso-8859-1', reported: 'windows-1252' },
  { name: 'hukumusume (Japanese)', html: () => readFileSync(`${data}readability-test-pages/hukumusume/source.html`, 'utf8'), enc: 'shift_jis', reported: 'shift_jis' },
  {
    name: 'vse-diety.com (Russian, Zyte)',
    html: () => gunzipSync(readFileSync(`${data}zyte-benchmark/html/ff0f958ade714ebfaf5c0b42b1c0152a62063f4e6f72141406ccefc4a2677f21.html.gz`)).toString('utf8'),
    enc: 'windows-1251',
    reported: 'windows-1251',
  },
]

/** The page without any charset declaration, with characters `enc` cannot hold as `&#x…;`. */
function prepare(html: string, enc: string): string {
  const bare = html.replace(/<meta\b[^>]*charset[^>]*>/gi, '')
  const ok = new Map<string, boolean>()
  let out = ''
  for (const ch of bare) {
    let fits = ok.get(ch)
    if (fits === undefined) ok.set(ch, (fits = ch.charCodeAt(0) < 0x80 || iconv.decode(iconv.encode(ch, enc), enc) === ch))
    out += fits ? ch : `&#x${ch.codePointAt(0)!.toString(16)};`
  }
  return out
}

const withMeta = (html: string, meta: string) => html.replace(/<head[^>]*>/i, (h) => `${h}${meta}`)

describe.skipIf(!present)('decoding real pages in legacy charsets', () => {
  for (const p of pages) {
    describe(p.name, () => {
      const url = 'https://example.com/page'
      // Read lazily: a skipped suite's body still runs to collect its tests, without ../shared.
      let loaded: { html: string; want: ReturnType<typeof extractHtml> } | undefined
      const load = () => {
        if (!loaded) {
          const html = prepare(p.html(), p.enc)
          loaded = { html, want: extractHtml(html, { url }) }
        }
        return loaded
      }
      const same = (text: string) => {
        const got = extractHtml(text, { url })
        expect(got.title).toBe(load().want.title)
        expect(got.text).toBe(load().want.text)
      }

      it('the original gives a title and text to compare with', () => {
        expect(load().want.title).toBeTruthy()
        expect(load().want.text.length).toBeGreaterThan(200)
        expect(load().html).not.toMatch(/charset/i)
      })

      it(`<meta charset="${p.enc}">`, () => {
        const out = decodeHtmlBytes(iconv.encode(withMeta(load().html, `<meta charset="${p.enc}">`), p.enc))
        expect(out.encoding).toBe(p.reported)
        same(out.text)
      })

      it('<meta http-equiv="Content-Type">', () => {
        const out = decodeHtmlBytes(iconv.encode(withMeta(load().html, `<meta http-equiv="Content-Type" content="text/html; charset=${p.enc}">`), p.enc))
        expect(out.encoding).toBe(p.reported)
        same(out.text)
      })

      it('HTTP Content-Type only', () => {
        const out = decodeHtmlBytes(iconv.encode(load().html, p.enc), `text/html; charset=${p.enc.toUpperCase()}`)
        expect(out.encoding).toBe(p.reported)
        same(out.text)
      })

      it('HTTP header wins over a wrong meta', () => {
        const out = decodeHtmlBytes(iconv.encode(withMeta(load().html, '<meta charset="utf-8">'), p.enc), `text/html; charset=${p.enc}`)
        same(out.text)
      })

      it('no declaration: the detector', () => {
        const out = decodeHtmlBytes(iconv.encode(load().html, p.enc))
        same(out.text)
      })

      it('UTF-16LE with a BOM, despite a wrong meta', () => {
        const body = iconv.encode(withMeta(p.html(), `<meta charset="${p.enc}">`), 'utf-16le')
        const out = decodeHtmlBytes(new Uint8Array([0xff, 0xfe, ...body]))
        expect(out.encoding).toBe('utf-16le')
        const got = extractHtml(out.text, { url })
        const orig = extractHtml(p.html(), { url })
        expect(got.title).toBe(orig.title)
        expect(got.text).toBe(orig.text)
      })
    })
  }
})
