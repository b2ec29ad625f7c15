/**
 * Quote scorer, as specified in ../shared/data/quotes/README.md ("Scoring method").
 *
 * Word tokens are maximal runs of letters and digits with an internal `'`, `’` or `-`; a quote's
 * token set is the tokens whose first character lies in its content (fragments, or [start, end)).
 * Gold and predicted quotes are paired greedily by tokF1 (highest first, ties by earlier gold start).
 */

export interface ScoreSpan {
  start: number
  end: number
}

/** A quote as the scorer reads it (gold from the JSONL, or a prediction). */
export interface ScoreQuote extends ScoreSpan {
  kind?: string
  fragments?: readonly (readonly [number, number] | ScoreSpan)[]
  cue?: Partial<ScoreSpan> & { text?: string }
  speaker?: Partial<ScoreSpan> & { text?: string }
  /**
   * The speaker's canonical name: gold on data sets that resolve speakers (name mode), or for a
   * prediction the name of the entity the speaker was resolved to (else the mention's text).
   */
  speaker_name?: string | null
  /** A prediction's `speaker.kind` (person, organization, outlet, anonymous, unknown). */
  speaker_kind?: string
}

export interface Counts {
  gold: number
  pred: number
  /** Matches with tokF1 ≥ 0.5. */
  matched: number
  exact: number
  speakerStrict: number
  speakerLenient: number
  cueCorrect: number
  /** Joint true positives: matched and speaker correct (name mode where the gold quote has a name, else strict span mode). */
  joint: number
  /** Matched pairs whose gold quote has a `speaker_name` (name mode), and how many of them name the speaker right. */
  nameMatched: number
  nameCorrect: number
  goldByKind: Record<string, number>
  matchedByKind: Record<string, number>
  goldBySpeaker: Record<SpeakerType, number>
  matchedBySpeaker: Record<SpeakerType, number>
  jointBySpeaker: Record<SpeakerType, number>
  /** Matched gold quotes of an anonymous or group speaker whose predicted speaker has kind "anonymous". */
  groupAsAnonymous: number
  /**
   * A proxy for name mode on data without gold names (PolNeAR): matched quotes whose gold source phrase
   * holds a name (two or more capitalised words), and how many of them get a predicted name that agrees
   * with one of those names (`sameSpeakerName`).
   */
  namedInGold: number
  namedAgree: number
  /** Gold quotes whose cue is a speech or reporting verb ("said", "according to", ":", "told" …). */
  goldSpeech: number
  matchedSpeech: number
}

export type SpeakerType = 'named' | 'pronoun' | 'group' | 'none' | 'other'

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu

/** The word tokens of a text, as [start, end) pairs, in order. */
export function wordTokens(text: string): ScoreSpan[] {
  const out: ScoreSpan[] = []
  for (const m of text.matchAll(WORD)) out.push({ start: m.index, end: m.index + m[0].length })
  return out
}

function normSpans(q: ScoreQuote): ScoreSpan[] {
  if (q.fragments && q.fragments.length) return q.fragments.map((f) => ('start' in f ? { start: f.start, end: f.end } : { start: f[0], end: f[1] }))
  return [{ start: q.start, end: q.end }]
}

/** Indices of the tokens whose first character lies in one of the spans. */
export function tokenSet(tokens: readonly ScoreSpan[], spans: readonly ScoreSpan[]): Set<number> {
  const out = new Set<number>()
  for (const s of spans) {
    // binary search for the first token starting at or after s.start
    let lo = 0
    let hi = tokens.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (tokens[mid]!.start < s.start) lo = mid + 1
      else hi = mid
    }
    for (let i = lo; i < tokens.length && tokens[i]!.start < s.end; i++) out.add(i)
  }
  return out
}

export function tokF1(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size + b.size === 0) return 0
  let inter = 0
  for (const x of a) if (b.has(x)) inter++
  return (2 * inter) / (a.size + b.size)
}

