import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { decodeHtmlBytes, isValidUtf8 } from '../../src/extract/decode.js'

const page = (meta: string, body: string) => `<!doctype html><html><head>${meta}<title>t</title></head><body><p>${body}</p></body></html>`

// [encoding, sample text, iconv name expected back]
const cases: [string, string, string][] = [
  ['windows-1251', 'Лавров провёл переговоры в Нью-Йорке, сообщили источники.', 'windows-1251'],
  ['iso-8859-1', 'Le ministre a déclaré à la presse: « Ça suffit », à Genève.', 'windows-1252'],
  ['shift_jis', '外務大臣はニューヨークで会談したと報じられた。', 'shift_jis'],
]

describe('decodeHtmlBytes', () => {
  for (const [enc, text, expected] of cases) {
    it(`decodes ${enc} declared in <meta charset>`, () => {
      const bytes = iconv.encode(page(`<meta charset="${enc}">`, text), enc)
      const out = decodeHtmlBytes(bytes)
      expect(out.encoding).toBe(expected)
      expect(out.text).toContain(text)
    })
    it(`decodes ${enc} declared in <meta http-equiv>`, () => {
      const bytes = iconv.encode(page(`<meta http-equiv="Content-Type" content="text/html; charset=${enc}">`, text), enc)
      expect(decodeHtmlBytes(bytes).text).toContain(text)
    })
    it(`decodes ${enc} from the Content-Type header without any meta`, () => {
      const bytes = iconv.encode(page('', text), enc)
      expect(decodeHtmlBytes(bytes, `text/html; charset=${enc}`).text).toContain(text)
    })
  }

  it('guesses windows-1251 without any declaration (chardet)', () => {
    const text = 'Министр иностранных дел России Сергей Лавров провёл встречу с бывшими американскими чиновниками в Нью-Йорке. '.repeat(4)
    const out = decodeHtmlBytes(iconv.encode(page('', text), 'windows-1251'))
    expect(out.text).toContain(text.trim())
  })

  it('guesses Shift_JIS without any declaration (chardet)', () => {
    const text = '外務大臣はニューヨークで元政府高官らと会談したと米メディアが報じた。ロシア外務省はこれを否定した。'.repeat(3)
    const out = decodeHtmlBytes(iconv.encode(page('', text), 'shift_jis'))
    expect(out.text).toContain(text)
  })

  it('uses UTF-8 for valid UTF-8 without a declaration', () => {
    const out = decodeHtmlBytes(new TextEncoder().encode(page('', 'Zürich – Ελλάδα – 東京')))
    expect(out).toMatchObject({ encoding: 'utf-8' })
    expect(out.text).toContain('Zürich – Ελλάδα – 東京')
  })

  it('lets a BOM win over a wrong meta and strips it', () => {
    const body = new TextEncoder().encode(page('<meta charset="windows-1251">', 'Grüße'))
    const out = decodeHtmlBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...body]))
    expect(out.encoding).toBe('utf-8')
    expect(out.text.startsWith('<!doctype')).toBe(true)
    expect(out.text).toContain('Grüße')
  })

  it('prefers the HTTP header over the meta tag', () => {
    const bytes = iconv.encode(page('<meta charset="utf-8">', 'Привет, мир'), 'koi8-r')
    expect(decodeHtmlBytes(bytes, 'text/html; charset=KOI8-R').text).toContain('Привет, мир')
  })

  it('ignores an unknown charset label', () => {
    const out = decodeHtmlBytes(new TextEncoder().encode(page('<meta charset="x-no-such">', 'plain ascii')))
    expect(out.encoding).toBe('utf-8')
  })
})

describe('isValidUtf8', () => {
  it.each([
    [new TextEncoder().encode('héllo 東京'), true],
    [new Uint8Array([0x68, 0xe9, 0x6c]), false],
    [new Uint8Array([]), true],
    [new Uint8Array([0xc3]), false],
  ])('case %#', (bytes, expected) => {
    expect(isValidUtf8(bytes)).toBe(expected)
  })
})
