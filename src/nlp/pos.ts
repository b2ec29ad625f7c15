/**
 * Part-of-speech tags and lemmas for the tokens of a document, from `wink-pos-tagger` (MIT; a
 * Penn-Treebank tagger with its lexicon in the package, no network). The quote tagger reads them as
 * features: the verb before a token ("opposed", "would vote for") tells an attribution whose cue is not
 * in the lexicon, and tag sequences tell a clause from a noun phrase.
 */
import { createRequire } from 'node:module'
import type { Token } from '../core/types.js'

interface WinkToken {
  value: string
  pos: string
  lemma?: string
}
interface WinkTagger {
  tagRawTokens(tokens: string[]): WinkToken[]
}

let tagger: WinkTagger | undefined
function winkTagger(): WinkTagger {
  if (!tagger) {
    const make = createRequire(import.meta.url)('wink-pos-tagger') as () => WinkTagger
    tagger = make()
  }
  return tagger
}

const CONTRACTION = /^(.+?)(?:n[’']t|[’'](?:s|re|ll|ve|d|m))$/i
const NEGATED: Record<string, string> = { ca: 'can', wo: 'will', sha: 'shall' }
/** Clitics the tokenizer splits off ("do" + "n't", "Trump" + "'s"), as the words the tagger knows. */
const CLITICS: Record<string, string> = { "n't": 'not', "'s": "'s", "'re": 'are', "'ll": 'will', "'ve": 'have', "'d": 'would', "'m": 'am' }
const QUOTE_MARKS = /^[“”„«»"]$|^[‘’']{1,2}$/

/**
 * The word the tagger sees for one of our tokens: a split-off clitic is its word ("n't" → "not"), a
 * contraction left whole is its first part ("don't" → "do", "can't" → "can"), quotation marks are `"`,
 * dashes `--`.
 */
function taggerWord(t: string): string {
  const clitic = CLITICS[t.replace('’', "'").toLowerCase()]
  if (clitic) return clitic
  if (QUOTE_MARKS.test(t)) return '"'
  if (/^[—–]+$/.test(t)) return '--'
  const m = CONTRACTION.exec(t)
  if (m) return NEGATED[m[1]!.toLowerCase()] ?? m[1]!
  return t
}

export interface PosTags {
  /** Penn Treebank tag per token ("NNP", "VBD", …). */
  pos: string[]
  /** Lemma per token (lower case; the word itself where the tagger gives none). */
  lemma: string[]
}

/** Tags and lemmas of `tokens`, one each. */
export function posTags(tokens: readonly Token[]): PosTags {
  if (!tokens.length) return { pos: [], lemma: [] }
  const tagged = winkTagger().tagRawTokens(tokens.map((t) => taggerWord(t.text)))
  const pos: string[] = new Array<string>(tokens.length)
  const lemma: string[] = new Array<string>(tokens.length)
  for (let i = 0; i < tokens.length; i++) {
    const w = tagged[i]
    pos[i] = w?.pos ?? 'NN'
    lemma[i] = (w?.lemma ?? w?.value ?? tokens[i]!.text).toLowerCase()
  }
  return { pos, lemma }
}