/** Greedy one-to-one matching: highest tokF1 first, ties by earlier gold start; pairs with tokF1 ≥ `min`. */
export function matchQuotes(gold: readonly ScoreQuote[], pred: readonly ScoreQuote[], tokens: readonly ScoreSpan[], min = 0.5): { g: number; p: number; f1: number }[] {
  const gs = gold.map((q) => tokenSet(tokens, normSpans(q)))
  const ps = pred.map((q) => tokenSet(tokens, normSpans(q)))
  const pairs: { g: number; p: number; f1: number }[] = []
  for (let g = 0; g < gs.length; g++)
    for (let p = 0; p < ps.length; p++) {
      const f1 = tokF1(gs[g]!, ps[p]!)
      if (f1 >= min && f1 > 0) pairs.push({ g, p, f1 })
    }
  pairs.sort((a, b) => b.f1 - a.f1 || gold[a.g]!.start - gold[b.g]!.start || a.p - b.p)
  const usedG = new Set<number>()
  const usedP = new Set<number>()
  const out: { g: number; p: number; f1: number }[] = []
  for (const pr of pairs) {
    if (usedG.has(pr.g) || usedP.has(pr.p)) continue
    usedG.add(pr.g)
    usedP.add(pr.p)
    out.push(pr)
  }
  return out
}

const PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we', 'it', 'you', 'him', 'her', 'them', 'who', 'which', 'his', 'its', 'their', 'me', 'us', 'that'])
const GROUP = /\b(?:officials?|sources?|people|aides?|advisers?|advisors?|diplomats?|insiders?|staffers?|experts?|analysts?|critics?|observers?|lawmakers?|someone|persons?|familiar|anonymous|unnamed|spokesm[ae]n|spokeswom[ae]n|spokesperson|representatives?|members?|supporters?|voters?|residents?|witnesses?|americans|republicans|democrats|others|many|some)\b/i

/** The gold speaker's type: named (a capitalised name), pronoun, group/anonymous, none, other. */
export function speakerType(text: string | undefined): SpeakerType {
  if (text === undefined || text.trim() === '') return 'none'
  const t = text.trim()
  if (PRONOUNS.has(t.toLowerCase())) return 'pronoun'
  const words = t.split(/\s+/)
  const caps = words.filter((w, i) => /^\p{Lu}\p{Ll}/u.test(w) && !(i === 0 && /^(?:The|A|An|Some|Many|Two|Three|Four|Several|Senior|Former|Other|Campaign|Administration)$/.test(w)))
  if (GROUP.test(t) && caps.length <= 1 && !/^\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+$/u.test(t)) return 'group'
  if (caps.length) return 'named'
  return 'other'
}

const SPEECH_CUE = /\b(?:say|says|said|saying|tell|tells|told|telling|add|adds|added|adding|write|writes|wrote|writing|tweet(?:s|ed|ing)?|report(?:s|ed|ing)?|according|stat(?:e|es|ed|ing)|not(?:e|es|ed|ing)|explain(?:s|ed|ing)?|announc(?:e|es|ed|ing)|declar(?:e|es|ed|ing)|ask(?:s|ed|ing)?|repl(?:y|ies|ied|ying)|respond(?:s|ed|ing)?|claim(?:s|ed|ing)?|den(?:y|ies|ied|ying)|insist(?:s|ed|ing)?|argu(?:e|es|ed|ing)|warn(?:s|ed|ing)?|acknowledg(?:e|es|ed|ing)|admit(?:s|ted|ting)?|confirm(?:s|ed|ing)?|recall(?:s|ed|ing)?|continu(?:e|es|ed|ing))\b/i

/** Is a gold cue a speech or reporting cue (the speech-only subset of the README caveats)? */
export function isSpeechCue(cue: string | undefined): boolean {
  if (!cue) return false
  return cue.trim() === ':' || SPEECH_CUE.test(cue)
}

export function emptyCounts(): Counts {
  const sp = (): Record<SpeakerType, number> => ({ named: 0, pronoun: 0, group: 0, none: 0, other: 0 })
  return {
    gold: 0, pred: 0, matched: 0, exact: 0, speakerStrict: 0, speakerLenient: 0, cueCorrect: 0, joint: 0, nameMatched: 0, nameCorrect: 0,
    goldByKind: {}, matchedByKind: {}, goldBySpeaker: sp(), matchedBySpeaker: sp(), jointBySpeaker: sp(), groupAsAnonymous: 0, namedInGold: 0, namedAgree: 0,
    goldSpeech: 0, matchedSpeech: 0,
  }
}

function spanOf(x: ScoreQuote['speaker']): ScoreSpan | undefined {
  return x && x.start !== undefined && x.end !== undefined && x.end > x.start ? { start: x.start, end: x.end } : undefined
}

