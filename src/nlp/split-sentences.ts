import type { Span, Token } from '../core/types.js'
import { isAbbreviation, isTitleAbbreviation } from './tokenize.js'

const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»'])
const ENDERS = new Set(['.', '!', '?', '…', '...'])
/**
 * Words that open a sentence rather than go on with a name after an abbreviation ("in the U.S. While
 * Clinton …", "the U.S. His …"; not "U.S. Senate").
 */
const SENTENCE_OPENERS = /^(?:The|A|An|He|She|It|They|We|I|You|But|And|In|On|At|This|That|There|These|Those|His|Her|Their|Its|Our|My|While|When|If|After|As|Although|Though|Since|Because|However|Still|Yet|So|Meanwhile|Then|Now|Even|Some|Many|Most|Asked|Instead|Earlier|Later)$/

/**
 * Splits text into sentences, given its tokens.
 *
 * A sentence ends at a line break, or after ".", "!", "?" or "…" (with any closing quotes and brackets
 * that follow) when the next token starts with an upper-case letter, a digit or an opening quote.
 * A period that belongs to an abbreviation ends a sentence only if the abbreviation is not a title
 * and the next word is capitalised and not a name-like continuation ("U.S. officials" stays whole only
 * when lower-case follows; "in the U.S. The next day" splits).
 *
 * Returned spans are trimmed of surrounding white space and never empty.
 */
export function splitSentences(text: string, tokens: readonly Token[]): Span[] {
  const spans: Span[] = []
  let start = -1
  let last = -1
  const close = (end: number) => {
    if (start >= 0 && end > start) spans.push({ start, end })
    start = -1
  }
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!
    if (start >= 0 && last >= 0 && text.slice(last, tok.start).includes('\n')) close(last)
    if (start < 0) start = tok.start
    last = tok.end
    const isEnd = ENDERS.has(tok.text) || (isAbbreviation(tok.text) && !isTitleAbbreviation(tok.text) && tok.text.length > 2)
    if (!isEnd) continue
    let j = i + 1
    while (j < tokens.length && CLOSERS.has(tokens[j]!.text) && tokens[j]!.start === tokens[j - 1]!.end) j++
    const next = tokens[j]
    if (!next) continue
    const first = next.text[0] ?? ''
    const startsSentence = /[\p{Lu}\p{N}"“‘'(\[]/u.test(first)
    if (!startsSentence) continue
    // ("… around 2 a.m. "It shook the whole house," she said.": a time before an opening quotation mark ends it.)
    const timeThenQuote = /^[ap]\.m\.$/i.test(tok.text) && /^["“‘]$/.test(next.text)
    if (isAbbreviation(tok.text) && !timeThenQuote && !SENTENCE_OPENERS.test(next.text)) continue
    const endTok = tokens[j - 1]!
    i = j - 1
    last = endTok.end
    close(endTok.end)
  }
  if (start >= 0) close(last)
  return spans
}