/** Speaker correctness for a matched pair: strict (tokF1 ≥ 0.5) and lenient (one shared character). */
export function speakerCorrect(tokens: readonly ScoreSpan[], gold: ScoreQuote, pred: ScoreQuote): { strict: boolean; lenient: boolean } {
  const g = spanOf(gold.speaker)
  const p = spanOf(pred.speaker)
  if (!g) return { strict: !p, lenient: !p }
  if (!p) return { strict: false, lenient: false }
  const strict = tokF1(tokenSet(tokens, [g]), tokenSet(tokens, [p])) >= 0.5
  const lenient = Math.min(g.end, p.end) > Math.max(g.start, p.start)
  return { strict, lenient }
}

/**
 * Titles and honorifics that name mode removes ("Prime Minister Justin Trudeau" ~ "Justin Trudeau"), as
 * lower-case word sequences, longest first.
 */
const TITLES = [
  'prime minister', 'deputy prime minister', 'vice president', 'vice-president', 'attorney general', 'secretary of state', 'foreign minister', 'finance minister', 'health minister',
  'chief justice', 'lieutenant governor', 'lt gov', 'lt governor', 'premier', 'president', 'minister', 'mayor', 'governor', 'gov', 'senator', 'sen', 'representative', 'rep', 'congressman',
  'congresswoman', 'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'doctor', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'rev', 'reverend', 'father', 'rabbi', 'imam', 'pope', 'king', 'queen',
  'prince', 'princess', 'judge', 'justice', 'chief', 'gen', 'general', 'col', 'colonel', 'lt', 'lieutenant', 'maj', 'major', 'capt', 'captain', 'sgt', 'sergeant', 'adm', 'admiral',
  'cmdr', 'commander', 'secretary', 'chancellor', 'speaker', 'leader', 'mp', 'mpp', 'mla', 'councillor', 'councilor', 'alderman', 'hon', 'honourable', 'honorable', 'the', 'jr', 'sr',
].map((t) => t.split(' ')).sort((a, b) => b.length - a.length)

/**
 * A name as name mode compares it: accents stripped, case folded, punctuation removed, titles and
 * honorifics removed (README 3, name mode), as a list of words.
 */
export function normaliseName(name: string): string[] {
  const words = name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^\p{L}\p{N}\s-]+/gu, ' ')
    .replace(/-/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
  const out: string[] = []
  for (let i = 0; i < words.length; ) {
    const t = TITLES.find((seq) => seq.every((w, k) => words[i + k] === w))
    if (t) i += t.length
    else out.push(words[i++]!)
  }
  // Titles are dropped wherever they stand ("Mark Felt Sr."), unless they are all there is ("the President":
  // its last word).
  return out.length ? out : words.slice(-1)
}

/** Name mode: equal after normalising, or one name's words a suffix of the other's ("Trudeau" ~ "Justin Trudeau"). */
export function sameSpeakerName(gold: string, pred: string | null | undefined): boolean {
  const g = normaliseName(gold)
  const p = normaliseName(pred ?? '')
  if (!g.length || !p.length) return g.length === p.length
  const [short, long] = g.length <= p.length ? [g, p] : [p, g]
  return short.every((w, k) => long[long.length - short.length + k] === w)
}

/** Scores one document's predictions against its gold quotes, adding to `into`. */
export function scoreDocument(text: string, gold: readonly ScoreQuote[], pred: readonly ScoreQuote[], into: Counts = emptyCounts()): Counts {
  const tokens = wordTokens(text)
  into.gold += gold.length
  into.pred += pred.length
  const matches = matchQuotes(gold, pred, tokens)
  const matchedGold = new Map(matches.map((m) => [m.g, m.p]))
  for (let g = 0; g < gold.length; g++) {
    const gq = gold[g]!
    const kind = gq.kind ?? 'unknown'
    const st = speakerType(gq.speaker?.text ?? (spanOf(gq.speaker) ? text.slice(gq.speaker!.start, gq.speaker!.end) : undefined))
    const speech = isSpeechCue(gq.cue?.text ?? (spanOf(gq.cue) ? text.slice(gq.cue!.start, gq.cue!.end) : undefined))
    into.goldByKind[kind] = (into.goldByKind[kind] ?? 0) + 1
    into.goldBySpeaker[st]++
    if (speech) into.goldSpeech++
    const p = matchedGold.get(g)
    if (p === undefined) continue
    const pq = pred[p]!
    into.matched++
    into.matchedByKind[kind] = (into.matchedByKind[kind] ?? 0) + 1
    into.matchedBySpeaker[st]++
    if (st === 'group' && pq.speaker_kind === 'anonymous') into.groupAsAnonymous++
    if (st === 'named' && typeof gq.speaker_name !== 'string') {
      const gs = gq.speaker?.text ?? (spanOf(gq.speaker) ? text.slice(gq.speaker!.start, gq.speaker!.end) : '')
      const names = gs.replace(/['’]s\b/g, '').match(/(?:\p{Lu}[\p{L}.'’-]*\s+)+\p{Lu}[\p{L}'’-]+/gu)
      if (names) {
        into.namedInGold++
        if (names.some((n) => sameSpeakerName(n, pq.speaker_name))) into.namedAgree++
      }
    }
    if (speech) into.matchedSpeech++
    const sc = speakerCorrect(tokens, gq, pq)
    if (sc.strict) into.speakerStrict++
    if (sc.lenient) into.speakerLenient++
    // The headline counts a speaker right by name where the data set resolves names, else by span.
    let right = sc.strict
    if (typeof gq.speaker_name === 'string') {
      right = sameSpeakerName(gq.speaker_name, pq.speaker_name)
      into.nameMatched++
      if (right) into.nameCorrect++
    }
    if (right) {
      into.joint++
      into.jointBySpeaker[st]++
    }
    const gc = spanOf(gq.cue)
    const pc = spanOf(pq.cue)
    if (gc && pc && tokF1(tokenSet(tokens, [gc]), tokenSet(tokens, [pc])) >= 0.5) into.cueCorrect++
    else if (!gc && !pc) into.cueCorrect++
  }
  // Exact matching is its own one-to-one pairing (a pair matches only with equal token sets).
  into.exact += exactMatches(text, gold, pred)
  return into
}

/** Exact-match count as its own pairing (README 2): pairs whose token sets are equal. */
export function exactMatches(text: string, gold: readonly ScoreQuote[], pred: readonly ScoreQuote[]): number {
  const tokens = wordTokens(text)
  const used = new Set<number>()
  const ps = pred.map((q) => [...tokenSet(tokens, normSpans(q))].join(','))
  let n = 0
  for (const g of gold) {
    const key = [...tokenSet(tokens, normSpans(g))].join(',')
    const i = ps.findIndex((k, j) => !used.has(j) && k === key && key !== '')
    if (i >= 0) {
      used.add(i)
      n++
    }
  }
  return n
}

export function prf(tp: number, pred: number, gold: number): { p: number; r: number; f1: number } {
  const p = pred ? tp / pred : 0
  const r = gold ? tp / gold : 0
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 }
}

/** CofeNet-compatible component counts: every content fragment, source span and cue span, by exact token set. */
export interface ComponentCounts {
  gold: number
  pred: number
  tp: number
}

export function scoreComponents(text: string, gold: readonly ScoreQuote[], pred: readonly ScoreQuote[]): Record<'content' | 'source' | 'cue', ComponentCounts> {
  const tokens = wordTokens(text)
  const items = (qs: readonly ScoreQuote[], which: 'content' | 'source' | 'cue'): string[] => {
    const out: string[] = []
    for (const q of qs) {
      const spans = which === 'content' ? normSpans(q).map((s) => [s]) : [[spanOf(which === 'source' ? q.speaker : q.cue)].filter((s): s is ScoreSpan => !!s)]
      for (const s of spans) {
        if (!s.length) continue
        const set = tokenSet(tokens, s)
        if (set.size) out.push([...set].join(','))
      }
    }
    return out
  }
  const res = {} as Record<'content' | 'source' | 'cue', ComponentCounts>
  for (const which of ['content', 'source', 'cue'] as const) {
    const g = items(gold, which)
    // Sources and cues shared by several quotes count once.
    const p = items(pred, which)
    const gU = which === 'content' ? g : [...new Set(g)]
    const pU = which === 'content' ? p : [...new Set(p)]
    const bag = new Map<string, number>()
    for (const k of gU) bag.set(k, (bag.get(k) ?? 0) + 1)
    let tp = 0
    for (const k of pU) {
      const n = bag.get(k) ?? 0
      if (n > 0) {
        tp++
        bag.set(k, n - 1)
      }
    }
    res[which] = { gold: gU.length, pred: pU.length, tp }
  }
  return res
}
