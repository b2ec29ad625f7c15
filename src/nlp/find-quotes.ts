import type { Entity, Quote, QuoteAct, QuoteKind, Source, Span, Speaker, Token } from '../core/types.js'
import { cueAdjectives, cueByForm, cueNouns, hearerVerbs, type CueVerb } from './data/cue-verbs.js'
import { findSources, isAnonymous, isRelativePronoun, resolveSpeaker } from './find-sources.js'
import { findQuotedSpans, paragraphs, type QuotedSpan } from './quote-marks.js'
import { assembleAttributions, loadQuoteModel, TAG_BIAS, tagDocument, type QuoteModel, type TagBias, type TaggedAttribution, type TaggerInput } from './quote-tagger.js'
import { roleHeads, roleModifiers } from './data/role-words.js'
import { posTags, type PosTags } from './pos.js'
import { anonymousNouns, documentNouns, organizationNouns as organizationNounsSet, outletNouns, speakerPronouns } from './data/speaker-words.js'

/** Can a single lower-case word be a speaker ("he", "officials", "the report")? */
const NOT_NOUNS = new Set('fewer more other lower higher greater larger smaller longer later never ever either neither rather whether over under after together further former latter better earlier eager perhaps always sometimes nevertheless nonetheless regardless besides afterwards towards thus unless whereas was has is does less plus across'.split(' '))
/** Forms that are also common plural nouns ("the states", "terrorist attacks"): a verb only after a singular name or pronoun. */
const NOUN_FORMS = new Set('states attacks questions remarks plans reports calls supports claims notes answers hopes fears backs demands cites shows tweets promises pledges finds views statements counters charges advocates comments concerns estimates forecasts projects signals praises boasts vows replies appeals requests offers doubts worries'.split(' '))

/** Cue forms that are mostly nouns of place or event after a name or an adjective ("Southern states", "the Paris attacks"). */
const PLACE_NOUN_FORMS = new Set(['states', 'attacks'])

/** Collective nouns that speak with no determiner ("…, police said."). */
const COLLECTIVE_SPEAKERS = new Set(['police', 'staff', 'personnel', 'military', 'management', 'leadership', 'clergy', 'media'])

function speakerLike(w: string): boolean {
  if (NOT_NOUNS.has(w)) return false
  return speakerPronouns.has(w) || anonymousNouns.has(w) || COLLECTIVE_SPEAKERS.has(w) || documentNouns.has(w) || outletNouns.has(w) || /(?:s|er|or|ist|ian|man|woman|person|ent|ant|ee)$/.test(w)
}

/** What the quote finder reads: the text with its tokens, sentences and (possibly no) entities. */
export interface QuoteInput {
  text: string
  tokens: readonly Token[]
  sentences: readonly Span[]
  entities: readonly Entity[]
}

/**
 * One attribution found in the text, before speakers are resolved.
 * Token ranges are `[start, end)` indices into `tokens`.
 */
export interface Attribution {
  kind: QuoteKind
  fragments: Span[]
  cue?: Span
  cueClass?: CueVerb['class'] | 'colon' | 'dash'
  speaker?: Span
  /** For a relative pronoun speaker ("X, who said …"): the noun phrase it stands for. */
  antecedent?: Span
  /** The hearer of "told X": a possible outlet source ("sources told NBC"). */
  hearer?: Span
  /** An attribution that only names a source ("officials revealed the meeting to NBC"): no quote. */
  sourceOnly?: boolean
  /** Found by the quote tagger rather than the rules. */
  byTagger?: boolean
  /** A report of another attribution ('"…," he said, according to the Post', "In a poll, 40% said …"): it may hold that one's cue in its content. */
  relayed?: boolean
}

const MARKS = new Set(['"', '“', '”', '‘', '’', "'", '«', '»', '„'])
const OPEN_MARKS = new Set(['"', '“', '‘', "'", '«', '„'])
const END_PUNCT = new Set(['.', '!', '?', '…', ';'])
const isWord = (t: string) => /[\p{L}\p{N}]/u.test(t)
const isCap = (t: string) => /^\p{Lu}/u.test(t)

/** Words that never belong to a speaker noun phrase: they end a leftward or rightward scan. */
const NP_STOP = new Set(
  (
    'that which who whom whose when whenever while as because if but so although though whether where or nor yet ' +
    'to in on at into onto from by with about over under after before during since until than like against upon via ' +
    'is are was were be been being has have had do does did will would can could should may might must shall ' +
    "not n't never also has there here then again even still just already now today yesterday tonight " +
    'however meanwhile instead said says say told tells saying according asked added wrote noted claimed ' +
    'this week last year month what including'
  ).split(' '),
)
/** Words kept inside a noun phrase although they are lower case function words. */
/** Particles of surnames, capitalised ("De Blasio", "Van Hollen", "Al Sharpton", "Le Pen"). */
const NAME_PARTICLE = /^(?:De|Van|Von|Al|La|Le|Du|Bin|Da|Di|Del|Della|Dos|Das|El|Ben|Ter|Ten)$/
const NP_INNER = new Set(['of', 'for', 'the', 'a', 'an', "'s", '’s', '-', '&', 'de', 'van', 'von', 'al', 'bin', 'la', 'le', 'du'])
/** Auxiliaries and adverbs between a subject and its cue verb ("has also said"). */
// ("ca", "wo": the modal of "can't" and "won't" as the tokenizer splits them, and "cannot": "Officials won't say …" is
// spoken by "Officials", and the cue starts at the modal; PolNeAR dev's cue holds the modal in all 18 such cues.)
const AUX = new Set(
  (
    'has have had also previously reportedly repeatedly later then again never once already recently publicly privately ' +
    'initially first now often always still even just would will could can may might must should did does do ca wo cannot ' +
    "not n't further flatly explicitly falsely simply quickly later earlier subsequently today yesterday frequently " +
    'long since originally specifically separately similarly likewise ultimately allegedly apparently all both each'
  ).split(' '),
)
const COPULA = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", '’s'])
const LEAD_TRIM = new Set(
  (
    'but and so yet or then now meanwhile however still also yesterday today tonight earlier later last this next ' +
    'monday tuesday wednesday thursday friday saturday sunday week weekend month year morning evening night ' +
    'afternoon recently instead thus indeed moreover separately finally'
  ).split(' '),
)
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'no', 'any', 'every', 'each'])
const RELATIVES = new Set(['who', 'which'])
const POSSESSIVES = /^(?:his|her|their|its|our|my|your)$/
/**
 * Nouns of the document or occasion that "said in a …" takes into its cue ("said in a statement"). Not "interview":
 * PolNeAR leaves "in an interview" out of the cue of a content found after it ("said in an interview that …").
 */
const CUE_EXT_NOUNS = new Set(['statement', 'email', 'e-mail', 'letter', 'post', 'tweet', 'speech', 'op-ed', 'memo', 'release', 'press', 'conference', 'call', 'message'])
/** Roles of a hearer named after them ("told host Chris Cuomo"). */
const HEARER_ROLES = new Set(['host', 'hosts', 'anchor', 'moderator', 'moderators', 'interviewer'])
const LOWER_HEARERS = new Set(['reporters', 'journalists', ...HEARER_ROLES, 'me', 'him', 'her', 'us', 'them', 'you', 'supporters', 'lawmakers', 'the', 'a', 'an', 'his', 'their', 'viewers', 'listeners', 'readers', 'voters', 'crowd', 'audience'])

export class Ctx {
  readonly text: string
  readonly tokens: readonly Token[]
  readonly sentOf: Int32Array
  readonly sentences: readonly Span[]
  readonly paras: Span[]
  readonly paraOf: Int32Array
  /** Speaker spans cover the whole phrase with its appositive (PolNeAR's convention), not only the name. */
  readonly speakerPhrase: boolean
  /** 1 for the tokens of a person's name ("Felt" of Mark Felt, "Said" of Edward Said: not cues), outside title-case lines. */
  readonly personTok: Uint8Array
  /** 1 for the sentences in title case ("Zelensky Says Russia Mined The Plant"), where a capitalised verb can be a cue. */
  readonly titleSent: Uint8Array
  private posCache?: PosTags
  /** The part-of-speech tags of the tokens, computed once when a rule or the tagger first asks. */
  pos(): PosTags {
    return (this.posCache ??= posTags(this.tokens))
  }
  constructor(doc: QuoteInput, options: QuoteOptions = {}) {
    this.speakerPhrase = options.speakerExtent !== 'name'
    this.text = doc.text
    this.tokens = doc.tokens
    this.sentences = doc.sentences.length ? doc.sentences : [{ start: 0, end: doc.text.length }]
    this.paras = paragraphs(doc.text)
    this.sentOf = new Int32Array(doc.tokens.length)
    this.paraOf = new Int32Array(doc.tokens.length)
    let s = 0
    let p = 0
    for (let i = 0; i < doc.tokens.length; i++) {
      const t = doc.tokens[i]!
      while (s < this.sentences.length - 1 && this.sentences[s]!.end <= t.start) s++
      while (p < this.paras.length - 1 && this.paras[p]!.end <= t.start) p++
      this.sentOf[i] = s
      this.paraOf[i] = p
    }
    this.personTok = new Uint8Array(doc.tokens.length)
    for (const e of doc.entities ?? []) {
      if (e.type !== 'PERSON') continue
      for (const m of e.mentions) for (let k = this.tokAfter(m.start); k < doc.tokens.length && doc.tokens[k]!.end <= m.end; k++) this.personTok[k] = 1
    }
    // ("Ted Cruz Hints Trump Would Get Border Wall": in a title-case headline the entity stage's names run
    // over the verbs, which stay cues.)
    this.titleSent = new Uint8Array(this.sentences.length)
    for (let si = 0; si < this.sentences.length; si++) {
      const a = this.tokAfter(this.sentences[si]!.start)
      const b = this.tokBefore(this.sentences[si]!.end) + 1
      let words = 0
      let caps = 0
      for (let k = a; k < b; k++) if (/^\p{L}{4,}/u.test(this.tok(k))) {
        words++
        if (/^\p{Lu}/u.test(this.tok(k))) caps++
      }
      if (words >= 4 && caps >= 0.85 * words) {
        this.personTok.fill(0, a, b)
        this.titleSent[si] = 1
      }
    }
  }
  tok(i: number): string {
    return this.tokens[i]?.text ?? ''
  }
  low(i: number): string {
    return this.tok(i).toLowerCase()
  }
  /** Index of the first token starting at or after `pos`. */
  tokAfter(pos: number): number {
    let lo = 0
    let hi = this.tokens.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.tokens[mid]!.start < pos) lo = mid + 1
      else hi = mid
    }
    return lo
  }
  /** Index of the last token ending at or before `pos` (-1 when none). */
  tokBefore(pos: number): number {
    let lo = 0
    let hi = this.tokens.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.tokens[mid]!.end <= pos) lo = mid + 1
      else hi = mid
    }
    return lo - 1
  }
  span(a: number, b: number): Span {
    return { start: this.tokens[a]!.start, end: this.tokens[b - 1]!.end }
  }
  sentenceRange(i: number): [number, number] {
    const s = this.sentences[this.sentOf[i]!]!
    return [this.tokAfter(s.start), this.tokBefore(s.end) + 1]
  }
  paraRange(i: number): [number, number] {
    const p = this.paras[this.paraOf[i]!]!
    return [this.tokAfter(p.start), this.tokBefore(p.end) + 1]
  }
}

/**
 * A speaker phrase as PolNeAR marks sources: without a relative clause of speech (`withoutSpeechClause`),
 * a verb or question word before it, a sentence adverb after a comma ("Mr. Trump, however", "Sanders,
 * meanwhile") or the verb phrase a name or pronoun is the subject of ("Teneo [issued a statement]", "she
 * [sent an email]": of its changes on all 762 PolNeAR dev documents, read, 10 speakers made right, 3 that
 * agreed with the gold only in part lost), and with the party and state after a name.
 */
export function cleanSpeaker(c: Ctx, sp: Span, pos: readonly string[]): Span {
  sp = withoutSpeechClause(c, sp)
  let a = c.tokAfter(sp.start)
  let b = c.tokBefore(sp.end) + 1
  const a0 = a
  const b0 = b
  // "[included] Trump", "[why] Democrats", "[became] the latest US newspaper": a verb, a question word or
  // "that" before a name or a determiner opens no source phrase (the tagger's spans; 76 on PolNeAR dev).
  while (b - a > 1 && /^\p{Ll}/u.test(c.tok(a)) && (/^(?:VB|WRB)/.test(pos[a]!) || c.low(a) === 'that') && !ADJECTIVE_PARTICIPLE.test(c.low(a)) && !RELATIVES.has(c.low(a)) && (isCap(c.tok(a + 1)) || DETERMINERS.has(c.low(a + 1)))) a++
  // ("[As] Professor Foner", "[While] Mr. Ryan", "[Perhaps] young voters": a subordinator or a sentence adverb that
  // opens the clause is no part of its subject; PolNeAR dev sources begin with one of these 13 times and follow
  // one 780 times.)
  while (b - a > 1 && LEAD_SUBORDINATOR.test(c.low(a)) && !(c.low(a) === 'how' && /^(?:many|much|few|most)$/.test(c.low(a + 1)))) a++
  // ("[Outside Carrier's plant on Galeana Street,] a worker named Antonio Arroyo": an opening phrase of place or time.)
  if (/^(?:outside|inside|in|at|on|after|before|during|since|near|across|behind|beside|earlier|later)$/.test(c.low(a))) {
    for (let k = a + 2; k < b - 1; k++) {
      if (c.tok(k) !== ',') continue
      if (DETERMINERS.has(c.low(k + 1)) || isCap(c.tok(k + 1)) || numberish(c.tok(k + 1))) a = k + 1
      break
    }
  }
  for (let k = a + 1; k < b; k++) {
    if (c.tok(k) === ',' && SENTENCE_ADVERB.test(c.low(k + 1)) && (k + 2 >= b || /^(?:again|turn|,)$/.test(c.low(k + 2)))) {
      b = k
      break
    }
  }
  // The verb after a name or a pronoun (a capitalised run, no relative clause, appositive or quotation before it).
  if (isCap(c.tok(a)) || SUBJECT_PRONOUN.test(c.low(a)))
    for (let k = a + 1; k < b; k++) {
      if (isCap(c.tok(k))) continue
      // (Not in a relative clause with no pronoun: "Experts I interviewed said".)
      if (/^(?:VBD|VBZ)$/.test(pos[k]!) && /^(?:NNP|PRP)/.test(pos[k - 1]!) && !/^(?:with|by|to|in|as|from|for|on|out|up)$/.test(c.low(k + 1)) && !(k - 1 > a && /^(?:i|we)$/.test(c.low(k - 1)))) b = k
      break
    }
  // "Trump [issued a statement]", "His office [put out a statement]": a document the source puts out is no part
  // of it (PolNeAR: the source stops before such a verb 106 times in 108), unless a relative clause holds it.
  for (let k = a + 1; k < b - 1; k++) {
    if (RELATIVES.has(c.low(k)) || c.low(k) === 'that') break
    const obj = c.low(k) === 'put' && c.low(k + 1) === 'out' ? k + 2 : k + 1
    if (ISSUE_VERB.test(c.low(k)) && /^(?:a|an|the|its|his|her|their|our)$/.test(c.low(obj))) {
      b = k
      // ("Legault's office [later] issued a statement": an adverb before the verb goes with it.)
      while (b - 1 > a && ISSUE_ADVERB.test(c.low(b - 1))) b--
      break
    }
  }
  // "Bernie Sanders[, celebrating a victory in …]", "Sen. Chuck Grassley[, facing a spirited challenge …]": a
  // participle phrase after a name, to the end of the phrase, is the writer's scene, not the source (of the
  // PolNeAR dev speakers this changed that match a gold source, 10 are now the gold phrase and 3 were before:
  // "Larry David, playing the 74-year-old Sanders …"; "including" keeps its list, as PolNeAR does 14 times in 15).
  for (let k = a + 1; k < b - 1; k++) {
    if (RELATIVES.has(c.low(k)) || MARKS.has(c.tok(k))) break
    // (A verb with its object, not "managing director", "ranking member".)
    if (c.tok(k) !== ',' || !/^\p{Ll}+ing$/u.test(c.tok(k + 1)) || /^(?:including|excluding)$/.test(c.low(k + 1))) continue
    if (!(DETERMINERS.has(c.low(k + 2)) || /ly$/.test(c.low(k + 2)) || isCap(c.tok(k + 2)) || NP_PREPOSITIONS.test(c.low(k + 2)))) continue
    if (!(isCap(c.tok(k - 1)) || c.tok(k - 1) === ')' || numberish(c.tok(k - 1)))) continue
    if (ANONYMITY_CLAUSE.test(c.text.slice(c.tokens[k + 1]!.start, c.tokens[b - 1]!.end)) || c.tokens.slice(k + 1, b).some((t) => t.text === ',')) continue
    b = k
    break
  }
  // "RNC spokesman Sean Spicer [on Thursday evening] said", "a judge [in October] sentenced", "Broaddrick [Sunday
  // night] recounted": the time between a subject and its verb is no part of the source (PolNeAR dev: 109 such
  // times after a source, 22 ending one outside a relative clause or a participle, "a poll released Monday";
  // "that night" it keeps).
  const time = trailingTime(c, a, b)
  if (time > a && !c.tokens.slice(a, time).some((t) => RELATIVES.has(t.text.toLowerCase()) || t.text.toLowerCase() === 'whose') && !/^(?:VBN|VBD)$/.test(pos[time - 1]!) && !DATING_PARTICIPLE.test(c.low(time - 1)) && /^(?:NN|PRP|-RRB-)/.test(pos[time - 1]!)) b = time
  // "Rep. Bobby Scott [(D-Va.)]": the party and state after a name belong to it (PolNeAR: 105 times in 107).
  if (b === b0 && isCap(c.tok(b - 1)) && c.tok(b) === '(' && /^\((?:[RDI]|Rep|Dem|Ind)\.?-[^()]{1,14}\)/.test(c.text.slice(c.tokens[b]!.start, c.tokens[b]!.start + 20))) {
    let e = b + 1
    while (e < c.tokens.length && e - b < 8 && c.tok(e) !== ')') e++
    if (c.tok(e) === ')') b = e + 1
  }
  // "[Japanese journalist and] author Hiro Aida said", "Still, [both the United States and] Russia have shown", "Though
  // [media reports and] party sources described": a noun phrase that opens its clause and "and" before the source
  // join it (PolNeAR dev, such phrases before a source not a pronoun, with no verb and no comma before "and": 15
  // times the gold source takes the left phrase, 4 times it starts at ours).
  if (a >= 2 && c.low(a - 1) === 'and' && !/^(?:he|she|it|they|we|i|you|those|these|others?|who|which)$/.test(c.low(a)) && c.tok(a - 2) !== ',') {
    const [s0] = c.sentenceRange(a)
    let k = a - 2
    let n = 0
    let ok = false
    while (k >= s0) {
      const l = c.low(k)
      if (/^[,;:(—–]$/.test(l) || MARKS.has(l)) {
        ok = true
        break
      }
      if (l === ')') {
        let o = k - 1
        while (o > s0 && o > k - 8 && c.tok(o) !== '(') o--
        if (c.tok(o) !== '(') break
        k = o - 1
        n++
        continue
      }
      if (n > 0 && LEAD_OPENER.test(l)) {
        ok = true
        break
      }
      if ((NP_STOP.has(l) && !(isCap(c.tok(k)) && k > s0)) || /^(?:VB|VBD|VBP|VBZ|MD|WDT|WP|PRP)$/.test(pos[k]!) || (pos[k] === 'IN' && l !== 'of') || !/[\p{L}\p{N}]/u.test(l)) break
      n++
      k--
    }
    if (k < s0) ok = true
    // (Not roles before a name, "GOP presidential contender and former neurosurgeon [Ben Carson]", where the gold
    // source is as often the name alone.)
    const roles = c.personTok[b - 1] === 1 && !c.personTok.slice(k + 1, a - 1).some((x) => x === 1)
    if (ok && n > 0 && !roles) a = k + 1
  }
  // "[About] four in 10 voters", "[at least] a dozen members", "[more than] half of them": the modifier of a number
  // that opens a source is part of it (PolNeAR dev: 84 times in 90; "just" alone, 1:1, it leaves).
  // (The tagger's "[least] four": with its "at".)
  if (a > 0 && b - a > 1 && /^(?:least|most)$/.test(c.low(a)) && c.low(a - 1) === 'at') a--
  const q = /^at$/.test(c.low(a)) && /^(?:least|most)$/.test(c.low(a + 1)) ? a + 2 : a
  if (QUANTITY_HEAD.test(c.tok(q)) || (/^an?$/i.test(c.tok(q)) && QUANTITY_NOUN.test(c.low(q + 1)))) {
    const at = c.tokens[a]!.start
    const m = QUANTITY_LEAD.exec(c.text.slice(Math.max(0, at - 20), at))
    if (m && !/[\p{L}\p{N}]/u.test(c.text[at - m[1]!.length - 1] ?? '')) a = c.tokAfter(at - m[1]!.length)
  }
  return b === b0 && a === a0 ? sp : c.span(a, b)
}

const LEAD_OPENER = /^(?:still|however|though|although|but|yet|so|when|until|while|meanwhile|instead)$/
const QUANTITY_LEAD = /((?:about|around|roughly|approximately|nearly|almost|only|over|under|more\s+than|fewer\s+than|less\s+than|at\s+least|at\s+most|as\s+many\s+as|as\s+few\s+as|close\s+to|upwards\s+of|just\s+over|just\s+under)\s+)$/i
const QUANTITY_HEAD = /^(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|half|dozens|hundreds|thousands|millions)(?![\p{L}]))/iu
const QUANTITY_NOUN = /^(?:third|quarter|fifth|dozen|handful|majority|fraction|few|hundred|thousand|million)$/

/**
 * Start of a time phrase that ends the tokens a..b ("on Thursday evening", "this week", "in October", "Sunday
 * night", "late Monday"); b when there is none.
 */
function trailingTime(c: Ctx, a: number, b: number): number {
  let k = b - 1
  if (k > a && /^(?:night|morning|evening|afternoon)$/.test(c.low(k))) k--
  if (k <= a) return b
  if (WEEKDAY.test(c.low(k))) {
    if (k - 1 > a && /^(?:on|late|early|last|this|next)$/.test(c.low(k - 1))) k--
    return k
  }
  if (MONTH.test(c.low(k)) && k - 1 > a && /^(?:in|last|this|early|late)$/.test(c.low(k - 1))) return k - 1
  if (/^(?:week|weekend|month|year)$/.test(c.low(k)) && k - 1 > a && /^(?:last|this)$/.test(c.low(k - 1))) return k - 1
  if (/^(?:weeks|days|months)$/.test(c.low(k)) && c.low(k - 1) === 'recent' && c.low(k - 2) === 'in' && k - 2 > a) return k - 2
  return b
}

/** A relative clause that says how a source is kept: "(who) spoke on condition of anonymity", "asked not to be named". */
const ANONYMITY_CLAUSE = /^(?:\S+\s+){0,2}?(?:spoke|speaks|speaking|asked|requested|declined|insisted|agreed)\b[^.]{0,40}\b(?:anonymity|anonymously|named|identified)\b|^(?:\S+\s+){0,2}?(?:did\s+not|didn['’]t|does\s+not|doesn['’]t)\s+want\s+(?:(?:his|her|their)\s+(?:full\s+)?names?\s+(?:published|used|revealed|released|printed)|to\s+be\s+(?:named|identified))\b|^(?:\S+\s+){0,2}?(?:asked|requested)\s+that\s+(?:his|her|their)\s+(?:full\s+|last\s+)?names?\s+(?:not\s+be|be\s+withheld)\b|^(?:\S+\s+){0,2}?(?:declined|refused)\s+to\s+(?:give|provide|share)\s+(?:his|her|their)\s+(?:full\s+|last\s+)?names?\b|^(?:\S+\s+){0,2}?(?:cannot|can['’]t|can\s+not|could\s+not|couldn['’]t|may\s+not)\s+be\s+(?:publicly\s+)?(?:named|identified)\b|^(?:name|identity)\s+(?:is|was|has\s+been|is\s+being)\s+(?:withheld|protected)\b|^(?:is|are|was|were)\s+not\s+(?:authorized|permitted|allowed)\s+to\s+(?:speak|comment|discuss|talk)\b/i
/**
 * Participles that describe a person before a title or a name ("[retired] Gen. John Allen", "[outgoing] Sen. Harry
 * Reid", "[undecided] voter Ken Bone"): adjectives, not verbs (PolNeAR dev sources open with one 12 times and
 * follow one 4 times, "… leading law enforcement authorities").
 */
const ADJECTIVE_PARTICIPLE = /^(?:retired|outgoing|incoming|elected|defeated|undecided|acting|embattled|disgraced|outraged|renowned|celebrated|jailed|exiled|ousted|indicted|convicted|beleaguered|unnamed|registered|so-called|self-described|self-proclaimed)$/
/** Verbs of putting out a document: "issued a statement", "released a report", "put out a tweet". */
const ISSUE_VERB = /^(?:issued|issues|released|releases|provided|provides|put|posted|posts|published|publishes)$/
/** Words between such a verb and the document it puts out: "issued [the following] statement:", "made [this brief] comment". */
const BEFORE_DOCUMENT = /^(?:the|this|a|an|following|brief|short|written|joint)$/
/** Adverbs before such a verb: "[later] issued a statement". */
const ISSUE_ADVERBS = 'later|also|then|quickly|soon|immediately|subsequently|earlier|again|finally|since'
const ISSUE_ADVERB = new RegExp(`^(?:${ISSUE_ADVERBS})$`)
/** What a speaker put out between its phrase and a participle cue: "[later issued a statement] saying". */
const ISSUED_DOCUMENT = new RegExp(`^\\s*(?:(?:${ISSUE_ADVERBS})\\s+)?(?:issued|issues|released|releases|put\\s+out|puts\\s+out|posted|posts)\\s+(?:a|an)\\s+(?:[\\p{L}-]+\\s+)?(?:statement|release|letter|video|note|memo)\\s*,?\\s*$`, 'u')
const LEAD_SUBORDINATOR = /^(?:as|while|despite|how|why|lest|alongside|perhaps|probably|certainly|ultimately|whatever|although|though|because|since|unless|whereas|if|when|even|maybe|also)$/
/** A participle that dates a document ("a poll released", "the report published"), and the time after it. */
const DATING_PARTICIPLE = /^(?:released|conducted|published|issued|taken|out|posted|aired|unveiled|filed)$/
const DATING_TIME = /^((?:(?:on|last|this|earlier|late|early|in)\s+)?(?:(?:this|last)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|weekend|month|year|night|morning|yesterday|today|(?:jan|feb|march|april|may|june|july|aug|sept?|oct|nov|dec)[a-z]*\.?(?:\s+\d{1,2}(?![\d,]))?))\s+(?=\p{L})/iu
const OBJECT_PRONOUN = /^(?:him|her|them|me|us|you|it)$/
const SENTENCE_ADVERB = /^(?:however|meanwhile|too|though|also|once|then|now|instead|moreover|furthermore|indeed|again|still|nevertheless|nonetheless)$/
const SUBJECT_PRONOUN = /^(?:he|she|it|they|we|i)$/

/**
 * "Speaker Paul D. Ryan, who [said]": a speaker phrase that ends with a relative pronoun is the pronoun,
 * as PolNeAR marks the source (471 times in 476; a phrase that opens with one, 2 times), and the phrase
 * before it is its antecedent.
 */
export function relativeSource(c: Ctx, at: Attribution): void {
  if (!at.speaker) return
  const a = c.tokAfter(at.speaker.start)
  const b = c.tokBefore(at.speaker.end) + 1
  if (b - a < 2) return
  // ("who briefly led Iowa polls [said]": a phrase that opens with the pronoun is the pronoun too, its
  // antecedent the noun phrase before it.)
  if (RELATIVES.has(c.low(a))) {
    at.speaker = c.span(a, a + 1)
    const np = leftNP(c, c.tok(a - 1) === ',' ? a - 2 : a - 1, c.sentenceRange(a)[0])
    if (np) at.antecedent ??= c.span(...np)
    return
  }
  if (!RELATIVES.has(c.low(b - 1))) return
  let e = b - 1
  while (e > a && /^[,—–-]$/.test(c.tok(e - 1))) e--
  if (e > a) at.antecedent ??= c.span(a, e)
  at.speaker = c.span(b - 1, b)
}

/**
 * A speaker phrase without a relative clause that reports speech or thought ("Mr. Kamin, who emphasized
 * that …", "Friedman, who said …"): PolNeAR leaves such a clause out of the source 85 times in 105 (dev);
 * a stance ("Harvey, who backed …": 10 in, 8 out) or another relative clause ("Dino Spencer, who now runs
 * the 5th Street Gym": 184 in, 105 out) it keeps more often than not.
 */
function withoutSpeechClause(c: Ctx, sp: Span): Span {
  const r = droppedRelativeClause(c, sp)
  return r ? { start: sp.start, end: c.tokens[r.comma - 1]!.end } : sp
}

/**
 * The relative clause after a comma in a speaker phrase that is no part of it (`withoutSpeechClause`): its
 * comma, and whether it says how the source is kept ("the woman, who spoke on the condition of anonymity
 * because …"); null when there is none.
 */
function droppedRelativeClause(c: Ctx, sp: Span): { comma: number; anonymity: boolean } | null {
  const a = c.tokAfter(sp.start)
  const b = c.tokBefore(sp.end) + 1
  for (let k = a + 1; k < b - 1; k++) {
    if (c.tok(k) !== ',' || !/^(?:who|whose)$/.test(c.low(k + 1))) continue
    let j = k + 2
    while (j < b && j - k < 6 && (AUX.has(c.low(j)) || /ly$/.test(c.low(j)) || /^(?:also|later|then|once|never|not|often|since|first)$/.test(c.low(j)))) j++
    // (", who" may end the phrase: nothing after it to read.)
    const anonymity = k + 2 < b && ANONYMITY_CLAUSE.test(c.text.slice(c.tokens[k + 2]!.start, Math.min(sp.end, c.tokens[k + 2]!.start + 80)))
    const cue = j < b ? cueAt(c, j) : null
    // (", who drew support from 50 percent of voters,": the clause is an attribution of its own, `supportFrom`.)
    if ((cue && cue.verb.class !== 'stance') || anonymity || (j < b && supportFrom(c, j, b) !== null)) return { comma: k, anonymity }
  }
  return null
}

/** The cue verb a token is a form of, checking multi-word forms ("pointed out"); null when none. */
function cueAt(c: Ctx, i: number): { verb: CueVerb; end: number } | null {
  // ("Trump shot back, "…"", "fired back that …": a retort; "back" after such a verb is no "back" of support.)
  // ("spending shot back up" is no retort.)
  if (c.low(i + 1) === 'back' && RETORT.test(c.low(i)) && !/^(?:up|down|to|into|onto|from|in|out)$/.test(c.low(i + 2))) return { verb: SHOOT_BACK, end: i + 2 }
  if (c.low(i) === 'back' && (RETORT.test(c.low(i - 1)) || /^(?:hit|hits|hitting|pushed|pushes|pushing|push|fought|fights|fight|fighting|struck|strikes|striking)$/.test(c.low(i - 1)))) return null
  const list = cueByForm.get(c.low(i))
  if (!list || (c.personTok[i] && isCap(c.tok(i)))) return null
  // ("the reality TV show "The Apprentice"", "his radio show": a programme, no verb.)
  if (/^(?:show|shows)$/.test(c.low(i)) && /^(?:tv|television|talk|radio|reality|game|cooking|news|morning|late-night|comedy|variety|cable|web|chat|award|awards|trade|car|fashion|art|road|dog|horse|quiz|breakfast|sunday|evening|weekend|weekly|daily|hit)$/.test(c.low(i - 1))) return null
  if (notACueHere(c, i)) return null
  for (const verb of list) {
    for (const form of verb.forms) {
      const words = form.split(' ')
      if (words[0] !== c.low(i)) continue
      if (words.every((w, k) => c.low(i + k) === w)) {
        if (words.length === 1 && verb.lemma.includes(' ')) continue
        return { verb, end: i + words.length }
      }
    }
  }
  return null
}

/**
 * A cue word used in a set phrase or another sense here. (Only the rules: dropping the tagger's attributions
 * with such a word in their cue cost held-out quote F1 0.1.)
 */
function notACueHere(c: Ctx, i: number): boolean {
  // ("weathered the crisis thanks to surging energy prices", "thanks, in large part, to …": a cause, no
  // one's gratitude; PolNeAR dev marks none of 23 such "thanks to".)
  if (c.low(i) === 'thanks' && thanksTo(c, i)) return true
  // ("after a poor showing in the Iowa caucuses", "his strong second-place showing": a result at the polls,
  // a noun; PolNeAR dev marks none of 20 "showing" before "in", "on", "by" … or after "a", "strong" …)
  if (/^showings?$/.test(c.low(i)) && (SHOWING_AFTER.test(c.low(i + 1)) || SHOWING_BEFORE.test(c.low(i - 1)))) return true
  // ("fees declined to $281 million", "trade declined 40 percent", "has declined slightly from 58 percent": a
  // fall in a figure; PolNeAR dev marks none of 6.)
  if (/^declin(?:e|es|ed|ing)$/.test(c.low(i)) && fallInFigure(c, i + 1)) return true
  // ("Only time will tell", "it is too early to tell", "there's no way to tell", "safe to say", "suffice it to
  // say": set phrases, no one's words; PolNeAR dev marks 1 of 8.)
  if (/^(?:tell|say)$/.test(c.low(i)) && SET_PHRASE_BEFORE_TELL.test([c.low(i - 3), c.low(i - 2), c.low(i - 1)].join(' '))) return true
  // ("Trump has won 758 pledged delegates", "a large pledged delegate lead": an adjective of the count; PolNeAR
  // dev marks none of 40.)
  if (c.low(i) === 'pledged' && /^delegates?$/.test(c.low(i + 1))) return true
  // ("video that shows the explosion", "Black circles show the three islands", "videos showing that they
  // supported …": what a picture shows is no one's statement; PolNeAR dev marks 1 of 6.)
  if (/^(?:show|shows|showed|showing)$/.test(c.low(i)) && PICTURE.test(/^(?:that|which)$/.test(c.low(i - 1)) ? c.low(i - 2) : c.low(i - 1))) return true
  // ("some state lobbyists said …", "the state Democrats": "state" between a determiner or quantifier and a noun
  // modifies the noun; the verb of saying comes after.)
  if (c.low(i) === 'state' && (DETERMINERS.has(c.low(i - 1)) || QUANTIFIER.test(c.low(i - 1))) && (isCap(c.tok(i + 1)) || /^NNS?$/.test(c.pos().pos[i + 1] ?? ''))) return true
  // ("Cruz had 38 percent support in a Fox poll", "Trump received 38 percent support, …": a share of the vote, a
  // noun; not "40 percent support the plan", a verb with its object. PolNeAR dev marks 2 of 24 "percent support".)
  if (c.low(i) === 'support' && /^(?:percent|%|points?)$/.test(c.low(i - 1)) && SUPPORT_NOUN_AFTER.test(c.tok(i + 1) ?? '.')) return true
  return false
}
/** What follows "support" the noun: a preposition or punctuation, not an object. */
const SUPPORT_NOUN_AFTER = /^(?:in|among|from|of|on|at|for|with|across|nationally|nationwide|overall|followed|while|and|but|,|\.|;|:|\))$/
const PICTURE = /^(?:photos?|photographs?|videos?|images?|pictures?|footage|maps?|charts?|graphics?|clips?|circles|screenshots?)$/

/** A figure after "declined" ("to $281 million", "40 percent", "slightly from 58 percent", "by 0.2%"). */
function fallInFigure(c: Ctx, k: number): boolean {
  if (/^(?:sharply|slightly|steadily|significantly|dramatically|substantially|markedly|modestly|somewhat)$/.test(c.low(k))) return true
  if (/^(?:to|by|from|about|nearly|almost|roughly)$/.test(c.low(k))) k++
  return /^(?:\$|€|£|\p{N})/u.test(c.tok(k))
}
const SET_PHRASE_BEFORE_TELL = /(?:^\S* time will|(?:hard|difficult|impossible|early|way|safe|needless) to|suffice it to)$/

/** "thanks to", "thanks in part to", "thanks, in large part, to": a cause. */
function thanksTo(c: Ctx, i: number): boolean {
  let k = i + 1
  if (c.tok(k) === ',') k++
  if (c.low(k) === 'in') {
    k++
    while (k < i + 6 && c.low(k) !== 'part') k++
    if (c.low(k) !== 'part') return false
    k++
    if (c.tok(k) === ',') k++
  }
  return c.low(k) === 'to'
}
const SHOWING_AFTER = /^(?:in|at|on|among|by|for|from|with|since|than|and|was|is|has|had|,|\.|;)$/
const SHOWING_BEFORE = /^(?:a|an|the|his|her|their|its|our|my|your|'s|’s|strong|stronger|strongest|poor|poorer|weak|weaker|weakest|good|better|best|bad|worse|worst|solid|dismal|impressive|powerful|surprising|respectable|robust|lackluster|disappointing|decent|second-place|third-place|first-place|fourth-place|distant|close|mediocre|embarrassing)$/

/** "shot back", "fired back", "snapped back": a retort (no cue of the lexicon: "fired" and "shot" alone are deeds). */
const SHOOT_BACK: CueVerb = { lemma: 'shoot back', forms: ['shot back', 'fired back', 'snapped back'], class: 'speech', clause: 'any' }
const RETORT = /^(?:shot|shoots|shoot|shooting|fired|fires|fire|firing|snapped|snaps|snap|snapping)$/
const GO_ON: CueVerb = { lemma: 'go on', forms: ['go on', 'goes on', 'went on'], class: 'speech', clause: 'that' }
/**
 * '"…," Trump went on, as if he didn't hear her. "…"': "went on" ending a clause after a quotation is a
 * verb of speech (only there: "went on to win", "went on a trip" are not; so it is no cue of the lexicon,
 * which the tagger reads everywhere).
 */
function goesOn(c: Ctx, i: number): { verb: CueVerb; end: number } | null {
  if (!/^(?:goes|went|go)$/.test(c.low(i)) || c.low(i + 1) !== 'on') return null
  return /^[,.;!?]$/.test(c.tok(i + 2)) ? { verb: GO_ON, end: i + 2 } : null
}

const POSTED: CueVerb = { lemma: 'post', forms: ['post', 'posts', 'posted', 'posting'], class: 'speech', clause: 'that' }
/**
 * `"…," Chow posted on Instagram.`: "posted" after a quotation is a verb of speech when it ends the clause (the
 * lexicon has "posted" and "posting" only, whose base form is mostly a noun; "posted a video" is an act of its own,
 * `actOf`).
 */
function postedAt(c: Ctx, i: number): { verb: CueVerb; end: number } | null {
  return /^post(?:s|ed|ing)?$/.test(c.low(i)) ? { verb: POSTED, end: i + 1 } : null
}

const PUT_IT: CueVerb = { lemma: 'put it', forms: ['put it', 'puts it', 'putting it'], class: 'speech', clause: 'any' }
/** `"…," as Ridge put it.`: a way of saying it (not in the lexicon: "put" alone is a deed). */
function putItAt(c: Ctx, i: number): { verb: CueVerb; end: number } | null {
  return /^(?:put|puts|putting)$/.test(c.low(i)) && c.low(i + 1) === 'it' ? { verb: PUT_IT, end: i + 2 } : null
}

/**
 * Does a short phrase of where something was said ("on Instagram", "in a post on X", "at a news conference in
 * Ottawa") end the clause at `k`?
 */
function whereSaidEnds(c: Ctx, k: number, stop: number): boolean {
  if (!/^(?:on|in|via|at|during)$/.test(c.low(k))) return false
  for (let m = k + 1; m <= k + 7; m++) if (m >= stop || /^[,.;!?]$/.test(c.tok(m))) return m > k + 1
  return false
}

/** Start of the cue phrase: the cue verb with the auxiliaries and adverbs before it ("has also said"). */
const WEEKDAYS = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday'
/** A day of the week, lower case. */
const WEEKDAY = new RegExp(`^(?:${WEEKDAYS})$`)
const DAYS = new RegExp(`^(?:${WEEKDAYS}|week|weekend|month|year|night|morning|afternoon|evening|day|time)$`)
/** Is token `k` a word of time alone ("June", "Tuesday", "week"), no subject and no speaker? */
function timeWord(c: Ctx, k: number): boolean {
  return MONTH.test(c.low(k)) || DAYS.test(c.low(k))
}
/** Words in -ly that are no adverb of a cue ("family", "rally", "Italy"). */
const LY_NOT_ADVERB = new Set(['only', 'early', 'family', 'ally', 'daily', 'rally', 'italy'])
/** "seem", "appear": an impression (PolNeAR's no-source attribution), or part of the cue verb after "to". */
const SEEM = /^(?:seem|seems|seemed|appear|appears|appeared)$/
/** A cue of criticism met, whose subject is its target: "has drawn criticism for", "came under heavy fire". */
const FACED_CRITICISM = /\b(?:faced|face|faces|facing|drew|drawn|draw|draws|drawing|came under|come under|comes under|coming under)\s+(?:\p{L}+\s+)?(?:criticism|questions|accusations|allegations|scrutiny|complaints|backlash|fire)\b/iu
/** A cue that is an impression of its subject alone: "seemed", "is widely seen as", "'s regarded as" (no "seemed to mock"). */
const IMPRESSION_CUE = /^(?:(?:is|are|was|were|be|been|being|has|have|had|['’]s|['’]re|also|widely|generally|largely|often|still|now|not|n['’]t)\s+)*(?:seem|seems|seemed|appear|appears|appeared|seen as|regarded as|viewed as)$/i
/**
 * Is the speaker the subject of an impression cue right after it ("Obama [seemed] to recognize …"), with the
 * content after the cue? Then the subject is what the impression is about, not who has it.
 */
function impressionSubject(c: Ctx, speaker: Span, cue: Span): boolean {
  if (speaker.end > cue.start || !IMPRESSION_CUE.test(c.text.slice(cue.start, cue.end).trim())) return false
  // ("It appears that …": "it" stands for the clause, no part of it.)
  if (/^(?:it|there)$/i.test(c.text.slice(speaker.start, speaker.end))) return false
  // (Only adverbs and auxiliaries between: "Obama himself seemed", "The hackers have reportedly …".)
  return /^,?(?:\s+(?:himself|herself|itself|themselves|\p{L}+ly|has|have|had|is|are|was|were|will|would|may|might|could))*\s*,?\s*$/u.test(c.text.slice(speaker.end, cue.start))
}
function cueStart(c: Ctx, i: number, lo: number): number {
  let j = i
  const progressive = /ing$/.test(c.low(i))
  // "was prompted to say", "went on to say", "began to tell": the verbs before an infinitive cue of speech.
  if (c.low(i - 1) === 'to' && i - 2 >= lo && /^(?:say|tell|add|ask|write|declare|warn|call|argue|insist|explain)$/.test(c.low(i))) {
    const v = c.low(i - 2)
    if (/^\p{Ll}+ed$/u.test(c.tok(i - 2)) || /^(?:began|chose|got|came|had|has|have)$/.test(v)) j = i - 2
    else if (v === 'on' && i - 3 >= lo && /^(?:went|goes|go)$/.test(c.low(i - 3))) j = i - 3
    if (j < i && COPULA.has(c.low(j - 1)) && j - 1 >= lo) j--
  }
  for (;;) {
    const w = c.low(j - 1)
    if (j - 1 < lo) break
    // ("Elizabeth May said", "Theresa May said": a capitalised auxiliary in a person's name is the name.)
    if (isCap(c.tok(j - 1)) && c.personTok[j - 1]) break
    // ("USA TODAY reported", "Psychology Today found": a capitalised word after a name, mid-sentence, is part of it.)
    if (isCap(c.tok(j - 1)) && j - 2 >= lo && isCap(c.tok(j - 2)) && !c.titleSent[c.sentOf[j - 1]!]) break
    // ("a report published in May found": the month, not the modal.)
    if (c.tok(j - 1) === 'May' && /^(?:in|of|since|until|by|early|late|mid|last|next|this|through)$/.test(c.low(j - 2))) break
    if ((AUX.has(w) || /^[a-z]+ly$/.test(c.tok(j - 1))) && !LY_NOT_ADVERB.has(w)) j--
    // ("Mr. Rubio only occasionally disagreed": "only" after a name is an adverb of the cue.)
    else if (w === 'only' && j - 2 >= lo && (isCap(c.tok(j - 2)) || speakerPronouns.has(c.low(j - 2)))) j--
    // ("diplomats almost universally expressed": a degree word before an adverb of the cue.)
    else if (/^(?:almost|nearly|quite|very|most|more|less|so|too|rather|fairly|pretty)$/.test(w) && /^[a-z]+ly$/.test(c.tok(j)) && j < i) j--
    else if (progressive && COPULA.has(w) && w !== "'s" && w !== '’s') j--
    // ("many people can't help but worry …": "can't help but" is part of the cue, as PolNeAR's cue holds it, 1 of 1.)
    else if (w === 'but' && c.low(j - 2) === 'help' && /^(?:n't|not|cannot)$/.test(c.low(j - 3)) && j - 3 >= lo) j -= 2
    // "on Tuesday", "last week", "this month", "Tuesday"
    else if (DAYS.test(w) && /^(?:on|last|this|that|next|each|every|earlier)$/.test(c.low(j - 2)) && j - 2 >= lo) j -= 2
    // (Not a named day: "on Super Tuesday said".)
    else if (WEEKDAY.test(w) && isWord(c.tok(j - 2)) && !/^(?:super|black|good|ash|cyber|holy|easter|palm|fat|giving|maundy)$/.test(c.low(j - 2))) j--
    // "have in the past blamed", "has in fact reported", "has at times described": a set adverbial phrase
    // after an auxiliary (a comma after it: "has in the past, opposed").
    else if (adverbialBefore(c, j, lo)) j = adverbialBefore(c, j, lo)
    else break
  }
  return j
}

/** Verbs of getting before "support" or "backing" ("drew support from", "has the backing of"). */
const GETS_SUPPORT = /^(?:drew|draws|drawn|draw|drawing|earned|earns|earning|received|receives|receiving|won|wins|winning|got|gets|getting|garnered|garners|garnering|captured|captures|has|have|had)$/

/**
 * "Trump earned the support of nearly four in 10 likely voters", "Mrs. Clinton, who drew support from 50 percent
 * of voters", "Rubio has won overwhelming support from members of Congress": the group after "of", "from" or
 * "among" backs the subject. PolNeAR dev marks the group as the source and the subject as the content 11 times in 14.
 * The end of the cue ("support from") and the group, when the verb at `i` opens such a phrase.
 */
function supportFrom(c: Ctx, i: number, hi: number): { cueEnd: number; np: [number, number] } | null {
  if (!GETS_SUPPORT.test(c.low(i))) return null
  let k = i + 1
  if (c.low(k) === 'the') k++
  // (one word of degree: "overwhelming support", "broad backing")
  if (/^(?:overwhelming|broad|strong|solid|wide|widespread|heavy|full|unanimous|bipartisan)$/.test(c.low(k))) k++
  if (!/^(?:support|backing)$/.test(c.low(k)) || !/^(?:of|from|among)$/.test(c.low(k + 1)) || k + 2 >= hi) return null
  let np = rightNP(c, k + 2, hi)
  // ("nearly four in 10 likely voters": a share runs on over its "in 10".)
  if (np && /^(?:in|of)$/.test(c.low(np[1])) && numberish(c.tok(np[1] + 1))) {
    const rest = rightNP(c, np[1] + 2, hi)
    np = [np[0], rest ? rest[1] : np[1] + 2]
  }
  // ("50 percent of voters in the poll", "41 percent of the Republican voters surveyed", "six in 10 Democrats on Long
  // Island": the poll, the survey or the place of the group is part of it, as in PolNeAR's sources.)
  if (np && /^(?:surveyed|polled|questioned|interviewed|sampled)$/.test(c.low(np[1]))) np = [np[0], np[1] + 1]
  if (np && /^(?:in|on)$/.test(c.low(np[1]))) {
    const poll = /^(?:the|this|that|a)$/.test(c.low(np[1] + 1)) && /^(?:poll|survey)$/.test(c.low(np[1] + 2)) ? np[1] + 3 : /^(?:the|this|that|a)$/.test(c.low(np[1] + 1)) && /^(?:poll|survey)$/.test(c.low(np[1] + 3)) ? np[1] + 4 : -1
    const place = isCap(c.tok(np[1] + 1)) ? rightNP(c, np[1] + 1, hi) : null
    if (poll > 0) np = [np[0], poll]
    else if (place) np = [np[0], place[1]]
  }
  // ("a large majority of those who cared most about …", "many Democrats, including the three members of …": PolNeAR's
  // source holds the relative clause or the examples of the group, to the next comma or the end of the sentence.)
  if (np && (/^(?:who|that)$/.test(c.low(np[1])) || (c.tok(np[1]) === ',' && c.low(np[1] + 1) === 'including'))) {
    let e = np[1] + 1
    while (e < hi && !/^[,;:.!?—–()]$/.test(c.tok(e)) && !END_PUNCT.has(c.tok(e))) e++
    np = [np[0], e]
  }
  return np ? { cueEnd: k + 2, np } : null
}

/** A copula or a verb of seeming, before a stance adjective ("were optimistic that …", "appeared pleased with …"). */
const COPULA_OR_SEEM = /^(?:is|are|was|were|remain|remains|remained|seemed|appeared|feel|felt|be|been)$/

/**
 * Participles and adjectives of feeling that, after a copula, take what the feeling is about after "by", "with",
 * "at", "about" or "over": "Democrats were outraged by Comey's announcement", "Many residents were outraged at the
 * protest", "Neither man was impressed by Mrs. Clinton". PolNeAR dev marks the subject as the source, the phrase
 * of the feeling as the cue and the object as the content 19 times in 21 outside another's reported words (the
 * rest, "he said he was alarmed by …", is inside the content of a "said", which the rules read first).
 * (Not "encouraged": "encouraged by his advisers to run" is done by the advisers.)
 */
const FEELINGS = new Set('outraged angered upset alarmed dismayed disappointed pleased displeased frustrated troubled surprised shocked unsettled heartened offended disturbed impressed unimpressed incensed infuriated irritated annoyed bothered delighted thrilled angry furious appalled horrified'.split(' '))

/** Words of degree or negation between a copula and a stance adjective ("are [less] confident in", "was [not] hopeful"). */
const DEGREE = /^(?:less|more|very|not|never|deeply|especially|particularly|increasingly|far|much|so|too|also|still|highly|quite|fairly|somewhat|even|now|already|equally|sharply|bitterly|evenly)$/

/**
 * The copula before a stance adjective at `i` with what it takes after it, else -1: "were optimistic that …",
 * "are deeply skeptical of …", "are less confident in Mrs. Clinton", "were more divided on another issue".
 * (Up to two words of degree between; "confident in" and "divided on/over" as well as "that", "about", "of".
 * PolNeAR dev marks 11 of the 16 such phrases with a word of degree; most of the rest are inside another's words.)
 */
function stanceAdjectiveAt(c: Ctx, i: number): number {
  const low = c.low(i)
  const next = c.low(i + 1)
  const takes = (cueAdjectives.has(low) && (/^(?:that|about|of)$/.test(next) || (low === 'confident' && next === 'in'))) || (low === 'divided' && /^(?:on|over)$/.test(next))
  if (!takes) return -1
  let k = i - 1
  while (k >= i - 2 && DEGREE.test(c.low(k))) k--
  return COPULA_OR_SEEM.test(c.low(k)) ? k : -1
}

/**
 * Feelings toward something after "of": "people were sick of their city being called …", "he was especially proud
 * of …", "Mrs. Clinton was openly dismissive of Mr. Trump" (PolNeAR dev: 6 of 7 outside quotation marks).
 */
const FEELINGS_OF = new Set('sick tired weary proud ashamed dismissive suspicious scared fond'.split(' '))

/** The copula before a word of feeling at `i` followed by its preposition ("were [deeply] troubled by"), else -1. */
function feelingAt(c: Ctx, i: number): number {
  if (!(FEELINGS.has(c.low(i)) && /^(?:by|with|at|about|over)$/.test(c.low(i + 1))) && !(FEELINGS_OF.has(c.low(i)) && c.low(i + 1) === 'of')) return -1
  // (an adverb or words of degree between: "were deeply troubled by", "was especially proud of")
  let k = i - 1
  while (k >= i - 2 && (DEGREE.test(c.low(k)) || /^\p{Ll}+ly$/u.test(c.tok(k)))) k--
  return COPULA_OR_SEEM.test(c.low(k)) ? k : -1
}

/** Set adverbial phrases an auxiliary and its verb may enclose ("have [in the past] blamed"), as lower-case words. */
const ENCLOSED_ADVERBIALS = ['in the past', 'in fact', 'at times', 'at one point', 'for years', 'for decades', 'for months', 'in recent weeks', 'in recent months', 'in recent years', 'in recent days', 'in turn', 'of course'].map((p) => p.split(' '))

/** The start of a set adverbial phrase that ends at `j` (before a comma or not) after an auxiliary, else 0. */
function adverbialBefore(c: Ctx, j: number, lo: number): number {
  const end = c.tok(j - 1) === ',' ? j - 1 : j
  for (const p of ENCLOSED_ADVERBIALS) {
    const a = end - p.length
    if (a - 1 >= lo && p.every((w, k) => c.low(a + k) === w) && (AUX.has(c.low(a - 1)) || COPULA.has(c.low(a - 1)))) return a
  }
  return 0
}

/** A noun phrase ending at token `j` (inclusive), scanning no further left than `lo`; [a, b) or null. */
function leftNP(c: Ctx, j: number, lo: number): [number, number] | null {
  const end = j + 1
  // ("commercials it described as …": a personal pronoun takes no words before it; "both of them", "you and I" do.)
  if (j >= lo && (SUBJECT_PRONOUN.test(c.low(j)) || c.low(j) === 'you') && !/^(?:of|and|or|nor|&)$/.test(c.low(j - 1))) return [j, end]
  let a = end
  let k = j
  while (k >= lo && end - k <= 14) {
    const t = c.tok(k)
    const l = t.toLowerCase()
    // "the missing cross - Adel Nefzi said": a free-standing dash is punctuation, not part of a name.
    if (t === '-' && (c.tokens[k - 1]?.end !== c.tokens[k]!.start || c.tokens[k + 1]?.start !== c.tokens[k]!.end)) break
    // ("10:52PMBush Says …": a clock time is no part of a name.)
    if (/^\d{1,2}(?:am|pm)$/.test(l)) break
    // "More than six in 10 said": a proportion.
    if ((l === 'in' || l === 'out' || l === 'of') && numberish(c.tok(k - 1)) && numberish(c.tok(k + 1)) && a === k + 1) {
      a = k
      k--
      continue
    }
    if (l === 'than' && /^(?:more|less|fewer)$/.test(c.low(k - 1)) && numberish(c.tok(k + 1)) && a === k + 1) {
      a = k - 1
      k -= 2
      continue
    }
    // "people familiar with …", "people with direct knowledge of …": an anonymous source's description.
    if (NP_INNER.has(l) || ((l === 'with' || l === 'to' || l === 'about') && /^(?:familiar|close|knowledgeable|briefed|loyal)$/.test(c.low(k - 1))) || (l === 'with' && /^(?:people|person|officials?|sources?|aides?|someone|insiders?)$/.test(c.low(k - 1)) && /^(?:direct|firsthand|first-hand|knowledge|access|ties|links)$/.test(c.low(k + 1)))) {
      a = k
      k--
      continue
    }
    // ("Residents' groups", "the Smiths’ lawyer": the apostrophe of a plural possessive, joined to its word.)
    if (k > lo && k < j && pluralApostrophe(c, k)) {
      a = k
      k--
      continue
    }
    // "Rep. Paul Ryan (R-WI)": a parenthesis inside the name.
    if (t === ')' && k === j) {
      let o = k - 1
      while (o >= lo && o > k - 8 && c.tok(o) !== '(') o--
      if (o >= lo && c.tok(o) === '(' && o > lo && isCap(c.tok(o - 1))) {
        a = o
        k = o - 1
        continue
      }
      break
    }
    // ("[upstart companies like] Netflix and Amazon Prime have proven", "[websites such as] DC Leaks": the group the names
    // are examples of; PolNeAR dev sources hold it 25 times.)
    if ((l === 'like' || (l === 'as' && c.low(k - 1) === 'such')) && a === k + 1 && isCap(c.tok(a))) {
      const g = l === 'like' ? k - 1 : k - 2
      if (g >= lo && /^\p{Ll}+s$/u.test(c.tok(g)) && /^NNS$/.test(c.pos().pos[g]!)) {
        a = g
        k = g - 1
        continue
      }
    }
    // "Neither Cruz nor Christie acknowledged …": both are the subject.
    if (l === 'nor') {
      let m = k - 1
      while (m >= lo && m > k - 8 && c.low(m) !== 'neither' && isWord(c.tok(m))) m--
      if (m >= lo && c.low(m) === 'neither') {
        a = m
        k = m - 1
        continue
      }
      break
    }
    if (l === 'and' || l === '&') {
      const right = c.tok(k + 1)
      const left = c.tok(k - 1)
      // "Sanders and Clinton", "teachers and union officials"
      // ("Federal and state officials": two modifiers of one plural head.)
      // (Not before an article: "wants to help and the officials said" joins two clauses.)
      const modifiers = k + 1 < j && /s$/.test(c.low(j)) && speakerLike(c.low(j)) && isWord(left) && !NP_STOP.has(left.toLowerCase()) && !DETERMINERS.has(left.toLowerCase()) && !(/^(?:the|a|an)$/.test(right) && /^\p{Ll}/u.test(left))
      // ("the independent Vermont senator and Democratic presidential candidate": one person's two roles.)
      const roles = k + 1 <= j && roleHeads.has(left.toLowerCase()) && roleHeads.has(c.low(j)) && /^\p{Ll}/u.test(c.tok(j))
      // ("Spokesmen for Bill Clinton and the foundation": a name and an organisation with its article.)
      const theOrg = right === 'the' && isCap(left) && k + 2 <= j && organizationNounsSet.has(c.low(j))
      // ("many officials on and off the island", "experts in and around Washington": two prepositions, one object.)
      const twoPrepositions = /^(?:on|in|inside|within)$/.test(left.toLowerCase()) && /^(?:off|out|outside|around|beyond)$/.test(right.toLowerCase())
      if (k - 1 >= lo && twoPrepositions) {
        a = k - 1
        k -= 2
        continue
      }
      if (k - 1 >= lo && ((isCap(right) || numberish(right) || (/s$/.test(left) && /s$/.test(c.low(j)) && speakerLike(c.low(j)))) && (isCap(left) || /s$/.test(left)) || modifiers || roles || theOrg)) {
        a = k
        k--
        continue
      }
      break
    }
    // "two who are current officials": a counted group described by a relative clause.
    if (COPULA.has(l) && c.low(k - 1) === 'who' && numberish(c.tok(k - 2))) {
      a = k - 2
      k -= 3
      continue
    }
    // (a cue form before a plural noun of people modifies it: "state officials", "report authors")
    // ("May said": a function word that is a person's name is the name.)
    // ("Secretary of State John Kerry": a capitalised cue form after "of" is part of a title.)
    // ("A majority of that segment": a demonstrative after a preposition is a determiner.)
    if (!isWord(t) || (NP_STOP.has(l) && !(c.personTok[k] && isCap(t)) && !(/^(?:that|this)$/.test(l) && k < j && (NP_PREPOSITIONS.test(c.low(k - 1)) || (t === 'That' || t === 'This') && (k === lo || !isWord(c.tok(k - 1)))))) || (cueByForm.has(l) && !DETERMINERS.has(c.low(k - 1)) && !stateModifier(c, k, j) && !(NOUN_FORMS.has(l) && QUANTIFIER.test(c.low(k - 1))) && !(c.personTok[k] && isCap(t)) && !(isCap(t) && c.low(k - 1) === 'of' && isCap(c.tok(k - 2))) && !(k < j && /s$/.test(c.low(k + 1)) && anonymousNouns.has(c.low(k + 1))))) break
    // "the issues NBC reported": a plural noun right before a name ends the phrase.
    // (Not a possessive determiner, "Band and [his] Teneo co-founder".)
    if (a < end && isCap(c.tok(a)) && /^[a-z]+[^s]s$/.test(t) && !anonymousNouns.has(l) && l !== 'his' && l !== 'its') break
    // ("the fact the director …", "This time the clash …": a common noun right before an article ends a phrase
    // before it; "over the weekend Mr. Bewkes agreed": so does a time noun right before a name.)
    if (a < end && t === l && /^\p{Ll}+$/u.test(t) && /^(?:the|a|an)$/.test(c.low(a)) && /^NNS?$/.test(c.pos().pos[k]!) && !/^(?:all|both|half|such|quite|rather|what|many|twice|double)$/.test(l)) break
    if (a < end && t === l && /^(?:week|weekend|month|year|night|morning|afternoon|evening|day|time)$/.test(l) && isCap(c.tok(a))) break
    a = k
    k--
  }
  if (a >= end) return null
  // Drop leading time words and conjunctions ("Yesterday the ministry said").
  // ("De Blasio said", "Van Hollen said": a capitalised particle before a capitalised word starts the name.)
  while (a < end && (LEAD_TRIM.has(c.low(a)) || NP_INNER.has(c.low(a)) && !DETERMINERS.has(c.low(a)) && c.low(a) !== 'the' && c.low(a) !== 'a' && c.low(a) !== 'an' && !(NAME_PARTICLE.test(c.tok(a)) && a + 1 < end && isCap(c.tok(a + 1))))) a++
  while (a < end && /^(?:\d+|\p{Lu}\p{Ll}+day)$/u.test(c.tok(a)) && a + 1 < end && !/^(?:percent|%|in|of|out)$/.test(c.low(a + 1))) a++
  if (a >= end) return null
  if (DETERMINERS.has(c.low(end - 1)) || NP_INNER.has(c.low(end - 1))) return null
  // "network RT he blasted": a pronoun ends the phrase before it.
  if (end - a > 1 && /^(?:he|she|they|we|i)$/.test(c.low(end - 1))) return [end - 1, end]
  // "In a Bloomberg interview Trump declared": after a preposition, the phrase is its object; the
  // subject is the name after the object's last common noun.
  if (/^(?:in|on|at|during|with|from|after|before|to|for|by|of|through|via)$/.test(c.low(a - 1)) && isCap(c.tok(end - 1))) {
    for (let k = end - 1; k > a; k--)
      // (Not after a noun that classes the name: "by the consulting firm Oxford Economics", "on the website GunBroker.com".)
      if (isCap(c.tok(k)) && /^\p{Ll}{3,}$/u.test(c.tok(k - 1)) && !NP_INNER.has(c.low(k - 1)) && c.low(k - 1) !== 'and' && !CLASSING_NOUNS.test(c.low(k - 1))) return [k, end]
  }
  return [a, end]
}

/** A noun phrase starting at token `k`, up to `hi` (exclusive): "said [the spokeswoman for the ministry]". */
function rightNP(c: Ctx, k: number, hi: number): [number, number] | null {
  let b = k
  while (b < hi && b - k < 12) {
    const t = c.tok(b)
    const l = t.toLowerCase()
    if (NP_INNER.has(l) || (l === 'in' && c.low(b + 1) === 'charge') || (['with', 'at', 'by', 'from'].includes(l) && b > k && (/^(?:a|an|the)$/.test(c.low(b + 1)) || (l !== 'with' && isCap(c.tok(b + 1)))))) {
      b++
      continue
    }
    if (l === 'and' && (isCap(c.tok(b + 1)) || numberish(c.tok(b + 1)))) {
      b++
      continue
    }
    // ("say experts like Paul Bauman", "said critics such as Jane Roe": the examples of a group.)
    if (b > k && (l === 'like' || (l === 'such' && c.low(b + 1) === 'as')) && /s$/.test(c.low(b - 1)) && isCap(c.tok(l === 'like' ? b + 1 : b + 2))) {
      b += l === 'like' ? 1 : 2
      continue
    }
    if (l === 'familiar' || l === 'close' || l === 'knowledgeable') {
      b++
      continue
    }
    // ('said Elizabeth May.': a function word that is a person's name is the name, as in `leftNP`.)
    if (!isWord(t) || NP_STOP.has(l) && !(l === 'with' && ['familiar', 'close'].includes(c.low(b - 1))) && !(c.personTok[b] && isCap(t) && b > k)) break
    b++
  }
  while (b > k && (NP_INNER.has(c.low(b - 1)) || c.low(b - 1) === 'and')) b--
  return b > k ? [k, b] : null
}

/**
 * "[state] Sen. Jason Holsman", "[State] Department spokesman John Kirby", "[state] news media": "state" before a
 * title, a name or a noun in the phrase is no verb of saying (PolNeAR dev sources open with it 12 times).
 */
function stateModifier(c: Ctx, k: number, j: number): boolean {
  return c.low(k) === 'state' && k < j && (isCap(c.tok(k + 1)) || /^(?:NN|JJ)/.test(c.pos().pos[k + 1]!))
}

/** Participles that, right after a noun, modify it ("superdelegates [supporting] Sanders", "a man [calling] himself …"). */
const MODIFYING_PARTICIPLE = /^(?:supporting|backing|seeking|opposing|representing|calling|handling|covering|challenging|advising|running)$/
/**
 * Is the participle at `i` the head of a reduced relative clause after a noun ("House Republicans [supporting] the
 * bill have said …"): a noun right before it, and a finite verb after its short object, in the same clause?
 */
function reducedRelative(c: Ctx, i: number, hi: number): boolean {
  if (!MODIFYING_PARTICIPLE.test(c.low(i)) || !/^\p{L}/u.test(c.tok(i - 1)) || !/^NN/.test(c.pos().pos[i - 1]!)) return false
  const pos = c.pos().pos
  for (let k = i + 2; k < hi && k <= i + 8; k++) {
    if (!isWord(c.tok(k)) && c.tok(k) !== '.' || RELATIVES.has(c.low(k)) || c.low(k) === 'that' || c.low(k) === 'and') return false
    if (finiteAt(c, k) && /^(?:NN|PRP|CD)/.test(pos[k - 1]!)) return true
  }
  return false
}

function numberish(t: string): boolean {
  return /^\d+$/.test(t) || /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|some|both|dozens|hundreds)$/i.test(t)
}

/** From a speaker phrase with appositives ("Hugh Hill, a doctor,"), the part that names the speaker. */
function pickAppositive(c: Ctx, a: number, b: number, phrase = c.speakerPhrase): [number, number] {
  if (phrase) {
    while (b > a && c.tok(b - 1) === ',') b--
    return [a, b]
  }
  const parts: [number, number][] = []
  let s = a
  for (let k = a; k < b; k++)
    if (c.tok(k) === ',') {
      if (k > s) parts.push([s, k])
      s = k + 1
    }
  if (b > s) parts.push([s, b])
  if (parts.length <= 1) return parts[0] ?? [a, b]
  // "Jason Dana, Robyn Dawes and Nathanial Peterson": a list of names is kept whole.
  const last = parts[parts.length - 1]!
  let and = -1
  for (let k = last[0]; k < last[1]; k++) if (c.low(k) === 'and') and = k
  const nameAt = (k: number) => isCap(c.tok(k)) && !DETERMINERS.has(c.low(k))
  if (and >= 0 && nameAt(and + 1) && parts.every((p) => nameAt(p[0]))) return [a, b]
  const first = parts[0]!
  const named = (p: [number, number]) => isCap(c.tok(p[0])) && !DETERMINERS.has(c.low(p[0]))
  // "a spokeswoman, Anna White," names her after the description; "A report by the National Academies of
  // Sciences, Engineering and Medicine" and "An article about Tashfeen Malik, …, Calif." are a document.
  const document = () => {
    for (let k = first[0]; k < Math.min(first[1], first[0] + 3); k++) if (documentNouns.has(c.low(k))) return true
    return false
  }
  const personName = (p: [number, number]) => named(p) && p[1] - p[0] <= 5 && !c.tok(p[1] - 1).endsWith('.') && !c.tokens.slice(p[0], p[1]).some((t) => t.text.toLowerCase() === 'and')
  // ("Schilling's son, Grant", "Another pollster, David Woodard": a description that ends in a common noun.)
  // ("Manitoba Hydro's president and CEO, Jay Grewal": a description that ends in a capitalised role too.)
  if ((!named(first) || /^\p{Ll}/u.test(c.tok(first[1] - 1)) || (roleHeads.has(c.low(first[1] - 1)) && c.tokens.slice(first[0], first[1]).some((t) => /['’]s$/.test(t.text)))) && !document()) {
    // ("The two Washington Post reporters who broke the story, Carl Bernstein and Bob Woodward,": two names.)
    const names = (p: [number, number]) => {
      const ws = c.tokens.slice(p[0], p[1]).map((t) => t.text)
      const each = ws.join(' ').split(' and ').map((x) => x.split(' '))
      return named(p) && ws.length <= 8 && each.length === 2 && each.every((n) => n.length >= 2 && n.length <= 3 && n.every(isCap))
    }
    const later = parts.slice(1).find((p) => personName(p) || names(p))
    if (later) return later
    // ("The other man, his cousin James York, 40,": the name that ends a description.)
    for (const p of parts.slice(1)) {
      let k = p[1]
      while (k > p[0] && isCap(c.tok(k - 1)) && !DETERMINERS.has(c.low(k - 1))) k--
      // (or a role: "Clinton's introducer, actress Jamie Lee Curtis")
      const described = (/^(?:his|her|their|its|our|my|the|a|an)$/.test(c.low(p[0])) && k - p[0] >= 2 && k - p[0] <= 3 && c.tokens.slice(p[0] + 1, k).every((t) => /^\p{Ll}+$/u.test(t.text) && !NP_STOP.has(t.text) && !NP_INNER.has(t.text))) ||
        (k - p[0] === 1 && /^\p{Ll}+$/u.test(c.tok(p[0])) && roleHeads.has(c.low(p[0])))
      if (described && k < p[1] && p[1] - k <= 3 && personName([k, p[1]]) && (c.personTok[k] === 1 || p[1] - k >= 2)) return [k, p[1]]
    }
  }
  return first
}

/** The words count of a range, ignoring punctuation. */
function words(c: Ctx, a: number, b: number): number {
  let n = 0
  for (let k = a; k < b; k++) if (isWord(c.tok(k))) n++
  return n
}

/**
 * The token after a dateline that opens a paragraph at token `a` ("OTTAWA —", "MYRTLE BEACH, S.C. —",
 * "LONDON (Reuters) -", "PARIS, Aug 31 (Reuters) -"), or `a` when there is none.
 */
function datelineEnd(c: Ctx, a: number, b: number): number {
  let k = a
  let agency = false
  // A place in capitals or in capitalised words, a state after a comma ("Calif.", "S.C."), a news agency in brackets.
  while (k < b && k - a < 8) {
    const t = c.tok(k)
    if (DATELINE_AGENCY.test(t) && c.tok(k - 1) === '(') agency = true
    // ("PARIS, Aug 31 (Reuters) -": a date after the place.)
    else if (!(/^\p{Lu}[\p{Lu}.'’-]+$/u.test(t) || /^[(),.]$/.test(t) || (isCap(t) && /^\p{Lu}[\p{L}.'’-]*$/u.test(t)) || (/^\d{1,4}$/.test(t) && k > a))) break
    k++
  }
  if (k > a && k + 1 < b && /^(?:[—–―-]|--)$/.test(c.tok(k)) && (/^\p{Lu}{2}/u.test(c.tok(a)) || agency) && isCap(c.tok(k + 1)) && c.paraRange(a)[0] === a) return k + 1
  return a
}

const DATELINE_AGENCY = /^(?:Reuters|AP|CP|AFP|Bloomberg|UPI|dpa|Xinhua|EFE|ANSA|PTI|IANS|TASS|Sputnik|CNN|BBC)$/

/** The character span of tokens [a, b), trimmed of punctuation at both ends except quotation marks. */
/**
 * Where the object of a stance or other object cue ends: before "during", which says when, not what
 * ("criticized [the plan] during a debate"); a quotation keeps it whole. (Cutting before "when" too moved
 * PolNeAR's held-out CofeNet content score down, 62.9 -> 62.5: its objects often hold the clause.)
 */
function objectEnd(c: Ctx, a: number, b: number): number {
  for (let k = a + 1; k < b; k++) {
    if (MARKS.has(c.tok(k))) return b
    if (c.low(k) === 'during') return k
    // ("blasted Republicans for being sore losers [now that the FBI has decided …]", "calling for Trump to be
    // banned [after the candidate suggested …]": a clause of time or reason, with its own subject and verb.)
    const sub = c.low(k) === 'now' && c.low(k + 1) === 'that' ? k + 2 : /^(?:after|because|since|although|though|while|whereas|until|once|when|before)$/.test(c.low(k)) ? k + 1 : -1
    if (sub > 0 && k > a + 1 && c.low(a) !== 'to' && finiteClause(c, sub, b)) return c.tok(k - 1) === ',' ? k - 1 : k
  }
  return b
}

/** Prepositions that open a phrase of the occasion of a statement ("at a town hall", "during a press call"). */
const OCCASION_PREP = /^(?:in|at|during|on|before|from|via|after|outside)$/
/** Nouns of the occasion of a statement ("in a tweet", "at a rally", "in an interview"). */
const OCCASION_NOUN = /^(?:tweets?|statements?|interviews?|speech(?:es)?|remarks|videos?|posts?|e-?mails?|letters?|op-eds?|columns?|ads?|releases?|rally|rallies|conferences?|events?|stops?|hall|meetings?|forums?|fundraisers?|hearings?|summit|briefings?|appearances?|broadcasts?|shows?|calls?|messages?|sessions?|address|luncheon|dinner|breakfast|convention|gathering|visit|trip)$/
/** Media a statement is made on ("on Twitter", "on CNN"). */
const MEDIUM = /^(?:twitter|facebook|instagram|youtube|snapchat|reddit|cnn|msnbc|fox|nbc|abc|cbs|npr|pbs|c-span|cnbc|bloomberg)$/
/** Words of the place or time after an occasion noun ("with CNN", "in Salem, New Hampshire", "Friday night"). */
const OCCASION_LINK = /^(?:with|to|in|on|at|before|for|of|outside|near)$/

/**
 * Do tokens [k, b) make up only phrases of the occasion or time of a statement ("on Monday", "last week",
 * "in a tweet", "on Twitter", "at a rally in South Carolina Friday night", "in an interview with CNN on Sunday")?
 */
function occasionTail(c: Ctx, k: number, b: number): boolean {
  let x = k
  let pieces = 0
  // (A time alone is not enough: "expected their second child this summer", "hit by France in airstrikes on Sunday night".)
  let occasion = false
  while (x < b) {
    const t = timePhraseEnd(c, x)
    if (t > x) {
      x = t
      pieces++
      continue
    }
    const w = c.low(x)
    // "on Twitter", "on CNN", "on Fox News": a medium by name.
    // (Not any name: "attacks on Trump", "cracking down on Wall Street".)
    if (w === 'on' && MEDIUM.test(c.low(x + 1)) && isCap(c.tok(x + 1))) {
      x += 2
      while (x < b && isCap(c.tok(x))) x++
      pieces++
      occasion = true
      continue
    }
    if (/^(?:in|at|during|via|through|after)$/.test(w)) {
      // (With "a" or "an" only: "violence at his rallies", "his performance at Saturday's debate" are what was said.)
      const y = x + 2
      let n = y
      if (!/^(?:a|an)$/.test(c.low(x + 1))) n = b
      while (n < b && n - y < 4 && !OCCASION_NOUN.test(c.low(n)) && /^[\p{L}-]+$/u.test(c.tok(n))) n++
      if (n < b && OCCASION_NOUN.test(c.low(n))) {
        x = n + 1
        pieces++
        occasion = true
        // ("with CNN", "in Hanahan, South Carolina", "to supporters"): a short phrase of the place or hearer.
        while (x < b && OCCASION_LINK.test(c.low(x)) && !WEEKDAY.test(c.low(x + 1)) && (isCap(c.tok(x + 1)) || DETERMINERS.has(c.low(x + 1)) || /^(?:supporters|reporters|voters|donors)$/.test(c.low(x + 1)))) {
          x += 2
          // ("in his home state of Vermont", "on CBS's Face the Nation": names, and up to three nouns, adjectives or
          // determiners after a place's determiner or a name's "'s" (one after "for the", "with the": "cited his
          // appearance in a campaign ad [for the prime minister]" is what was cited); not a clause, "at a Trump event
          // [before the campaign is over]". Held-out PolNeAR dev: matched +2, exact +2; all dev, no quote lost.)
          let common = DETERMINERS.has(c.low(x - 1)) ? (/^(?:in|on|at|of)$/.test(c.low(x - 2)) ? 3 : 1) : 0
          while (x < b) {
            if ((isCap(c.tok(x)) && !WEEKDAY.test(c.low(x))) || (c.tok(x) === ',' && isCap(c.tok(x + 1)))) x++
            else if (/^['’]s$/.test(c.tok(x)) && isCap(c.tok(x - 1))) {
              x++
              common = 3
            } else if (common > 0 && /^\p{Ll}+$/u.test(c.tok(x)) && !OCCASION_LINK.test(c.low(x)) && /^(?:NN|JJ|CD|DT)/.test(c.pos().pos[x]!)) {
              x++
              common--
            } else break
          }
        }
        continue
      }
      // ("at a rally in South Carolina": a place by name after an occasion.)
      if (pieces > 0 && (w === 'in' || w === 'at') && isCap(c.tok(x + 1))) {
        x += 1
        while (x < b && ((isCap(c.tok(x)) && !WEEKDAY.test(c.low(x))) || (c.tok(x) === ',' && isCap(c.tok(x + 1))))) x++
        pieces++
        continue
      }
    }
    break
  }
  while (x < b && /^[.,;]$/.test(c.tok(x))) x++
  return occasion && x >= b
}

/** The one content of an indirect attribution, after its cue, that the clause cuts below may end; else undefined. */
function contentAfterCue(at: Attribution): Span | undefined {
  return at.kind === 'indirect' && at.cue && at.fragments.length === 1 && at.fragments[0]!.start >= at.cue.end ? at.fragments[0] : undefined
}

/** The commas among tokens [from, to) outside parentheses and brackets, in order. */
function topLevelCommas(c: Ctx, from: number, to: number): number[] {
  const out: number[] = []
  let depth = 0
  for (let x = from; x < to; x++) {
    const t = c.tok(x)
    if (t === '(' || t === '[') depth++
    else if (t === ')' || t === ']') depth--
    else if (t === ',' && depth === 0) out.push(x)
  }
  return out
}

/** `at` with its content `f` ended before token `x`. */
function endedBefore(c: Ctx, at: Attribution, f: Span, x: number): Attribution {
  return { ...at, fragments: [{ start: f.start, end: c.tokens[x - 1]!.end }] }
}

/** Subordinators that open a clause of time, reason or concession put before the main clause. */
const FRONTED_SUBORDINATOR = /^(?:while|although|though|after|before|since|when|as|because|once|whereas|despite|until|unless|if)$/

/**
 * ("While Republicans are happily supporting [the delay as a blow to Obamacare], multiple sources say …",
 * "Having announced [that he would not send me to prison], Judge Berman proceeded …"): a cue in a clause put
 * before the main clause (after a subordinator, or a participle that opens the sentence) takes no content past
 * the comma that opens the main clause, a subject and a finite verb. The main clause's own attribution, if any,
 * is then no longer nested in it. (PolNeAR dev, train split: of 16 such contents cut, the gold content ends at
 * the comma 14 times and is absent twice; never runs on. "According to X, …" is left alone: 3 of 3 run on.)
 */
function beforeMainClause(c: Ctx, at: Attribution): Attribution {
  const f = contentAfterCue(at)
  if (!f) return at
  const ci = c.tokAfter(at.cue!.start)
  const [s0, s1] = c.sentenceRange(ci)
  let k = s0
  while (k < ci && /^(?:but|and|yet|still|so|even|[“"‘'(])$/.test(c.low(k))) k++
  const pos = c.pos().pos
  const fronted = FRONTED_SUBORDINATOR.test(c.low(k)) || (pos[k] === 'VBG' && k === ci) || (c.low(k) === 'having' && k + 1 >= ci)
  // (Not "According to X, [the main clause]": the content is the main clause.)
  if (!fronted || k > ci || c.low(ci) === 'according') return at
  for (let x = k; x < ci; x++) if (c.tok(x) === ',' || c.tok(x) === ';') return at
  const a = c.tokAfter(f.start)
  const b = Math.min(c.tokBefore(f.end) + 1, s1)
  for (const x of topLevelCommas(c, a + 1, b - 1)) if (finiteClause(c, x + 1, s1)) return endedBefore(c, at, f, x)
  return at
}

/**
 * ("… said she is prepared[, compared with the 30 percent who say the same about Mr. Trump]", "… decried rote
 * testing regimes[, conservatives who wanted …]"): a phrase after a comma whose head, a group or a figure, is the
 * subject of a cue ("N who said …") attributes a statement of its own; the indirect content before it ends at
 * the comma. (PolNeAR dev, train split: gold ends the content there and gives the "who" its own quote 7 times in
 * 8; the other keeps "a drop from 76 percent who said the same".)
 */
function beforeRelativeGroup(c: Ctx, at: Attribution): Attribution {
  const f = contentAfterCue(at)
  if (!f) return at
  const a = c.tokAfter(f.start)
  const b = c.tokBefore(f.end) + 1
  const pos = c.pos().pos
  for (const x of topLevelCommas(c, a + 1, b - 2)) {
    if (words(c, a, x) < 3) continue
    // (Past nouns, figures, determiners and prepositions only: "compared with the 30 percent", "about the same number".)
    for (let m = x + 1; m < Math.min(b, x + 12) && c.tok(m) !== ','; m++) {
      if (c.low(m) === 'who') {
        if (m > x + 1 && /^(?:NNS?|NNPS?|CD)$/.test(pos[m - 1]!) && cueAt(c, m + 1) !== null && c.low(m + 1) !== 'knows') return endedBefore(c, at, f, x)
        break
      }
      if (!/^(?:DT|JJR?|NNS?|NNPS?|CD|IN|PRP\$)$/.test(pos[m]!) && c.low(m) !== 'compared') break
    }
  }
  return at
}

/**
 * ("… pointing out that North Carolina would win[ – even though he picked Peyton Manning …]", "… insist the political
 * tide is turning their way[ — and the Senate is currently holding …]", "… that it will be very difficult …[ -
 * something Sanders aides argue is possible]"): a spaced dash before a clause of its own (a subject and a finite
 * verb, after an optional "even though", "because" …) ends an indirect content; a pair of dashes around an aside
 * does not. (PolNeAR dev, train split: of 11 contents cut, gold ends 9 at the dash, keeps 1 whole, 1 has none. After
 * "and" or "but" only a clause with a cue: with any clause gold agreed 3 times in 6.)
 */
function beforeDashClause(c: Ctx, at: Attribution): Attribution {
  const f = contentAfterCue(at)
  if (!f) return at
  const a = c.tokAfter(f.start)
  const b = c.tokBefore(f.end) + 1
  const spacedDash = (x: number) => isDash(c, x) && /\s/.test(c.text[c.tokens[x]!.start - 1] ?? '') && (/\s/.test(c.text[c.tokens[x]!.end] ?? '') || DASH_TOKEN.test(c.tok(x + 1)))
  const dashes: number[] = []
  for (let x = a + 1; x < b - 2; x++) if (spacedDash(x)) {
    dashes.push(x)
    while (DASH_TOKEN.test(c.tok(x + 1))) x++
  }
  for (let i = 0; i < dashes.length; i++) {
    const x = dashes[i]!
    // (A pair around an aside, the content going on after it: "that — at least for now — Republicans seem …",
    // "– in his professional life –".)
    if (i + 1 < dashes.length && c.sentOf[dashes[i + 1]!] === c.sentOf[x]) {
      i++
      continue
    }
    if (words(c, a, x) >= 2 && dashClause(c, x, b)) return endedBefore(c, at, f, x)
  }
  return at
}

/** Does a clause with a subject and a finite verb follow the dash at `x` (after "and", "but", "even though" …)? */
function dashClause(c: Ctx, x: number, b: number): boolean {
  let k = x + 1
  while (DASH_TOKEN.test(c.tok(k))) k++
  // (After "and" or "but", only a clause with a cue of its own: "— and the poll shows …"; not "- and many will wear
  // shorts", what was said going on.)
  if (/^(?:and|but)$/.test(c.low(k))) {
    const v = finiteVerb(c, k + 1, b)
    return v > 0 && (cueAt(c, v) !== null || cueAt(c, v + 1) !== null)
  }
  if (/^(?:while|then|although|though|whereas|because|since)$/.test(c.low(k))) k++
  else if (/^(?:even|especially|particularly)$/.test(c.low(k)) && /^(?:though|if|as|because|when|while)$/.test(c.low(k + 1))) k += 2
  return !/^(?:that|which|who|this|these|those)$/.test(c.low(k)) && finiteClause(c, k, b)
}

/** The finite verb of a clause opening at `k` with a subject (a pronoun or a short noun phrase, names included), or -1. */
function finiteVerb(c: Ctx, k: number, b: number): number {
  const pos = c.pos().pos
  for (let x = k; x < Math.min(b, k + 7); x++) {
    if (x > k && finiteAt(c, x)) return x
    if (!/^(?:DT|PRP\$?|JJ|JJR|JJS|NN|NNS|NNP|NNPS|POS|CD)$/.test(pos[x]!)) return -1
  }
  return -1
}

/** Does a clause open at `k` with a subject (a pronoun or a short noun phrase, names included) and a finite verb? */
function finiteClause(c: Ctx, k: number, b: number): boolean {
  return finiteVerb(c, k, b) !== -1
}

function contentSpan(c: Ctx, a: number, b: number, min = 2): Span | null {
  // "OTTAWA — The government …", "LONDON (Reuters) - …": a dateline is no content.
  a = datelineEnd(c, a, b)
  while (a < b && /^[,;:.—–\-]$/.test(c.tok(a))) a++
  while (b > a && /^[,;:.—–\-]$/.test(c.tok(b - 1))) b--
  if (b <= a || words(c, a, b) < min) return null
  return c.span(a, b)
}

/**
 * Finds direct, indirect and mixed quotes with their cues and speakers, and the sources they rest on.
 *
 * The rules come from the shape of the sentence around a cue verb:
 * - after a closing mark: `"…," X said.` / `"…," said X.` / `"…" — X`; a following quote that is not
 *   attributed on its own continues the same quote (a split quote: `"…," one aide said, "…"`, or the next
 *   paragraph of the same speech);
 * - before an opening mark: `X said: "…"`, `X said, "…"`, `X reported that "…"`, `From X:`;
 * - in running text: `X said (that) …`, `X told Y (that) …`, `…, X said.`, `…, said X.`,
 *   `according to X, …`, `…, X said, …` (two fragments). A quoted phrase inside makes the quote mixed.
 *
 * Then the quote tagger (`./quote-tagger.ts`, trained on PolNeAR) adds the attributions the rules miss
 * (mostly indirect ones: beliefs, stances, reports); every rule attribution is kept as it is. Last,
 * attributions that nest are resolved (`resolveNesting`: a cue inside another quote's content is part of
 * that quote), the subject of a passive or impersonal cue is no speaker (`dropImpersonalSpeaker`: "Trump
 * was asked …", "It is unclear whether …"), and the cue is reported as PolNeAR marks it (`cueAndContent`:
 * "has also claimed", "called for", no time phrase).
 */
export interface QuoteOptions {
  /**
   * `phrase` (default): the speaker mention is the whole phrase with its appositives ("Hugh Hill, a
   * doctor,"), as PolNeAR annotates sources; `speaker.name` gives the name. `name`: the mention is the name
   * alone ("Hugh Hill").
   */
  speakerExtent?: 'name' | 'phrase'
  /** The tagger model (default: the shipped `models/quotes.json.gz`); null for the rules alone. */
  model?: QuoteModel | null
  /** The least mean content margin of a tagged quote that is kept (default `MIN_MARGIN`); for tuning. */
  minMargin?: number
  /** Decoding biases of the tagger (default `TAG_BIAS`); for tuning. */
  tagBias?: TagBias
}

/** Set for the duration of one synchronous `findQuotes` call (the module keeps no other state). */

/** Verbs whose subject may follow them ("said Mr. Trump", "predicted Kunin"), and "named" ("a worker named Antonio Arroyo"): a name after them is no object. */
const INVERTING_VERBS = new Set(['name', 'say', 'predict', 'add', 'write', 'ask', 'continue', 'explain', 'note', 'recall', 'reply', 'respond', 'argue', 'insist', 'warn', 'declare', 'tweet', 'counter', 'conclude'])

export function findQuotes(doc: QuoteInput, options: QuoteOptions = {}): { quotes: Quote[]; sources: Source[] } {
  const model = options.model === undefined ? loadQuoteModel() : options.model
  const { c, input, attributions: rules } = prepareQuotes(doc, options)
  // (Part-of-speech tags: the tagger reads them, and pronoun resolution asks whether a name is a verb's object.)
  if (model) input.pos = c.pos()
  const found = model ? combineAttributions(c, input.quoted, rules, tagged(c, input, model, options.minMargin, options.tagBias)) : rules
  // Contents that run into a clause of their own end before it (before nesting, so that clause's attribution stays whole).
  const cut = found.map((at) => beforeDashClause(c, beforeRelativeGroup(c, beforeMainClause(c, at))))
  for (const at of cut) beforeNextAttribution(c, at, cut, input.quoted)
  const pos = () => input.pos?.pos
  const resolved = resolveNesting(cut, c.text).map((at) => headlineTopic(c, reducedPassive(c, yesOrNo(c, subjectOfVerbPhrase(c, passiveAgent(c, dropImpersonalSpeaker(c, raisedSubject(c, at), pos()), pos()), pos())))))
  const attributions = resolved.flatMap((at) => coordinatedPredicate(c, at, resolved, input.quoted))
  const verbObject = (start: number): boolean => {
    input.pos ??= c.pos()
    let j = c.tokAfter(start) - 1
    // ("advise President Trump", "stopping the Trump …": past a title or an article.)
    for (let skip = 0; skip < 3 && j >= 0 && (/^(?:the|a|an)$/.test(c.tok(j)) || (isCap(c.tok(j)) && /^NNP/.test(input.pos.pos[j]!))); skip++) j--
    // (Not across a line break: "Phone call disputed ¶ LaRue believed …", a headline before the paragraph.)
    if (j < 0 || !/^VB/.test(input.pos.pos[j]!) || !/^\p{Ll}/u.test(c.tok(j)) || c.text.slice(c.tokens[j]!.end, start).includes('\n')) return false
    // "said Mr. Trump", "added Smith": a speech verb before its subject, right after a comma or a quotation;
    // not "he said Ryan.", "Trump asked Nixon to …", whose object the name is.
    return !INVERTING_VERBS.has(input.pos.lemma[j]!) || !(c.tok(j - 1) === ',' || MARKS.has(c.tok(j - 1)) || j === 0)
  }
  const quotes: Quote[] = []
  const speakers: { attribution: Attribution; speaker: Speaker }[] = []
  let n = 0
  for (const at of attributions) {
    // "I" outside any quotation is the writer; inside one, someone quoted.
    // ("the woman, who spoke on condition of anonymity": an unnamed source who asked to stay so.)
    // ('"…," said one teacher in Laval who asked not to be identified.': the clause after an inverted speaker too.)
    // ("The mother of one of the victims, who cannot be named because of a publication ban, read …": the clause
    // between the speaker and the cue, when the speaker phrase leaves it out.)
    const after = at.speaker !== undefined && at.cue !== undefined && (at.cue.end <= at.speaker.start || at.speaker.end <= at.cue.start) ? /^\s*(?:(?:in|from|of|at)\s+(?:\p{Lu}[\p{L}.'’-]*\s*){1,3})?,?\s*who\s+([^.!?]{0,90})/u.exec(c.text.slice(at.speaker.end, at.cue.end <= at.speaker.start ? at.speaker.end + 140 : at.cue.start)) : null
    // ("A worker who did not want to be named said": the clause inside the speaker phrase.)
    const inner = at.speaker !== undefined ? /\bwho\s+([^.!?]{0,90})$/u.exec(c.text.slice(at.speaker.start, at.speaker.end)) : null
    const unnamed = at.speaker !== undefined && (droppedRelativeClause(c, at.speaker)?.anonymity === true || (after !== null && ANONYMITY_CLAUSE.test(after[1]!)) || (inner !== null && ANONYMITY_CLAUSE.test(inner[1]!)))
    if (at.speaker) {
      const was = at.speaker
      at.speaker = cleanSpeaker(c, at.speaker, (input.pos ??= c.pos()).pos)
      // ("Black Lives Matter [issued a statement saying] …": the document put out is part of the cue, PolNeAR's
      // cue 16 times in 16.)
      if (at.cue && at.speaker.end < was.end && was.end <= at.cue.start && ISSUED_DOCUMENT.test(c.text.slice(at.speaker.end, at.cue.start)))
        at.cue = { start: c.tokens[c.tokAfter(at.speaker.end)]!.start, end: at.cue.end }
    }
    // ("A Marquette Law School poll released [last week] showed …", "a poll conducted on Monday found": the time after
    // the participle that dates a document belongs to the source, not the cue; PolNeAR's source holds it 33 times in 36.)
    if (at.speaker && at.cue && at.speaker.end <= at.cue.start && /^\s*$/.test(c.text.slice(at.speaker.end, at.cue.start)) && DATING_PARTICIPLE.test(c.low(c.tokBefore(at.speaker.end)))) {
      const time = DATING_TIME.exec(c.text.slice(at.cue.start, at.cue.end))
      if (time) {
        at.speaker = { start: at.speaker.start, end: at.cue.start + time[1]!.length }
        at.cue = { start: at.cue.start + time[0].length, end: at.cue.end }
      }
    }
    // ("She's seen as [part of …]", "The union, which endorsed Clinton, is widely regarded as [one of …]", "Valley
    // Dairy Inc., seems [to …]": the subject of an impression is what it is about, part of the content, as
    // `raisedSubject` makes it before nesting; here the speaker phrase, as cleaned, of the cues it leaves (a
    // contracted "'s", a subject with a comma and no relative pronoun). PolNeAR: content 132 times in 134 with
    // "seem"/"appear", "seen as" and "regarded as" cues, a source before them twice.)
    if (at.speaker && at.cue && at.fragments.every((f) => f.start >= at.cue!.end) && impressionSubject(c, at.speaker, at.cue)) {
      // (Its head: "The union[, which endorsed Clinton,] is widely regarded as …".)
      // (With the auxiliaries before the cue: "The hackers have // reportedly".)
      const comma = c.text.slice(at.speaker.start, at.speaker.end).indexOf(',')
      const end = comma > 0 ? at.speaker.start + comma : at.speaker.start + c.text.slice(at.speaker.start, at.cue.start).replace(/[\s,]+$/, '').length
      at.fragments.unshift({ start: at.speaker.start, end })
    }
    // ("Trump has drawn criticism for …", "Cruz faced questions about …": who faces criticism is its target, not its
    // source, which is "from …" or none; PolNeAR: never the subject, in 12 of 12.)
    if (at.speaker && at.cue && at.speaker.end <= at.cue.start && FACED_CRITICISM.test(c.text.slice(at.cue.start, at.cue.end))) {
      at.speaker = undefined
      at.antecedent = undefined
    }
    // ("He seems to have a different set of rules", "Garland looks dead on arrival": a subject that is part of the
    // content, raised before "seems", is no speaker; PolNeAR gives such attributions none, 24 times in 24.)
    if (at.speaker && at.fragments.some((f) => f.start < at.speaker!.end && at.speaker!.start < f.end)) {
      at.speaker = undefined
      at.antecedent = undefined
    }
    relativeSource(c, at)
    const sp = at.speaker
    const quotedSpeaker = sp !== undefined && input.quoted.some((q) => q.start <= sp.start && sp.end <= q.end)
    // A whole phrase ("Amy Pope, deputy homeland security adviser,") is resolved by the name in it.
    const named = sp ? nameSpan(c, sp) : undefined
    const speaker = resolveSpeaker(doc, { ...at, speaker: named, quotedSpeaker, quoted: input.quoted, verbObject }, speakers)
    if (unnamed && (speaker.kind === 'person' || speaker.kind === 'unknown') && speaker.entity === undefined) speaker.kind = 'anonymous'
    // ("X, who said …": the name is X's.)
    const ante = sp && at.antecedent && isRelativePronoun(doc.text.slice(sp.start, sp.end)) ? at.antecedent : undefined
    const name = speakerName(c, doc.entities, ante ? { ...speaker, start: ante.start, end: ante.end } : speaker)
    if (name) speaker.name = name
    if (sp && speaker.start !== undefined) Object.assign(speaker, { start: sp.start, end: sp.end, text: doc.text.slice(sp.start, sp.end) })
    // "who asked not to be named", "spoke on condition of anonymity": how a source is kept, not a statement.
    const f0 = at.fragments[0]
    if (!at.sourceOnly && at.kind !== 'direct' && f0 && ANONYMITY.test(doc.text.slice(f0.start, f0.end).trim())) at.sourceOnly = true
    speakers.push({ attribution: at, speaker })
    if (at.sourceOnly) continue
    thatBeforeQuotation(c, at)
    const { fragments, cue } = cueAndContent(c, at)
    const first = fragments[0]!
    const last = fragments[fragments.length - 1]!
    const q: Quote = {
      id: `q${++n}`,
      // (A mixed content whose quotation was an occasion cut off before "that" is indirect.)
      kind: at.kind === 'mixed' && fragments !== at.fragments ? kindOf(doc.text, fragments, input.quoted) : at.kind,
      act: actOf(at, doc.text.slice(actFragment(c, at, fragments).start, actFragment(c, at, fragments).end), cue ? doc.text.slice(cue.start, cue.end) : '', at.speaker ? doc.text.slice(at.speaker.start, at.speaker.end) : ''),
      start: first.start,
      end: last.end,
      text: doc.text.slice(first.start, last.end),
      speaker,
    }
    if (fragments.length > 1) q.fragments = fragments.map((f) => ({ start: f.start, end: f.end }))
    if (cue) q.cue = { start: cue.start, end: cue.end, text: doc.text.slice(cue.start, cue.end) }
    quotes.push(q)
  }
  const sources = findSources(doc, speakers, quotes)
  return { quotes, sources }
}

/**
 * "a woman asked [for a photo] and Clinton said, “…”", "One in three said [the party doesn't care …] and one in four
 * said …": an indirect content after its cue that runs over "and" or "but" into another attribution's source and cue
 * ends before them, so that both stand (the nesting below would drop the outer one). The inner content may be a
 * quotation; the outer one then is indirect. Not a short noun phrase that is the inner source's first conjunct: "said
 * [his focus groups] and other research show …". Held-out PolNeAR dev: matched +2 of 3 more quotes.
 */
function beforeNextAttribution(c: Ctx, at: Attribution, all: readonly Attribution[], quoted: readonly QuotedSpan[]): void {
  const f = at.fragments[0]!
  if ((at.kind !== 'indirect' && at.kind !== 'mixed') || !at.cue || at.sourceOnly || at.fragments.length !== 1 || f.start < at.cue.end) return
  const r = all.find((r) => r !== at && !r.sourceOnly && r.cue !== undefined && r.cue.start > f.start && r.cue.end <= f.end && r.speaker !== undefined && r.speaker.start > f.start && r.speaker.end <= r.cue.start && (r.kind === 'direct' || at.kind === 'indirect'))
  if (!r) return
  const cut = beforeConjoined(c, f, r.speaker!.start)
  if (!cut) return
  const a = c.tokAfter(cut.start)
  const b = c.tokBefore(cut.end) + 1
  const pos = c.pos().pos
  if (words(c, a, b) < 4 && pos[a] !== 'IN' && !pos.slice(a, b).some((p) => /^(?:VB|MD|TO)/.test(p))) return
  at.fragments = [cut]
  at.kind = kindOf(c.text, at.fragments, quoted)
}

/**
 * Content `f` ended before another attribution that starts (its source or cue) at character `from`, when "and" or
 * "but" joins the two ("[her qualifications] and made clear …", "[for a photo] and Clinton said"); null otherwise.
 */
function beforeConjoined(c: Ctx, f: Span, from: number): Span | null {
  const a = c.tokAfter(f.start)
  let k = c.tokAfter(from) - 1
  while (k > a && /^(?:and|but|or|,|;|—|-|–)$/.test(c.low(k))) k--
  if (k <= a || !(/^(?:and|but)$/.test(c.low(k + 1)) || /^(?:and|but)$/.test(c.low(k + 2)))) return null
  // (Not inside a subject: "after [he] and Bernstein wrote about …", "that [Mr. LaRue] and Jeb Stuart Magruder told him …".)
  if (c.tok(k + 1) !== ',') {
    if (SUBJECT_PRONOUN.test(c.low(k))) return null
    let j = k
    while (j > a && (isCap(c.tok(j)) || c.tok(j) === '.')) j--
    if (j < k && /^(?:that|after|when|because|if|as|while|since|whether|before|until|and|but)$/.test(c.low(j))) return null
  }
  return { start: f.start, end: c.tokens[k]!.end }
}

/** The form of a verb that a coordinated verb shares: -ing, past, third person; "" for none. */
function verbForm(c: Ctx, k: number): string {
  const p = c.pos().pos[k] ?? ''
  if (p === 'VBG' && /ing$/.test(c.low(k))) return 'G'
  if (p === 'VBD' || p === 'VBN') return 'D'
  if (p === 'VBZ') return 'Z'
  return ''
}
const NOT_COORDINATED_VERB = /^(?:is|are|was|were|be|been|being|has|have|had|having|does|do|did)$/
const COORDINATION_ADVERB = /^(?:also|then|later|still|even|never|not|again|now|instead|repeatedly|often|once|\p{L}+ly)$/u
/** Words that open a clause or a question as a content: its own verbs, not the cue's, come after "and". */
const CLAUSE_OPENER = /^(?:that|to|whether|if|how|why|what|when|where|who|which)$/

/** A subject (a pronoun, a name, a determiner and its noun) and a finite verb from token `j`. */
function newClause(c: Ctx, j: number, b: number): boolean {
  const pos = c.pos().pos
  if (SUBJECT_PRONOUN.test(c.low(j)) || c.low(j) === 'you') j++
  else {
    const s = j
    while (j < s + 5 && /^(?:NNP|NNPS|DT|NN|NNS|PRP\$|POS|JJ)$/.test(pos[j] ?? '')) j++
    if (j === s || !(DETERMINERS.has(c.low(s)) || isCap(c.tok(s)))) return false
  }
  while (pos[j] === 'RB') j++
  return j < b && /^(?:VBD|VBZ|VBP|MD)$/.test(pos[j] ?? '')
}

/**
 * "calling [him a “stiff”] and accusing [him of acting like a “spoiled child.”]", "attacked [her Spanish-language
 * skills] and even questioned [the star's Latino identity]", "criticizing [the pipeline] and calling for [prohibitions
 * …]": a noun-phrase object of the cue ends before "and" or "but" and a verb of the cue's own form (-ing after -ing,
 * past after past), a second predicate of the same subject; that verb, when a cue, is an attribution of its own with
 * the same speaker. Only where the object holds no verb of its own (no clause: "said [he was proud … and expects …]";
 * no infinitive: "urged [them to slow down … and spend …]"; no verb of that form: "considering [abandoning Trump
 * and focusing …]") and the word after the verb is no noun or adjective ("including biodiesel and advanced
 * cellulosic fuels"). PolNeAR dev train split, our contents with such an "and"/"but": gold ends the content there 18
 * times, runs on 2 (adjective-like verb before a noun, left alone: 5 run on, 2 end); after a verb of the lexicon gold
 * has its attribution 10 times in 11, after another verb 7 in 18 (so cut only).
 */
function coordinatedPredicate(c: Ctx, at: Attribution, all: readonly Attribution[], quoted: readonly QuotedSpan[]): Attribution[] {
  if ((at.kind !== 'indirect' && at.kind !== 'mixed') || at.fragments.length !== 1 || !at.cue || at.cue.end > at.fragments[0]!.start) return [at]
  const pos = c.pos().pos
  let v = c.tokBefore(at.cue.end)
  while (v >= c.tokAfter(at.cue.start) && !/^VB/.test(pos[v] ?? '')) v--
  const form = v < c.tokAfter(at.cue.start) ? '' : verbForm(c, v)
  const f = at.fragments[0]!
  const a = c.tokAfter(f.start)
  const b = c.tokBefore(f.end) + 1
  if (CLAUSE_OPENER.test(c.low(a))) return [at]
  let inQuote = false
  for (let k = a; k < b; k++) {
    const w = c.low(k)
    if (/^["“”]$/.test(w)) inQuote = !inQuote
    if (/^(?:VBD|VBZ|VBP|MD)$/.test(pos[k] ?? '') || (pos[k] === 'TO' && pos[k + 1] === 'VB')) return [at]
    // (A capitalised word is a name the tagger took for a verb: "the United States' backing".)
    if (!inQuote && k > a && form && verbForm(c, k) === form && !isCap(c.tok(k))) return [at]
    // "mocked [his rivals], talked over them …", "joked about [Jewish stereotypes], declined to affirm …": a past verb
    // of the cue's form right after a comma, no participle ("followed by", "known as", "produced by") nor an
    // adjective ("a lawless, terrorized nation"), is a second predicate too (PolNeAR dev train: gold ends the object
    // there 7 times, never runs on; 2 without a gold attribution).
    if (w === ',' && !inQuote && k > a && form === 'D' && pos[k + 1] === 'VBD' && !isCap(c.tok(k + 1)) && k + 2 < b && !/^(?:by|as|with)$/.test(c.low(k + 2)) && !/^(?:JJ|NN|NNS|,)$/.test(pos[k + 2] ?? '')) return split(k, k + 1)
    if ((w !== 'and' && w !== 'but') || k === a) continue
    // "publicly endorsed [him], and the bad blood Cruz engendered … prevented …", "calling [it "an incredible feat"] -
    // but he said …": after a comma or a dash, a subject of its own and its verb open a clause of the writer's.
    // (PolNeAR dev train split: gold ends the object there 8 times, runs on once; without the comma or dash, "said
    // [Latinos and Blacks have …]", a subject of the content, gold runs on about 50 times to 12: left alone.)
    // (A comma inside the closing mark: 'called [inversions “unpatriotic,”] and his administration has …'.)
    const p = MARKS.has(c.tok(k - 1)) && c.tok(k - 2) === ',' ? k - 2 : k - 1
    if (!inQuote && /^[,—–-]$/.test(c.tok(p)) && p > a && !c.tokens.slice(a, p).some((t) => t.text === ',') && newClause(c, k + 1, b)) {
      const first: Span = { start: f.start, end: c.tokens[p === k - 2 ? k - 1 : p - 1]!.end }
      return [{ ...at, fragments: [first], kind: at.kind === 'mixed' ? kindOf(c.text, [first], quoted) : at.kind }]
    }
    if (!form) continue
    let j = k + 1
    while (j < b && j - k < 4 && COORDINATION_ADVERB.test(c.low(j)) && !LY_NOT_ADVERB.has(c.low(j))) j++
    if (j >= b - 1 || verbForm(c, j) !== form || NOT_COORDINATED_VERB.test(c.low(j)) || /^(?:JJ|NN|NNS)$/.test(pos[j + 1] ?? '')) continue
    return split(c.tok(k - 1) === ',' ? k - 1 : k, j)
  }
  return [at]

  /** The object ended before token `e`; the verb at `j` (after `e` and the adverbs) a cue of its own when the lexicon has it. */
  function split(e: number, j: number): Attribution[] {
    if (e <= a) return [at]
    const first: Span = { start: f.start, end: c.tokens[e - 1]!.end }
    const cut: Attribution = { ...at, fragments: [first], kind: at.kind === 'mixed' ? kindOf(c.text, [first], quoted) : at.kind }
    const from = c.low(e) === ',' ? e + 1 : e
    const k = /^(?:and|but)$/.test(c.low(from)) ? from + 1 : from
    const cue = cueAt(c, j)
    if (!cue || cue.end >= b || all.some((o) => o !== at && o.cue && o.cue.start < c.tokens[cue.end - 1]!.end && c.tokens[k]!.start < o.cue.end)) return [cut]
    const rest: Span = { start: c.tokens[cue.end]!.start, end: f.end }
    const second: Attribution = { kind: kindOf(c.text, [rest], quoted), fragments: [rest], cue: c.span(k, cue.end), cueClass: cue.verb.class, speaker: at.speaker, antecedent: at.antecedent, byTagger: at.byTagger }
    return [cut, second]
  }
}

/**
 * The fragment whose words tell what an attribution does: the first, but the quotation after a relative pronoun
 * that opens a mixed quote ('what Hoover called [“black bag jobs.”]' names, as the quotation alone does).
 */
function actFragment(c: Ctx, at: Attribution, fragments: readonly Span[]): Span {
  const f = fragments[0]!
  return at.kind === 'mixed' && fragments.length > 1 && /^(?:which|what|who|whom|that)$/i.test(c.text.slice(f.start, f.end)) ? fragments[1]! : f
}

/** The part of a speaker phrase that names the speaker: "Hugh Hill" of "Hugh Hill, a doctor,". */
function nameSpan(c: Ctx, sp: Span): Span {
  const a0 = c.tokAfter(sp.start)
  const b0 = c.tokBefore(sp.end) + 1
  if (a0 >= b0) return sp
  const [a, b] = pickAppositive(c, a0, b0, false)
  return a === a0 && b === b0 ? sp : c.span(a, b)
}

/**
 * The speaker's name: the resolved entity's, else the name at the head of the mention ("Hugh Hill" of
 * "Hugh Hill, a doctor,", "Jim Bopp" of "Jim Bopp of the Platform Committee"); none for a pronoun, an
 * anonymous or unknown speaker, or a description ("the spokeswoman").
 */
function speakerName(c: Ctx, entities: readonly Entity[], speaker: Speaker): string | undefined {
  const known = speaker.entity !== undefined ? entities.find((e) => e.id === speaker.entity)?.name : undefined
  if (known) return known
  if (speaker.start === undefined || speaker.end === undefined || speaker.kind === 'anonymous' || speaker.kind === 'unknown') return undefined
  const a0 = c.tokAfter(speaker.start)
  const b0 = c.tokBefore(speaker.end) + 1
  if (a0 >= b0 || speakerPronouns.has(c.low(a0)) && b0 - a0 === 1) return undefined
  let [a, b] = pickAppositive(c, a0, b0, false)
  // "Jim Bopp of the Platform Committee", "Rep. Zoe Lofgren (D-Calif.), who …": the name before its postmodifier.
  for (let k = a + 1; k < b; k++)
    if (/^(?:of|from|at|who|which|with|for|in|on|\()$/.test(c.low(k)) && isCap(c.tok(k - 1))) {
      b = k
      break
    }
  while (a < b && /^(?:the|a|an)$/i.test(c.tok(a)) && isCap(c.tok(a + 1))) a++
  if (a >= b || !isCap(c.tok(a)) || DETERMINERS.has(c.low(a))) return undefined
  // ("Ontario's health minister", "A Toronto mother of two": a description that a name only modifies names no
  // one; "Palmer police", "the Clinton campaign" name the body.)
  if (/^\p{Ll}/u.test(c.tok(b - 1)) && !(organizationNounsSet.has(c.low(b - 1)) && !c.text.slice(c.tokens[a]!.start, c.tokens[b - 1]!.start).match(/['’]s?\s|\b\p{Ll}/u))) return undefined
  // ("On Saturday, the Alaska Governor said": a capitalised role with no name names no one.)
  if (roleHeads.has(c.low(b - 1)) && !c.personTok[b - 1] && /^(?:the|a|an)$/i.test(c.tok(a - 1))) return undefined
  return c.text.slice(c.tokens[a]!.start, c.tokens[b - 1]!.end)
}

const ANONYMITY = /^(?:that\s+)?(?:(?:he|she|they|it)\s+)?(?:not\s+)?(?:to\s+)?(?:be\s+|being\s+)?(?:publicly\s+)?(?:named|identified|quoted\s+by\s+name)\b|^(?:that\s+)?(?:his|her|their)\s+(?:full\s+|last\s+)?names?\s+(?:not\s+be|be\s+withheld)\b|^(?:to\s+)?(?:give|provide|share)\s+(?:his|her|their)\s+(?:full\s+|last\s+)?names?\b|^(?:on\s+)?(?:the\s+)?condition\s+(?:of|that\s+(?:he|she|they)\s+not\s+be\s+(?:named|identified))|^anonymity\b/i

/** "declined to comment", "did not respond to requests for comment": a refusal to speak says nothing. */
const NO_COMMENT = /^(?:to\s+)?(?:comment|elaborate|respond|discuss|speculate|be\s+interviewed)\b|^(?:\S+\s+)?requests?\s+for\s+(?:comment|an\s+interview)|^(?:that\s+)?(?:he|she|they|it|we|i)\s+(?:had|has|have|would\s+have)\s+(?:no|nothing)\s+(?:immediate\s+|further\s+|more\s+)?(?:comment|to\s+add|to\s+say)\b/i

/** "did not say", "would not comment on", "never said": what was not said is no statement. */
const NEGATED_CUE = /(?:\bnot|n[’']t|\bnever)\s+(?:\w+\s+)?(?:say|said|comment|elaborate|specify|specified|disclose|disclosed|reveal|revealed|confirm|confirmed|explain|explained|discuss|discussed|answer|answered|respond|responded|tell|told|mention|mentioned|ask|asked|identify|identified|make\s+clear|made\s+clear)\b/i

/** Is a cue with what follows it a deed ("attacked police with rocks", "responded to the blaze", "showed up")? */
function physicalDeed(cueText: string, content: string): boolean {
  content = content.trim()
  if (/\bshow(?:s|ed|n|ing)?$/i.test(cueText)) return /^up\b/i.test(content)
  // ("Her husband called 911", "called police": a call for help.)
  if (/\bcall(?:s|ed|ing)?$/i.test(cueText) && /^(?:911|9-1-1|999|112|(?:the\s+)?police|(?:an\s+)?ambulance|(?:the\s+)?fire\s+department|for\s+help|for\s+an\s+ambulance)(?:\s*[.,]?$|\s+(?:to|for|and|after|when|at|on|in|from|about)\b)/i.test(content)) return true
  return PHYSICAL_CUE.test(cueText) && (WEAPON.test(content) || (PHYSICAL_TARGET.test(content) && !/\bfor\b/i.test(content)))
}

/** Cues that give a name: "called", "dubbed", "nicknamed", "known as". */
const NAMING_CUE = /\b(?:call(?:s|ed|ing)?|dubb?(?:s|ed|ing)?|nicknam(?:e|es|ed|ing)|(?:known|referred\s+to)\s+as|labell?(?:s|ed|ing)?|branded)$/i

/** Cues that also name a deed: an attack with stones, a response to a fire. */
const PHYSICAL_CUE = /\b(?:attack(?:s|ed|ing)?|assault(?:s|ed|ing)?|hit|struck|respond(?:s|ed|ing)?)$/i
const WEAPON = /\bwith\s+(?:\S+\s+){0,3}(?:rocks|stones|petrol\s+bombs|firebombs|molotov\s+cocktails|bricks|bottles|knives|knife|guns?|rifles?|sticks|bats|clubs|flares|tear\s*gas|batons|missiles|rockets|drones|grenades|explosives|bombs|cobblestones|fists)\b/i
const PHYSICAL_TARGET = /^(?:(?:a|an|the|two|three|four|five|several|dozens\s+of|\d+|them|him|her)\s+)?(?:[\p{L}'’-]+\s+){0,3}?(?:police|station|stations|building|buildings|shops?|stores?|banks?|trucks?|cars?|vehicles?|offices?|embassy|headquarters|officers?|crews?|troops|soldiers|convoys?|patrols?|bases?|blaze|fire|scene|call|calls)\b/iu
/** A determiner and at most three more words, with no clause in them. */
const SHORT_OBJECT = /^(?:the|a|an|his|her|their|its|this|that|these|those|our|my)(?:\s+[\p{L}\p{N}'’-]+){1,3}$/iu

/** What polls, records and pictures show ("opinion polls showing many think …", "the autopsy showed …") is no one's statement. */
const DATA_SOURCE = /\b(?:polls?|polling|surveys?|stud(?:y|ies)|data|figures|statistics|numbers|records|photos?|photographs?|videos?|footage|images?|autops(?:y|ies)|post-mortem|results?|tests?|evidence|analys[ie]s|research|census|projections?|estimates?)$/i
const FINDING_CUE = /\b(?:show|shows|showed|shown|showing|find|finds|found|finding|reveal|reveals|revealed|revealing|indicate|indicates|indicated|indicating|prove|proves|proved|proving|demonstrates?|demonstrated|demonstrating)$/i

/** What an attribution does, from its cue's class (see `QuoteAct`). */
function actOf(at: Attribution, content: string, cueText = '', speakerText = ''): QuoteAct {
  // (The phrase before its postmodifier: "An opinion poll [for the respected Kathimerini]", "A poll [published …]".)
  if (FINDING_CUE.test(cueText.trim()) && DATA_SOURCE.test(speakerText.split(/,|\s(?:by|for|of|from|in|on|among|published|conducted|released|commissioned|carried|taken|out|which|that|who)\b/)[0]!.replace(/[\s,]+$/, ''))) return 'other'
  // A refusal to comment, or an indirect content nobody is said to have stated ("Asked whether …", "It is
  // unclear whether …"), is no statement.
  if (NO_COMMENT.test(content) || (!at.speaker && at.kind !== 'direct') || (at.cue && NEGATED_CUE.test(cueText))) return 'other'
  // ("Clinton is now assured of winning …", "She was convinced that …": a state of mind, not a statement.)
  if (/\b(?:is|are|was|were|be|been|being|am|['’]s|['’]re)\s+(?:\p{Ll}+ly\s+|now\s+|still\s+|not\s+)?(?:assured|convinced|persuaded|unconvinced)\b/u.test(cueText)) return 'belief'
  // "attacked a police station", "attacked police with rocks", "responded to the blaze", "showed up": deeds, not words.
  if (physicalDeed(cueText, content)) return 'other'
  // "called [“Deep Throat.”]", "known as “black bag jobs”": a name given is no statement ("called the report
  // “fake news”" is); nor "responded by firing …".
  if (NAMING_CUE.test(cueText) && content.trim().split(/\s+/).length <= 4 && /^["“”'‘]/.test(content.trim())) return 'other'
  // ("Bradley Tremblay faces charges of dangerous driving": the accused, not the accuser.)
  if (/\bfac(?:e|es|ed|ing)\s+(?:\S+\s+){0,2}?(?:charges?|counts?|accusations?|allegations?|lawsuits?|suits?)\b/i.test(cueText)) return 'other'
  // ("A Post editor dubbed him “Deep Throat,” a bit of wordplay …": a nickname given is no statement either.)
  if (/\b(?:dubb?(?:s|ed|ing)?|nicknam(?:e|es|ed|ing)|christen(?:s|ed|ing)?)$/i.test(cueText)) return 'other'
  if (/\brespond(?:s|ed|ing)?$/i.test(cueText) && /^(?:by|when|with)\b/i.test(content.trim())) return 'other'
  // "declined to say whether …", "refused to disclose …": a refusal, not a denial.
  if (/\b(?:declin|refus)\w*/i.test(cueText) && /^to\s/i.test(content.trim())) return 'other'
  // "echoed the message", "acknowledged the frustration": a short noun phrase is what was talked about,
  // not what was said.
  // (After "said", "told", "added" it is a clause: "the investigation continues".)
  // (A denial's object is what was denied: "Russia denied the claim", "Felt denied his role".)
  if (at.kind === 'indirect' && at.fragments.length === 1 && SHORT_OBJECT.test(content.trim()) && !/^(?:says?|said|saying|tells?|told|telling|adds?|added|adding)\b/i.test(cueText) && at.cueClass !== 'deny') {
    // (Not "the vote was delayed", "the talks failed": a clause.)
    const words = content.trim().toLowerCase().split(/\s+/).slice(2)
    if (!words.some((w) => AUX.has(w) || COPULA.has(w) || /ed$/.test(w))) return 'other'
  }
  // ("The RCMP posted a video of the arrest": what was put up, no statement; "posted" is a lexicon cue.)
  if (/^(?:\p{Ll}+\s+){0,2}post(?:s|ed|ing)?$/u.test(cueText.trim()) && /^(?:(?:a|an|the|his|her|their|its|this|that)\s+)?(?:[\p{Ll}-]+\s+)?(?:video|photo|photograph|picture|image|clip|link|map|screenshot|graphic|meme)s?\b/u.test(content.trim())) return 'other'
  // ("posted on Twitter that …", 'had posted: "…"': what was posted is a statement; "posted a video" is not.)
  if (!at.cueClass && /^(?:\p{Ll}+\s+){0,2}post(?:s|ed|ing)?\b/u.test(cueText.trim()) && (/^(?:that\b|["“'‘])/.test(content.trim()) || /:$/.test(cueText.trim()))) return 'speech'
  // ('"…," as one aide put it', 'Francis put it this way: "…"': a way of saying it.)
  if (!at.cueClass && /\bput(?:s|ting)?\s+it\b/i.test(cueText)) return 'speech'
  if (at.cueClass === 'colon' || at.cueClass === 'dash') return 'speech'
  return at.cueClass ?? 'other'
}

/**
 * Direct when every fragment is a quotation (in marks, single ones included: "Biden says 'no one is
 * above the law'"), mixed when one holds a quotation, else indirect.
 */
function kindOf(text: string, fragments: readonly Span[], quoted: readonly QuotedSpan[]): QuoteKind {
  const holds = (f: Span) => /["“”«»]/.test(text.slice(f.start, f.end)) || quoted.some((q) => q.open >= f.start - 1 && q.close <= f.end + 1 && q.close > q.open + 1)
  if (!fragments.some(holds)) return 'indirect'
  const isQuote = (f: Span) => quoted.some((q) => q.open >= f.start - 1 && q.open <= f.start + 1 && q.close >= f.end - 1)
  return fragments.every(isQuote) ? 'direct' : 'mixed'
}

const BE = /^(?:is|are|was|were|be|been|being|get|gets|got|gotten|getting)$/
/** Past participles that do not end in -ed, -en or -wn. */
const IRREGULAR_PARTICIPLES = new Set('told said thought known seen shown found held felt meant sought written heard made'.split(' '))
/** Participles that, after "be", are adjectives of attitude whose subject holds it ("Officials are concerned about …"). */
const ATTITUDE_PARTICIPLES = new Set(
  'worried concerned convinced pleased disappointed surprised interested determined committed opposed divided prepared inclined frustrated upset excited encouraged alarmed troubled disturbed outraged angered dismayed shocked satisfied impressed unimpressed confused amazed delighted thrilled relieved resigned assured unconvinced persuaded skeptical'.split(' '),
)
/** A subject-less participle clause: "When asked about it, …", "Asked whether …". */
const SUBORDINATORS = /^(?:when|whenever|if|once|after|before|until|unless|as|while|though|although|because)$/

/**
 * Is the cue a passive, whose grammatical subject is not its source? "Donald Trump was asked a question"
 * (Trump is asked), "he's been accused of such behavior", "Mr. Sanders is seen as …", "it is expected
 * that …", "when asked whether …": the source is left unsaid. Not with an agent ("was criticized by
 * X"), nor for the subject's own words ("was quoted as saying") or attitude ("are concerned that").
 */
function passiveCue(c: Ctx, cue: Span): boolean {
  const a = c.tokAfter(cue.start)
  const b = c.tokBefore(cue.end) + 1
  for (let k = a; k < b; k++) {
    const hit = cueAt(c, k)
    if (!hit) continue
    const w = c.low(k)
    if (!/(?:ed|en|wn)$/.test(w) && !IRREGULAR_PARTICIPLES.has(w)) return false
    if (ATTITUDE_PARTICIPLES.has(w) || /^(?:quoted|heard|overheard|recorded)$/.test(w) || c.low(hit.end) === 'by') return false
    // ("Said Duclos: "…"": a verb of speech before its subject's name, no participle.)
    // ("Asked Trump whether …" stays a participle.)
    if (INVERTING_VERBS.has(hit.verb.lemma) && hit.verb.lemma !== 'ask' && isCap(c.tok(k)) && isCap(c.tok(hit.end))) return false
    let j = k - 1
    // ("May said": an auxiliary that is a person's name is the subject.)
    while (j >= 0 && j >= a - 4 && !(c.personTok[j] && isCap(c.tok(j))) && ((AUX.has(c.low(j)) && !BE.test(c.low(j))) || /^[a-z]+ly$/.test(c.tok(j)) || c.low(j) === 'not' || c.low(j) === "n't")) j--
    if (BE.test(c.low(j))) return true
    return j < c.sentenceRange(k)[0] || SUBORDINATORS.test(c.low(j))
  }
  return false
}

/**
 * "Trump and Cruz are both seen as candidates who would best handle a crisis by about a quarter of voters", "Pigs
 * are considered unclean by Muslims and some other religious groups": a passive of seeing or judging with no
 * speaker, whose agent ends its content, is that agent's view; the agent is the speaker and no part of the
 * content (PolNeAR dev train marks the agent as the source in both such group cases).
 */
function passiveAgent(c: Ctx, at: Attribution, pos?: readonly string[]): Attribution {
  if (at.speaker || !at.cue || at.kind !== 'indirect' || at.fragments.length === 0) return at
  if (!/\b(?:seen|viewed|considered|regarded|perceived|deemed)\b/i.test(c.text.slice(at.cue.start, at.cue.end))) return at
  const f = at.fragments[at.fragments.length - 1]!
  const a = c.tokAfter(f.start)
  let b = c.tokBefore(f.end) + 1
  while (b > a && /^[.,;!?]$/.test(c.tok(b - 1))) b--
  let by = -1
  for (let k = b - 2; k > a; k--) if (c.low(k) === 'by') { by = k; break }
  if (by < 0 || b - by > 12) return at
  // (Only a noun phrase after "by": no verb, no clause, no comma; "by a wide margin", "by 2020" say how or when.)
  for (let k = by + 1; k < b; k++) if (/^(?:VB[DZP]?|MD|WDT|WP)$/.test(pos?.[k] ?? '') || /^[,;:]$/.test(c.tok(k))) return at
  const agent = c.text.slice(c.tokens[by + 1]!.start, c.tokens[b - 1]!.end)
  if (!isAnonymous(agent) && !entityTokens(c, by + 1, b)) return at
  return { ...at, fragments: [...at.fragments.slice(0, -1), { start: f.start, end: c.tokens[by - 1]!.end }], speaker: c.span(by + 1, b) }
}
/**
 * "a practice [criticized] by Miller and some civil rights advocates", "The Band memo [disclosed] by WikiLeaks", "a
 * sentiment [endorsed] by the 10,000 people in the arena": a participle right after a noun phrase, with its agent
 * after "by", is the agent's act on that noun phrase, which the rules and the tagger take for the subject of a verb
 * in the past. The agent speaks and the noun phrase is the content, as PolNeAR marks it (dev: 11 times; the one
 * gold source before such a participle, "German authorities worried by the increase in …", has a cause after "by",
 * no speaker, and is left alone). Nor "Trump responded by using …": a gerund says how.
 */
function reducedPassive(c: Ctx, at: Attribution): Attribution {
  if (!at.speaker || !at.cue || at.kind !== 'indirect' || at.fragments.length !== 1) return at
  const pos = c.pos().pos
  const a = c.tokAfter(at.cue.start)
  const b = c.tokBefore(at.cue.end) + 1
  const v = b - a === 2 && /^\p{Ll}+ly$/u.test(c.tok(a)) ? a + 1 : a
  if (v !== b - 1 || !/^\p{Ll}+$/u.test(c.tok(v)) || !/^VB[ND]$/.test(pos[v]!) || c.low(b) !== 'by' || /ing$/.test(c.low(b + 1))) return at
  const f = at.fragments[0]!
  const last = c.tokBefore(at.speaker.end)
  if (c.tokAfter(f.start) !== b || last !== a - 1 || !/^NN/.test(pos[last]!)) return at
  const np = rightNP(c, b + 1, c.tokBefore(f.end) + 1)
  if (!np) return at
  const speaks = (k: number) => (isCap(c.tok(k)) && !DETERMINERS.has(c.low(k))) || speakerLike(c.low(k)) || speakerPronouns.has(c.low(k))
  if (!Array.from({ length: np[1] - np[0] }, (_, n) => np[0] + n).some(speaks)) return at
  return { ...at, fragments: [at.speaker], speaker: c.span(np[0], np[1]), antecedent: undefined }
}
/** Passives whose subject is the one addressed, not part of what is said ("Sanders was asked about …"). */
const ADDRESSED_PARTICIPLES = /^(?:asked|told|questioned|pressed|briefed|quizzed|urged|invited|interviewed|warned|informed|reminded)$/

/**
 * "Sanders was declared [the winner]", "The Fed is not expected [to change rates]", "Carson seems [to recognize
 * …]": the subject of a passive or of "seem"/"appear" is what the judgement is about, and PolNeAR makes it the
 * first fragment of the content, with no source (dev: a passive cue with no source has its subject so 211 + 62
 * times, without it 33, mostly "was asked"; "seem"/"appear" 147 times to 16). The subject is the speaker phrase
 * found before the cue, else the noun phrase there; not "It is expected that …", whose "it" stands for the clause.
 */
function raisedSubject(c: Ctx, at: Attribution): Attribution {
  if (!at.cue || at.kind === 'direct' || at.fragments.length === 0 || at.fragments[0]!.start < at.cue.end) return at
  const a = c.tokAfter(at.cue.start)
  const b = c.tokBefore(at.cue.end) + 1
  // ("Mr. Cruz seemed to mock …", "appeared to acknowledge": a cue verb after "seem" is the subject's own act, who
  // speaks.)
  // ("Garland looks [dead on arrival]", "he looks like [a flake]": "look" and "sound" as impressions too, PolNeAR
  // dev 17 times in 20; not "Cruz looks to build on …", "look at it", what the subject means to do.)
  const impression = /^(?:looks?|looked|sounds?|sounded)$/.test(c.low(a)) && !/^(?:to|at|for|into|forward|back|over|up|around)$/.test(c.low(c.tokAfter(at.fragments[0]!.start)))
  const raising = (SEEM.test(c.low(a)) || impression) && c.tokens.slice(a + 1, b).every((t) => /^(?:to|like|as)$/i.test(t.text))
  // ("Bloomberg [reportedly] considering a run": an adverb of hearsay alone is the cue, PolNeAR dev 12 times in 16.)
  const hearsayWord = (t: Token) => /^(?:reportedly|allegedly|reputedly|supposedly)$/i.test(t.text)
  // (With the adverb: a cue of auxiliaries alone, "has", "will", is none.)
  const hearsay = c.tokens.slice(a, b).some(hearsayWord) && c.tokens.slice(a, b).every((t) => hearsayWord(t) || AUX.has(t.text.toLowerCase()))
  if (!raising && !hearsay && (!(passiveCue(c, at.cue) || judgedPassive(c, a, b)) || c.tokens.slice(a, b).some((t) => ADDRESSED_PARTICIPLES.test(t.text.toLowerCase())))) return at
  const lo = c.sentenceRange(a)[0]
  // Back over the auxiliaries and adverbs before the cue ("has also been", "is not widely").
  let j = a
  while (j - 1 >= lo && (AUX.has(c.low(j - 1)) || BE.test(c.low(j - 1)) || COPULA.has(c.low(j - 1)) || /^[a-z]+ly$/.test(c.tok(j - 1)) || /^(?:not|n['’]t)$/.test(c.low(j - 1))) && !(isCap(c.tok(j - 1)) && c.personTok[j - 1])) j--
  if (j - 1 < lo) return at
  let subject: Span | null = null
  const sp = at.speaker
  if (sp && c.tokBefore(sp.end) === j - 1) subject = sp
  else if (/^(?:who|which|that|what)$/.test(c.low(j - 1))) subject = c.span(j - 1, j)
  else if (c.tok(j - 1) === ',') {
    // ("Mr. Stumpf, who got his start in retail banking, was seen as …", "Marquez, 24, is accused of …": the
    // name before a relative clause or an appositive set off by commas; the clause is no part of it.)
    let m = j - 2
    while (m > lo && m > j - 30 && c.tok(m) !== ',' && !END_PUNCT.has(c.tok(m))) m--
    if (c.tok(m) === ',' && (/^(?:who|which|whose|the|a|an|then|now|once)$/.test(c.low(m + 1)) || /^\d+$/.test(c.tok(m + 1)))) {
      const np = leftNP(c, m - 1, lo)
      if (np) subject = c.span(np[0], np[1])
    }
  } else {
    const np = leftNP(c, j - 1, lo)
    if (np) subject = c.span(np[0], np[1])
  }
  if (!subject) return at
  const first = c.low(c.tokAfter(at.fragments[0]!.start))
  // ("It seems unfair to …", "it was not expected to be …": "it" stands for what follows, no fragment of it.)
  if (/^(?:it|there)$/i.test(c.text.slice(subject.start, subject.end)) || (/^this$/i.test(c.text.slice(subject.start, subject.end)) && /^(?:that|whether|if)$/.test(first))) return at
  if (at.fragments.some((f) => f.start < subject!.end && subject!.start < f.end)) return at
  return { ...at, fragments: [subject, ...at.fragments], speaker: undefined, antecedent: undefined }
}

/**
 * "He was eventually challenged over …", "Trump has been formally crowned …": a passive of judging or naming whose
 * participle is no cue verb of its own (PolNeAR dev: its subject opens the content 33 times in 35).
 */
const JUDGED = /^(?:challenged|crowned|named|label(?:l)?ed|branded|dubbed|hailed|touted|praised|critici[sz]ed|lambasted|blasted|slammed|blamed|accused|credited|ranked|rated|listed|billed|pegged|tapped|picked|chosen|favou?red)$/
function judgedPassive(c: Ctx, a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    if (!JUDGED.test(c.low(k))) continue
    let j = k - 1
    while (j >= a - 4 && j >= 0 && ((AUX.has(c.low(j)) && !BE.test(c.low(j))) || /^[a-z]+ly$/.test(c.tok(j)) || c.low(j) === 'not')) j--
    return j >= 0 && BE.test(c.low(j)) && c.low(k + 1) !== 'by'
  }
  return false
}

/**
 * "Sanders supporters have launched petitions calling on superdelegates to …": a speaker phrase that opens with
 * the verb after an auxiliary ("launched petitions") is what the subject did; the subject speaks through it.
 */
function subjectOfVerbPhrase(c: Ctx, at: Attribution, pos?: readonly string[]): Attribution {
  if (!at.speaker || !pos) return at
  const s = c.tokAfter(at.speaker.start)
  const e = c.tokBefore(at.speaker.end) + 1
  if (e - s > 3 || !/^VB[DN]$/.test(pos[s] ?? '') || isCap(c.tok(s)) || !/^(?:have|has|had)$/.test(c.low(s - 1)) || !/^NNS$/.test(pos[e - 1] ?? '')) return at
  const np = leftNP(c, s - 2, c.sentenceRange(s)[0])
  if (!np) return at
  return { ...at, speaker: c.span(np[0], np[1]), antecedent: undefined }
}
/**
 * "CNN's Jake Tapper on Donna Brazile Leak to Clinton Campaign: 'Unethical'", "Gillibrand on Hillary Releasing Her
 * Goldman Sachs Speech Transcripts: 'That's Up to Her'": in a headline of a name, "on", its topic and a colon, the
 * name speaks, not the topic (PolNeAR dev: the source is the name both times).
 */
function headlineTopic(c: Ctx, at: Attribution): Attribution {
  if (!at.speaker || !at.cue || c.text.slice(at.cue.start, at.cue.end) !== ':' || at.speaker.end > at.cue.start) return at
  const b = c.tokBefore(at.speaker.end) + 1
  let a = c.tokAfter(at.speaker.start)
  const [lo] = c.paraRange(a)
  // The topic may be the whole phrase: the name before "on" then opens the paragraph.
  while ((a > lo && isCap(c.tok(a - 1))) || (a - 1 > lo && c.tok(a - 1) === 'on' && isCap(c.tok(a - 2)))) a--
  for (let k = a + 1; k < b - 1; k++) {
    if (c.tok(k) !== 'on') continue
    // (Capitalised words from the paragraph's start to "on", and the topic after it up to the colon.)
    if (a !== lo || !c.tokens.slice(a, k).every((t) => isCap(t.text) || /^['’]s$/.test(t.text)) || !isCap(c.tok(k + 1))) return at
    return { ...at, speaker: c.span(a, k), antecedent: undefined }
  }
  return at
}
/**
 * "46 percent of voters said yes, compared with 23 percent who …", "72 percent of Democrats said yes while 48
 * percent …": a poll's answer is the one word; what follows compares it with others (PolNeAR dev train, 3 times).
 */
function yesOrNo(c: Ctx, at: Attribution): Attribution {
  if (at.kind !== 'indirect' || at.fragments.length !== 1 || !at.cue) return at
  const f = at.fragments[0]!
  const a = c.tokAfter(f.start)
  if (a !== c.tokAfter(at.cue.end) || !/^(?:yes|no)$/.test(c.low(a)) || c.tokBefore(f.end) === a) return at
  if (!/^(?:while|whereas|compared|and|but|,)$/.test(c.low(a + 1))) return at
  return { ...at, fragments: [c.span(a, a + 1)] }
}
/** Does a person or organisation the entity stage found cover the tokens? */
function entityTokens(c: Ctx, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (!c.personTok[k] || !isCap(c.tok(k))) return false
  return true
}

/**
 * An attribution whose speaker is not a source: the subject of a passive cue (`passiveCue`), an
 * expletive "it" ("It is unclear whether …", "it seems that …", "It's easy to criticize …"), a phrase
 * of function words only, or a short one with no head noun ("The only real", "weeks"). The speaker is
 * dropped (PolNeAR: no source).
 */
export function dropImpersonalSpeaker(c: Ctx, at: Attribution, pos?: readonly string[]): Attribution {
  if (!at.speaker || !at.cue) return at
  const s = c.tokAfter(at.speaker.start)
  const e = c.tokBefore(at.speaker.end) + 1
  const text = c.text.slice(at.speaker.start, at.speaker.end)
  const expletive = (/^it$/i.test(text) && (BE.test(c.low(s + 1)) || /^(?:seems|seemed|appears|appeared|remains|remained)$/.test(c.low(s + 1)))) || /^it(?:['’]s| is| was)\s/i.test(text)
  // A phrase of function words only ("the", "To", "In") names no one; pronouns do ("his", "that").
  let named = false
  for (let k = s; k < e && !named; k++) named = speakerPronouns.has(c.low(k)) || /^(?:this|that|these|those|his|her|their|its|our|my|your)$/.test(c.low(k)) || (isWord(c.tok(k)) && !DETERMINERS.has(c.low(k)) && !NP_INNER.has(c.low(k)) && !NOT_SOURCE_START.test(c.low(k)) && c.low(k) !== 'to')
  // A short phrase with no head noun ("The only real", "Another", "weeks", "Fears" of "Fears about …") names no one either.
  const last = c.low(e - 1)
  // ("Another said …", '"…," said another.': a bare "another" right before or after its cue stands for a person.)
  const headless = e - s <= 3 && ((/^(?:the|a|an|another|other|only|real|such|weeks|days|months|years|hours|minutes|shortly)$/.test(last) && !(e - s === 1 && last === 'another' && (c.tokAfter(at.cue.start) === e || c.tokBefore(at.cue.end) + 1 === s))) || (e - s === 1 && cueNouns.has(last)))
  // One word that is no noun ("raises", "Lurid", "Despite", "Hastily") is a tagger's slip, not a speaker;
  // quantifiers stand for people ("Most said", "Many believe").
  // (A capitalised word only where it opens its sentence, and not as an adjective or a past tense: "Early",
  // "Felt" are names.)
  const p = pos?.[s] ?? ''
  const opens = c.tokAfter(c.sentences[c.sentOf[s]!]!.start) === s
  // ("According to police": "to police" is no infinitive; nouns of those who speak collectively are nouns.)
  const notNoun = e - s === 1 && !c.personTok[s] && !speakerPronouns.has(c.low(s)) && !numberish(c.tok(s)) && !COLLECTIVE_SPEAKERS.has(c.low(s)) && !anonymousNouns.has(c.low(s)) && !/^(?:most|more|few|fewer|all|none|another|others|either|neither|each|any|half|that|which|who|whom|whose)$/.test(c.low(s)) &&
    (isCap(c.tok(s)) ? opens && /^(?:RB|IN|WRB|EX|VBG|VBN|VBZ|VBP|UH)/.test(p) : /^(?:VB|JJ|RB|IN|MD|EX|UH|TO)/.test(p))
  // ("The officer accused of shooting him was convicted", "two police officers charged over the shooting": a
  // participle with no object names who is accused, not who accuses.)
  const accusedOf = /^(?:accused|charged|suspected|convicted|indicted)\s+(?:of|with|over|in)$/i.test(c.text.slice(at.cue.start, at.cue.end).trim()) && !BE.test(c.low(c.tokAfter(at.cue.start) - 1)) && !AUX.has(c.low(c.tokAfter(at.cue.start) - 1))
  if (named && !headless && !expletive && !notNoun && !accusedOf && !passiveCue(c, at.cue)) return at
  return { ...at, speaker: undefined, antecedent: undefined }
}

/**
 * Attributions do not nest: in "“He says what everyone wants to say,” Steve Moody said", the cue
 * "says" belongs to the quoted speech, so the attribution it opens is dropped (PolNeAR, which annotates
 * beliefs and stances too, never marks a cue inside another attribution's content). Direct quotes win
 * over mixed and indirect ones, the rules over the tagger; a quotation inside a direct quote keeps its own
 * attribution (the product reports it; PolNeAR does not mark it). (Cutting an indirect content before a later
 * attribution inside it, "X said A, while B said C", to keep both, lost more precision than it gained.)
 * Source-only attributions are kept: they name sources, not quotes.
 */
export function resolveNesting(attributions: readonly Attribution[], text?: string): Attribution[] {
  const inside = (cue: Span | undefined, b: Attribution) => cue !== undefined && b.fragments.some((f) => f.start <= cue.start && cue.end <= f.end)
  // "His daughter Joan Felt said her father went to sleep, she told the Washington Post": an indirect content
  // that opens with a named speaker and a cue, attributed again to a pronoun, is that speaker's statement;
  // the inner attribution goes first.
  const echo = (b: Attribution) =>
    text !== undefined && b.kind === 'indirect' && b.speaker !== undefined && b.cue !== undefined && b.fragments.every((f) => f.end <= b.cue!.start) && /^(?:he|she|they)$/i.test(text.slice(b.speaker.start, b.speaker.end)) &&
    attributions.some((a) => a !== b && !a.sourceOnly && a.speaker !== undefined && a.speaker.end > a.speaker.start && !/^(?:he|she|they|it|i|we|you)$/i.test(text.slice(a.speaker.start, a.speaker.end)) && inside(a.cue, b) && a.fragments.every((f) => f.end <= b.cue!.start) && b.fragments.some((f) => f.start <= a.speaker!.start && !/[\p{L}\p{N}]/u.test(text.slice(f.start, a.speaker!.start).replace(/^\s*(?:his|her|their|the)\s+\p{Ll}+\s*$/u, ''))))
  // ("The shooting appeared to be within NYPD guidelines, he added.": an impression with no source inside
  // what someone said goes after it.)
  // ('A spokesman said the company gave because it believed "in the great work …"': a quotation after a verb of
  // belief or stance is what the statement around it says, not a statement of its own.)
  const speechLike = (x: Attribution) => /^(?:speech|claim|deny|accuse|report|colon|dash)$/.test(x.cueClass ?? 'speech')
  const covers = (o: Attribution, a: Attribution) => a.fragments.every((f) => o.fragments.some((g) => g.start <= f.start && f.end <= g.end))
  const said = (a: Attribution) =>
    a.kind === 'direct' && !speechLike(a) && attributions.some((o) => o !== a && !o.sourceOnly && o.kind !== 'direct' && o.cueClass !== undefined && speechLike(o) && o.cue !== undefined && inside(a.cue, o) && covers(o, a) && o.cue.end <= a.fragments[0]!.start)
  const ranks = new Map(attributions.map((a) => [a, (a.kind === 'direct' ? (said(a) ? 1 : 0) : a.kind === 'mixed' ? 1 : 2) * 2 + (a.byTagger ? 1 : 0) + (!a.speaker && a.cueClass === 'belief' && !a.byTagger ? 3 : 0) + (echo(a) ? 10 : 0)]))
  const rank = (a: Attribution) => ranks.get(a)!
  // A direct quote wholly inside another one is a quotation within the quotation, kept with its own
  // speaker: `"… 'This is disinformation,' Zakharova told a news conference."`
  const within = (a: Attribution, b: Attribution) => a.kind === 'direct' && b.kind === 'direct' && a.fragments.every((f) => b.fragments.some((g) => g.start < f.start && f.end < g.end))
  const clash = (a: Attribution, b: Attribution) => !within(a, b) && !within(b, a) && !a.relayed && !b.relayed && (inside(a.cue, b) || inside(b.cue, a))
  const kept = new Set<Attribution>()
  for (const a of attributions.filter((x) => !x.sourceOnly).sort((x, y) => rank(x) - rank(y)))
    if (![...kept].some((k) => clash(a, k))) kept.add(a)
  return attributions.filter((a) => a.sourceOnly || kept.has(a))
}

/**
 * ('"…," he said. "They think … terrorists. ¶ "And they still believe that we use camels," he said with a grin.'):
 * a quotation carried over a paragraph break whose last paragraph is attributed after it is two quotations: the
 * paragraphs before, which go on with what came before them, and the last one, which that attribution takes.
 * (PolNeAR dev, train split: of 7 such quotations, gold splits 6 at the last break.)
 */
function splitCarried(c: Ctx, quoted: QuotedSpan[]): QuotedSpan[] {
  const out: QuotedSpan[] = []
  for (const q of quoted) {
    const br = c.text.slice(q.open, q.close).lastIndexOf('\n')
    const at = q.depth === 0 && !q.unclosed && br >= 0 ? afterPattern(c, q, -1) : null
    let e = q.open + br
    let s = e + 1
    while (e > q.open && /\s/.test(c.text[e - 1]!)) e--
    while (s < q.close && /\s/.test(c.text[s]!)) s++
    if (!at || at.before || !/["“'`]/.test(c.text[s] ?? '') || e <= q.start) {
      out.push(q)
      continue
    }
    const digraph = /^(?:''|``)/.test(c.text.slice(s, s + 2))
    out.push({ open: q.open, start: q.start, end: e, close: e, depth: 0, unclosed: true }, { open: s, start: s + (digraph ? 2 : 1), end: q.end, close: q.close, depth: 0, unclosed: false })
  }
  return out.sort((a, b) => a.open - b.open || b.close - a.close)
}

/** The rule attributions of a document and what the tagger reads of it (rule labels included). */
export function prepareQuotes(doc: QuoteInput, options: QuoteOptions = {}): { c: Ctx; input: TaggerInput; attributions: Attribution[] } {
  const c = new Ctx(doc, options)
  const quoted = splitCarried(c, findQuotedSpans(c.text))
  const attributions = findAttributions(c, quoted)
  const n = c.tokens.length
  const rules: [Uint8Array, Uint8Array, Uint8Array] = [new Uint8Array(n), new Uint8Array(n), new Uint8Array(n)]
  const ruleKind = new Uint8Array(n)
  const mark = (layer: 0 | 1 | 2, sp: Span | undefined, kind = 0) => {
    if (!sp) return
    const a = c.tokAfter(sp.start)
    for (let k = a; k < n && c.tokens[k]!.start < sp.end; k++) {
      rules[layer][k] = k === a ? 1 : 2
      if (kind) ruleKind[k] = kind
    }
  }
  for (const at of resolveNesting(attributions, c.text)) {
    if (at.sourceOnly) continue
    for (const f of at.fragments) mark(2, f, at.kind === 'direct' ? 1 : at.kind === 'mixed' ? 2 : 3)
    mark(0, at.cue)
    mark(1, at.speaker)
  }
  return { c, input: { text: c.text, tokens: c.tokens, sentences: c.sentences, paragraphs: c.paras, entities: doc.entities, quoted, rules, ruleKind }, attributions }
}

/** Words that open a phrase that is not a speaker: prepositions, and adverbs that open a sentence. */
const NOT_SOURCE_START = /^(?:because|although|though|unless|whether|be|been|being|is|are|was|were|in|on|at|of|with|within|without|besides|beyond|for|from|by|after|before|during|under|over|into|through|throughout|among|amid|against|toward|towards|since|until|when|while|if|as|than|ultimately|eventually|instead|meanwhile|however|finally|indeed|notably)$/

/**
 * Can the tagged source phrase `[a, b)` be the source of an attribution with these content fragments?
 * Not when it lies inside the content ("“I think he can,” …": the "I" speaks inside the quotation), nor
 * when it opens with a preposition or a sentence adverb ("Within months …", "Ultimately, …").
 */
function plausibleSource(c: Ctx, [a, b]: [number, number], fragments: readonly [number, number][]): boolean {
  if (b <= a || fragments.some(([x, y]) => a < y && x < b)) return false
  return !NOT_SOURCE_START.test(c.low(a))
}

/** The tagger's attributions, as the rules would write them (character spans, kind, cue class, antecedent of "who"). */
function tagged(c: Ctx, input: TaggerInput, model: QuoteModel, minMargin?: number, bias: TagBias = TAG_BIAS): Attribution[] {
  const quoted = input.quoted
  return assembleAttributions(input, tagDocument(model, input, bias), minMargin).flatMap((t: TaggedAttribution): Attribution[] => {
    // ("As the FBI's second official, Felt possessed …": a person's name is no cue.)
    if (t.cue) {
      let a = t.cue[0]
      while (a < t.cue[1] && c.personTok[a] && isCap(c.tok(a))) a++
      if (a === t.cue[1]) return []
      if (a > t.cue[0]) t = { ...t, cue: [a, t.cue[1]] }
    }
    const fragments = t.fragments.map(([a, b]) => contentSpan(c, a, b, 1)).filter((f): f is Span => f !== null)
    if (!fragments.length) return []
    const kind = kindOf(c.text, fragments, quoted)
    let cueClass: Attribution['cueClass']
    if (t.cue) {
      for (let k = t.cue[0]; k < t.cue[1] && !cueClass; k++) cueClass = cueAt(c, k)?.verb.class
      if (!cueClass && c.tok(t.cue[0]) === ':') cueClass = 'colon'
    }
    let antecedent: Span | undefined
    let tagSource = t.source && plausibleSource(c, t.source, t.fragments) ? t.source : undefined
    // ("Older people, who strongly support Mrs. Clinton, have also seen …": a relative pronoun whose clause a comma
    // closes before the cue is no subject of the cue; the noun phrase it follows, with the clause, is, as
    // `subjectBefore` finds it.)
    if (tagSource && t.cue && tagSource[1] - tagSource[0] === 1 && /^(?:who|which)$/.test(c.low(tagSource[0])) && c.tok(tagSource[0] - 1) === ',' && c.tok(t.cue[0] - 1) === ',' && t.cue[0] - 1 > tagSource[1]) {
      const lo = c.sentenceRange(t.cue[0])[0]
      const subj = subjectBefore(c, t.cue[0], lo)
      if (subj && subj.speaker[0] < tagSource[0]) tagSource = subj.speaker
    }
    // "Jeb Bush, who announced …", "voters who say …": the noun phrase before the pronoun, as `subjectBefore` finds it.
    if (tagSource && tagSource[1] - tagSource[0] === 1 && RELATIVES.has(c.low(tagSource[0]))) {
      const w = tagSource[0]
      const np = leftNP(c, c.tok(w - 1) === ',' ? w - 2 : w - 1, c.sentenceRange(w)[0])
      if (np) antecedent = c.span(...np)
    }
    // The tagger marks whole source phrases, as PolNeAR does; in `name` mode the speaker is the name in it.
    let speaker: Span | undefined
    // "Donald was asked a question": the subject of a passive cue is its hearer, not its source.
    const passive = t.cue !== undefined && t.cue[1] - t.cue[0] >= 2 && /^(?:is|are|was|were|be|been|being)$/.test(c.low(t.cue[0])) && /ed$/.test(c.low(t.cue[0] + 1))
    // "Trump has been criticized by some of his rivals for …": the agent of a passive cue is its source, not
    // its subject, which the tagger may mark. (A passive after an auxiliary too, "has been criticized", and
    // with an adverb, "was strongly opposed".)
    const beAt = t.cue !== undefined && /^(?:has|have|had|will|would|could|may|might|must|should|can)$/.test(c.low(t.cue[0])) ? t.cue[0] + 1 : t.cue?.[0] ?? -1
    const passiveBy = t.cue !== undefined && t.cue[1] - beAt >= 2 && /^(?:is|are|was|were|be|been|being)$/.test(c.low(beAt)) && Array.from({ length: t.cue[1] - beAt - 1 }, (_, n) => beAt + 1 + n).some((k) => /^\p{Ll}+ed$/u.test(c.tok(k)) || c.pos().pos[k] === 'VBN')
    if ((!tagSource || tagSource[1] <= t.cue![0]) && t.cue && passiveBy) {
      const hi = c.sentenceRange(t.cue[0])[1]
      let k = t.cue[1]
      while (k < hi && k - t.cue[1] < 6 && c.low(k) !== 'by' && isWord(c.tok(k)) && !cueAt(c, k)) k++
      // (The agent ends where the content starts: "by some of his rivals [for failing to …]".)
      const stop = Math.min(hi, ...t.fragments.map(([a]) => a).filter((a) => a > k))
      const np = c.low(k) === 'by' && !t.fragments.some(([a, b]) => a <= k && k < b) ? rightNP(c, k + 1, stop) : null
      if (np && !(np[1] - np[0] === 1 && !speakerLike(c.low(np[0])) && !isCap(c.tok(np[0])))) {
        speaker = c.span(...pickAppositive(c, np[0], np[1]))
        tagSource = undefined
      }
    }
    if (!speaker && !tagSource && t.cue && !passive) {
      // A cue with no tagged source: the subject before it, as the rules find it ("the committee has long argued").
      const cs = cueStart(c, t.cue[0], c.sentenceRange(t.cue[0])[0])
      const subj = subjectBefore(c, cs, c.sentenceRange(t.cue[0])[0])
      // ("and last June stirred controversy": a time is no subject.)
      const time = subj !== null && subj.speaker[1] - subj.speaker[0] === 1 && timeWord(c, subj.speaker[0])
      if (subj && subj.speaker[1] === cs && !time) {
        speaker = c.span(...subj.speaker)
        if (subj.antecedent) antecedent = c.span(...subj.antecedent)
      }
    }
    if (tagSource) {
      let [a, b] = tagSource
      // ("MYRTLE BEACH, S.C. — Ted Cruz": a dateline is no part of the source.)
      const d = datelineEnd(c, c.paraRange(a)[0], b)
      if (d > a && d < b) a = d
      // "Sen. Rand Paul (Ky.) has released …": a source cut after its title runs on through the name to the cue.
      if (t.cue && b <= t.cue[0] && isCap(c.tok(a))) while (b < t.cue[0] && b - a < 12 && (isCap(c.tok(b)) || /^[().\-]$/.test(c.tok(b)) || (NP_INNER.has(c.low(b)) && isCap(c.tok(b + 1))))) b++
      while (b > a && /^[,;:]$/.test(c.tok(b - 1))) b--
      // ("[Mr. Rubio only] …", "[Eva-Maria Schultheis posted]": a verb or adverb after a name is no part of it.)
      while (b - a > 1 && (isCap(c.tok(b - 2)) || c.tok(b - 2) === ')') && /^\p{Ll}+$/u.test(c.tok(b - 1)) && (AUX.has(c.low(b - 1)) || /(?:ed|ly)$/.test(c.low(b - 1)) || /^(?:only|cannot|can|will|would|could|should|may|might|must|is|are|was|were)$/.test(c.low(b - 1)))) b--
      // "[Only about 4 in 10 Republican voters in each state] want": a subject the tagger cut after a preposition.
      if (t.cue && b === cueStart(c, t.cue[0], c.sentenceRange(t.cue[0])[0])) {
        const lo = c.sentenceRange(a)[0]
        const np = leftNP(c, b - 1, lo)
        // (Only over determiners, numbers, adjectives and adverbs: not "[The decisive victory led] Reince Priebus",
        // "[a comment] Clinton".)
        const to = np && np[1] === b && np[0] <= a ? Math.min(a, extendOverPrepositions(c, np, lo)[0]) : a
        const pos = c.pos().pos
        if (to < a && Array.from({ length: a - to }, (_, n) => to + n).every((k) => /^(?:DT|PDT|JJ|JJR|JJS|RB|RBR|RBS|CD)$/.test(pos[k]!))) a = to
      }
      if (b > a) speaker = c.span(...pickAppositive(c, a, b))
    }
    // ("The NC NAACP is suing …, under claims of fraud", "the tax has been unpopular because of fears that …": a
    // cue with no verb, a noun the tagger found, has no source in the sentence's subject; PolNeAR gives it none.
    // An adjective's is the subject ("voted - unaware that …"), and so are a noun's after "in" or "with", "in hopes
    // of", "with promises to".)
    const verbal = t.cue !== undefined && (c.pos().pos.slice(t.cue[0], t.cue[1]).some((p) => /^(?:VB|MD|JJ)/.test(p)) || /^(?:in|with)$/.test(c.low(t.cue[0])) || /^(?:in|with)$/.test(c.low(t.cue[0] - 1)))
    if (!speaker && t.cue && !passive && verbal) {
      const [lo] = c.sentenceRange(t.cue[0])
      const subj = sentenceSubject(c, lo, t.cue[0])
      if (subj && subj[1] <= t.cue[0] && subj[1] <= t.fragments[0]![0]) speaker = c.span(...subj)
    }
    return [{ kind, fragments, cue: t.cue ? c.span(...t.cue) : undefined, cueClass, speaker, antecedent, byTagger: true }]
  })
}

const overlapShare = (a: Attribution, b: Attribution): number => {
  let inter = 0
  let la = 0
  let lb = 0
  for (const f of a.fragments) {
    la += f.end - f.start
    for (const g of b.fragments) inter += Math.max(0, Math.min(f.end, g.end) - Math.max(f.start, g.start))
  }
  for (const g of b.fragments) lb += g.end - g.start
  return inter / Math.max(1, Math.min(la, lb))
}

/**
 * Rules and tagger together. Every rule attribution is kept (the rules are precise, and they give the
 * speaker's name, the cue phrase and the hearer), with the tagger's bounds where both find it; the tagger
 * adds the attributions the rules miss, mostly PolNeAR's indirect, belief and stance attributions: those
 * whose content does not overlap a rule quote, as bounded, by more than half, except a short phrase in marks
 * (a scare quote the rules left alone, unless right beside the tagger's cue), alone or, with no source,
 * inside the content.
 */
function combineAttributions(c: Ctx, quoted: readonly QuotedSpan[], rules: Attribution[], fromTagger: Attribution[]): Attribution[] {
  const quoteRules = rules.filter((r) => !r.sourceOnly)
  const short = (f: Span) => words(c, c.tokAfter(f.start), c.tokBefore(f.end) + 1) <= 4
  // ('The sign read “Hispanics 4 Trump”', 'to chants of "Marco! Marco!,"', '“Call the roll,” came shouts from …': a short
  // quotation right after or before the cue the tagger found with it is what the cue says was written or called out.)
  // (Not a name given in the passive, 'This kind of diplomacy is called "Track Two diplomacy."': a term, no one's words.)
  const besideItsCue = (t: Attribution) => {
    if (!t.cue || /^(?:is|are|was|were|be|been|being|['’]s)\s+(?:\p{Ll}+ly\s+)?(?:called|named|known|dubbed|termed|labell?ed|nicknamed)\b/u.test(c.text.slice(t.cue.start, t.cue.end))) return false
    const f = t.fragments[0]!
    if (t.cue.end <= f.start) return /^[\s,:]*(?:of\s+)?$/.test(c.text.slice(t.cue.end, f.start))
    return f.end <= t.cue.start && /^[\s,]*$/.test(c.text.slice(f.end, t.cue.start))
  }
  const scare = (t: Attribution) => {
    if (t.kind === 'direct') return t.fragments.length === 1 && short(t.fragments[0]!) && !besideItsCue(t)
    // With no source, a content around a short phrase in marks is a scare quote too.
    if (t.kind !== 'mixed' || t.speaker) return false
    const inner = quoted.filter((q) => t.fragments.some((f) => q.start >= f.start - 1 && q.end <= f.end + 1))
    return inner.length > 0 && inner.every((q) => short(q))
  }
  // A cue in another paragraph than its whole content (3 of 1,000 PolNeAR attributions).
  const acrossParagraphs = (t: Attribution) => t.cue !== undefined && t.fragments.every((f) => c.paraOf[c.tokAfter(f.start)] !== c.paraOf[c.tokAfter(t.cue!.start)] && c.paraOf[c.tokBefore(f.end)] !== c.paraOf[c.tokAfter(t.cue!.start)])
  // The tagger's content stays, without the cue and speaker of another paragraph.
  // (Nor one whose cue is a rule attribution's, when their contents overlap at all: '"It's a disgrace," he
  // [said of] the government's response. "Canadians deserve better."' is the rules' direct quote, not a
  // further mixed one.)
  // (What follows "said of" is what was talked about: a short phrase right after the shared cue.)
  const sameCue = (r: Attribution, t: Attribution) =>
    r.cue !== undefined && t.cue !== undefined && r.cue.start < t.cue.end && t.cue.start < r.cue.end &&
    t.fragments.some((f) => f.start >= t.cue!.end && words(c, c.tokAfter(t.cue!.end), c.tokAfter(f.start)) <= 1 && short(f) && !r.fragments.some((g) => g.start < f.end && f.start < g.end))
  // ('"People make all these claims," Mrs. Clinton said, a hint of frustration in her voice. "…"': a content
  // of the tagger's with a rule attribution's cue that overlaps its content is that quotation again.)
  const holdsItsCue = (r: Attribution, t: Attribution) =>
    r.cue !== undefined && t.cue !== undefined && r.cue.start === t.cue.start && r.cue.end === t.cue.end && t.fragments.some((f) => r.fragments.some((g) => g.start < f.end && f.start < g.end))
  // ("A resident …, who did not want her name published, said …": how a source is kept unnamed is no belief of theirs.)
  const keptUnnamed = (t: Attribution) => t.cue !== undefined && t.fragments.length > 0 && ANONYMITY_CLAUSE.test(c.text.slice(t.cue.start, t.fragments[t.fragments.length - 1]!.end))
  // A rule's indirect or mixed content after its cue, whose cue the tagger marks too with a content of the same kind
  // and as many fragments that overlaps it by more than half, takes the tagger's bounds: where both find the
  // attribution, the tagger ends its content better than the rules (it learnt where they are right). Not a content
  // before its cue ("NATO — the alliance — will meet, officials said") nor one after a colon or a dash ("PENCE:
  // Well, …"), whose ends the rules read from punctuation. Held-out PolNeAR dev (the tagger never saw it): matched
  // quotes 3401 -> 3417, exact 2590 -> 2616, joint 3031 -> 3049; a shared cue that only overlaps (3411 matched), other
  // fragment counts (3413) or only tagged contents that are shorter (exact 2608) did less well.
  const sameAttribution = (r: Attribution, t: Attribution) =>
    t.kind === r.kind && t.cue !== undefined && t.cue.start === r.cue!.start && t.cue.end === r.cue!.end && t.fragments.length === r.fragments.length && overlapShare(r, t) > 0.5
  const bounded = rules.map((r) => {
    if ((r.kind !== 'indirect' && r.kind !== 'mixed') || !r.cue || r.sourceOnly || r.fragments.some((f) => f.start < r.cue!.end)) return r
    if (r.cueClass === 'colon' || r.cueClass === 'dash' || /[:\-–—]$/.test(c.text.slice(r.cue.start, r.cue.end))) return r
    const t = fromTagger.find((t) => sameAttribution(r, t))
    // (Nor past the rules' end over a second predicate: "denied [the charges] and counter-accused her of battery".)
    const last = r.fragments[r.fragments.length - 1]!
    if (t && t.fragments[t.fragments.length - 1]!.end > last.end && /^\s*,?\s*(?:and|but|or)\s+[\p{Ll}-]+(?:ed|s)\b/u.test(c.text.slice(last.end, last.end + 60))) return r
    return t ? { ...r, fragments: t.fragments } : r
  })
  // (The tagger's attributions are weighed against the rules' contents as bounded: where the tagger ends a rule's
  // content earlier, its attributions after that end stand, "defended [Bernie Sanders as a mainstream candidate],
  // mocked [the Republican Party …]". Held-out: matched 3435 -> 3453 of 40 more quotes.)
  const against = bounded.filter((r) => !r.sourceOnly)
  // ("continued to express doubts about [her qualifications] and made clear that he …": a tagger's content that runs
  // over "and" or "but" into a rule attribution's source and cue ends before them, where the tagger's own attribution
  // stands. Held-out: matched +4 of 6 more quotes.)
  for (const t of fromTagger) {
    const f = t.fragments[0]!
    if (!t.cue || t.fragments.length !== 1 || f.start < t.cue.end) continue
    const r = against.find((r) => r.cue !== undefined && r.cue.start > f.start && r.cue.end <= f.end)
    if (!r) continue
    const cut = beforeConjoined(c, f, r.speaker && r.speaker.start > f.start && r.speaker.start < r.cue!.start ? r.speaker.start : r.cue!.start)
    if (cut) t.fragments = [cut]
  }
  const added = fromTagger.filter((t) => !scare(t) && !keptUnnamed(t) && !(t.cue && namingParticiple(c, c.tokAfter(t.cue.start))) && !against.some((r) => overlapShare(r, t) > (sameCue(r, t) || holdsItsCue(r, t) ? 0 : 0.5)))
  for (const t of added) {
    if (!acrossParagraphs(t)) continue
    t.cue = undefined
    t.cueClass = undefined
    t.speaker = undefined
    t.antecedent = undefined
  }
  // "“…,” he continued, citing the many Americans who …": a participle cue after a comma has the
  // speaker of the attribution before it in the sentence (the tagger often takes the nearest noun).
  for (const t of added) {
    if (!t.cue) continue
    const k = c.tokAfter(t.cue.start)
    if (!/ing$/.test(c.low(k)) || c.tok(k - 1) !== ',') continue
    const s = c.sentOf[k]!
    // (The nearest cue before it, and not one inside another's quotation: '“Trump actually said he …,” she said,
    // referring to …' is hers.)
    const before = quoteRules.filter((r) => r.cue && r.speaker && r.cue.end <= t.cue!.start && c.sentOf[c.tokAfter(r.cue.start)] === s && !quoteRules.some((o) => o !== r && o.fragments.some((f) => f.start <= r.cue!.start && r.cue!.end <= f.end)))
    const r = before.reduce<Attribution | undefined>((m, x) => (m && m.cue!.end >= x.cue!.end ? m : x), undefined)
    if (r) {
      t.speaker = r.speaker
      t.antecedent = r.antecedent
    }
  }
  const key = (a: Attribution) => a.fragments[0]?.start ?? a.cue?.start ?? a.speaker?.start ?? 0
  return [...bounded, ...added].sort((a, b) => key(a) - key(b))
}

/**
 * An indirect content that runs over the speaker and cue of a quotation after it ends before that speaker:
 * "When Clinton noted that Trump has not paid taxes ― as was true for years ― [Trump boasted], “…”".
 */
function cutBeforeAttribution(c: Ctx, a: Attribution, direct: readonly Attribution[]): void {
  const f = a.fragments[a.fragments.length - 1]
  if (!f) return
  for (const b of direct) {
    if (!b.speaker || !b.cue || b.speaker.start <= f.start || b.speaker.end > f.end || b.cue.start < f.start || b.cue.end > f.end) continue
    if (!b.fragments.every((g) => g.start >= f.end)) continue
    let e = c.tokAfter(b.speaker.start) - 1
    const lo = c.tokAfter(f.start)
    while (e >= lo && !isWord(c.tok(e))) e--
    if (e - lo < 1) continue
    a.fragments[a.fragments.length - 1] = { start: f.start, end: c.tokens[e]!.end }
    return
  }
}

/**
 * A mixed content that ends inside a quotation, at a sentence end within it ('She said the city "will not back
 * down. We will fight this in court."'), runs on to the quotation's closing mark in the same paragraph: what is
 * quoted is quoted whole.
 */
function runOnToClose(c: Ctx, a: Attribution, quoted: readonly QuotedSpan[]): void {
  const n = a.fragments.length - 1
  const f = a.fragments[n]
  if (!f) return
  for (const q of quoted) {
    if (q.depth !== 0 || q.unclosed || q.open < f.start || q.open >= f.end || q.close <= f.end) continue
    if (c.paraOf[c.tokAfter(q.open)] !== c.paraOf[c.tokBefore(q.close)]) return
    // (Only when the content stopped at a sentence end inside the quotation.)
    const rest = c.text.slice(f.end, q.close)
    if (!/[.!?]["”'’]?\s/.test(c.text.slice(f.end, Math.min(q.close, f.end + 3))) && !/^\s*[.!?]/.test(rest)) return
    a.fragments[n] = { start: f.start, end: q.close }
    return
  }
}

/** Every attribution in the text, in text order. */
export function findAttributions(c: Ctx, quoted: QuotedSpan[] = findQuotedSpans(c.text)): Attribution[] {
  const consumed = new Uint8Array(c.tokens.length)
  const out: Attribution[] = []
  // ('a phenomenon called “differential nonresponse.”': a name the writer gives, no one's words.)
  const direct = attributeDirect(c, quoted, consumed).filter((a) => !(a.cue && a.kind === 'direct' && namingParticiple(c, c.tokAfter(a.cue.start))))
  out.push(...direct)
  out.push(...attributeIndirect(c, quoted, consumed))
  for (const a of out) if (a.kind === 'indirect') cutBeforeAttribution(c, a, direct)
  for (const a of out) if (a.kind === 'mixed') runOnToClose(c, a, quoted)
  const key = (a: Attribution) => a.fragments[0]?.start ?? a.cue?.start ?? a.speaker?.start ?? 0
  out.sort((a, b) => key(a) - key(b))
  out.push(...floatingQuotes(c, quoted, consumed, out))
  out.sort((a, b) => key(a) - key(b))
  return out
}

/**
 * A quotation that is a paragraph of its own, with no attribution, right after a paragraph whose last
 * attribution has a speaker, is that speaker's too: `She added that … ¶ "We are not out of the woods yet."`
 * (no cue of its own).
 */
function floatingQuotes(c: Ctx, quoted: readonly QuotedSpan[], consumed: Uint8Array, found: readonly Attribution[]): Attribution[] {
  const out: Attribution[] = []
  for (const q of quoted) {
    if (q.depth !== 0 || q.unclosed) continue
    const a = c.tokAfter(q.open)
    const b = c.tokBefore(q.close)
    if (a > b || consumed[c.tokAfter(q.start)] || consumed[a]) continue
    const para = c.paraOf[a]!
    const [plo, phi] = c.paraRange(a)
    if (continuesQuote(c, q, a, b, found)) {
      markConsumed(c, consumed, q.open, q.close)
      continue
    }
    if (plo !== a || phi !== b + 1 || para === 0) continue
    // The last attribution of the previous paragraph, with a speaker, by a speech or report cue.
    const prev = found.filter((x) => x.speaker && !x.sourceOnly && x.fragments.length && c.paraOf[c.tokAfter(x.fragments[x.fragments.length - 1]!.start)] === para - 1)
    const last = prev[prev.length - 1]
    if (!last || !/^(?:speech|report|claim|deny|accuse|colon)$/.test(last.cueClass ?? '')) continue
    out.push({ kind: 'direct', fragments: [{ start: q.open, end: q.close }], cueClass: last.cueClass, speaker: last.speaker, antecedent: last.antecedent })
    markConsumed(c, consumed, q.open, q.close)
  }
  return out
}

/**
 * `"…," said Jock Finlayson, head of policy. Now, "within the business community …"`: a quotation that is
 * a sentence of its own (a lead-in of at most two words, no cue) in the paragraph of a direct quotation
 * attributed just before it goes on with that quotation, as a further fragment of it (PolNeAR joins them
 * so too). Returns whether it did.
 */
function continuesQuote(c: Ctx, q: QuotedSpan, a: number, b: number, found: readonly Attribution[]): boolean {
  const [slo, shi] = c.sentenceRange(a)
  let lead = 0
  for (let k = slo; k < c.tokAfter(q.open); k++) {
    if (cueAt(c, k)) return false
    if (isWord(c.tok(k))) lead++
  }
  if (lead > 2) return false
  for (let k = b + 1; k < shi; k++) if (isWord(c.tok(k))) return false
  const para = c.paraOf[a]!
  let prev: Attribution | undefined
  for (const x of found) {
    const last = x.fragments[x.fragments.length - 1]
    if (!last || last.end > q.open || x.sourceOnly) continue
    if (c.paraOf[c.tokAfter(last.start)] !== para) continue
    if (!prev || last.end > prev.fragments[prev.fragments.length - 1]!.end) prev = x
  }
  if (!prev || prev.kind !== 'direct' || !prev.speaker || !/^(?:speech|report|claim|deny|accuse|colon)$/.test(prev.cueClass ?? '')) return false
  // Nothing attributed between them, and the earlier quotation is in the sentence just before.
  const end = prev.fragments[prev.fragments.length - 1]!.end
  const after = c.tokBefore(Math.max(end, prev.cue?.end ?? 0, prev.speaker.end))
  // ('…," Trump said, referring to Kerry. "…"', '…," he said when asked about the standards. "…"': what the
  // participle or the question of the attribution's own sentence is about is no other statement.)
  const aside = (x: Attribution) => x.kind !== 'direct' && x.cue !== undefined && c.sentOf[c.tokAfter(x.cue.start)] === c.sentOf[after] && c.tokAfter(x.cue.start) > after && asideCue(c, c.tokAfter(x.cue.start))
  if (found.some((x) => x !== prev && !aside(x) && x.fragments.some((f) => f.start >= end && f.end <= q.open))) return false
  if (c.sentOf[a]! - c.sentOf[after]! > 1) return false
  // Another cue between them ends it, except a participle that goes on with the same speaker
  // ('…," he said, apparently suggesting that …').
  for (let k = after + 1; k < c.tokAfter(q.open); k++) {
    if (!cueAt(c, k)) continue
    // ('…," Mr. Trump said in a documentary that showed off the renovations. "…"': a relative clause of the occasion;
    // '…," Graham told CBS News on Super Tuesday, when a dozen states held contests to choose nominees. "…"': a
    // clause of its time.)
    if (/^(?:that|which)$/.test(c.low(k - 1)) && /^\p{Ll}+$/u.test(c.tok(k - 2)) && !cueAt(c, k - 2) && c.sentOf[k] === c.sentOf[after]) continue
    let when = k - 1
    while (when > after && c.tok(when) !== ',' && !/^(?:when|as|while|after|before|where)$/.test(c.low(when))) when--
    if (when > after && /^(?:when|where)$/.test(c.low(when)) && c.tok(when - 1) === ',' && c.sentOf[k] === c.sentOf[after]) continue
    if (!asideCue(c, k) || c.sentOf[k] !== c.sentOf[after]) return false
    // (The rest of the sentence is what the aside is about: "referring to the chief negotiator in the talks".)
    while (k + 1 < c.tokAfter(q.open) && c.sentOf[k + 1] === c.sentOf[after]) k++
  }
  prev.fragments.push({ start: q.open, end: q.close })
  return true
}

/** A cue at `k` that goes on with the speaker before it: a participle after a comma ("…, referring to"), or "when asked". */
function asideCue(c: Ctx, k: number): boolean {
  return (/ing$/.test(c.low(k)) && (c.tok(k - 1) === ',' || (/ly$/.test(c.low(k - 1)) && c.tok(k - 2) === ','))) || (/^(?:asked|questioned|pressed)$/.test(c.low(k)) && /^(?:when|after|as|while|if)$/.test(c.low(k - 1)))
}

interface DirectAttr {
  speaker?: [number, number]
  antecedent?: [number, number]
  cue?: [number, number]
  cueClass?: Attribution['cueClass']
  hearer?: [number, number]
  /** Tokens the attribution covers outside the quote. */
  covered: [number, number]
  /** Continues with a split quote: `"…," X said, "…"`. */
  continues: boolean
  /** "X said that "…"": the quote is the content of an indirect construction. */
  before: boolean
}

function attributeDirect(c: Ctx, quoted: QuotedSpan[], consumed: Uint8Array): Attribution[] {
  const attrs: (DirectAttr | null)[] = quoted.map((q) => {
    const parent = quoted.find((o) => o !== q && o.start <= q.open && o.end >= q.close && o.depth === q.depth - 1)
    const [plo, phi] = parent ? [c.tokAfter(parent.start), c.tokBefore(parent.end) + 1] : [-1, -1]
    return afterPattern(c, q, parent ? phi : -1) ?? beforePattern(c, q, parent ? plo : -1)
  })
  const out: Attribution[] = []
  const used = new Set<number>()
  /** Is quote `p`, unattributed and a paragraph of its own, followed by quote `n` that opens the next paragraph and is attributed after it? */
  const leadsInto = (p: number, n: number): boolean => {
    const a = quoted[p]!
    const b = quoted[n]!
    if (attrs[p] || !attrs[n] || attrs[n]!.before || a.depth !== 0 || b.depth !== 0) return false
    const gap = c.text.slice(a.close, b.open)
    if (/[\p{L}\p{N}]/u.test(gap) || (gap.match(/\n\s*/g) ?? []).length !== 1) return false
    const pa = c.paras[c.paraOf[c.tokAfter(a.open)]!]
    return pa !== undefined && pa.start >= a.open - 1
  }
  for (let i = 0; i < quoted.length; i++) {
    if (used.has(i)) continue
    const q = quoted[i]!
    const at = attrs[i]
    if (!at) continue
    if (isTitle(c, q)) continue
    // 'On Fox News's “Sunday Morning Futures,” Rep. Darrell Issa said Clinton's judgment is in question':
    // a short title in marks before "X said <clause>" is not what X said; the clause is.
    if (!at.before && at.cue && q.depth === 0 && words(c, c.tokAfter(q.start), c.tokBefore(q.end) + 1) <= 4) {
      const [, hi] = c.sentenceRange(at.cue[0])
      const pre = c.tokBefore(q.open)
      const inRunningText = pre >= 0 && c.sentOf[pre] === c.sentOf[c.tokAfter(q.start)] && isWord(c.tok(pre))
      if (inRunningText && at.cue[1] < hi && isWord(c.tok(at.cue[1])) && afterCueContent(c, at.cue[1], hi) && words(c, at.cue[1], hi) >= 4) continue
    }
    used.add(i)
    const fragments: Span[] = [{ start: q.open, end: Math.min(q.close, c.text.length) }]
    // A quote paragraph with no attribution right before this one, attributed after it, is its first part:
    // `“…”` ¶ `“…,” Espinoza said.` (PolNeAR attaches it to the cue that follows, not to an earlier quote).
    if (i > 0 && !used.has(i - 1) && leadsInto(i - 1, i)) {
      const p = quoted[i - 1]!
      fragments.unshift({ start: p.open, end: Math.min(p.close, c.text.length) })
      used.add(i - 1)
    }
    let lastEnd = Math.max(q.close, at.covered[1] > 0 ? c.tokens[at.covered[1] - 1]!.end : q.close)
    // Following quotes with no attribution of their own continue this one.
    for (let j = i + 1; j < quoted.length; j++) {
      const nq = quoted[j]!
      if (nq.depth !== q.depth) {
        if (nq.open < lastEnd) continue
        break
      }
      // A split quote: "…," one aide said, "…" — the second part is read as attributed before it, by the same cue.
      const split = at.continues && j === i + 1 && attrs[j]?.before === true
      if (attrs[j] && !split) break
      const gap = split ? '' : c.text.slice(lastEnd, nq.open)
      const paraBreaks = (gap.match(/\n\s*/g) ?? []).length
      const gapWords = /[\p{L}\p{N}]/u.test(gap)
      if (gapWords || paraBreaks > 1 || (paraBreaks === 0 && !/^[\s.,!?]*$/.test(gap))) break
      // After the attribution, only its own short tail may come before the next quote ("…," he said on Friday. "…").
      if (at.cue && j === i + 1) {
        const tail = c.text.slice(at.cue[1] < c.tokens.length ? c.tokens[at.cue[1] - 1]!.end : q.close, nq.open)
        const tailWords = (tail.match(/[\p{L}\p{N}]+/gu) ?? []).length
        // An appositive or a participle after the speaker may be long: "…," said Larry Noble, an attorney with … . "…"
        // So may the rest of the attribution's sentence, when it holds no other cue and no quotation:
        // "…," Clinton told reporters as she left the meeting. "…"; "…," said Jane Doe, director of X. "…"
        let otherCue = false
        // (a capitalised cue form is a name's: "the State Board of Elections")
        // ('"…," Ryan said last week on CNN, though he said, "…"': a clause with a subject and a cue of its own
        // introduces the next quotation; it is no tail of this one.)
        let ownClause = false
        for (let k = at.cue[1]; k < c.tokBefore(nq.open) + 1 && !otherCue; k++) {
          otherCue = (cueAt(c, k) !== null && !isCap(c.tok(k))) || c.low(k) === 'according'
          ownClause = otherCue && SUBJECT_PRONOUN.test(c.low(k - 1)) && /^(?:,|though|although|but|and|while|when|as)$/.test(c.low(k - 2))
        }
        const appositive = /[.!?]\s*$/.test(tail) && tailWords <= 40 && !/["“”«»]/.test(tail.trimEnd().slice(0, -1)) && !otherCue
        // ('"…," he said, smiling, "…"': a short participle that is no cue, right before the next part, goes on with it.)
        const manner = tailWords <= 4 && /,\s*$/.test(tail) && !otherCue
        // ('"…," said Jean Dupont, a professor of political science at the University of Montreal, "…"': a split
        // quotation around a long appositive of its speaker.)
        const splitAround = at.continues && /,\s*$/.test(tail) && tailWords <= 40 && !otherCue && !/["“”«»]/.test(tail)
        if (!at.before && tailWords > 0 && !appositive && !splitAround && (ownClause || tailWords > 8 || !/[.!?:,]\s*$/.test(tail) || (/,\s+\p{Ll}+ing\b/u.test(tail) && !manner))) break
      }
      if (q.depth > 0 && paraBreaks > 0) break
      // (A quotation paragraph between two attributed ones goes on with the one before, not on with the one
      // after: '"…," he said. ¶ "…" ¶ "…," the Rev. Larry Kroon told CNN.' On PolNeAR dev 10 quotes change.)
      fragments.push({ start: nq.open, end: Math.min(nq.close, c.text.length) })
      used.add(j)
      lastEnd = nq.close
    }
    // "…, and the group is less likely to be “overrun with social conservatives,” Hoover said": a quoted
    // phrase inside a clause attributed after it; the content is the clause (a mixed quote).
    let kind: QuoteKind = 'direct'
    const pre = c.tokBefore(q.open)
    if (!at.before && q.depth === 0 && pre >= 0 && c.sentOf[pre] === c.sentOf[c.tokAfter(q.open)] && c.paraOf[pre] === c.paraOf[c.tokAfter(q.open)]) {
      const from = clauseStart(c, pre)
      if (from >= 0 && words(c, from, c.tokBefore(q.open) + 1) >= 2 && !attributionBetween(c, from, c.tokBefore(q.open) + 1)) {
        fragments[0] = { start: c.tokens[from]!.start, end: fragments[0]!.end }
        kind = 'mixed'
      }
    }
    // ('An economic downturn, he said, "could be a good time to borrow."': the words before a cue that splits the
    // sentence are part of what was said, a mixed quote (PolNeAR, 12 times in 19: not an opening phrase of
    // time or place, a participle or a lone "But", "Still", "Now").)
    if (at.before && q.depth === 0 && at.speaker && at.cue && c.tok(at.speaker[0] - 1) === ',' && c.tok(at.cue[1]) === ',' && at.cue[0] === at.speaker[1]) {
      const lead = leadIn(c, at.speaker[0] - 1)
      if (lead) {
        fragments.unshift(c.span(...lead))
        kind = 'mixed'
      }
    }
    // ("Ryan: ‘Anti-Semitic Images’ Have ‘No Place In A Presidential Campaign.’": in a headline, what follows
    // "Name:" is all the claim, the quotations inside it included.)
    if (at.before && at.cueClass === 'colon' && q.depth === 0 && fragments.length === 1 && at.speaker) {
      const first = c.tokAfter(q.open)
      const [plo, phi] = c.paraRange(first)
      let e = phi
      while (e > first && END_PUNCT.has(c.tok(e - 1))) e--
      const tail = c.tokAfter(fragments[0]!.end)
      if ((c.paraOf[first] === 0 || c.titleSent[c.sentOf[first]!]) && at.speaker[0] === plo && tail < e && c.tokens.slice(tail, e).some((t) => isWord(t.text)) && !attributionBetween(c, tail, e)) {
        fragments[0] = { start: fragments[0]!.start, end: c.tokens[e - 1]!.end }
        kind = 'mixed'
      }
    }
    for (const f of fragments) markConsumed(c, consumed, f.start, f.end)
    markTokens(consumed, at.covered)
    if (at.speaker) markTokens(consumed, at.speaker)
    if (at.cue) markTokens(consumed, at.cue)
    out.push({
      kind,
      fragments,
      cue: at.cue ? c.span(...at.cue) : undefined,
      cueClass: at.cueClass,
      speaker: at.speaker ? c.span(...at.speaker) : undefined,
      antecedent: at.antecedent ? c.span(...at.antecedent) : undefined,
      hearer: at.hearer ? c.span(...at.hearer) : undefined,
    })
  }
  return out
}

/**
 * The words from the sentence start to the comma at `comma` before an interjected "he said,": a noun phrase or
 * a clause ("The streets were deserted", "If Clinton is elected", "Instead"), not an opening phrase of time or
 * place, a participle, or a lone connective; null otherwise.
 */
function leadIn(c: Ctx, comma: number): [number, number] | null {
  const [a] = c.sentenceRange(comma)
  if (comma - a < 1 || comma - a > 12) return null
  for (let k = a; k < comma; k++) if (!isWord(c.tok(k)) && !/^[-–'’]$/.test(c.tok(k)) || cueAt(c, k)) return null
  const w = c.low(a)
  const tag = c.pos().pos[a]!
  if (/ing$/.test(w) || (tag === 'IN' && !/^(?:if|because|although|though|while|unless|whether|once)$/.test(w)) || /^(?:later|earlier|then|today|yesterday|now|still|but|and|so|yet|also|meanwhile|however)$/.test(w)) return null
  // ("Eight years ago, he said, …": a time is no part of what was said.)
  if (/^(?:ago|later|earlier|before)$/.test(c.low(comma - 1)) || DAYS.test(c.low(comma - 1))) return null
  return [a, comma]
}

/** Is token k the apostrophe of a plural possessive ("Leaders’ College"), joined to its word and followed by a space? */
function pluralApostrophe(c: Ctx, k: number): boolean {
  return (c.tok(k) === "'" || c.tok(k) === '’') && k > 0 && /s$/i.test(c.tok(k - 1)) && c.tokens[k - 1]!.end === c.tokens[k]!.start && c.tokens[k + 1] !== undefined && c.tokens[k + 1]!.start !== c.tokens[k]!.end
}

/**
 * A title in marks, not a quotation: a few words in title case after a possessive or a preposition
 * ("on CBS's ''Face the Nation''", "an appearance on “Meet the Press”").
 */
function isTitle(c: Ctx, q: QuotedSpan): boolean {
  const a = c.tokAfter(q.start)
  const b = c.tokBefore(q.end) + 1
  if (b - a > 6 || b <= a) return false
  const long = c.tokens.slice(a, b).filter((t) => /^\p{L}{4,}/u.test(t.text))
  if (long.length < 2 || !long.every((t) => /^\p{Lu}/u.test(t.text))) return false
  const before = c.low(c.tokBefore(q.open))
  return before === "'s" || before === '’s' || /^(?:on|in|at|of|for|to|from|with|titled|called|named|show|program|programme|book|film|movie|song|column|series)$/.test(before)
}

/**
 * The first token of the clause that holds token `j` (inclusive), scanning back in its sentence to a
 * `;`, `:`, a quotation mark, or a comma with a conjunction (", and the group …"); -1 when the clause
 * starts after `j`.
 */
function clauseStart(c: Ctx, j: number): number {
  if (j < 0) return -1
  const [lo] = c.sentenceRange(j)
  let k = j
  while (k >= lo) {
    const t = c.tok(k)
    if (t === ';' || t === ':' || MARKS.has(t) || /^[—–]$/.test(t)) break
    if (t === ',' && /^(?:and|but|so|while|whereas|as|because|yet|though|although)$/.test(c.low(k + 1))) {
      k++
      break
    }
    k--
  }
  let a = k + 1
  while (a <= j && (LEAD_TRIM.has(c.low(a)) || c.tok(a) === ',')) a++
  return a <= j ? a : -1
}

/** Is there a cue verb in tokens [a, b) (then the words before a quote are another attribution's)? */
function attributionBetween(c: Ctx, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (cueAt(c, k) || (c.low(k) === 'according' && c.low(k + 1) === 'to')) return true
  return false
}

/**
 * "A recent CNN survey found 90 percent support …", "…, the poll found.": a poll, survey, study or report
 * that "found" reports its finding with or without "that" (PolNeAR marks such a "found"/"finds" 21 times in 21).
 */
function documentFinds(c: Ctx, i: number, verb: CueVerb): boolean {
  if (verb.lemma !== 'find' || !/^(?:found|finds)$/.test(c.low(i))) return false
  let k = i - 1
  if (/^(?:also|has|have|had)$/.test(c.low(k))) k--
  return documentNouns.has(c.low(k)) && !/^(?:data|law|act|bill|decision|ruling)$/.test(c.low(k))
}

/**
 * '"…," the judge said, according to the Post.': the quotation and its speaker are attributed in turn to the
 * outlet that reported them, a second attribution over the same words (PolNeAR marks "according to" after a
 * speech verb and a comma so 18 times in 21 on dev), though the direct quotation covers the sentence.
 */
function reportedReport(c: Ctx, i: number, consumed: Uint8Array): boolean {
  if (c.low(i) !== 'according' || c.low(i + 1) !== 'to' || c.tok(i - 1) !== ',') return false
  // (A verb of speech shortly before, in the words the quotation's attribution covers.)
  for (let k = i - 2; k >= Math.max(0, i - 12); k--) {
    if (consumed[k] !== 1 || MARKS.has(c.tok(k)) || END_PUNCT.has(c.tok(k))) return false
    if (cueAt(c, k)?.verb.class === 'speech') return true
  }
  return false
}

const SURVEY_NOUN = /^(?:poll|polls|survey|surveys)$/
/** Words that open the survey's noun phrase after "In": an article, a possessive, or a name with "'s" ("May's"). */
const SURVEY_DET = /^(?:a|an|the|this|that|its|their|our|his|her|one|another|exit|recent|new)$/

/**
 * "In a national CNN/ORC poll released Monday, 31% of Republicans said …", "In the latest Post-ABC poll, Clinton
 * led …": "In" is the cue of a survey named before the comma, and the clause after it what the survey found
 * (PolNeAR dev: a sentence that opens "In" with a poll or survey at the head of its phrase, 18 times in 24). The
 * survey must head its noun phrase ("In the context of election polls", "In a memo released as polls closed" are
 * no such sources), and a subject with its verb follow the comma. Returns the comma's token.
 */
function surveyOpening(c: Ctx, i: number, hi: number): { comma: number } | null {
  const first = c.low(i + 1)
  if (!SURVEY_DET.test(first) && !(isCap(c.tok(i + 1)) && /^['’]s$/.test(c.tok(i + 2)))) return null
  // (The head: no preposition, verb or punctuation before the poll.)
  let k = i + 1
  while (k < hi && k - i <= 9 && !SURVEY_NOUN.test(c.low(k))) {
    if (/^(?:of|in|on|for|as|to|by|with|from|at|about|that|which|and|or)$/.test(c.low(k)) || /^[,;:.!?]$/.test(c.tok(k))) return null
    k++
  }
  if (!SURVEY_NOUN.test(c.low(k))) return null
  // (What dates or describes it runs to the comma: "released Monday", "conducted in early September".)
  let m = k + 1
  while (m < hi && m - k <= 12 && c.tok(m) !== ',' && !END_PUNCT.has(c.tok(m)) && !MARKS.has(c.tok(m))) m++
  if (c.tok(m) !== ',' || m + 1 >= hi) return null
  // (A participle phrase set off by commas, "poll, conducted in May, …": past it.)
  if (m === k + 1 && /^\p{Ll}+ed$/u.test(c.tok(m + 1))) {
    let n = m + 1
    while (n < hi && n - m <= 8 && c.tok(n) !== ',' && !END_PUNCT.has(c.tok(n))) n++
    if (c.tok(n) === ',') m = n
  }
  return subjectAndVerb(c, m + 1, hi) || /^\d/.test(c.tok(m + 1)) || isCap(c.tok(m + 1)) ? { comma: m } : null
}

function markConsumed(c: Ctx, consumed: Uint8Array, start: number, end: number) {
  for (let k = c.tokAfter(start); k < c.tokens.length && c.tokens[k]!.start < end; k++) consumed[k] = 2
}
function markTokens(consumed: Uint8Array, [a, b]: [number, number]) {
  for (let k = a; k < b; k++) consumed[k] = Math.max(consumed[k]!, 1)
}

/** `"…," X said.`, `"…," said X.`, `"…" — X`. `hiTok` limits the scan inside an enclosing quote. */
function afterPattern(c: Ctx, q: QuotedSpan, hiTok: number): DirectAttr | null {
  let k = c.tokAfter(q.close)
  // ("… at all,''' said Mr. Meyer": the closing mark of a quotation inside it, run together with this one's.)
  while (k < c.tokens.length && /^['’]{1,3}$/.test(c.tok(k)) && c.tokens[k]!.start <= q.close + 2 && c.tokens[k + 1] !== undefined && c.tokens[k + 1]!.start > c.tokens[k]!.end) k++
  const startK = k
  if (k >= c.tokens.length) return null
  // A quote that ends its sentence ("… diplomacy.") is not attributed by the next sentence.
  const lastIn = c.text.slice(q.start, q.end).trimEnd().slice(-1)
  if (lastIn === '.' && isCap(c.tok(k)) && !speakerLike(c.low(k))) return null
  const [pStart, pEnd] = c.paraRange(k)
  if (c.paraOf[k] !== c.paraOf[Math.max(0, c.tokBefore(q.close))]!) {
    // A quotation paragraph signed on the next line: "¶- Hillary Clinton." (the trailing dash on a line of its own).
    if (hiTok < 0 && pStart === k && c.paraOf[k] === c.paraOf[Math.max(0, c.tokBefore(q.close))]! + 1 && /^[—–―-]$/.test(c.tok(k)) && pEnd - k <= 8) {
      let e = pEnd
      while (e > k + 1 && END_PUNCT.has(c.tok(e - 1))) e--
      const np = rightNP(c, k + 1, e)
      if (np && isCap(c.tok(np[0])) && np[1] === e) return { speaker: np, cue: [k, k + 1], cueClass: 'dash', covered: [k, pEnd], continues: false, before: false }
    }
    return null
  }
  let hi = pEnd
  if (hiTok >= 0) hi = Math.min(hi, hiTok)
  // The attribution runs to the end of the sentence, or to the next quotation mark.
  let end = k
  // ("Rep. Jim Clyburn (D-S.C.), a member …": a period inside parentheses does not end the sentence.)
  while (end < hi && !(END_PUNCT.has(c.tok(end)) && c.tok(end + 1) !== ')' && c.tok(end + 1) !== ',') && !MARKS.has(c.tok(end))) end++
  const stop = end
  if (end < hi && END_PUNCT.has(c.tok(end))) end++
  while (k < stop && c.tok(k) === ',') k++
  // Trailing dash: "…" — Hugh Hill
  if (/^[—–―-]$/.test(c.tok(k))) {
    const np = rightNP(c, k + 1, stop)
    if (np && isCap(c.tok(np[0]))) return { speaker: np, cue: [k, k + 1], cueClass: 'dash', covered: [startK, end], continues: false, before: false }
    return null
  }
  if (k >= stop) return null
  // Inverted: "…," said Hill.
  const inv = cueAt(c, k)
  if (inv && inv.verb.class !== 'belief') {
    const np = rightNP(c, inv.end, stop)
    if (np) {
      const sp = pickAppositive(c, np[0], extendAppositive(c, np[1], stop))
      return { speaker: sp, cue: [k, inv.end], cueClass: inv.verb.class, covered: [startK, end], continues: continuesAfter(c, end - 1), before: false }
    }
  }
  // Normal: "…," Zelensky said / one aide said / the outlet reports / sources told NBC
  // (A quotation inside a sentence, 'the requirement is a "lawful source of income," as a memo put it': the way
  // that sentence says it, not the quotation alone.)
  const qTok = c.tokAfter(q.open)
  const opensSentence = qTok < c.tokens.length && (c.sentenceRange(qTok)[0] === qTok || c.paraRange(qTok)[0] === qTok)
  for (let m = k; m < stop && m - k <= 16; m++) {
    const cue = cueAt(c, m) ?? goesOn(c, m) ?? postedAt(c, m) ?? (opensSentence ? putItAt(c, m) : null)
    // A that-clause verb closes the attribution only when it ends the clause: `"…," he continued.`
    // (`"…," Chow posted on Instagram.`: also after a short phrase of where it was said.)
    const closes = /^(?:speech|claim|deny)$/.test(cue?.verb.class ?? '') && (cue!.end >= stop || /^[,.;!?]$/.test(c.tok(cue!.end)) || whereSaidEnds(c, cue!.end, stop))
    if (!cue || (cue.verb.clause === 'that' && c.low(cue.end) !== 'that' && cue.verb.class !== 'report' && !closes)) continue
    const cs = cueStart(c, m, k)
    if (cs <= k) break
    let sp: [number, number] = [k, cs]
    let antecedent: [number, number] | undefined
    if (c.tok(cs - 1) === ',') sp = [k, cs - 1]
    sp = pickAppositive(c, sp[0], sp[1])
    if (words(c, sp[0], sp[1]) === 0) break
    // The speaker phrase must be a noun phrase right after the quote, and the quote must end as quoted
    // speech does ("…," X said / "…?" X asked), not as a phrase inside a sentence.
    // (A whole phrase, "Steve Moody, a small-business owner": its first part.)
    let firstEnd = sp[0]
    while (firstEnd < sp[1] && c.tok(firstEnd) !== ',') firstEnd++
    const np = leftNP(c, firstEnd - 1, sp[0])
    if (!np || np[0] > sp[0] + 1) break
    // ('"Deep Throat," about the Watergate break-in, died …': a prepositional phrase is no speaker.)
    if (np[0] > sp[0] && /^(?:about|of|in|on|at|for|from|with|by|to|into|over|under|after|before|during|since|than|like)$/.test(c.low(sp[0]))) break
    // ("…,” while X urged calm": a new clause, whose subject did not say the quote.)
    // ('"…," as Ridge put it.': "as" opens the way it was said, whose subject did say it.)
    if (np[0] > sp[0] && /^(?:while|whereas|and|but|or|as|when|because|although|though|after|before|since|if|so|then|yet)$/.test(c.low(sp[0])) && !(cue.verb === PUT_IT && c.low(sp[0]) === 'as')) break
    sp = [np[0], sp[1]]
    // (A period before a lower-case attribution too: 'Christmas. " she said.')
    // (Nor with no punctuation, when the quotation opens its paragraph and the cue ends the sentence:
    // '¶"Dr. Carson invited both Bob and me …" the Post's senior politics editor Steven Ginsberg responded.')
    const opensParagraph = c.paraRange(c.tokAfter(q.open))[0] === c.tokAfter(q.open) && q.depth === 0 && cue.end >= stop
    if (!/[,?!—–…-]\s*$/.test(c.text.slice(q.start, q.end).replace(/[\s"'“”‘’»«]+$/, '')) && c.tok(startK) !== ',' && startK === k && !(/\.\s*$/.test(c.text.slice(q.start, q.end).trimEnd()) && /^\p{Ll}/u.test(c.tok(k))) && !opensParagraph) break
    const [ce, hearer] = extendCue(c, cue.end, stop, cue.verb)
    return { speaker: sp, antecedent, cue: [cs, ce], cueClass: cue.verb.class, hearer, covered: [startK, end], continues: continuesAfter(c, end - 1), before: false }
  }
  return null
}

/** "…, as critics point out.": "as" after a comma before the speaker, and the cue ends the sentence. */
function asAside(c: Ctx, k: number, ae: number): boolean {
  return c.low(k - 1) === 'as' && c.tok(k - 2) === ',' && /^[.;!?]$/.test(c.tok(ae))
}

/** A short noun phrase, then "to" and a verb ("the agency to dial back", "prices to rise"), from token `k`. */
function objectInfinitive(c: Ctx, k: number, hi: number): boolean {
  if (!(isCap(c.tok(k)) || DETERMINERS.has(c.low(k)) || /^\p{Ll}+s$/u.test(c.tok(k)))) return false
  const pos = c.pos().pos
  for (let m = k + 1; m < Math.min(hi, k + 7); m++) {
    if (c.low(m) === 'to') return /^VB/.test(pos[m + 1] ?? '') && !DETERMINERS.has(c.low(m + 1))
    if (!isWord(c.tok(m)) || /^(?:VB[DZP]?|MD|IN|WDT|WP)$/.test(pos[m] ?? '') && c.low(m) !== 'of') return false
  }
  return false
}

function continuesAfter(c: Ctx, k: number): boolean {
  return c.tok(k) === ',' && OPEN_MARKS.has(c.tok(k + 1))
}

/**
 * Where a speaker phrase with appositives ends (PolNeAR's extent): appositive noun phrases stay ("William
 * M. Daley, President Obama's former chief of staff,"), and so does a relative clause, a little more often
 * than not ("Harry Reid, who called on Grayson to quit,"); a prepositional phrase ends it ("Politico, in an
 * extensive look at …,": left out five times in six) and so does a participle ("Trump, speaking to a
 * veterans group,": half the time). `commas` are the commas after the head, left to right; `end` is where
 * the whole phrase ends.
 */
function appositiveEnd(c: Ctx, commas: readonly number[], end: number): number {
  // ("Geneva Reed-Veal, whose daughter, Sandra Bland, [died] in a Texas jail …,": after "whose" and its noun's own
  // appositive, a verb in the past is that clause's verb, no participle.)
  let whose = false
  for (const k of commas) {
    const w = c.low(k + 1)
    if (w === 'whose') whose = true
    else if (whose && /ed$/.test(w) && c.pos().pos[k + 1] === 'VBD') {
      whose = false
      continue
    }
    if (/^(?:in|at|on|for|with|after|before|during|from|like|unlike|as|by|according|speaking|writing|asked)$/.test(w) || (cueByForm.has(w) && !isCap(c.tok(k + 1))) || (/(?:ing|ed)$/.test(w) && !isCap(c.tok(k + 1)) && !DETERMINERS.has(c.low(k + 2)) && !/^(?:former|retired|leading|longtime|acting|ranking|elected|self-described|including)$/.test(w)))
      return k
  }
  return end
}

/**
 * The end of the sentence when the tokens from `k` run to it with no quotation mark, before `max` and not
 * past a token `halt` stops at (`stop` counts as the end); -1 otherwise.
 */
function sentenceEndFrom(c: Ctx, k: number, stop: number, max: number, halt?: (k: number) => boolean): number {
  let e = k
  while (e < stop && e < max && !MARKS.has(c.tok(e)) && !END_PUNCT.has(c.tok(e)) && !halt?.(e)) e++
  return e >= stop || END_PUNCT.has(c.tok(e)) ? e : -1
}

/** A comma and a verb after it: the clause the speaker phrase interrupted goes on ("…, say experts, [is] …"). */
function verbAfterComma(c: Ctx, k: number): boolean {
  return c.tok(k) === ',' && (COPULA.has(c.low(k + 1)) || /^(?:has|have|had|will|would|can|could|should|may|might|must|remains|remained|includes|included)$/.test(c.low(k + 1)))
}

/**
 * "says David Palmiter, a professor at Marywood University in Scranton, Pa. Sure, it can be …", "agrees Michelle
 * Stevens, 30, of Gainesville, Fla. The latest poll …": a state's abbreviation after a place and its comma, then a
 * capitalised word, ends the sentence (the splitter reads the period as the abbreviation's). PolNeAR dev: 2 post-cue
 * sources ran on over such a period, none of its sources holds one.
 */
function stateEndsSentence(c: Ctx, k: number): boolean {
  // (Not a title or a company's suffix: "Smith, Mrs. Clinton's rival", "Acme, Inc. The …".)
  return c.tok(k - 1) === ',' && /^[A-Z][a-z]{1,4}\.$/.test(c.tok(k)) && !/^(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Rev|Prof|Jr|Sr|Inc|Co|Corp|Ltd|St|Ft|Mt)\.$/.test(c.tok(k)) && isCap(c.tok(k + 1)) && isCap(c.tok(k - 2))
}

function extendAppositive(c: Ctx, b: number, stop: number): number {
  if (verbAfterComma(c, b)) return b
  // "said Rep. Jim Clyburn (D-S.C.), a member of …": a parenthesis after the name is part of it.
  if (c.tok(b) === '(') {
    let e = b + 1
    while (e < stop && e - b < 8 && c.tok(e) !== ')' && !MARKS.has(c.tok(e))) e++
    if (c.tok(e) === ')' && (c.tok(e + 1) === ',' || END_PUNCT.has(c.tok(e + 1)) || e + 1 >= stop)) b = e + 1
  }
  // "wrote Jason Dana, Robyn Dawes and Nathanial Peterson.": a list of names is one speaker phrase.
  if (c.tok(b) === ',' && isCap(c.tok(b + 1))) {
    let e = b
    while (c.tok(e) === ',' && isCap(c.tok(e + 1))) {
      e++
      while (e < stop && isCap(c.tok(e))) e++
    }
    if (c.low(e) === 'and' && isCap(c.tok(e + 1))) {
      e++
      while (e < stop && isCap(c.tok(e))) e++
      if (e >= stop || END_PUNCT.has(c.tok(e)) || c.tok(e) === ',') return e
    }
  }
  // "said the group's legal counsel, Balpreet Singh.", "said the fire chief, James Steele.": a name after a
  // role that ends the sentence.
  if (c.tok(b) === ',' && isCap(c.tok(b + 1)) && /^\p{Ll}+$/u.test(c.tok(b - 1))) {
    let e = b + 1
    while (e < stop && e - b <= 5 && (isCap(c.tok(e)) || (c.tok(e) === '.' && e + 1 < stop && isCap(c.tok(e + 1))))) e++
    if (e >= stop || END_PUNCT.has(c.tok(e))) return e
    // ("said the bureau's director, James B. Comey, on Monday", "said the communications director, Jennifer
    // Palmieri, adding that …": the name closed by a comma, with the time or the participle after it left out;
    // after a cue PolNeAR keeps the appositive of an inverted source 378 times in 386.)
    if (c.tok(e) === ',' && e > b + 1 && /^\p{Ll}/u.test(c.tok(e + 1)) && (/^(?:on|in|last|this|earlier|late)$/.test(c.low(e + 1)) || /ing$/.test(c.low(e + 1)) || RELATIVES.has(c.low(e + 1)))) return e
  }
  // "said a Mexican official who was not authorized to speak publicly.": a restrictive relative clause to the sentence end.
  if (c.speakerPhrase && /^(?:who|whose)$/.test(c.low(b))) {
    const e = sentenceEndFrom(c, b + 1, stop, b + 30)
    if (e >= 0) return e
  }
  // "said Warren Gunnels, Mr. Sanders's longtime policy adviser.", "said Representative Peter Welch, Democrat of
  // Vermont, who …": a capitalised appositive that holds a role runs to the end of the sentence.
  if (c.speakerPhrase && c.tok(b) === ',' && isCap(c.tok(b + 1))) {
    const e = sentenceEndFrom(c, b + 1, stop, b + 30)
    let role = false
    for (let k = b + 1; k < e && !role; k++) role = (/^\p{Ll}+$/u.test(c.tok(k)) && roleHeads.has(c.low(k))) || (/^(?:Democrat|Republican|Independent)$/.test(c.tok(k)) && c.low(k + 1) === 'of')
    if (role) {
      const commas: number[] = []
      for (let k = b; k < e; k++) if (c.tok(k) === ',') commas.push(k)
      return appositiveEnd(c, commas, e)
    }
  }
  // "said Hugh Hill, a doctor." — keep the appositive with the speaker phrase (pickAppositive chooses).
  if (c.tok(b) === ',' && (/^(?:a|an|the|who)$/i.test(c.tok(b + 1)) || c.speakerPhrase && !isCap(c.tok(b + 1)))) {
    let e = b + 1
    while (e < stop && (c.tok(e) !== ',' || c.speakerPhrase) && !verbAfterComma(c, e) && !MARKS.has(c.tok(e)) && !END_PUNCT.has(c.tok(e)) && !stateEndsSentence(c, e - 1)) e++
    if (c.speakerPhrase) {
      const commas: number[] = []
      for (let k = b; k < e; k++) if (c.tok(k) === ',') commas.push(k)
      return appositiveEnd(c, commas, e)
    }
    return e
  }
  return b
}

const OCCASIONS = /^(?:conference|briefing|interview|meeting|hearing|summit|session|rally|forum|gathering|event|call)s?$/

/** Extends a cue over "in a statement", "a news conference"; returns the cue end and the hearer of "told X". */
function extendCue(c: Ctx, e: number, stop: number, verb: CueVerb): [number, [number, number] | undefined] {
  // ("said sarcastically", "wrote recently", "has said repeatedly", "said then": an adverb right after the
  // verb is part of the cue, as PolNeAR marks it 22 times in 25.)
  // ("vowed again on Wednesday that …", "noted afterward that …": "again" and "afterward" too, before a time that
  // is no part of the cue; PolNeAR dev: "again" in the cue 5 times in 6, "afterward" 3 in 3.)
  const again = /^(?:again|afterwards?)$/.test(c.tok(e))
  if (e < stop && (/^\p{Ll}+ly$/u.test(c.tok(e)) || c.tok(e) === 'then' || again) && !LY_NOT_ADVERB.has(c.low(e)) && !/^(?:nearly|directly|likely|largely|roughly|mostly|partly|chiefly|mainly|exactly|especially|fully|weekly|monthly|yearly|hourly|july)$/.test(c.low(e)) && (e + 1 >= stop || /^(?:that|about|of)$/.test(c.low(e + 1)) || MARKS.has(c.tok(e + 1)) || END_PUNCT.has(c.tok(e + 1)) || SUBJECT_PRONOUN.test(c.low(e + 1)) || (again && timePhraseEnd(c, e + 1) > e + 1))) return extendCue(c, e + 1, stop, verb)
  // ("called out his rival", "tweeted out a message", "shrugged off the criticism", "played down the risk", "summed up
  // the mood": the particle is part of the cue, as PolNeAR marks it every time: "out" 86 in 86, "up" 23 in 23, "off"
  // 19 in 19, "down" 12 in 14; not "out of", "up to 30 people", "off the record".)
  if (e + 1 < stop && /^(?:out|up|off|down)$/.test(c.low(e)) && !/^(?:of|to)$/.test(c.low(e + 1)) && !(c.low(e) === 'off' && c.low(e + 2) === 'record')) return extendCue(c, e + 1, stop, verb)
  // ("said with a laugh", "shot back with a wry smile": the manner of saying it is part of the cue, as PolNeAR
  // marks it every time, 6 in 6.)
  if (c.low(e) === 'with' && /^(?:a|an)$/.test(c.low(e + 1))) {
    const n = MANNER_NOUN.test(c.low(e + 2)) ? e + 2 : MANNER_NOUN.test(c.low(e + 3)) && /^\p{Ll}+$/u.test(c.tok(e + 2)) ? e + 3 : -1
    if (n > 0 && n < stop) return [n + 1, undefined]
  }
  if (hearerVerbs.has(verb.lemma)) {
    const np = rightNP(c, e, stop)
    if (np) {
      if (isCap(c.tok(np[0])) && !DETERMINERS.has(c.low(np[0]))) return [e, np]
      // "told a news conference": an occasion belongs to the cue; a hearer does not ("told reporters":
      // PolNeAR marks "told" alone).
      if (np[1] - np[0] <= 4 && (np[1] >= stop || c.tok(np[1]) === ',' || c.tok(np[1]) === '.' || c.low(np[1]) === 'that'))
        return [OCCASIONS.test(c.low(np[1] - 1)) ? np[1] : e, undefined]
    }
    return [e, undefined]
  }
  if (c.low(e) === 'in' && /^(?:a|an|the|his|her|their|its)$/.test(c.low(e + 1))) {
    // (the last of a compound: "in a press release", "at a news conference", "in a phone call")
    for (let k = e + 2; k < Math.min(stop, e + 5); k++) if (CUE_EXT_NOUNS.has(c.low(k))) return [CUE_EXT_NOUNS.has(c.low(k + 1)) && k + 1 < stop ? k + 2 : k + 1, undefined]
  }
  if (c.low(e) === 'on' && /^(?:twitter|facebook|x|instagram|truth|television|tv|cnn|fox)$/i.test(c.tok(e + 1))) return [e + 2, undefined]
  return [e, undefined]
}

const MANNER_NOUN = /^(?:laugh|smile|smirk|grin|chuckle|shrug|sigh|wink|nod)$/

/**
 * A cue verb's base form with no plural subject before it ("go [back] in time", "to [support]"): mostly
 * a noun, an adverb or an infinitive, not a cue; common speech and belief verbs excepted.
 */
function bareBaseForm(c: Ctx, i: number, verb: CueVerb): boolean {
  const prev = c.low(i - 1)
  return verb.lemma === c.low(i) && !['say', 'tell', 'think', 'believe', 'know', 'argue', 'claim', 'insist', 'warn', 'deny', 'fear', 'hope', 'expect', 'suggest', 'add', 'write', 'agree'].includes(verb.lemma) && !/^(?:i|we|you|they|people|data|who|many|some|others)$/.test(prev) && !anonymousNouns.has(prev) && !documentNouns.has(prev) && !/(?:ers|ors|ists|ians|ials|ants|ents)$/.test(prev)
}

/** `X said: "…"`, `X said, "…"`, `X reported that "…"`, `According to X, "…"`, `From X:`. */
/** Verbs of what is cried out rather than said: what follows them in quotation marks is what was cried. */
const EXCLAIM_VERB = /^(?:chant|chants|chanted|chanting|shout|shouts|shouted|shouting|yell|yells|yelled|yelling|scream|screams|screamed|screaming)$/
/** Nouns of what a crowd cries out: "chants of "…"", "shouts of "…"". */
const CRY_NOUN = /^(?:chants?|shouts?|cries|cry|screams?|yells?|chorus(?:es)?|cheers?|calls?)$/

/**
 * A quotation after a noun of crying out and "of" ("chants of "Lock her up!"", "their chants of "Ted!"",
 * "Clinton supporters responded with chants of "I'm with her""): what was chanted, a direct quote; the cue is the
 * noun with its modifiers and "of", the speaker its possessive or the subject of the verb it is the object of.
 */
function chantNounBefore(c: Ctx, q: QuotedSpan, j: number, lo: number): DirectAttr | null {
  if (c.low(j) !== 'of' || j - 1 < lo || !CRY_NOUN.test(c.low(j - 1))) return null
  // (Short: a slogan or a cry, not a passage.)
  if (c.tokBefore(q.close) - c.tokAfter(q.open) > 12) return null
  let cs = j - 1
  while (cs - 1 >= lo && cs > j - 4 && /^\p{Ll}+$/u.test(c.tok(cs - 1)) && /^JJ/.test(c.pos().pos[cs - 1]!)) cs--
  const covered: [number, number] = [cs, j + 1]
  // "their chants of": the possessive.
  if (cs - 1 >= lo && POSSESSIVES.test(c.low(cs - 1))) return { speaker: [cs - 1, cs], cue: [cs, j + 1], cueClass: 'speech', covered: [cs - 1, j + 1], continues: false, before: true }
  // "responded with chants of", "broke into chants of", "erupted in chants of": the verb's subject.
  let v = cs - 1
  if (v - 1 >= lo && /^(?:a|the)$/.test(c.low(v))) v--
  if (v - 1 >= lo && /^(?:with|into|in)$/.test(c.low(v)) && /^\p{Ll}+$/u.test(c.tok(v - 1)) && /^VB[DZP]?$/.test(c.pos().pos[v - 1]!)) {
    const vs = cueStart(c, v - 1, lo)
    const subj = subjectBefore(c, vs, lo)
    if (subj && !RELATIVES.has(c.low(subj.speaker[0]))) return { speaker: subj.speaker, antecedent: subj.antecedent, cue: [vs, j + 1], cueClass: 'speech', covered: [subj.speaker[0], j + 1], continues: false, before: true }
  }
  return { cue: [cs, j + 1], cueClass: 'speech', covered, continues: false, before: true }
}

function beforePattern(c: Ctx, q: QuotedSpan, loTok: number): DirectAttr | null {
  const j = c.tokBefore(q.open)
  if (j < 0) return null
  const [sLo] = c.sentenceRange(j)
  const [pLo] = c.paraRange(j)
  const lo = Math.max(loTok >= 0 ? loTok : 0, c.paraOf[j] === c.paraOf[c.tokAfter(q.open)] ? pLo : -1, sLo)
  const openPara = c.paraOf[c.tokAfter(q.open)]!
  if (c.paraOf[j] !== openPara) {
    // "From X:" on the line before the quote.
    if (c.tok(j) === ':' && loTok < 0) {
      const [plo] = c.paraRange(j)
      let a = plo
      if (/^from$/i.test(c.tok(a))) a++
      // "… Media Coordinator Dane Lisser wrote:" ending the paragraph before the quote.
      const [slo] = c.sentenceRange(j)
      for (let m = j - 1; m >= Math.max(slo, j - 4); m--) {
        const cue = cueAt(c, m)
        if (!cue || (cue.end !== j && !(c.low(cue.end) === 'in' || c.low(cue.end) === 'on'))) continue
        let cs = cueStart(c, m, slo)
        // ("Sanders made the following comment:", "The ministry issued this statement:": the verb the noun is
        // the object of opens the cue.)
        let v = cs - 1
        while (v > slo && cs - v <= 3 && BEFORE_DOCUMENT.test(c.low(v))) v--
        if (v < cs - 1 && (ISSUE_VERB.test(c.low(v)) || /^(?:made|makes|gave|gives|offered|offers|sent|sends|shared|shares|had|has)$/.test(c.low(v)))) cs = cueStart(c, v, slo)
        const subj = subjectBefore(c, cs, slo)
        if (subj) return { speaker: subj.speaker, antecedent: subj.antecedent, cue: [cs, cue.end], cueClass: cue.verb.class, covered: [cs, j + 1], continues: false, before: true }
        break
      }
      // ("The ministry issued this statement:", "Police released the following statement:": the document put out.)
      for (let m = j - 2; m >= Math.max(slo + 1, j - 5); m--) {
        if (!(ISSUE_VERB.test(c.low(m)) || /^(?:sent|sends)$/.test(c.low(m))) || !documentNouns.has(c.low(j - 1))) continue
        if (!c.tokens.slice(m + 1, j - 1).every((t) => BEFORE_DOCUMENT.test(t.text.toLowerCase()) || t.text.toLowerCase() === 'out')) break
        const cs = cueStart(c, m, slo)
        const subj = subjectBefore(c, cs, slo)
        if (subj) return { speaker: subj.speaker, antecedent: subj.antecedent, cue: [cs, j + 1], cueClass: 'speech', covered: [cs, j + 1], continues: false, before: true }
        break
      }
      if (j - a >= 1 && j - a <= 8 && isCap(c.tok(a))) return { speaker: [a, j], cue: [j, j + 1], cueClass: 'colon', covered: [plo, j + 1], continues: false, before: true }
      // ("From the union:": a determiner and a noun phrase of a speaker after "From".)
      if (a > plo && j - a >= 2 && j - a <= 6 && /^(?:the|a|an|his|her|their|its)$/.test(c.low(a)) && c.tokens.slice(a + 1, j).every((t) => isWord(t.text)) && (speakerLike(c.low(j - 1)) || organizationNounsSet.has(c.low(j - 1)) || roleHeads.has(c.low(j - 1)))) return { speaker: [a, j], cue: [j, j + 1], cueClass: 'colon', covered: [plo, j + 1], continues: false, before: true }
    }
    return null
  }
  if (j < lo) return null
  let k = j
  const punct = c.tok(k)
  // `…,” ESPN said in a statement. “…”`: a cue that ends its sentence attributes the quote before it;
  // the next quote continues that one (`attributeDirect`), it is not introduced by it.
  if (END_PUNCT.has(punct)) return null
  // ("Clinton supporters responded with chants of "I'm with her"", "their chants of "Ted! Ted!"": what a crowd
  // chanted or shouted, a noun of it before the quotation.)
  const cry = chantNounBefore(c, q, j, lo)
  if (cry) return cry
  // ('Protesters chanted "What curfew?" as they marched': what was chanted or shouted is the whole quotation,
  // whatever follows it in the sentence.)
  // (Not when another quotation follows: 'chanting "We are Orlando" and "Disarm hate."' is one quote.)
  const afterClose = c.tokAfter(q.close)
  const another = /^(?:and|or)$/.test(c.low(afterClose)) && MARKS.has(c.tok(afterClose + 1))
  // ('the attendees chanted, "Lock her up!" as they had …': after a comma or a colon too.)
  const cried = isWord(punct) ? j : punct === ',' || punct === ':' ? j - 1 : -1
  const exclaimed = cried >= lo && EXCLAIM_VERB.test(c.low(cried)) && cueAt(c, cried) !== null && !another
  if (punct !== ':' && !exclaimed) {
    // "X said that "…"" only when the quotation is the rest of the sentence, not a phrase inside it.
    let t = c.tokAfter(q.close)
    while (t < c.tokens.length && !isWord(c.tok(t)) && !END_PUNCT.has(c.tok(t))) t++
    // (A clause of time after a comma is no part of the content: 'repeatedly says, "Don't you do it," until gunshots are heard'.)
    const timeClause = t < c.tokens.length && /^(?:until|as|while|when|before|after)$/.test(c.low(t)) && /,\s*["”'’]*\s*$/.test(c.text.slice(q.start, c.tokens[t]!.start))
    if (t < c.tokens.length && isWord(c.tok(t)) && c.sentOf[t] === c.sentOf[j] && c.paraOf[t] === c.paraOf[j] && !timeClause) {
      const after = afterPatternProbe(c, t)
      if (!after) return null
    }
  }
  if (punct === ':' || punct === ',') k--
  else if (c.low(k) === 'that') k--
  if (k < lo) return null
  // Find a cue verb ending at k (allowing a short extension: "told reporters", "said in a statement").
  for (let m = k; m >= Math.max(lo, k - 5); m--) {
    const cue = cueAt(c, m)
    if (!cue) continue
    // ("Kyle Lowry shrugged off the win: "…"": before a colon, a short object after the cue is part of it.)
    // (With a subject before it, not a relative pronoun: "a candidate who promised mass deportation: …".)
    const objectThenColon = punct === ':' && cue.end <= k && k - cue.end < 4 && c.tokens.slice(cue.end, k + 1).every((t, n) => isWord(t.text) && !cueAt(c, cue.end + n)) &&
      ((s) => s !== null && !RELATIVES.has(c.low(s.speaker[0])) && c.low(s.speaker[0]) !== 'that')(subjectBefore(c, cueStart(c, m, lo), lo))
    if (cue.end - 1 !== k && !objectThenColon && !(hearerVerbs.has(cue.verb.lemma) || c.low(cue.end) === 'in' || c.low(cue.end) === 'on')) continue
    // ("told CBC News the decision “ignores the evidence.”": a determiner after the hearer opens the content, a
    // mixed quote the indirect rules find.)
    // ("told police he “didn't mean to hurt anyone.”": a subject pronoun the same.)
    if (hearerVerbs.has(cue.verb.lemma) && cue.end <= k && punct !== ':' && Array.from({ length: k - cue.end }, (_, n) => cue.end + 1 + n).some((x) => ((DETERMINERS.has(c.low(x)) && !isCap(c.tok(x))) || SUBJECT_PRONOUN.test(c.low(x))) && c.low(x - 1) !== 'of')) return null
    // ("wrote in both listings he was “honored and humbled” to announce …": a subject pronoun and its verb after
    // the cue's occasion, the same.)
    if (cue.end <= k && Array.from({ length: k - cue.end + 1 }, (_, n) => cue.end + n).some((x) => SUBJECT_PRONOUN.test(c.low(x)) && (AUX.has(c.low(x + 1)) || COPULA.has(c.low(x + 1))))) return null
    // ("wrote on Twitter that Canada “stands ready to help”": a that-clause after the cue's occasion; the
    // quotation is part of its content, a mixed quote the indirect rules find.)
    if (Array.from({ length: k - cue.end + 1 }, (_, n) => cue.end + n).some((x) => c.low(x) === 'that')) return null
    // ("… could go back in time and “put the genie back …”": an adverb, not the verb "back".)
    if (bareBaseForm(c, m, cue.verb) && /^\p{Ll}/u.test(c.tok(m - 1))) continue
    const cs = cueStart(c, m, lo)
    // ("A spokesperson said the city supports "a strong plan."": a stance inside what someone said is part
    // of that statement's content, a mixed quote the indirect rules find.)
    // ("The judge wrote in her decision that the driver showed "a callous disregard …"": a deed too.)
    if (!/^(?:speech|claim|deny|accuse|report)$/.test(cue.verb.class) || cue.verb.lemma === 'show') {
      const [slo] = c.sentenceRange(cs)
      for (let x = slo; x < cs - 1; x++) if (/^\p{Ll}/u.test(c.tok(x)) && cueAt(c, x)?.verb.class === 'speech') return null
    }
    // ("Mrs. Clinton shook her head and said, ''No.''": the subject of the sentence's first verb.)
    // (Its words before the cue are no part of the attribution: "Suu Kyi said it was too early … but added, "…"".)
    // ("The candidate appeared to assert his plans by saying, “…”": a gerund after a preposition, the same.)
    const gerund = /^(?:by|before|after|while)$/.test(c.low(cs - 1)) && /ing$/.test(c.low(m))
    const coordinated = ((c.low(cs - 1) === 'and' || c.low(cs - 1) === 'but') && !/ing$/.test(c.low(m)) || gerund) && cs - 1 > lo && (punct === ',' || punct === ':') && cue.end - 1 === k ? sentenceSubject(c, lo, cs - 1) : null
    let subj = subjectBefore(c, cs, lo)
    // ('Trump walked onto the stage, chanting "U-S-A! U-S-A!"', 'protesters congregated …, holding signs and chanting
    // "Dump Trump."': a participle of crying out has the sentence's subject.)
    if (!subj && exclaimed && /ing$/.test(c.low(m)) && (c.tok(cs - 1) === ',' || c.low(cs - 1) === 'and') && cs - 1 > lo) {
      const s = sentenceSubject(c, lo, cs - 1)
      if (s) subj = { speaker: s, antecedent: undefined }
    }
    let borrowed = false
    // ('"…," he said, adding: "…"': a participle after "X said," has X for its subject.)
    if (!subj && (punct === ',' || punct === ':') && /ing$/.test(c.low(m)) && c.tok(cs - 1) === ',' && cs - 2 >= lo) {
      const said = cueAt(c, cs - 2)
      if (said && said.end === cs - 1 && said.verb.class === 'speech') {
        const s2 = subjectBefore(c, cueStart(c, cs - 2, lo), lo)
        if (s2 && s2.speaker[1] - s2.speaker[0] <= 4) {
          subj = s2
          borrowed = true
        }
      }
    }
    const np = subj ?? (coordinated ? { speaker: coordinated, antecedent: undefined } : null)
    if (!np) return null
    // ("I laughed and said, "…"": one verb between the subject and "and" goes with the cue, as PolNeAR marks it.)
    const cueFrom = !subj && coordinated && coordinated[1] === cs - 2 && /^\p{Ll}+ed$/u.test(c.tok(cs - 2)) ? cs - 2 : cs
    // (PolNeAR's cue takes the colon, 328 times in 342: "added: “…”"; but not a hearer, nor the colon after
    // it: "tells [the crowd]: “…”", "told [The Huffington Post]: “…”", as it marks "told" alone 436 times in 441.)
    // (Not a preposition after the verb: "asks at Western High School:", "cautioned against:".)
    const heard = hearerVerbs.has(cue.verb.lemma) && cue.end <= k && !CUE_PARTICLE.test(c.low(cue.end)) && !/^(?:in|to|during|before|after)$/.test(c.low(cue.end))
    return { speaker: np.speaker, antecedent: np.antecedent, cue: [cueFrom, heard ? cue.end : punct === ':' ? j + 1 : k + 1], cueClass: cue.verb.class, covered: [subj && !borrowed ? np.speaker[0] : cs, j + 1], continues: false, before: true }
  }
  // "Clinton said as he introduced his wife in Hudson, "…"": a verb of speech, then a clause of when or
  // how it was said.
  if (punct === ',') {
    for (let m = k - 2; m >= Math.max(lo, k - 14); m--) {
      if (!/^(?:as|while|when|after|before)$/.test(c.low(m)) || MARKS.has(c.tok(m))) continue
      const cue = cueAt(c, m - 1)
      if (!cue || cue.end !== m || cue.verb.class !== 'speech' || /ing$/.test(c.low(m - 1))) break
      if (c.tokens.slice(m, k + 1).some((t) => MARKS.has(t.text) || t.text === ',' && t !== c.tokens[k])) break
      const cs = cueStart(c, m - 1, lo)
      const np = subjectBefore(c, cs, lo)
      if (np) return { speaker: np.speaker, antecedent: np.antecedent, cue: [cs, cue.end], cueClass: cue.verb.class, covered: [np.speaker[0], j + 1], continues: false, before: true }
      break
    }
  }
  // According to X, "…"
  for (let m = lo; m < k; m++) {
    if (c.low(m) === 'according' && c.low(m + 1) === 'to' && punct === ',') {
      const np = rightNP(c, m + 2, j)
      if (np) return { speaker: np, cue: [m, m + 2], cueClass: 'report', covered: [m, j + 1], continues: false, before: true }
    }
  }
  // "… - Frank Newport and Jim Harter: “…”": names after a dash, then a colon.
  if (punct === ':') {
    let a = j
    while (a > lo && j - a < 8 && (isCap(c.tok(a - 1)) && isWord(c.tok(a - 1)) || (/^(?:and|&)$/.test(c.low(a - 1)) && isCap(c.tok(a - 2))))) a--
    if (a < j && a > lo && /^[-–—―]$/.test(c.tok(a - 1)) && isCap(c.tok(a)) && !NOT_SPEAKER_LABELS.has(c.low(a))) return { speaker: [a, j], cue: [j, j + 1], cueClass: 'colon', covered: [a - 1, j + 1], continues: false, before: true }
  }
  // "Trump:" / "From the statement:" — a short capitalised phrase and a colon.
  if (punct === ':' && j - lo >= 1 && j - lo <= 6) {
    let a = lo
    if (/^from$/i.test(c.tok(a))) a++
    // ("Singh explained it this way:", "Then she added a caveat:": a cue verb inside; its subject speaks.)
    for (let m = a + 1; m < j; m++) {
      if (!/^\p{Ll}/u.test(c.tok(m)) || !cueAt(c, m)) continue
      const cs = cueStart(c, m, lo)
      const subj = subjectBefore(c, cs, lo)
      if (subj) return { speaker: subj.speaker, antecedent: subj.antecedent, cue: [cs, j + 1], cueClass: cueAt(c, m)!.verb.class, covered: [lo, j + 1], continues: false, before: true }
      break
    }
    // ("Said Duclos:", PolNeAR's "Said Ellis:": the verb before its subject is the cue.)
    const said = a + 1 < j && isCap(c.tok(a)) ? cueAt(c, a) : null
    if (said && INVERTING_VERBS.has(said.verb.lemma) && said.end < j && isCap(c.tok(said.end)) && words(c, said.end, j) === j - said.end) return { speaker: [said.end, j], cue: [a, said.end], cueClass: said.verb.class, covered: [lo, j + 1], continues: false, before: true }
    if (a < j && isCap(c.tok(a)) && words(c, a, j) === j - a) return { speaker: [a, j], cue: [j, j + 1], cueClass: 'colon', covered: [lo, j + 1], continues: false, before: true }
  }
  return null
}

/**
 * "[Several people I've spoken with over the last couple of weeks] said", "[Officials we talked to] said": a noun of
 * people, then a relative clause with no relative pronoun whose subject is "I" or "we"; the noun speaks (the whole
 * phrase in PolNeAR's extent).
 */
function contactClauseSubject(c: Ctx, cs: number, lo: number): [number, number] | null {
  for (let p = cs - 2; p >= Math.max(lo + 1, cs - 14); p--) {
    if (!isWord(c.tok(p))) return null
    if (!/^(?:i|we)$/.test(c.low(p))) continue
    const head = c.low(p - 1)
    if (!/^\p{L}+$/u.test(c.tok(p - 1)) || !(anonymousNouns.has(head) || (/s$/.test(head) && speakerLike(head))) || NOT_NOUNS.has(head)) return null
    let v = p + 1
    if (/^(?:['’]ve|have|had|['’]d|also|recently)$/.test(c.low(v))) v++
    if (!(/^VB[DN]$/.test(c.pos().pos[v]!) || /^\p{Ll}+(?:ed|en)$/u.test(c.tok(v))) || v >= cs) return null
    const np = leftNP(c, p - 1, lo)
    if (!np || np[1] !== p) return null
    return c.speakerPhrase ? [np[0], cs] : np
  }
  return null
}

/** The subject of a cue verb starting at token `cs`: a noun phrase, through appositives and relative clauses. */
function subjectBefore(c: Ctx, cs: number, lo: number): { speaker: [number, number]; antecedent?: [number, number] } | null {
  const j = cs - 1
  if (j < lo) return null
  const l = c.low(j)
  if (RELATIVES.has(l) || (l === 'that' && c.tok(j - 1) !== ',' && isWord(c.tok(j - 1)) && !cueByForm.has(c.low(j - 1)))) {
    const ante = c.tok(j - 1) === ',' ? leftNP(c, j - 2, lo) : leftNP(c, j - 1, lo)
    return { speaker: [j, j + 1], antecedent: ante ?? undefined }
  }
  if (c.tok(j) === ',') {
    // "Hugh Hill, a doctor, said" / "Barkley, who said …, said" / "Carter’s press secretary, Peter Cook, told" /
    // "Carole Bower, 75, a retiree in Carthage, Ill., said": walk back over the comma-separated segments.
    const commas: number[] = [j]
    let p = j - 1
    // ("Sen. Rand Paul, R-Ky., told …": a period before a comma ends an abbreviation, not the sentence.)
    // ("their children’s school, Leaders’ College, confirmed": a plural possessive's apostrophe is no mark.)
    while (p >= lo && (!MARKS.has(c.tok(p)) || pluralApostrophe(c, p)) && !(END_PUNCT.has(c.tok(p)) && c.tok(p + 1) !== ',') && c.tok(p) !== ':' && j - p < 45) {
      if (c.tok(p) === ',') commas.push(p)
      p--
    }
    // Try the leftmost segment first: the subject starts at the clause start.
    for (let s = commas.length - 1; s >= 1; s--) {
      const segEnd = commas[s]!
      const np0 = leftNP(c, segEnd - 1, lo)
      if (!np0) continue
      // ("[One student at the Athens demonstration], who gave only her first name, Veatriki, said")
      let np1 = extendOverPrepositions(c, np0, lo)
      // ("Manitoba Hydro's [president and CEO], Jay Grewal, told": two roles of one person.)
      if (c.low(np1[0] - 1) === 'and' && roleHeads.has(c.low(np1[1] - 1)) && roleHeads.has(c.low(np1[0] - 2))) {
        const first = leftNP(c, np1[0] - 2, lo)
        if (first) np1 = [first[0], np1[1]]
      }
      // the segment must be a noun phrase that starts the clause
      const before = c.low(np1[0] - 1)
      const starts = np1[0] <= lo || !isWord(c.tok(np1[0] - 1)) || /^(?:and|but|so|then|while|as|because|although|though|when|if)$/.test(before)
      if (!starts && s > 1) continue
      const inner = c.low(segEnd + 1)
      // "[The two reporters] who broke the Watergate story, …", "[A resident] who lives near the scene, …": the noun
      // phrase a relative pronoun before the segment follows.
      const whoHead = !starts && /^(?:who|that|which)$/.test(before) ? leftNP(c, np1[0] - 2, lo) : null
      const head = whoHead && whoHead[1] === np1[0] - 1 && (whoHead[0] <= lo || !isWord(c.tok(whoHead[0] - 1))) ? whoHead : null
      // ("[A resident who lives near the scene], who did not want her name published, said": a verb inside.)
      const rel = !starts && !/^(?:who|that|which)$/.test(before) ? relativeSubject(c, np1[0] - 1, lo, segEnd) : null
      if (rel && !c.speakerPhrase) return { speaker: rel.speaker }
      if (c.speakerPhrase) {
        // "[The two reporters who broke the Watergate story, Carl Bernstein and Bob Woodward,] have said":
        // a relative clause inside the first part goes with the noun phrase it follows.
        const a = head?.[0] ?? rel?.speaker[0] ?? np1[0]
        return { speaker: [a, appositiveEnd(c, commas.slice(1, s + 1).reverse(), j)] }
      }
      // "Her neighbour, Bill Friesen, 70, said": a description first, then the name.
      const described = DETERMINERS.has(c.low(np1[0])) || /^(?:his|her|their|its|our|my)$/.test(c.low(np1[0])) || !isCap(c.tok(np1[1] - 1)) || roleHeads.has(c.low(np1[1] - 1))
      if (isCap(c.tok(segEnd + 1)) && !RELATIVES.has(inner) && !DETERMINERS.has(inner) && described) {
        const np2 = leftNP(c, commas[s - 1]! - 1, segEnd + 1)
        // ("The Harrison County, Miss., coroner, Gary Hargrove, told": a person's name further on before a place.)
        const isPerson = (np: [number, number] | null) => np !== null && c.personTok.subarray(np[0], np[1]).includes(1)
        if (np2 && !isPerson(np2)) {
          for (let t = s - 2; t >= 0; t--) {
            const np3 = isCap(c.tok(commas[t + 1]! + 1)) ? leftNP(c, commas[t]! - 1, commas[t + 1]! + 1) : null
            if (np3 && np3[0] === commas[t + 1]! + 1 && isPerson(np3)) return { speaker: np3 }
          }
        }
        if (np2 && np2[0] === segEnd + 1 && isCap(c.tok(np2[1] - 1))) return { speaker: np2 }
      }
      // (Name mode: the head, not the clause, after the description's own name was looked for.)
      return { speaker: head ?? np1 }
    }
    return null
  }
  const contact = contactClauseSubject(c, cs, lo)
  if (contact) return { speaker: contact }
  const np = leftNP(c, j, lo)
  // ("It's a strategy [some] believe he could replicate", "the kind of jurist [many Republicans] fear": a relative
  // clause with no "that" after a common noun; its subject is a quantifier, alone or with its noun.)
  if (np && np[1] - np[0] >= 2) {
    for (let q = np[1] - 1; q > np[0] && q >= np[1] - 2; q--) {
      if (/^(?:some|many|most|few|several|others)$/.test(c.tok(q)) && /^\p{Ll}+$/u.test(c.tok(q - 1)) && /^NNS?$/.test(c.pos().pos[q - 1]!) && (q === np[1] - 1 || /^\p{Ll}+s$/u.test(c.tok(np[1] - 1)))) return { speaker: [q, np[1]] }
    }
  }
  // ("Sanders during a Sunday interview thanked …": a "during" phrase between the subject and its verb.)
  // ("Trump in the past has called out …", "Clinton in recent weeks has criticized …": a time phrase so.)
  const timePhrase = (p: [number, number]) => c.low(p[0] - 1) === 'during' || (/^(?:in|over|for|throughout)$/.test(c.low(p[0] - 1)) && /^(?:past|meantime|interim|weeks|days|months|years|decades|weekend|week|month|year)$/.test(c.low(p[1] - 1)))
  if (np && timePhrase(np) && np[0] - 2 >= lo) {
    const subj = leftNP(c, np[0] - 2, lo)
    if (subj && subj[1] === np[0] - 1 && (subj[0] <= lo || !isWord(c.tok(subj[0] - 1))) && (isCap(c.tok(subj[1] - 1)) || speakerPronouns.has(c.low(subj[1] - 1)) || speakerLike(c.low(subj[1] - 1)))) return { speaker: subj }
  }
  if (!np) {
    // "[Two sources who spoke on Thursday] said", "[Two groups who wrote to her] said": a relative clause that
    // ends in a time or a pronoun, where no noun phrase stands before the cue.
    // (Not "Among the applicants who made it on to recommended slates": a preposition before the cue.)
    return isWord(c.tok(j)) && !/^(?:to|of|for|with|from|by|the|a|an)$/.test(c.low(j)) ? relativeSubject(c, j, lo, j + 1) : null
  }
  // "Sen. Kristen Gillibrand (D-NY), [a supporter of Clinton's bid] told": an appositive whose closing
  // comma is missing; the name before it is the subject.
  if (c.tok(np[0] - 1) === ',' && /^(?:a|an|the)$/.test(c.low(np[0])) && np[0] - 2 >= lo) {
    let b = np[0] - 1
    let a = b
    if (c.tok(a - 1) === ')') {
      while (a - 1 > lo && c.tok(a - 1) !== '(' && b - a < 8) a--
      a--
    }
    const name = a > lo ? leftNP(c, a - 1, lo) : null
    // (a name, not "Every Friday," or "Ultimately,")
    const nameLike = name !== null && isCap(c.tok(name[1] - 1)) && !OPENERS.test(c.low(name[0])) && !/^(?:every|each)$|ly$/.test(c.low(name[0])) && !DAYS.test(c.low(name[1] - 1)) && (a < b || c.personTok[name[1] - 1] === 1 || (name[1] - name[0] >= 2 && isCap(c.tok(name[1] - 2))))
    if (name && nameLike && name[1] === a && (name[0] <= lo || !isWord(c.tok(name[0] - 1)))) return { speaker: c.speakerPhrase ? [name[0], np[1]] : [name[0], b] }
  }
  // "[The police officer who fired the shot] says": a restrictive relative clause goes with its noun.
  if (c.low(np[0] - 1) === 'who' && np[0] - 2 >= lo && isWord(c.tok(np[0] - 2))) {
    const head = leftNP(c, np[0] - 2, lo)
    if (head && head[1] === np[0] - 1 && (head[0] <= lo || !isWord(c.tok(head[0] - 1)) || /^(?:and|but|so|while|as|because)$/.test(c.low(head[0] - 1)))) {
      return c.speakerPhrase ? { speaker: [head[0], np[1]], antecedent: head } : { speaker: head }
    }
  }
  // "[Two sources who spoke to CBC News] said", "[A senior official who spoke to Reuters on condition of
  // anonymity] said": the noun phrase before the cue is the object in a relative clause; its head speaks.
  // ("the congressman who gained attention when [he] yelled": a subject pronoun is the subject itself, never the
  // object in a relative clause.)
  if (np[1] - np[0] === 1 && /^(?:he|she|they|we|i)$/.test(c.low(np[0]))) return { speaker: np }
  const rel = relativeSubject(c, np[0] - 1, lo, np[1])
  if (rel) return rel
  // "Jason Dana, Robyn Dawes and Nathanial Peterson wrote": a list of names is one subject.
  let a = np[0]
  let hasAnd = false
  for (let k = np[0]; k < np[1]; k++) if (c.low(k) === 'and' && isCap(c.tok(k + 1))) hasAnd = true
  if (hasAnd && isCap(c.tok(np[0]))) {
    while (c.tok(a - 1) === ',' && a - 2 >= lo && isCap(c.tok(a - 2))) {
      let k = a - 2
      // (names with "of" inside: "the National Academies of Sciences, Engineering and Medicine")
      while (k - 1 >= lo && (isCap(c.tok(k - 1)) || (/^(?:of|for|on)$/.test(c.low(k - 1)) && isCap(c.tok(k - 2)))) && !DETERMINERS.has(c.low(k - 1))) k--
      // ("In Ottawa, Smith and Jones said": an opening phrase is no name.)
      if (OPENERS.test(c.low(k))) break
      a = k
    }
    if (a < np[0] && (a <= lo || !isWord(c.tok(a - 1)))) return { speaker: [a, np[1]] }
    // "A report by the National Academies of Sciences, Engineering and Medicine noted": one organisation's
    // name in a longer subject.
    if (a < np[0]) {
      const b = a > lo && c.low(a - 1) === 'the' ? a - 1 : a
      const ext = extendOverPrepositions(c, [b, np[1]], lo)
      if (ext[0] < b) return { speaker: ext }
      const whole = clauseSubject(c, [b, np[1]], lo)
      if (whole[0] < b) return { speaker: whole }
    }
  }
  // ("The State Department and the Department of Homeland Security have said", "She and her husband supported",
  // "Both The New York Times and the Wall Street Journal confirmed": two noun phrases joined by "and" that open the
  // clause are one subject; not an object before it, "Trump attacked Clinton and aides said".)
  if (c.low(np[0] - 1) === 'and' && np[0] - 2 >= lo && /^(?:NNP?S?|PRP|CD|-RRB-)$/.test(c.pos().pos[np[0] - 2]!)) {
    const first = speakerPronouns.has(c.low(np[0] - 2)) ? ([np[0] - 2, np[0] - 1] as [number, number]) : leftNP(c, np[0] - 2, lo)
    const a = first && c.low(first[0] - 1) === 'both' ? first[0] - 1 : first?.[0]
    // (Not after a comma, but for a pronoun: "Anthony Anton, president and CEO of the association, stated" is a name and
    // its roles; nor roles without a determiner before a name, "GOP contender and former neurosurgeon Ben Carson".)
    const pronoun = first !== null && first[1] - first[0] === 1 && speakerPronouns.has(c.low(first[0]))
    const described = first !== null && (pronoun || DETERMINERS.has(c.low(first[0])) || c.low(a! - 1) === 'both' || a !== first[0] || isCap(c.tok(first[1] - 1)))
    if (first && a !== undefined && described && first[1] === np[0] - 1 && (a <= lo || (!isWord(c.tok(a - 1)) && (c.tok(a - 1) !== ',' || pronoun))) && !(np[1] - np[0] === 1 && speakerPronouns.has(c.low(np[0])))) return { speaker: [a, np[1]] }
  }
  const ext = extendOverPrepositions(c, np, lo)
  return { speaker: ext[0] < np[0] ? ext : clauseSubject(c, np, lo) }
}

/**
 * The subject "[Two sources who spoke to CBC News]" of a cue at `end`: a "who" at most eight words back from
 * `from` (words only, no other relative pronoun between), after a noun phrase that opens the clause; its head
 * speaks (the whole phrase in PolNeAR's extent).
 */
function relativeSubject(c: Ctx, from: number, lo: number, end: number): { speaker: [number, number]; antecedent?: [number, number] } | null {
  for (let w = from; w > lo && w >= from - 7; w--) {
    if (!isWord(c.tok(w)) || (w < from && RELATIVES.has(c.low(w + 1)))) break
    // ("[Even people whose interactions with Trump have been positive] are wary of": "whose" too.)
    // ("[The last man to mount a major third-party race] says": an infinitive after a first, last or only one.)
    const infinitive = c.low(w) === 'to' && c.pos().pos[w + 1] === 'VB' && w - 1 > lo && Array.from({ length: w - Math.max(lo, w - 4) }, (_, n) => w - 1 - n).some((x) => /^(?:first|last|only|next|latest)$/i.test(c.tok(x)) || c.pos().pos[x] === 'JJS')
    if (c.low(w) !== 'who' && c.low(w) !== 'whose' && !infinitive) continue
    // ("[27 percent of those who named a candidate] said": a pronoun head, and the share it is part of.)
    const bare = leftNP(c, w - 1, lo) ?? (/^(?:those|these|many|some|most|all|others|few)$/.test(c.low(w - 1)) && w - 1 > lo ? ([w - 1, w] as [number, number]) : null)
    let head = bare && bare[1] === w ? extendOverPrepositions(c, bare, lo) : bare
    // ("The last man": "last" stops a noun phrase elsewhere.)
    if (head && infinitive && /^(?:first|last|only|next|latest)$/.test(c.low(head[0] - 1))) head = [DETERMINERS.has(c.low(head[0] - 2)) ? head[0] - 2 : head[0] - 1, head[1]]
    if (head && head[1] === w && (head[0] <= lo || !isWord(c.tok(head[0] - 1)) || /^(?:and|but|so|while|as|because|even)$/.test(c.low(head[0] - 1)))) {
      return c.speakerPhrase ? { speaker: [head[0], end], antecedent: head } : { speaker: head }
    }
    break
  }
  return null
}

/** Nouns that class the name after them ("the firm Oxford Economics", "the website GunBroker.com"). */
const CLASSING_NOUNS = /^(?:firm|company|group|website|site|newspaper|magazine|network|channel|blog|outlet|agency|consultancy|organization|organisation|foundation|institute|university|college|party|union|association|coalition|committee|campaign|station|publication|daily|weekly|tabloid|broadcaster|pollster|think-tank|nonprofit)$/
const NP_PREPOSITIONS = /^(?:in|at|of|for|from|by|with|on|about|across|inside|outside|near)$/
/** Roles held for someone, which take "to": "an adviser to the president". */
const ROLES_TO = /^(?:advis[eo]rs?|aides?|spokes(?:man|men|woman|women|person|people|persons)|counsel|assistants?|secretary|ambassadors?|envoys?|consultants?|successors?|heirs?|deputy|deputies|liaisons?|representatives?)$/
/** Participles of a document's making or release: "a poll released in August", "figures published by". */
const RELEASED = /^(?:released|published|issued|conducted|commissioned|compiled|prepared|sponsored|obtained|reviewed|filed|produced|carried)$/
/** Participles that follow the noun they modify: "people briefed on", "officials involved in". */
const POSTNOMINAL = /^(?:briefed|involved|based|close|familiar|knowledgeable|linked|tied|connected|aligned|allied|loyal|opposed|sympathetic|critical|working|speaking)$/
const QUANTIFIER = /^(?:some|many|most|several|few|other|numerous|two|three|four|five|six|seven|eight|nine|ten|\d+)$/

/** Words that start or mark a clause inside a would-be subject: no subject runs over them. */
const CLAUSE_WORDS = /^(?:that|which|who|whom|whose|when|whenever|while|as|because|if|but|so|although|though|whether|where|or|nor|yet|to|has|have|had|do|does|did|will|would|can|could|should|may|might|must|shall|not|n't|never|also|is|are|was|were|be|been|being)$/

/**
 * "[A report released in September by the National Academies of Sciences, Engineering and Medicine]
 * noted", "[families of those affected by mass shootings] urged": a subject that opens its sentence with a
 * noun phrase (a determiner, a number or a plural noun first) and runs through participles and
 * prepositional phrases to the name before the cue. `np` is that name, right after a preposition;
 * otherwise, or when a clause word, a verb of speech or an unlisted comma comes between, `np` stays.
 */
function clauseSubject(c: Ctx, np: [number, number], lo: number): [number, number] {
  if (np[0] - 1 < lo || !NP_PREPOSITIONS.test(c.low(np[0] - 1))) return np
  let s = lo
  while (s < np[0] && (MARKS.has(c.tok(s)) || /^(?:but|and|so|yet)$/.test(c.low(s)))) s++
  s = datelineEnd(c, s, np[0])
  // ("At a press conference on Friday, [families of those affected by mass shootings] urged": after an opening phrase.)
  if (OPENERS.test(c.low(s))) {
    let m = s
    while (m < np[0] && c.tok(m) !== ',') m++
    if (m < np[0]) s = m + 1
  }
  if (np[0] - s > 25 || np[0] - s < 3) return np
  const first = c.low(s)
  // (or a group named in it: "[Forensic doctors and independent experts hired by the family] said")
  const group = c.tokens.slice(s, np[0]).some((t) => anonymousNouns.has(t.text.toLowerCase()) && /s$/.test(t.text))
  if (OPENERS.test(first) || !(DETERMINERS.has(first) || numberish(c.tok(s)) || /^(?:some|many|most|several|few|both|all|families|members|relatives|parents)$/.test(first) || group)) return np
  for (let k = s + 1; k < np[0]; k++) {
    const t = c.tok(k)
    const l = c.low(k)
    // (commas only inside a list of names: "the National Academies of Sciences, Engineering and Medicine")
    if (t === ',') {
      if (isCap(c.tok(k - 1)) && isCap(c.tok(k + 1))) continue
      return np
    }
    if (!isWord(t) && t !== "'s" && t !== '’s' && t !== '-') return np
    if (CLAUSE_WORDS.test(l) || (cueByForm.has(l) && !DETERMINERS.has(c.low(k - 1)))) return np
  }
  return [s, np[1]]
}

/**
 * A subject noun phrase with its prepositional modifiers: "[Some delegates at the convention in
 * Philadelphia] said", "[Officials in three states] said", not only the last noun ("Philadelphia").
 * Kept only when the longer phrase starts its clause, with a common noun before the first preposition
 * ("In an interview with CNN, Smith said" and "met with Smith, who said" stay as they are).
 */
function extendOverPrepositions(c: Ctx, np: [number, number], lo: number): [number, number] {
  // ("the facts reported by the government in [the cases it] cited": a pronoun at the end is the subject.)
  if (speakerPronouns.has(c.low(np[1] - 1))) return np
  let a = np[0]
  // ("[A Quinnipiac University poll released in late August] found": a time after a document's participle is
  // no speaker; the document is.)
  if (np[1] - np[0] <= 2 && (MONTH.test(c.low(np[1] - 1)) || WEEKDAY.test(c.low(np[1] - 1)) || /^(?:week|month|year|weekend|spring|summer|fall|autumn|winter|\d{4})$/.test(c.low(np[1] - 1)))) {
    let t = np[0]
    while (t - 1 > lo && /^(?:in|on|last|this|late|early|earlier|mid|past)$/.test(c.low(t - 1))) t--
    if (t < np[0] && RELEASED.test(c.low(t - 1))) {
      const left = leftNP(c, t - 2, lo)
      if (left && left[1] === t - 1 && (documentNouns.has(c.low(t - 2)) || speakerLike(c.low(t - 2)))) a = left[0]
    }
  }
  for (let guard = 0; guard < 5; guard++) {
    // ("[Several superdelegates supporting Sanders] declined", "[House Republicans supporting the bill] have said": a
    // noun with the participle phrase that modifies it, `reducedRelative`.)
    if (a - 1 > lo && reducedRelative(c, a - 1, np[1] + 8)) {
      const left = leftNP(c, a - 2, lo)
      if (left && left[1] === a - 1) {
        a = left[0]
        continue
      }
    }
    // ("[Experts on North Korea and nuclear arms] said": two objects of one preposition.)
    if (c.low(a - 1) === 'and' && a - 2 > lo) {
      const first = leftNP(c, a - 2, lo)
      if (first && first[1] === a - 1 && first[0] - 1 > lo && NP_PREPOSITIONS.test(c.low(first[0] - 1))) a = first[0]
    }
    let p = a - 1
    // ("[Other advisers to the government] said": "to" after a role that is someone's.)
    if (p - 1 < lo || !(NP_PREPOSITIONS.test(c.low(p)) || (c.low(p) === 'to' && (ROLES_TO.test(c.low(p - 1)) || POSTNOMINAL.test(c.low(p - 1)))))) break
    // ("[People briefed on the talks] said", "[officials involved in the case]": a participle after the noun.)
    // ("[Figures released by the board] showed", "[Two lawsuits being considered in San Diego] have accused",
    // "[emails disseminated by WikiLeaks] suggest": a past participle after a noun of people or documents, which
    // the tagger tells from a verb in the past, "Democrats gathered in Philadelphia".)
    let participle = 0
    const vbn = /^\p{Ll}+$/u.test(c.tok(p - 1)) && c.pos().pos[p - 1] === 'VBN' && /^(?:in|at|by|from|on|for|with)$/.test(c.low(p))
    if (POSTNOMINAL.test(c.low(p - 1)) || (RELEASED.test(c.low(p - 1)) && c.low(p) === 'by') || vbn) {
      let n = p - 2
      if (vbn && /^(?:being|recently|newly|widely|first|later)$/.test(c.low(n))) n--
      if (n >= lo && (/^\p{Ll}+$/u.test(c.tok(n)) || n === lo) && speakerLike(c.low(n)) && !AUX.has(c.low(n)) && !speakerPronouns.has(c.low(n))) participle = p - 1 - n
    }
    p -= participle
    // The noun the phrase modifies: lower case ("delegates at"), or capitalised at the sentence start
    // ("Officials in"); a cue word only as a noun after a determiner or a quantifier ("a report by", "some
    // advocates for").
    const head = c.low(p - 1)
    // ("the Ambassador to France": a capitalised role too.)
    // ("[the Russian Embassy in London] issued": a capitalised name with its article.)
    // ("[Congress's Joint Committee on Taxation] projected": an organisation's name with a preposition inside.)
    const named = isCap(c.tok(p - 1)) && !participle && !c.personTok[p - 1] && ((/^(?:in|at|of|for|on)$/.test(c.low(p)) && c.low(leftNP(c, p - 1, lo)?.[0] ?? p) === 'the') || (/^(?:on|of|for)$/.test(c.low(p)) && isCap(c.tok(p + 1)) && organizationNounsSet.has(head)))
    if (!(/^\p{Ll}+$/u.test(c.tok(p - 1)) || (p - 1 === lo && speakerLike(head)) || (isCap(c.tok(p - 1)) && roleHeads.has(head) && !participle) || named)) break
    if (NP_STOP.has(head) || DETERMINERS.has(head) || AUX.has(head) || (/(?:ed|ing|ly)$/.test(head) && !participle) || (cueByForm.has(head) && !DETERMINERS.has(c.low(p - 2)) && !(NOUN_FORMS.has(head) && QUANTIFIER.test(c.low(p - 2))))) break
    const left = leftNP(c, p - 1, lo)
    if (!left || left[1] !== p) break
    a = left[0]
  }
  if (a === np[0]) return np
  // "[Only about 4 in 10 Republican voters in each state] want": a number's modifiers.
  if (numberish(c.tok(a))) while (a - 1 >= lo && /^(?:only|about|nearly|almost|roughly|around|just|approximately|some)$/.test(c.low(a - 1))) a--
  const before = c.tok(a - 1)
  // ("One thing … is that [78 percent of voters in a recent CBS News poll] said": after a "that" that opens a clause.)
  // ("grew so loud that [the Russian Embassy in London] issued": after "so … that" too.)
  const thatClause = c.low(a - 1) === 'that' && (/^(?:is|was|are|were|be|been)$/.test(c.low(a - 2)) || cueByForm.has(c.low(a - 2)) || (/^\p{Ll}+$/u.test(c.tok(a - 2)) && c.low(a - 3) === 'so'))
  const starts = a <= lo || before === ',' || before === ':' || before === ';' || MARKS.has(before) || thatClause || /^(?:and|but|so|because|while|although|though|when|if)$/.test(c.low(a - 1))
  return starts && !OPENERS.test(c.low(a)) ? [a, np[1]] : np
}

/**
 * "A new group called Black Votes Matter, led by …, is trying to …": a name given by a participle after a
 * common noun, in a phrase that is a subject (a comma or a verb after the name); not "The group called
 * Trump a liar".
 */
function namingParticiple(c: Ctx, i: number): boolean {
  const prev = c.low(i - 1)
  if (!/^(?:called|named|dubbed|nicknamed|titled|entitled)$/.test(c.low(i)) || COPULA.has(prev) || AUX.has(prev) || speakerPronouns.has(prev)) return false
  // ("a program called Sandy Hook Promise.", "a phenomenon called “differential nonresponse.”", "An anti-Trump super PAC
  // called Our Principles is …": after a noun phrase with an indefinite article, the participle names a thing the
  // writer brings in, wherever the phrase stands; PolNeAR dev gives 3 of 32 such names an attribution.)
  // (Not a subject with an object and its complement after the name: "A spokesman called Clinton a liar".)
  let a = i - 1
  while (a > i - 5 && a >= 0 && /^[\p{L}\p{N}][\p{L}\p{N}'’.-]*$/u.test(c.tok(a)) && !/^(?:a|an|another)$/.test(c.low(a)) && !NP_STOP.has(c.low(a)) && !DETERMINERS.has(c.low(a))) a--
  const indefinite = a < i - 1 && a >= 0 && /^(?:a|an|another)$/.test(c.low(a))
  // ("a resistance movement called the Ethiopian People's Revolutionary Party", "an inflation formula called the
  // "chained CPI"": the same with "the" before the name; PolNeAR dev marks neither of 2.)
  const n0 = c.low(i + 1) === 'the' && (isCap(c.tok(i + 2)) || OPEN_MARKS.has(c.tok(i + 2))) ? i + 2 : i + 1
  if (indefinite && (isCap(c.tok(n0)) || OPEN_MARKS.has(c.tok(n0)))) {
    let e = n0
    if (OPEN_MARKS.has(c.tok(e))) {
      e++
      while (e < c.tokens.length && e < i + 12 && !MARKS.has(c.tok(e))) e++
      if (!MARKS.has(c.tok(e))) return false
      e++
    } else while (e < c.tokens.length && (isCap(c.tok(e)) || /^\p{N}/u.test(c.tok(e)) || ((NP_INNER.has(c.low(e)) || c.low(e) === 'and') && isCap(c.tok(e + 1))))) e++
    return e >= c.tokens.length || !isWord(c.tok(e)) && !OPEN_MARKS.has(c.tok(e)) || /^(?:which|that|who|and|or|to|for|in|on|at|of|from|with|by|is|are|was|were|has|have|had|will|would|can|could|says|said|plans|wants|helps)$/.test(c.low(e)) || /^\p{Ll}+ed$/u.test(c.tok(e))
  }
  // ("a private operation called the Matanuska Creamery, which …", "a company called Klondike Creamery and Candy, which …",
  // "A restoration company called Heritage Properties picked the buildings up")
  const first = c.low(i + 1) === 'the' ? i + 2 : i + 1
  if (!/^\p{Ll}+$/u.test(c.tok(i - 1)) || !isCap(c.tok(first))) return false
  let e = first
  while (e < c.tokens.length && (isCap(c.tok(e)) || ((NP_INNER.has(c.low(e)) || c.low(e) === 'and') && isCap(c.tok(e + 1))))) e++
  return c.tok(e) === ',' || /^(?:is|are|was|were|has|have|had|will|would|can|could|says|said|plans|wants|helps)$/.test(c.low(e)) || /^\p{Ll}+ed$/u.test(c.tok(e))
}

/**
 * A sentence that opens with the question put to its subject: "Asked whether he would run, Smith said …",
 * "When asked about the vote, she …", "Asked on Fox News who leads the party, he said …", "Asked by Matt Lauer
 * whether …". The cue ("Asked", "Asked about" right before the topic), the question up to the comma that ends the
 * opening phrase, and the asker after "by"; null when the sentence opens otherwise (or is a headline: "Asked
 * Actors To Act Whiter").
 */
function askedOpening(c: Ctx, lo: number, hi: number, consumed: Uint8Array): { cue: [number, number]; content: Span; by?: [number, number] } | null {
  let a = lo
  while (a < hi && !isWord(c.tok(a))) a++
  if (c.low(a) === 'when' && c.low(a + 1) === 'asked') a++
  if (c.low(a) !== 'asked' || consumed[a] || c.titleSent[c.sentOf[a]!]) return null
  let by: [number, number] | undefined
  let k = a + 1
  // ("by Stephanopoulos", "by a reporter", "on Fox News", "during a January debate", "at a briefing Monday in Washington")
  for (; k < hi && k < a + 12; k++) {
    const w = c.low(k)
    if (/^(?:whether|if|what|how|why|who|which|where|when|about|to)$/.test(w)) break
    if (!isWord(c.tok(k)) && c.tok(k) !== '.') return null
    if (w === 'by' && !by) {
      let e = k + 1
      while (e < hi && e < k + 6 && (isCap(c.tok(e)) || (e === k + 1 && DETERMINERS.has(c.low(e))) || (e > k + 1 && /^\p{Ll}+$/u.test(c.tok(e)) && DETERMINERS.has(c.low(k + 1)) && !/^(?:whether|if|what|how|why|who|which|about|to|in|on|at|during)$/.test(c.low(e))))) e++
      if (e > k + 1) by = [k + 1, e]
    }
  }
  if (k >= hi || k >= a + 12 || !/^\p{Ll}/u.test(c.tok(k))) return null
  const about = c.low(k) === 'about' && k === a + 1
  const from = about ? k + 1 : k
  // The question ends at the first comma outside a quotation after which the sentence's subject and its verb
  // come ("…, Rubio gave", "…, 75 percent of Democrats said", "…, he demurred"), not an appositive or a phrase
  // inside the question ("whether Donald Trump, the presumptive nominee, who …, could be"); a comma inside the
  // closing mark goes with it.
  const subjectAndVerbAfter = (m: number) => {
    let x = m + 1
    while (x < hi && MARKS.has(c.tok(x))) x++
    if (SUBJECT_PRONOUN.test(c.low(x))) return isWord(c.tok(x + 1))
    if (!(isCap(c.tok(x)) || (NP_INNER.has(c.tok(x)) && isCap(c.tok(x + 1))) || DETERMINERS.has(c.low(x)) || numberish(c.tok(x)) || QUANTIFIER.test(c.low(x)) || /^(?:neither|both|all|none|few)$/.test(c.low(x)))) return false
    // (Over an appositive, "…, Michael Briggs, a spokesman, said"; not into a relative clause.)
    for (let y = x + 1; y < hi && y <= x + 14; y++) {
      if (c.tok(y) === ',' && isCap(c.tok(x))) continue
      if (!isWord(c.tok(y)) || /^(?:who|which|that|whose)$/.test(c.low(y))) return false
      if (AUX.has(c.low(y)) || COPULA.has(c.low(y)) || /^\p{Ll}+ed$/u.test(c.tok(y)) || PAST_IRREGULAR.test(c.low(y)) || (cueAt(c, y) && /^\p{Ll}+s?$/u.test(c.tok(y)))) return true
    }
    return false
  }
  let end = -1
  for (let m = from + 1; m < hi; m++) {
    if (c.tok(m) !== ',' || cutInsideQuote(c, m) || !subjectAndVerbAfter(m)) continue
    end = MARKS.has(c.tok(m + 1)) && !OPEN_MARKS.has(c.tok(m + 1)) ? m + 2 : m
    break
  }
  if (end < 0 || end - from < 1 || end >= hi - 1) return null
  const content = contentSpan(c, from, end, 1)
  if (!content) return null
  return { cue: [a, about ? k + 1 : a + 1], content, by }
}

function attributeIndirect(c: Ctx, quoted: QuotedSpan[], consumed: Uint8Array): Attribution[] {
  const out: Attribution[] = []
  for (let si = 0; si < c.sentences.length; si++) {
    const s = c.sentences[si]!
    const lo = c.tokAfter(s.start)
    const hi = c.tokBefore(s.end) + 1
    let regionStart = lo
    let lastSpeaker: [number, number] | undefined
    /** Whether that speaker is the subject of a clause inside another one ("about how he planned"). */
    let lastEmbedded = false
    /** The main clause's cue after a relative clause's content, and its subject (the relative pronoun's antecedent). */
    let mainClause: { at: number; speaker: [number, number] } | undefined
    // "PENCE: Well, …" / "Sanders: …" — a short name and a colon open the sentence.
    const colon = colonAttribution(c, lo, hi)
    if (colon && !consumed[colon.cue]) {
      const f = contentSpan(c, colon.cue + 1, hi, 3)
      if (f) {
        push([f], [colon.cue, colon.cue + 1], 'speech', colon.speaker)
        continue
      }
    }
    // "Asked whether he would run, Smith said …": the question put to the speaker, by someone the text does not
    // name (or "Asked by Matt Lauer whether …"); PolNeAR marks 31 of 40 such openings, all with no source but
    // the one after "by".
    const asked = askedOpening(c, lo, hi, consumed)
    if (asked) {
      push([asked.content], asked.cue, 'speech', asked.by)
      for (let k = asked.cue[0]; k < asked.cue[1]; k++) consumed[k] = 1
      regionStart = c.tokBefore(asked.content.end) + 2
    }
    for (let i = asked ? regionStart : lo; i < hi; i++) {
      const reported = consumed[i] === 1
      if (reported && !reportedReport(c, i, consumed)) continue
      const low = c.low(i)
      if (reported) {
        // (The quotation before it, in this sentence, is the content; "the judge said" stays the direct quote's.)
        const np = rightNP(c, i + 2, hi)
        const q = quoted.filter((x) => x.depth === 0 && x.close < c.tokens[i]!.start && x.open >= c.tokens[lo]!.start).pop()
        // (With the speaker and cue of the quotation: PolNeAR's content runs to the comma, "“…,” the judge said".)
        if (np && q) {
          push([{ start: q.open, end: c.tokens[i - 2]!.end }], [i, i + 2], 'report', pickAppositive(c, np[0], np[1]), undefined)
          out[out.length - 1]!.relayed = true
        }
        continue
      }
      // According to X, … / …, according to X.
      if (low === 'according' && c.low(i + 1) === 'to') {
        let np = rightNP(c, i + 2, hi)
        if (!np) continue
        const opens = i === regionStart || (i === lo + 1 && !isWord(c.tok(lo)))
        if (opens && c.tok(np[1]) !== ',') {
          // "According to a report released last week by the Institute, …": the source runs to the comma.
          let k = np[1]
          while (k < hi && k - i < 24 && c.tok(k) !== ',' && !MARKS.has(c.tok(k)) && !END_PUNCT.has(c.tok(k))) k++
          if (c.tok(k) === ',' && k < hi) np = [np[0], k]
        } else if (!opens && c.speakerPhrase) {
          // "…, according to Democrats involved in the negotiations and planning.", "…, according to Andy Smith,
          // director of the …, which conducted the poll.": a source that ends its sentence runs to its end.
          // (not over a clause: "…, according to the poll, and has a small lead in Ohio", "- empathize with …")
          const clause = (k: number) => /^[()\-—–;:]$/.test(c.tok(k)) || (c.tok(k) === ',' && /^(?:and|but|or|while|as)$/.test(c.low(k + 1))) || (/^(?:and|but|or)$/.test(c.low(k)) && !isCap(c.tok(k + 1)) && !DETERMINERS.has(c.low(k + 1))) || (cueAt(c, k) !== null && !isCap(c.tok(k)))
          // ("Fundraising, according to the campaign, has surged …", "At the heart of it, according to Dennis Ross, a
          // former envoy, was …", "By Sept. 30, according to new filings, the committee had spent …", "…, according to
          // court documents, becoming …": the sentence resumes after a comma; the source, with its appositive, ends there.)
          let resumesAt = -1
          const resumes = (k: number) => c.tok(k) === ',' && (verbAfterComma(c, k) || subjectAndVerb(c, k + 1, hi) || (/^\p{Ll}+ing$/u.test(c.tok(k + 1)) && !/^(?:including|according)$/.test(c.low(k + 1))))
          const k = sentenceEndFrom(c, np[1], hi, np[1] + 30, (x) => clause(x) || (resumes(x) && (resumesAt = x) >= 0))
          if (k > np[1]) np = [np[0], k]
          else if (resumesAt > np[1]) np = [np[0], resumesAt]
        }
        // ("…, according to her publicist, Jack Ketsoyan.": the name after the role that ends the sentence, in name mode.)
        if (!opens && !c.speakerPhrase) np = [np[0], extendAppositive(c, np[1], hi)]
        const sp = pickAppositive(c, np[0], np[1])
        let fragments: Span[] = []
        if (opens) {
          const f = contentSpan(c, np[1], hi)
          if (f) fragments = [f]
        } else {
          const f2 = c.tok(np[1]) === ',' ? contentSpan(c, np[1], hi) : null
          // (a short subject before the source when the sentence goes on after it: "Fundraising, according to …, has surged")
          const f1 = contentSpan(c, regionStart, i, f2 ? 1 : 2)
          fragments = [f1, f2].filter((f): f is Span => f !== null)
        }
        push(fragments, [i, i + 2], 'report', sp, undefined)
        regionStart = np[1]
        i = np[1] - 1
        continue
      }
      // "In a CNN poll released Monday, 31 percent of voters …": a survey that opens the sentence is the source.
      const survey = low === 'in' && (i === regionStart || (i === lo + 1 && !isWord(c.tok(lo)))) ? surveyOpening(c, i, hi) : null
      if (survey) {
        const f = contentSpan(c, survey.comma + 1, hi, 3)
        if (f) {
          // (What respondents "said" in it is attributed too, inside this content, as PolNeAR has it.)
          push([f], [i, i + 1], 'report', [i + 1, survey.comma], undefined)
          out[out.length - 1]!.relayed = true
          i = survey.comma
          continue
        }
      }
      // "Trump earned the support of nearly four in 10 likely voters": the voters back Trump (`supportFrom`).
      const support = supportFrom(c, i, hi)
      if (support) {
        const cs = cueStart(c, i, lo)
        const subj = subjectBefore(c, cs, regionStart)
        const f = subj ? contentSpan(c, subj.speaker[0], subj.speaker[1], 1) : null
        if (subj && f && subj.speaker[1] === cs) {
          push([f], [cs, support.cueEnd], 'stance', support.np)
          for (let k = i; k < support.np[1]; k++) consumed[k] = 1
          i = support.np[1] - 1
          continue
        }
      }
      // "The senator's advisers were optimistic that …": a belief stated with an adjective.
      // ("FBI officials were angered by the deal", "Democrats appeared pleased with Clinton": a feeling about
      // something is the subject's stance on it, `feelingAt`.)
      const feeling = feelingAt(c, i)
      const stance = feeling >= 0 ? -1 : stanceAdjectiveAt(c, i)
      if (stance >= 0 || feeling >= 0) {
        const cs = cueStart(c, feeling >= 0 ? feeling : stance, lo)
        const subj = subjectBefore(c, cs, regionStart)
        const from = c.low(i + 1) === 'that' ? i + 1 : i + 2
        let to = clauseEnd(c, from, hi)
        // (What a feeling is about is a noun phrase: it ends at a comma before a conjunction or a participle, "are
        // furious with Ryan[, and his criticism …]", "were outraged at the protest[, forcing the team …]".)
        if (feeling >= 0) for (let k = from + 1; k < to; k++) if (c.tok(k) === ',' && (/^(?:and|but|or|while|as|though|although)$/.test(c.low(k + 1)) || /^\p{Ll}+ing$/u.test(c.tok(k + 1)))) to = k
        const f = contentSpan(c, from, to, 1)
        if (subj && f && !(subj.speaker[1] - subj.speaker[0] === 1 && /^(?:it|this|that|there)$/i.test(c.tok(subj.speaker[0])))) {
          push([f], [cs, c.low(i + 1) === 'that' ? i + 1 : i + 2], feeling >= 0 ? 'stance' : 'belief', subj.speaker, subj.antecedent)
          lastSpeaker = subj.speaker
          consumed[i] = 1
        }
        continue
      }
      // "Trump's claim that …", "her belief that …": a cue noun after a possessor, with a that-clause.
      const nounClass = cueNouns.get(low)
      // (Not the occasion of a cue before it: "stressing in his remarks that …".)
      const occasionOf = /^(?:in|at|during)$/.test(c.low(i - 2)) && cueAt(c, i - 3) !== null
      if (nounClass && c.low(i + 1) === 'that' && i - 1 >= regionStart && !consumed[i - 1] && !occasionOf) {
        const prev = c.low(i - 1)
        let speaker: [number, number] | null = null
        if (/^(?:his|her|their)$/.test(prev)) speaker = [i - 1, i]
        else if ((prev === "'s" || prev === '’s') && i - 2 >= regionStart) speaker = leftNP(c, i - 2, regionStart)
        const f = speaker ? contentSpan(c, i + 1, clauseEnd(c, i + 1, hi), 3) : null
        if (speaker && f) {
          push([f], [i, i + 1], nounClass, speaker)
          consumed[i] = 1
          i = c.tokBefore(f.end)
          continue
        }
        // ("Some Democratic strategists fear that …": no possessor, so a verb.)
        if (!cueByForm.has(low)) continue
      }
      // "The speaker seemed to …", "it appears that …": an impression with no source (PolNeAR's no-source attribution).
      // ("Mr. Cruz seemed to mock his tough talk": before a cue verb, "seemed to" is part of that cue, whose subject
      // is its source, as PolNeAR marks it 19 times in 32; the rules leave it to the tagger, which finds it so.)
      if (SEEM.test(low) && c.low(i + 1) === 'to' && cueAt(c, i + 2)?.verb.lemma === c.low(i + 2)) continue
      if (SEEM.test(low) && !DETERMINERS.has(c.low(i - 1))) {
        const cs = cueStart(c, i, lo)
        const subj = subjectBefore(c, cs, regionStart)
        const end = clauseEnd(c, i + 1, hi)
        if (subj && /^it$/i.test(c.text.slice(c.tokens[subj.speaker[0]]!.start, c.tokens[subj.speaker[1] - 1]!.end)) && c.low(i + 1) === 'that') {
          const f = contentSpan(c, i + 1, end)
          if (f) push([f], [cs, i + 1], 'belief', undefined, undefined, undefined, true)
        } else if (subj && (c.low(i + 1) === 'to' || (/^[a-z]+$/.test(c.tok(i + 1)) && !/^(?:at|in|on|before|with|for|from|alongside|onstage|outside|inside|live|briefly|together)$/.test(c.low(i + 1))))) {
          // ("Trump appeared at the debate anyway": a place, not an impression.)
          const f1 = c.span(subj.speaker[0], subj.speaker[1])
          const f2 = contentSpan(c, i + 1, end, 1)
          if (f2 && !speakerPronouns.has(c.low(subj.speaker[0]))) push([f1, f2], [cs, i + 1], 'belief', undefined, undefined, undefined, true)
        }
        continue
      }
      const cue = cueAt(c, i)
      if (!cue) continue
      if (isCap(c.tok(i)) && i !== lo && isWord(c.tok(i - 1)) && !(c.titleSent[c.sentOf[i]!] && /s$/.test(c.tok(i)) && isCap(c.tok(i - 1)))) continue
      const verb = cue.verb
      // "The win added to her lead": "add to" is not speech.
      if (verb.lemma === 'add' && c.low(cue.end) === 'to') continue
      // ("legislate workers back to work", "came back home": an adverb, not the verb of support.)
      if (verb.lemma === 'back' && /^(?:to|into|in|home|out|up|down|on|at|then|again|later|inside|onto)$/.test(c.low(cue.end))) continue
      // ("A new group called Black Votes Matter, led by …, is trying to …": a name given in a participle, whose
      // phrase is a subject; not "The group called Trump a liar".)
      if (namingParticiple(c, i)) continue
      // "Youths attacked a police station with petrol bombs …, police said": a deed, no cue (the sentence is the police's).
      if (c.tok(cue.end) && physicalDeed(c.text.slice(c.tokens[i]!.start, c.tokens[cue.end - 1]!.end), c.text.slice(c.tokens[cue.end]!.start, c.tokens[hi - 1]!.end))) continue
      // Inside a quotation, "I think" and "we believe" belong to the quoted speech.
      // So they do in a quotation the rules did not attribute (“I’m telling you, …” — Sessions told AFP).
      const inQuote = consumed[i] === 2 || quoted.some((q) => q.start <= c.tokens[i]!.start && c.tokens[i]!.end <= q.end && q.end - q.start > 40)
      if (inQuote && (verb.class === 'belief' || /^(?:i|i’m|i'm|we|you|you’re|you're)$/.test(c.low(cueStart(c, i, lo) - 1)) || /^(?:i|we|you)$/.test(c.low(i - 1)))) continue
      let e = cue.end
      const prev = c.low(i - 1)
      // A base form after a determiner is a noun ("the report", "a claim").
      // (Not "who wrote to her said": a verb in the past after an object pronoun.)
      if ((DETERMINERS.has(prev) && !(prev === 'her' && /^(?:said|told|wrote|added|insisted|argued|warned|explained|announced|noted)$/.test(low))) || prev === "'s" || prev === '’s') continue
      if (bareBaseForm(c, i, verb)) continue
      // Passive: "it was reported that …" — an attribution with no source.
      const passive = COPULA.has(prev) && !/ing$/.test(c.low(i))
      // The content follows the cue, after the hearer of "told X" and up to a "that".
      let hearer: [number, number] | undefined
      let contentFrom = e
      let hasThat = false
      // ("said in a statement to The Canadian Press that …": up to ten words between when they are phrases of
      // the occasion, its place or its hearer; else seven.)
      const occasion = /^(?:in|at|during|on|to|outside|before|after)$/.test(c.low(e)) && (DETERMINERS.has(c.low(e + 1)) || isCap(c.tok(e + 1)) || numberish(c.tok(e + 1))) && c.low(e + 1) !== 'least'
      // ("said in Salem, New Hampshire, on Monday that …", "said earlier on Friday during a news conference that …":
      // up to 14 with the commas of a place's name.)
      const occasionAt = occasion || (/^(?:earlier|later|again|also|then)$/.test(c.low(e)) && /^(?:in|at|during|on)$/.test(c.low(e + 1)))
      for (let m = e; m < Math.min(hi, e + (occasionAt ? 14 : 7)); m++) {
        if (occasionAt && c.tok(m) === ',' && isCap(c.tok(m - 1)) && m > e + 1 && (isCap(c.tok(m + 1)) || /^(?:on|in|at|during)$/.test(c.low(m + 1)))) continue
        if (occasionAt && m >= e + 7 && (c.low(m) === 'and' || (m > e && /^\p{Ll}+(?:ed|ing)$/u.test(c.tok(m))))) break
        if (c.low(m) === 'that') {
          // "says the movement that's sweeping …": a relative "that" after the object, not a complementiser;
          // only a hearer ("told NBC that") or an adverbial ("said on Tuesday that") comes between.
          if (m > e && !hearerVerbs.has(verb.lemma) && !/^(?:on|at|in|during|last|this|earlier|later|today|yesterday|again|also|repeatedly|publicly|privately|flatly|recently|before|after|over|from|to|with|via|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(c.low(e)) && !/ly$/.test(c.low(e))) break
          hasThat = true
          contentFrom = m
          break
        }
        // ("he said (translated) that …", "said (in French) that …": a short parenthesis.)
        if (c.tok(m) === '(') {
          let close = m + 1
          while (close < Math.min(hi, m + 5) && c.tok(close) !== ')') close++
          if (c.tok(close) === ')' && c.low(close + 1) === 'that') {
            hasThat = true
            contentFrom = close + 1
            break
          }
        }
        // (A cue's form after a determiner is a noun: "wrote in a note to clients that …".)
        // ("wrote in her opening remarks that …", "said during a press call that …": a noun after a determiner and its modifier.)
        if (!isWord(c.tok(m)) || (cueByForm.has(c.low(m)) && !(occasionAt && (DETERMINERS.has(c.low(m - 1)) || (DETERMINERS.has(c.low(m - 2)) && /^\p{Ll}+$/u.test(c.tok(m - 1)) && !/ed$/.test(c.low(m))))))) break
      }
      if (hasThat && hearerVerbs.has(verb.lemma) && contentFrom > e && isCap(c.tok(e))) {
        // "told NBC that …": the hearer may be a source (an outlet).
        let b = e
        while (b < contentFrom && (isCap(c.tok(b)) || NP_INNER.has(c.low(b)))) b++
        if (b > e) hearer = [e, b]
      }
      if (!hasThat && hearerVerbs.has(verb.lemma) && verb.clause !== 'object') {
        const np = rightNP(c, e, hi)
        if (np && (isCap(c.tok(np[0])) || LOWER_HEARERS.has(c.low(np[0])))) {
          let b = np[1]
          // "told The New York Times the talks had stalled", "told the Secretary of the Army the …": a
          // name runs on through its capitalised words; a determiner after it opens the content.
          // ("told host Chris Cuomo she …": a role noun before the name.)
          const named = isCap(c.tok(np[0])) ? np[0] : (DETERMINERS.has(c.low(np[0])) || HEARER_ROLES.has(c.low(np[0]))) && isCap(c.tok(np[0] + 1)) ? np[0] + 1 : -1
          if (named < 0) {
            b = Math.min(b, np[0] + (DETERMINERS.has(c.low(np[0])) ? 3 : 1))
            // ("told the court her client was innocent", "told the court she lied": a possessive or a subject
            // pronoun after the hearer opens the content.)
            for (let k = np[0] + 1; k < b; k++) if (POSSESSIVES.test(c.low(k)) || SUBJECT_PRONOUN.test(c.low(k))) b = k
          }
          else for (let k = named + 1; k < b; k++) if ((DETERMINERS.has(c.low(k)) && isCap(c.tok(k - 1))) || (!isCap(c.tok(k)) && !NP_INNER.has(c.low(k)))) b = k
          // ("told ABC's “Good Morning America” on Monday the tone …": the show after a possessive, then a time.)
          if (/^['’]s$/.test(c.tok(b)) && b > np[0]) {
            b++
            const show = quoted.find((q) => c.tokAfter(q.open) === b && isTitle(c, q))
            if (show) b = c.tokAfter(show.close) + 1
            else while (b < hi && isCap(c.tok(b))) b++
            b = timePhraseEnd(c, b)
            if (c.low(b) === 'that') hasThat = true
          }
          hearer = [np[0], b]
          contentFrom = b
          e = b
        }
      }
      if (!hasThat && hearerVerbs.has(verb.lemma) && verb.lemma !== 'tell' && verb.clause !== 'object') continue
      // ("Many observers expect the agency to dial back the mandate": an object and its infinitive are the expectation.)
      if (verb.clause === 'that' && !hasThat && !(passive && c.low(i) === 'expected') && !(!passive && verb.lemma === 'expect' && objectInfinitive(c, e, hi)) && !documentFinds(c, i, verb)) {
        // Still a source when it names its hearer or object ("revealed the meeting to NBC").
        continue
      }
      if (passive) {
        // "The vote is expected to slip": an expectation with no source; the subject and the infinitive.
        if (c.low(i) === 'expected' && c.low(i + 1) === 'to' && !hasThat) {
          // ("delegates who are expected to support …", "the debate, which is expected to draw a crowd, starts …": the
          // relative pronoun stands for the subject, PolNeAR's first fragment; a clause between commas ends at the next.)
          const rel = i - 2 >= regionStart && /^(?:who|which)$/.test(c.low(i - 2))
          let end2 = clauseEnd(c, i + 1, hi)
          if (rel && c.tok(i - 3) === ',') for (let m = i + 2; m < end2; m++) if (c.tok(m) === ',' && !cutInsideQuote(c, m)) { end2 = m; break }
          const f1 = rel ? c.span(i - 2, i - 1) : contentSpan(c, regionStart, i - 1, 1)
          const f2 = contentSpan(c, i + 1, end2)
          if (f1 && f2 && !/^(?:it|this|that)$/i.test(c.text.slice(f1.start, f1.end))) {
            push([f1, f2], [i - 1, i + 1], verb.class, undefined, undefined, undefined, true)
            // (The main clause after a relative one may hold a cue of its own.)
            i = rel ? c.tokBefore(f2.end) : hi
          }
          continue
        }
        if (!hasThat) continue
        const f = contentSpan(c, contentFrom, hi)
        if (f) push([f], [cueStart(c, i, lo) - 1, e], verb.class, undefined, undefined, undefined, true)
        i = hi
        continue
      }
      if (verb.lemma === c.low(i) && c.low(i - 1) === 'to') continue
      let cs = cueStart(c, i, lo)
      // ("[Several superdelegates supporting Sanders] declined …", "[the super PAC backing Hillary Clinton] is
      // using …": a participle right after a noun, whose object a finite verb follows, modifies the noun, the
      // subject of that verb; no stance of its own (PolNeAR marks none, and keeps the phrase as the source).)
      if (reducedRelative(c, i, hi)) continue
      // ("The embassy in London issued a statement saying …": the document put out is part of the cue, as
      // PolNeAR marks it, and the subject is the one of "issued", with its modifiers.)
      if (/ing$/.test(c.low(i)) && cs === i) {
        let v = cs - 1
        if (documentNouns.has(c.low(v)) || /^(?:statement|release|letter|video|note|memo)$/.test(c.low(v))) {
          v--
          if (/^\p{Ll}[\p{Ll}-]*$/u.test(c.tok(v)) && !/^(?:a|an|the|its|his|her|their|our)$/.test(c.low(v))) v--
          if (/^(?:a|an|the|its|his|her|their|our)$/.test(c.low(v))) v--
          if (c.low(v) === 'out' && /^(?:put|puts)$/.test(c.low(v - 1))) v--
          if (v > lo && v < cs - 2 && /^(?:issued|issues|released|releases|put|puts|posted|posts|published|publishes)$/.test(c.low(v)) && /^\p{Ll}/u.test(c.tok(v))) cs = cueStart(c, v, lo)
        }
      }
      const [ce] = extendCue(c, cue.end, hi, verb)
      let speaker: [number, number] | undefined
      let antecedent: [number, number] | undefined
      let fragments: Span[] = []
      let cut = clauseEnd(c, hasThat || hearer ? contentFrom : ce, hi)
      // ("Gov. Mary Fallin, who opposes abortion, vetoed the bill": the content of a cue in a relative clause
      // between commas ends with that clause.)
      if (RELATIVES.has(c.low(cs - 1)) && c.tok(cs - 2) === ',') {
        for (let m = ce; m < cut; m++) {
          if (c.tok(m) !== ',' || cutInsideQuote(c, m)) continue
          if (/^\p{Ll}+(?:ed|s)$/u.test(c.tok(m + 1)) && !cueAt(c, m + 1) && !AUX.has(c.low(m + 1)) && !speakerPronouns.has(c.low(m + 1)) && !anonymousNouns.has(c.low(m + 1))) cut = m
          break
        }
      }
      // "When Francis said Mr. Trump “is not Christian,” the crowd cheered": a cue in an opening
      // subordinate clause; its content ends where that clause does, at the first comma.
      // ("Last month, when I asked Bernie Sanders if he would …, he looked …": after an opening phrase too.)
      let sub = lo
      if (!SUBORDINATORS.test(c.low(sub)) && OPENERS.test(c.low(sub))) {
        let m = sub
        while (m < cs && m - sub < 5 && c.tok(m) !== ',') m++
        if (c.tok(m) === ',' && SUBORDINATORS.test(c.low(m + 1))) sub = m + 1
      }
      if (SUBORDINATORS.test(c.low(sub)) && cs <= sub + 6) {
        for (let m = ce; m < cut; m++) {
          if (c.tok(m) !== ',') continue
          // (`… “is not a Christian,” the crowd …`: a comma inside the closing mark ends the clause too.)
          if (MARKS.has(c.tok(m + 1)) && cutInsideQuote(c, m) && !cutInsideQuote(c, m + 2)) {
            cut = m + 2
            break
          }
          if (cutInsideQuote(c, m) || (MARKS.has(c.tok(m + 1)) && cutInsideQuote(c, m + 1))) continue
          // (", which he opposed," is a relative clause inside the content.)
          if (/^(?:which|who|whom|whose)$/.test(c.low(m + 1))) {
            m++
            while (m < cut && c.tok(m) !== ',') m++
            continue
          }
          cut = m
          break
        }
      }
      // "…, experts told me this week.": after a hearer, a time phrase alone is no content either.
      // ("…, the minister announced Thursday.": a time phrase is no object.)
      const objectFrom = verb.lemma === 'ask' ? afterAddressee(c, timePhraseEnd(c, ce), cut) : timePhraseEnd(c, ce)
      let forward = verb.clause === 'object' && !hasThat ? (objectFrom < cut ? contentSpan(c, objectFrom, objectEnd(c, objectFrom, cut), 1) : null) : !hasThat ? afterCueContent(c, hearer ? contentFrom : ce, cut) : contentSpan(c, contentFrom, cut)
      // "revealed the meeting to NBC": no content, but a hearer that is a source.
      if (forward && !hasThat && !hearer && words(c, ce, cut) <= 7) {
        const t = c.tokBefore(forward.end)
        let a = t
        while (a > ce && isCap(c.tok(a - 1))) a--
        if (isCap(c.tok(t)) && c.low(a - 1) === 'to') {
          hearer = [a, t + 1]
          forward = null
        }
      }
      if (c.tok(cs - 1) === ',' && /ing$/.test(c.low(i)) && cs === i && forward) {
        // "…, adding that …", "…, calling her …": the subject of the sentence speaks
        speaker = (lastEmbedded ? undefined : lastSpeaker) ?? sentenceSubject(c, lo, cs) ?? undefined
        fragments = [forward]
      } else if (c.tok(cs - 1) === ',' && !RELATIVES.has(c.low(cs - 1))) {
        // "…, said Hill." (inverted) or "…, adding that …" (participle: the sentence's speaker)
        const inv = rightNP(c, cue.end, hi)
        const subj = subjectBefore(c, cs, regionStart)
        // Inverted only when what follows the cue ends like a speaker ("said Hill", "said the ministry"),
        // not like a clause ("Theresa Tam, the chief officer, said the risk remained low").
        const invHead = inv ? c.tok(inv[1] - 1) : ''
        // ("…, said the violent demonstrations revealed widespread discontent": a verb inside is a clause.)
        const verbInside = inv !== null && Array.from({ length: inv[1] - inv[0] - 1 }, (_, n) => inv[0] + 1 + n).some((k) => /^\p{Ll}+ed$/u.test(c.tok(k)) && !DETERMINERS.has(c.low(k - 1)) && !isCap(c.tok(k + 1)) || cueByForm.has(c.low(k)) && /^\p{Ll}/u.test(c.tok(k)) && !DETERMINERS.has(c.low(k - 1)))
        const invSpeaker = inv !== null && !verbInside && (isCap(invHead) || speakerLike(invHead.toLowerCase()) || roleHeads.has(invHead.toLowerCase()) || organizationNounsSet.has(invHead.toLowerCase()))
        // ("…, said the Central Mat-Su fire chief, James Steele.": a name after the inverted speaker.)
        let invEnd = inv ? inv[1] : 0
        // ("…, said the Press Democrat newspaper in Santa Rosa.": a place after it, to the sentence end, is no part of it.)
        const placeTail = (b: number) => {
          if (!/^(?:in|of|from|at)$/.test(c.low(b)) || !isCap(c.tok(b + 1))) return false
          let e = b + 1
          // ("in Santa Rosa, California, 55 miles (90 km) north of San Francisco.")
          while (e < hi && e - b <= 16 && !END_PUNCT.has(c.tok(e)) && (!/^\p{Ll}/u.test(c.tok(e)) || /^(?:of|the|and|miles|mi|km|kilometres|kilometers|north|south|east|west|northeast|northwest|southeast|southwest|near|outside)$/.test(c.low(e)))) e++
          return e >= hi || (END_PUNCT.has(c.tok(e)) && e >= hi - 1)
        }
        if (inv && c.tok(invEnd) === ',' && isCap(c.tok(invEnd + 1))) {
          let e = invEnd + 1
          while (e < hi && isCap(c.tok(e))) e++
          if (e >= hi - 1 && e - invEnd <= 5) invEnd = e
        }
        // ("In a year when …, candidates have more room to walk away from the program, said Steve Grubbs, an Iowa
        // operative …": a "subject" with a finite verb of its own is the content's clause, not the speaker.)
        const clauseSubject = subj !== null && ownFiniteVerb(c, subj.speaker[0], subj.speaker[1])
        if (subj && !(inv && invSpeaker && ((invEnd > inv[1] || c.tok(inv[1]) !== ',') && invEnd >= hi - 1 && /^(?:said|says|added|wrote|asked)$/.test(c.low(i)) || (clauseSubject && INVERTING_VERBS.has(verb.lemma))))) {
          speaker = subj.speaker
          antecedent = subj.antecedent
          if (forward) fragments = [forward]
          else if (c.tok(subj.speaker[0] - 1) === ',' && !/ing$/.test(c.low(i))) {
            // "His heart failed while he was reading a book, his son, Ike LaRue III, said.": the speaker's
            // appositive ends at the comma before the cue; the content is before the speaker.
            const f = contentSpan(c, regionStart, subj.speaker[0] - 1)
            if (f) fragments = [f]
          }
        } else if (inv && INVERTING_VERBS.has(verb.lemma) && (inv[1] >= hi - 1 || c.tok(inv[1]) === ',' || c.tok(inv[1]) === '.' || placeTail(inv[1])) && !/ing$/.test(c.low(i)) && !(SUBJECT_PRONOUN.test(c.low(inv[0])) && inv[1] - inv[0] > 1) && !(inv[1] - inv[0] === 1 && timeWord(c, inv[0]))) {
          // (Not a time: "The tentative deal, announced Friday, would last four years".)
          // (Not a pronoun that opens the content: "Jones, a mother of two, said [she heard three shots].")
          // (Only after a verb that inverts, "…, said Hill", "…, predicted Kunin": not "Biden complained about …, mocked
          // [the Republican Party] …, and made it clear …", a list of the subject's deeds. PolNeAR dev, indirect contents
          // before a cue with the source right after it: "said" 37 times, "says"/"say"/"adds"/"wrote"/"noted"/"predicted"
          // once or thrice each, "according to" and prepositions aside.)
          speaker = pickAppositive(c, inv[0], Math.max(invEnd, extendAppositive(c, inv[1], hi)))
          const f = contentSpan(c, regionStart, cs - 1)
          if (f) fragments = [f]
          // ("Part of the problem, say experts like Paul Bauman, is the ground itself": the content goes on after the speaker.)
          if (f && verbAfterComma(c, speaker[1]) && INVERTING_VERBS.has(verb.lemma)) {
            const f2 = contentSpan(c, speaker[1] + 1, clauseEnd(c, speaker[1] + 1, hi), 1)
            if (f2) fragments = [f, f2]
          }
        } else if (/ing$/.test(c.low(i)) && forward) {
          speaker = (lastEmbedded ? undefined : lastSpeaker) ?? sentenceSubject(c, lo, cs) ?? undefined
          fragments = [forward]
        } else if (lastSpeaker && forward && /^\p{Ll}+ed$/u.test(c.tok(i)) && cs === i && c.low(i + 1) !== 'by' && listedAfter(cs - 1)) {
          // "He later suggested …, called her “third-rate” and boycotted …": a verb in a list of the speaker's
          // deeds, right after the content of the one before; its content ends at the next deed ("and led with …",
          // "and recently pointed to …").
          speaker = lastSpeaker
          let end = forward.end
          for (let m = c.tokAfter(forward.start) + 1; m < c.tokBefore(forward.end); m++) {
            if (c.low(m) !== 'and' || cutInsideQuote(c, m)) continue
            const v = /^\p{Ll}+ly$/u.test(c.tok(m + 1)) ? m + 2 : m + 1
            if (/^\p{Ll}+ed$/u.test(c.tok(v)) || PAST_IRREGULAR.test(c.low(v))) {
              end = c.tokens[c.tok(m - 1) === ',' ? m - 2 : m - 1]!.end
              break
            }
          }
          fragments = [c.span(c.tokAfter(forward.start), c.tokBefore(end) + 1)]
        }
      } else if ((c.low(cs - 1) === 'and' || c.low(cs - 1) === 'but') && forward) {
        // "He called the actions lawful, and said …": the subject of the sentence.
        speaker = lastSpeaker ?? sentenceSubject(c, regionStart, cs) ?? undefined
        // ("Weber, who advises Kasich, is no fan of Trump but lauded …": not the pronoun of a relative clause a comma
        // closed before; the noun phrase it follows.)
        if (lastSpeaker && lastSpeaker[1] - lastSpeaker[0] === 1 && /^(?:who|which)$/.test(c.low(lastSpeaker[0])) && c.tok(lastSpeaker[0] - 1) === ',') {
          let k = lastSpeaker[1]
          while (k < cs - 1 && c.tok(k) !== ',') k++
          const subj = k < cs - 1 && isWord(c.tok(k + 1)) ? subjectBefore(c, k + 1, lo) : null
          if (subj && subj.speaker[0] < lastSpeaker[0]) {
            speaker = subj.speaker
            antecedent = subj.antecedent
          }
        }
        fragments = [forward]
      } else {
        let subj = mainClause?.at === cs ? { speaker: mainClause.speaker } : subjectBefore(c, cs, regionStart)
        // "… drawn huge crowds describing …": a participle whose subject is the sentence's.
        // ("He sent a memo to The Post in April explaining his plan": a time is no subject either.)
        const when = subj !== null && subj.speaker[1] - subj.speaker[0] === 1 && timeWord(c, subj.speaker[0]) && /^(?:in|on|since|until|by|last|this|next|early|late)$/.test(c.low(subj.speaker[0] - 1))
        if (/ing$/.test(c.low(i)) && cs === i && forward && subj && ((!isCap(c.tok(subj.speaker[1] - 1)) && !speakerLike(c.low(subj.speaker[1] - 1))) || when)) {
          const s2 = lastSpeaker ?? sentenceSubject(c, lo, cs)
          subj = s2 ? { speaker: s2 } : null
        }
        if (!subj) continue
        // ("A spokesperson said the city supports "a strong plan."": a stance whose subject opens what someone
        // said is part of that statement.)
        if (verb.class === 'stance' || verb.class === 'belief' || verb.class === 'report') {
          let b = subj.speaker[0] - 1
          let occasion = false
          if (c.low(b) === 'that') {
            b--
            // ("wrote in her decision that the driver showed "…"": the cue's occasion before "that".)
            for (let m = b - 1; m >= Math.max(lo, b - 6) && isWord(c.tok(m + 1)); m--) {
              if (/^(?:in|on|at|to|during)$/.test(c.low(m + 1)) && cueAt(c, m)?.end === m + 1) {
                b = m
                occasion = true
                break
              }
            }
          }
          const prior = cueAt(c, b)
          if (prior && (prior.end === b + 1 || occasion) && prior.verb.class === 'speech' && /^\p{Ll}/u.test(c.tok(b))) continue
        }
        if (subj.speaker[1] - subj.speaker[0] === 1 && !isCap(c.tok(subj.speaker[0])) && !speakerLike(c.low(subj.speaker[0]))) continue
        const last = c.tok(subj.speaker[1] - 1)
        // ("a new analysis shows": a singular noun may end in "s".)
        const singularHead = DETERMINERS.has(c.low(subj.speaker[0])) && subj.speaker[1] - subj.speaker[0] >= 2 && /^[a-z]{2,}$/.test(last) && (!/s$/.test(last) || /sis$/.test(last)) && !numberish(last) && (documentNouns.has(last) || organizationNounsSet.has(last) || speakerLike(last))
        const nameLike = isCap(last) && !numberish(last) && !/(?:ing|ed|an|ic|al|-\p{L}+)$/u.test(last) && !/^(?:Some|Many|Most|All|Both|Few|Several|Various|Multiple|Numerous|Other|Others|Those|These|The|Recent|New|Early|Initial|Earlier|Later|Conflicting|Unconfirmed|Media|News|Press)$/.test(last)
        if (NOUN_FORMS.has(c.low(i)) && cs === i && !nameLike && !singularHead && !/^(?:he|she|it|who|which|that)$/i.test(last)) continue
        // ("the Paris attacks", "Rust Belt states", "the recent terror attacks": after a place, an adjective or a
        // noun these two are nouns; a person, a pronoun or a document may be their subject: "Trump attacks …",
        // "the document states …".)
        if (PLACE_NOUN_FORMS.has(c.low(i)) && cs === i && !/^(?:he|she|it|who|which|that|this)$/i.test(last) && !c.personTok[subj.speaker[1] - 1] && !(singularHead && (documentNouns.has(last) || organizationNounsSet.has(last)))) continue
        // ("The terrorist attacks in Paris are …", "Abortion rights advocates said": a plural noun form before a
        // preposition, an auxiliary or a verb of speech is no verb.)
        if (NOUN_FORMS.has(c.low(i)) && cs === i && (/^(?:in|on|at|against|by|from|of|near|during|last|this|are|were|have|had|also|say|said|says|will|would|can|could|may|might|should|must)$/.test(c.low(i + 1)) || cueAt(c, i + 1)?.verb.class === 'speech')) continue
        speaker = subj.speaker
        antecedent = subj.antecedent
        const before = c.tok(speaker[0] - 1)
        // "…, the executive told The Washington Post, …": the cue with its hearer splits the content.
        const ae = timePhraseEnd(c, hearer && !hasThat ? Math.max(ce, hearer[1]) : ce)
        const afterCue = c.tok(ae)
        if (forward && !(afterCue === ',' && before === ',')) {
          fragments = [forward]
          // "A Brooklyn woman who claims she saw the shooting of Kimani Gray says the youth had no gun": the
          // content of a cue in a restrictive relative clause ends at the main clause's verb of speech, whose
          // subject is the relative pronoun's antecedent.
          if (antecedent && RELATIVES.has(c.low(speaker[0])) && speaker[1] - speaker[0] === 1 && c.tok(speaker[0] - 1) !== ',') {
            for (let m = c.tokAfter(forward.start) + 2; m < c.tokBefore(forward.end); m++) {
              const v = cueAt(c, m)
              // ("Reporters who have been asking about the tax returns got no answer": the main clause's verb, in the
              // past after a noun, ends the content too.)
              // (Not after a word that opens a clause of its own: "him when the poll was taken", "that the top 1 percent
              // accumulated …", "as the primaries began".)
              if (!v && /^\p{Ll}+$/u.test(c.tok(m)) && !COPULA.has(c.low(m)) && c.pos().pos[m] === 'VBD' && /^NNS?$/.test(c.pos().pos[m - 1]!) &&
                !c.tokens.slice(c.tokAfter(forward.start), m).some((t) => /^(?:that|when|as|if|because|while|since|after|before|until|where|whether|and|but|or|,|:|;|—)$/i.test(t.text)) && !SUBJECT_PRONOUN.test(c.low(c.tokAfter(forward.start)))) {
                const f = contentSpan(c, c.tokAfter(forward.start), m, 1)
                if (f) fragments = [f]
                break
              }
              if (!v || v.verb.class !== 'speech' || !/^(?:says?|said|tells?|told|adds?|added|insists?|insisted|maintains?|maintained)$/.test(c.low(m)) || /^(?:that|who|which|he|she|they|it|i|we|you|to)$/.test(c.low(m - 1)) || MARKS.has(c.tok(m - 1))) continue
              // ("candidates who think they can … and followed up with an attack on Trump, who has said …": a cue in
              // another relative clause; the content ends before that clause, which is an attribution of its own.)
              const rel = cueStart(c, m, lo) - 1
              if (RELATIVES.has(c.low(rel))) {
                const f = contentSpan(c, c.tokAfter(forward.start), c.tok(rel - 1) === ',' ? rel - 1 : rel, 1)
                if (f) fragments = [f]
                break
              }
              // ("The groups who wrote to her on Thursday say they …": whom and when they wrote is no content.)
              // (Not "who want to ban abortion say": an infinitive is a content.)
              const p0 = c.tokAfter(forward.start)
              const toWhom = /^(?:on|at|in|with|from|for)$/.test(c.low(p0)) || (c.low(p0) === 'to' && (isCap(c.tok(p0 + 1)) || DETERMINERS.has(c.low(p0 + 1)) || /^(?:him|them|us|me|you)$/.test(c.low(p0 + 1))))
              const f = contentSpan(c, c.tokAfter(forward.start), m, 1)
              if (f || toWhom) {
                fragments = f && !toWhom ? [f] : []
                // (With no content of its own, the clause is part of the main cue's speaker, as PolNeAR marks it.)
                // (Its time too: "who wrote to her on Thursday say".)
                const at = cueStart(c, m, lo)
                let b = at
                while (b < m && TIME_LEAD.test(c.low(b))) b++
                mainClause = { at, speaker: toWhom ? [antecedent[0], b] : antecedent }
              }
              break
            }
          }
        } else if (before === ',' || MARKS.has(before) || asAside(c, speaker[0], ae)) {
          // "…, X said." / "…, X said, …" (a parenthetical cue splits the content)
          // ("The plan carries risks, as Clinton supporters point out.": the same after "as", at the sentence's end.)
          const aside = before.toLowerCase() === 'as' ? 1 : 0
          // ("After suggesting that he regretted it, Mr. Rubio only occasionally disagreed with him": an
          // opening clause alone, with something after the cue, is not what the speaker said.)
          let opener = regionStart
          while (opener < speaker[0] && (LEAD_TRIM.has(c.low(opener)) || MARKS.has(c.tok(opener)))) opener++
          // ("At day's end, however, Clinton said as he …": a sentence adverb after the opening phrase.)
          let openerEnd = speaker[0] - 1
          if (c.tok(openerEnd - 2) === ',' && SENTENCE_ADVERB.test(c.low(openerEnd - 1))) openerEnd -= 2
          const onlyOpener = (OPENERS.test(c.low(opener)) || /ing$/.test(c.low(opener))) && !c.tokens.slice(opener, openerEnd).some((t) => t.text === ',') && isWord(afterCue)
          // ("…, Cruz explained, recalling the time …": a participle after the cue is the speaker's next act.)
          // ("…, records show, and aviation experts say it is …": a clause with its own subject and cue is no part of it.)
          // (A noun for subject and a verb of speech or report: "…, but he is still an effective advocate" goes on.)
          const ownClause = /^(?:and|but)$/.test(c.low(ae + 1)) && !speakerPronouns.has(c.low(ae + 2)) &&
            Array.from({ length: 6 }, (_, n) => ae + 3 + n).some((k) => k < hi && /^(?:speech|report)$/.test(cueAt(c, k)?.verb.class ?? '') && !/ing$/.test(c.low(k)) && c.tokens.slice(ae + 2, k).every((t) => isWord(t.text)))
          const f2 = afterCue === ',' && !/ing$/.test(c.low(ae + 1)) && !ownClause ? contentSpan(c, ae + 1, hi) : null
          // ("Loyalty, he noted, has long been …", "Instead, she said, her boss …": one word before a cue that
          // splits the content is part of it, as PolNeAR marks it 19 times in 21.)
          const f1 = onlyOpener ? null : contentSpan(c, regionStart, speaker[0] - 1 - aside, f2 ? 1 : 2)
          fragments = [f1, f2].filter((f): f is Span => f !== null)
        }
      }
      if (!speaker || (mainClause && mainClause.at > i && !fragments.length)) continue
      // A content that is an attributed direct quotation was already found with it.
      fragments = fragments.filter((f) => !quoted.some((q) => q.open <= f.start && f.start <= q.start + 1 && f.end >= q.end - 1 && f.end <= q.close && consumed[c.tokAfter(q.start)] === 2))
      if (!fragments.length) {
        if ((verb.class === 'report' || verb.class === 'speech') && verb.clause !== 'object' && !/ing$/.test(c.low(i))) push([], [cs, ce], verb.class, speaker, antecedent, hearer, false, true)
        continue
      }
      push(fragments, [cs, ce], verb.class, speaker, antecedent, hearer)
      lastSpeaker = speaker
      // ("The senator gave no details about how he planned to …, saying …": the subject of a clause inside
      // another one is not who speaks in a participle after it; the sentence's subject is.)
      lastEmbedded = speaker[0] > lo && /^(?:how|why|what|whether|where|when|if|that|because|although|though|while)$/.test(c.low(speaker[0] - 1))
      for (let k = cs; k < ce; k++) consumed[k] = 1
      regionStart = Math.max(regionStart, c.tokBefore(fragments[fragments.length - 1]!.end) < i ? ce : regionStart)
    }
  }
  return out

  /** Does the content of the last attribution found end at token `k` (a comma that lists another deed)? */
  function listedAfter(k: number): boolean {
    const last = out[out.length - 1]?.fragments.at(-1)
    return last !== undefined && c.tokBefore(last.end) + 1 === k
  }

  function push(fragments: Span[], cue: [number, number], cls: CueVerb['class'], speaker?: [number, number], antecedent?: [number, number], hearer?: [number, number], noSource = false, sourceOnly = false) {
    if (!fragments.length && !sourceOnly) return
    const kind = kindOf(c.text, fragments, quoted)
    out.push({
      kind,
      fragments,
      cue: cue[0] >= 0 && cue[1] > cue[0] ? c.span(Math.max(cue[0], 0), cue[1]) : undefined,
      cueClass: cls,
      speaker: speaker && !noSource ? c.span(...speaker) : undefined,
      antecedent: antecedent ? c.span(...antecedent) : undefined,
      hearer: hearer ? c.span(...hearer) : undefined,
      sourceOnly,
    })
  }
}

const TIME_LEAD = new RegExp(`^(?:on|last|this|next|each|every|earlier|${WEEKDAYS}|week|weekend|month|year|night|morning|afternoon|evening|day|time)$`)

/**
 * The cue as it is reported: without the time phrase before the verb ("Friday found" → "found", "last
 * month reveals" → "reveals"; PolNeAR leaves it out about nine times in ten) or after it ("wrote on
 * Friday": eight times in nine), nor a final period.
 */
function cueMention(c: Ctx, cue: Span): Span {
  let a = c.tokAfter(cue.start)
  let b = c.tokBefore(cue.end) + 1
  // With the auxiliaries and adverbs before the verb ("has ordered", "also bemoaned"), as PolNeAR marks cues.
  if (isWord(c.tok(a))) a = cueStart(c, a, c.sentenceRange(a)[0])
  while (b - a > 1 && TIME_LEAD.test(c.low(a))) a++
  // ("They both suggested …": "both" goes with the speakers; PolNeAR leaves it out of the cue 17 times in 25.)
  // (Not before a participle: "with the agencies both reporting …".)
  if (b - a > 1 && c.low(a) === 'both' && !/ing$/.test(c.low(b - 1))) a++
  while (b - a > 1 && /^[.,;]$/.test(c.tok(b - 1))) b--
  if (b - a > 2 && c.low(b - 2) === 'on' && WEEKDAY.test(c.low(b - 1))) b -= 2
  return a < b ? c.span(a, b) : cue
}

/**
 * The content and cue of a quote as they are reported: "called for [a special prosecutor]" keeps "for"
 * in the cue, not the content.
 */
/**
 * 'Trump said that “we're in this together.”': the "that" between the cue and the quotation goes with the
 * quotation, a mixed quote (PolNeAR dev has it so 94 times, without it twice). Done after nesting is
 * resolved, where a direct quotation outranks the attributions inside it.
 */
function thatBeforeQuotation(c: Ctx, at: Attribution): void {
  const f = at.fragments[0]
  if (at.kind !== 'direct' || !f || !at.cue || at.cue.end > f.start || !MARKS.has(c.text[f.start]!)) return
  let k = c.tokAfter(f.start) - 1
  if (c.tok(k) === ',') k--
  if (k < 0 || c.tok(k) !== 'that' || c.tokens[k]!.start < at.cue.end || c.sentOf[k] !== c.sentOf[c.tokAfter(f.start)]) return
  at.fragments = [{ start: c.tokens[k]!.start, end: f.end }, ...at.fragments.slice(1)]
  at.kind = 'mixed'
}

function cueAndContent(c: Ctx, at: Attribution): { fragments: Span[]; cue?: Span } {
  if (!at.cue) return { fragments: at.fragments }
  let cue = cueMention(c, at.cue)
  let fragments = at.fragments
  // (Its auxiliaries not from its own content: "The hackers have // reportedly …".)
  for (const fr of fragments) if (fr.start < cue.start && cue.start < fr.end && fr.end < cue.end) cue = { start: c.tokens[c.tokAfter(fr.end)]!.start, end: cue.end }
  let v = c.tokBefore(cue.end)
  let f = c.tokAfter(fragments[0]!.start)
  // "told a town hall in Salem, New Hampshire on Monday [that …]", "says at a campaign stop in Toledo, Ohio, [that …]",
  // "is telling customers at a breakfast spot [that …]": the hearer and the occasion before "that" are no content,
  // however long, when no verb comes between.
  // ("acknowledged [on] NBC's "Meet the Press" that …": a preposition the tagger put at the end of the cue opens the occasion.)
  const prepInCue = at.kind !== 'direct' && c.tokAfter(fragments[0]!.start) === v + 1 && v > c.tokAfter(cue.start) && OCCASION_PREP.test(c.low(v))
  const a0 = prepInCue ? v : c.tokAfter(fragments[0]!.start)
  if (at.kind !== 'direct' && (prepInCue || (a0 > v && a0 - v <= 5 && (OCCASION_PREP.test(c.low(a0)) || (a0 === v + 1 && /^(?:tell|tells|told|telling)$/.test(c.low(v))))))) {
    const a = a0
    const endTok = c.tokBefore(fragments[0]!.end)
    const pos = c.pos().pos
    let prep = OCCASION_PREP.test(c.low(a))
    for (let m = a + 1; m < Math.min(endTok, a + 18); m++) {
      if (OCCASION_PREP.test(c.low(m))) prep = true
      // (Not "told the story that his father wrote": a hearer only with the occasion after it.)
      if (c.low(m) === 'that') {
        const n = m + 1
        // (A clause after it: a subject, or a noun and its verb, "that waterboarding is …"; not "that goal".)
        const clause = DETERMINERS.has(c.low(n)) || SUBJECT_PRONOUN.test(c.low(n)) || isCap(c.tok(n)) || MARKS.has(c.tok(n)) || /^\d/.test(c.tok(n)) || (/^NN/.test(pos[n] ?? '') && /^(?:VBZ|VBD|VBP|MD)$/.test(pos[n + 1] ?? ''))
        if (m > a + 1 && prep && clause) {
          fragments = [{ start: c.tokens[m]!.start, end: fragments[0]!.end }, ...fragments.slice(1)]
          f = m
          if (prepInCue) {
            cue = { start: cue.start, end: c.tokens[v - 1]!.end }
            v--
          }
        }
        break
      }
      // (Past a title in marks: on NBC's "Meet the Press".)
      if ((!isWord(c.tok(m)) && c.tok(m) !== ',' && !MARKS.has(c.tok(m))) || /^(?:VBD|VBZ|VBP|MD)$/.test(pos[m]!) || RELATIVES.has(c.low(m))) break
    }
  }
  // "expressed [alarm] that …", "voiced concerns about …": the noun after a light verb is part of the cue.
  if (LIGHT_VERB.test(c.low(v)) && f === v + 1 && at.kind !== 'direct') {
    let n = f
    if (/^(?:no|some|any|his|her|their|its|a|an|the|growing|new|serious|deep|much|little|great|strong|real)$/.test(c.low(n))) n++
    if (ATTITUDE_NOUN.test(c.low(n)) && /^(?:that|about|of|over|for|at|with)$/.test(c.low(n + 1)) && c.tokens[n + 2] && c.tokens[n + 2]!.start < fragments[0]!.end) {
      cue = { start: cue.start, end: c.tokens[n]!.end }
      fragments = [{ start: c.tokens[n + 1]!.start, end: fragments[0]!.end }, ...fragments.slice(1)]
      v = n
      f = n + 1
    }
  }
  // "called for [a special prosecutor]", "talked about [the economy]", "warned of [a crisis]": PolNeAR keeps
  // the preposition in the cue (about 446 times to 19, for 328 to 24, of 389 to 13, on 299 to 17 on dev).
  // (Not a preposition that opens a set phrase of the content: "reported [at least 20 victims]", "indicated
  // [as much]", "has said [for years that …]".)
  const particle = CUE_PARTICLE.test(c.low(f)) && at.kind !== 'direct' && !PARTICLE_PHRASE.test(`${c.low(f)} ${c.low(f + 1)} ${c.low(f + 2)}`) && !WEEKDAY.test(c.low(f + 1))
  if (particle && f === v + 1 && c.tokens[f + 1] && c.tokens[f + 1]!.start < fragments[0]!.end) {
    cue = { start: cue.start, end: c.tokens[f]!.end }
    fragments = [{ start: c.tokens[f + 1]!.start, end: fragments[0]!.end }, ...fragments.slice(1)]
  }
  // "praised [the plan] in a tweet", "criticized [his rival] at a rally in Ohio Friday night", "[her presence]
  // on Twitter": an occasion that ends the content of a cue before it says where it was said, not what.
  const last = fragments[fragments.length - 1]!
  if (at.kind === 'indirect' && cue.end <= fragments[0]!.start) {
    const a = c.tokAfter(last.start)
    const b = c.tokBefore(last.end) + 1
    for (let k = a + 1; k < b; k++) {
      if (occasionTail(c, k, b)) {
        const e = c.tok(k - 1) === ',' ? k - 1 : k
        if (e > a) fragments = [...fragments.slice(0, -1), { start: last.start, end: c.tokens[e - 1]!.end }]
        break
      }
    }
  }
  fragments = withoutStanceObjectTail(c, at, cue, fragments)
  fragments = withoutPhraseTail(c, at, cue, fragments)
  fragments = withoutTimeTail(c, at, cue, fragments)
  // "Still, [almost two in three voters back him], a poll found", "However, [he] …": a connective and its comma
  // that open the sentence are the writer's (PolNeAR leaves them out 26 times in 29), and so is "Despite …,".
  {
    const f0 = fragments[0]!
    const a = c.tokAfter(f0.start)
    if (at.kind !== 'direct' && a === c.sentenceRange(a)[0]) {
      let k = -1
      if (OPENING_CONNECTIVE.test(c.low(a)) && c.tok(a + 1) === ',') k = a + 2
      else if (/^(?:in|for)$/.test(c.low(a)) && /^(?:fact|instance|example)$/.test(c.low(a + 1)) && c.tok(a + 2) === ',') k = a + 3
      else if (c.low(a) === 'despite') {
        for (let m = a + 1; m < a + 14 && c.tokens[m] && c.tokens[m]!.start < f0.end; m++) {
          if (MARKS.has(c.tok(m)) || cueAt(c, m)) break
          if (c.tok(m) === ',') {
            k = m + 1
            break
          }
        }
      }
      if (k > 0 && c.tokens[k] && c.tokens[k]!.start < f0.end && words(c, k, c.tokBefore(f0.end) + 1) >= 2) fragments = [{ start: c.tokens[k]!.start, end: f0.end }, ...fragments.slice(1)]
    }
  }
  // ("And, he said, he's been …", "Still, officials said, they …": a connective alone before the cue is the
  // writer's, no fragment of the content; PolNeAR never has "And" or "Still" so.)
  if (fragments.length > 1 && /^(?:and|still|yet|meanwhile|however)$/i.test(c.text.slice(fragments[0]!.start, fragments[0]!.end))) fragments = fragments.slice(1)
  // "assured [him] it was done …", "would show [voters] he is serious …": the hearer before a clause with a
  // subject of its own is no part of the content (the rules do so for "told", the tagger not always).
  const lemma = cueAt(c, v)?.verb.lemma
  if (at.kind === 'indirect' && lemma && /^(?:tell|warn|remind|assure|reassure|inform|convince|promise|show|notify|caution)$/.test(lemma) && c.tokAfter(fragments[0]!.start) === v + 1) {
    const h = v + 1
    const one = /^(?:him|her|them|me|us|you)$/.test(c.low(h)) || LOWER_HEARERS.has(c.low(h)) && !DETERMINERS.has(c.low(h)) && !/^(?:a|an|the)$/.test(c.low(h))
    if (one && (SUBJECT_PRONOUN.test(c.low(h + 1)) || /^(?:he|she|they|we|i)['’]/.test(c.low(h + 1))) && c.tokens[h + 1] && c.tokens[h + 1]!.start < fragments[0]!.end) fragments = [{ start: c.tokens[h + 1]!.start, end: fragments[0]!.end }, ...fragments.slice(1)]
  }
  // "asked [the students] if they …", "asked Sanders how he …": the one asked is no part of the question
  // (`afterAddressee`; the rules' contents start there already, the tagger's not always).
  if (at.kind === 'indirect' && /^(?:ask|asks|asked|asking)$/.test(c.low(v)) && c.tokAfter(fragments[0]!.start) === v + 1) {
    const k = afterAddressee(c, v + 1, c.tokBefore(fragments[0]!.end) + 1)
    if (k > v + 1) fragments = [{ start: c.tokens[k]!.start, end: fragments[0]!.end }, ...fragments.slice(1)]
  }
  // "the ruling, which he said [was not a prison sentence]", "what she called [a “rant”]": the relative
  // pronoun before the speaker stands for part of the content, and PolNeAR marks it as its first fragment
  // (about 180 times on dev, 20 not). ("in which he said …": not after a preposition; "the claim that he said
  // the plan would fail": "that" only before a verb, where the content lacks its subject.)
  const sp = at.speaker
  // ('who he dubbed [“the little senator.”]', 'which he described as [“like an open orchid.”]': the same before a
  // quotation after a cue of naming, which then is mixed; PolNeAR dev 15 times in 19.)
  const lastCueWord = c.low(c.tokBefore(cue.end))
  const namingCue = NAMING_QUOTATION_CUE.test(lastCueWord)
  if ((at.kind !== 'direct' || (namingCue && fragments.length === 1)) && sp && sp.end <= cue.start && cue.end <= fragments[0]!.start) {
    const r = c.tokAfter(sp.start) - 1
    const w = c.low(r)
    const f0 = c.tokAfter(fragments[0]!.start)
    const verbNext = () => /^(?:VBD|VBZ|VBP|MD)$/.test(c.pos().pos[f0]!) || c.low(f0) === 'as'
    // (The content lacks its subject, "which he said [was …]", or its object, "what he called [a …]", not
    // "a remark which he said [someone should question …]".)
    const naming = NAMING_OR_JUDGING_CUE.test(lastCueWord)
    if (r >= 0 && c.tokens[r]!.end <= sp.start && /^(?:which|what|who|whom|that)$/.test(w) && (naming || namingCue || verbNext())) {
      if (!/^(?:in|of|to|for|with|by|on|at|from|about|under|through|during|after|before)$/.test(c.low(r - 1)) && !/^(?:that|and|but|or)$/.test(c.low(f0)) && (at.kind !== 'direct' || naming || namingCue)) {
        fragments = [c.span(r, r + 1), ...fragments]
        if (at.kind === 'direct') at.kind = 'mixed'
      }
    }
  }
  return { fragments, cue }
}

/**
 * "endorsed [Trump] last week", "defended [his record] on Sunday night", "rejected [Trump's offer] Tuesday", "[Trump] in early June" (`datePhraseEnd`): a time
 * phrase that ends a short noun phrase after its cue dates the act, not what was said (PolNeAR dev: a content of
 * at most four words before such a time phrase leaves it out 43 times, holds it 13). Not after a verb ("[to cut 277
 * workers this week]", "[sounded equivocal] …"), nor a name ("Super Tuesday", "Russia Today").
 */
function withoutTimeTail(c: Ctx, at: Attribution, cue: Span, fragments: Span[]): Span[] {
  if (at.kind !== 'indirect' || cue.end > fragments[0]!.start) return fragments
  const f = fragments[fragments.length - 1]!
  const a = c.tokAfter(f.start)
  let b = c.tokBefore(f.end) + 1
  while (b > a && /^[.,;]$/.test(c.tok(b - 1))) b--
  const pos = c.pos().pos
  for (let k = a + 1; k < b && k <= a + 5; k++) {
    const head = c.tok(k - 1) === ',' ? k - 1 : k
    if (/^(?:VB|MD|TO)/.test(pos[k - 1] ?? '') || /^(?:that|to|who|which)$/.test(c.low(k - 1))) return fragments
    const e = timePhraseEnd(c, k) > k ? timePhraseEnd(c, k) : datePhraseEnd(c, k)
    if (e !== b || isCap(c.tok(k - 1)) && WEEKDAY.test(c.low(k)) || /^(?:Today|Tonight|Yesterday)$/.test(c.tok(k)) && k > c.sentenceRange(k)[0]) continue
    if (words(c, a, head) > 4) return fragments
    return [...fragments.slice(0, -1), { start: f.start, end: c.tokens[head - 1]!.end }]
  }
  return fragments
}

/**
 * The end of a date after a preposition at `k` ("in early June", "in May 2015", "on Dec. 3", "since 1976"), else `k`.
 * ("endorsed [Trump] in early June", "announced [his candidacy] in June 2015": PolNeAR dev, indirect contents of at
 * most six words next to such a date leave it out 49 times, hold it 7.)
 */
function datePhraseEnd(c: Ctx, k: number): number {
  if (!/^(?:in|on|during|since)$/.test(c.low(k))) return k
  let t = k + 1
  if (/^(?:early|late|mid|mid-)$/.test(c.low(t))) t++
  if (MONTH.test(c.low(t)) || /^(?:jan|feb|mar|apr|aug|sept?|oct|nov|dec)\.?$/.test(c.low(t))) {
    t++
    if (c.tok(t) === '.' && !MONTH.test(c.low(t - 1)) && /^\d{1,2}$/.test(c.tok(t + 1))) t++
    if (/^\d{1,2}$/.test(c.tok(t))) t++
    if (c.tok(t) === ',' && /^(?:1[89]|20)\d\d$/.test(c.tok(t + 1))) t += 2
    else if (/^(?:1[89]|20)\d\d$/.test(c.tok(t))) t++
    return t
  }
  return /^(?:1[89]|20)\d\d$/.test(c.tok(t)) && t === k + 1 ? t + 1 : k
}

/** Cue words of taking a side, whose content is the noun phrase of what or whom the side is taken on. */
const STANCE_CUE = /^(?:endors|support|back|prefer|oppos|critici|prais|favou?r|blam|condemn|attack|defend|reject)\w*$/

/**
 * "endorsed [Trump], providing a boost to …", "backing [Mr. Cruz], who …", "favored [Trump], 82 percent to 6
 * percent", "supported [Charlie Crist]—the then-Republican …": the object of a verb of taking a side is the noun
 * phrase; a participle clause, a relative clause, a dash or a poll's figures after it are the writer's (PolNeAR
 * dev, contents right after such a cue: ", <verb>-ing" after them 36 times, inside 3 (not counting "including");
 * ", who/which" 14 to 3; a dash 18 to 2; "N percent" 4 to 0).
 */
function withoutStanceObjectTail(c: Ctx, at: Attribution, cue: Span, fragments: Span[]): Span[] {
  if (at.kind !== 'indirect' || fragments.length !== 1 || cue.end > fragments[0]!.start) return fragments
  const ca = c.tokAfter(cue.start), cb = c.tokBefore(cue.end)
  let stance = false
  for (let k = ca; k <= cb; k++) if (STANCE_CUE.test(c.low(k))) stance = true
  if (!stance) return fragments
  const f = fragments[0]!
  const a = c.tokAfter(f.start)
  const b = c.tokBefore(f.end) + 1
  const pos = c.pos().pos
  for (let k = a + 1; k < b - 1; k++) {
    const w = c.low(k), nx = c.low(k + 1)
    // (Not inside a quotation the content opens or a parenthesis.)
    if (/^["“(]$/.test(c.tok(k))) return fragments
    const cut = (w === ',' && pos[k + 1] === 'VBG' && !/^(?:including|excluding|according)$/.test(nx))
      || (w === ',' && /^(?:who|which)$/.test(nx))
      || /^[–—]$/.test(w) || (w === '-' && c.tokens[k]!.start > c.tokens[k - 1]!.end)
      || (/^\d+$/.test(w) && /^(?:percent|%)$/.test(nx))
    if (cut) {
      // (Before the comma that opens the tail; before the comma ahead of poll figures.)
      const e = /^\d+$/.test(w) && c.tok(k - 1) === ',' ? k - 1 : k
      if (e <= a) return fragments
      return [{ start: f.start, end: c.tokens[e - 1]!.end }]
    }
  }
  return fragments
}

/** One token of a dash, or of a dash written as several ("- -", "—-"). */
const DASH_TOKEN = /^(?:—|–|-)$/

/** A dash: "—", "–", "--" or a spaced "-". */
function isDash(c: Ctx, k: number): boolean {
  return /^(?:[–—]|--)$/.test(c.tok(k)) || (c.tok(k) === '-' && k > 0 && c.tokens[k]!.start > c.tokens[k - 1]!.end)
}

/** A dash at `k` with no other dash between `a` and the end of its sentence (no pair around an aside). */
function loneDash(c: Ctx, a: number, k: number): boolean {
  const [, e] = c.sentenceRange(k)
  for (let j = a; j < e; j++) if (j !== k && isDash(c, j)) return false
  return true
}

/** Words in -ing that are prepositions, not the head of a participle clause ("including", "according to", "depending on"). */
const ING_PREPOSITION = /^(?:including|excluding|according|depending|ranging|beginning|starting|following|regarding|concerning|considering|involving|pending|barring|notwithstanding|during)$/

/**
 * "focused on [the need to combat the Islamic State online], pushing for help from …", "sought [to rally older
 * white Democrats], contrasting her own …", "denied [the fraud claims], pointing to …": a content that is a noun
 * phrase or an infinitive (no finite verb yet, not "that …" nor a question) ends before a clause that comments on
 * the act: ", <verb>-ing …", ", but …", ", which …", ", while/although/even as …", ", as he …", "; …" or a dash
 * (before "but", or the only one in the sentence: "linked [cybersecurity to her email server] — an opportunity he
 * missed"). PolNeAR train, contents after their cue of that shape reaching such a mark: the content ends there 361
 * times, runs on 60 (", <verb>-ing" 116:12 — not after a gerund in the content, "a photo of Cruz wearing …,
 * holding a gun"; ", but" 56:4 — not "but also/not"; ", which" 44:15 — not after a verb of saying, 2:6 there;
 * ", while/although/even as …" 34:4; "; " 26:3; ", as he" 4:0; a dash before "but" 6:0, a lone dash 75:22; a
 * pair of dashes around an aside stays).
 */
function withoutPhraseTail(c: Ctx, at: Attribution, cue: Span, fragments: Span[]): Span[] {
  if (at.kind !== 'indirect' || fragments.length !== 1 || cue.end > fragments[0]!.start) return fragments
  const f = fragments[0]!
  const a = c.tokAfter(f.start)
  const b = c.tokBefore(f.end) + 1
  const pos = c.pos().pos
  // (Not a clause, a question or a gerund, nor a content that opens with a preposition of place or time, "points
  // out [in a column on Yahoo News, doing one-on-one interviews gives …]".)
  if (/^(?:that|whether|if|how|what|why|who|when|where|which|i|you|he|she|it|we|they)$/.test(c.low(a)) || pos[a] === 'VBG' || (pos[a] === 'IN' && c.low(a) !== 'about')) return fragments
  const speech = cueAt(c, c.tokBefore(cue.end))?.verb.class === 'speech' || cueAt(c, c.tokAfter(cue.start))?.verb.class === 'speech'
  let gerund = false
  for (let k = a; k < b - 1; k++) {
    // (Not past a finite verb, where the content becomes a clause, nor inside a quotation or a parenthesis.)
    if (/^(?:VBD|VBZ|VBP|MD)$/.test(pos[k]!) || /^["“(]$/.test(c.tok(k))) return fragments
    const w = c.low(k), n = c.low(k + 1)
    let cut = false
    if (k > a && w === ',') {
      cut = (pos[k + 1] === 'VBG' && !gerund && !ING_PREPOSITION.test(n))
        || (n === 'but' && !/^(?:also|not|no|rather|instead|only)$/.test(c.low(k + 2)))
        || (n === 'which' && !speech)
        || /^(?:while|whereas|although|though)$/.test(n) || (n === 'even' && /^(?:as|though|if)$/.test(c.low(k + 2)))
        || (n === 'as' && /^(?:he|she|they|we)$/.test(c.low(k + 2)))
    } else if (k > a && (w === ';' || (isDash(c, k) && (/^(?:but|although|though|while)$/.test(n) || loneDash(c, a, k))))) cut = true
    // (At least two words before it: not "responded [first, ripping into …]"; and no aside that the content's verb
    // follows, "says [the email scandal, while troublesome, was dealt with …]".)
    if (cut && words(c, a, k) >= 2) {
      for (let j = k + 2; j < b - 1; j++) if (c.tok(j) === ',' && /^(?:VBD|VBZ|VBP|MD)$/.test(pos[j + 1]!)) return fragments
      return [{ start: f.start, end: c.tokens[k - 1]!.end }]
    }
    if (pos[k] === 'VBG') gerund = true
  }
  return fragments
}

/** Verbs of naming ("called", "dubbed", "described", "labeled", "termed", "branded"), shared by the two lists below. */
const NAMING_VERBS = 'call(?:s|ed|ing)?|dub(?:s|bed|bing)?|describ(?:e|es|ed|ing)|label(?:s|ed|led|ing)?|term(?:s|ed|ing)?|brand(?:s|ed|ing)?'
/** The last word of a cue of naming before a quotation ('who he dubbed “…”', 'which he described as “…”'). */
const NAMING_QUOTATION_CUE = new RegExp(`^(?:${NAMING_VERBS}|declar(?:e|es|ed|ing)|as)$`)
/** The last word of a cue of naming or judging whose content lacks its object ("what he called [a …]", "which she considers […]"). */
const NAMING_OR_JUDGING_CUE = new RegExp(`^(?:${NAMING_VERBS}|consider(?:s|ed|ing)?|view(?:s|ed|ing)?|see|sees|saw|seen|deem(?:s|ed)?|regard(?:s|ed)?)$`)

/** Connectives that open a sentence before a comma ("Still,", "However,"). */
const OPENING_CONNECTIVE = /^(?:still|however|indeed|nevertheless|nonetheless|meanwhile|moreover|furthermore|yet)$/
const LIGHT_VERB = /^(?:express(?:es|ed|ing)?|voic(?:e|es|ed|ing)|rais(?:e|es|ed|ing)|show(?:s|ed|n|ing)?|air(?:s|ed|ing)?|register(?:s|ed|ing)?|signal(?:s|ed|led|ing)?)$/
const ATTITUDE_NOUN = /^(?:alarm|concerns?|doubts?|fears?|hopes?|worry|worries|frustration|anger|outrage|dismay|disappointment|skepticism|scepticism|optimism|confidence|support|opposition|sign|signs|interest|reservations|objections?|questions?|surprise|regrets?|sympathy|gratitude|appreciation|amusement|relief|satisfaction|pride|delight|shock|disbelief|remorse|indignation|exasperation|irritation|unease)$/
const CUE_PARTICLE = /^(?:about|against|at|for|of|on|over|with|as|from|into|upon)$/
/** A preposition and the word after it that make a quantifier, a conjunction or an adverbial, not a verb's particle. */
const PARTICLE_PHRASE = /^(?:at (?:least|most|times|once|first|last|length)|as (?:many|much|well|if|though|long|soon|far|of|a result|usual)|for (?:years|months|weeks|decades|days|now|example|instance|once|the first|the last|the past|a long)|of course|on (?:(?:the )?one|the other) hand)\b/

/** Words after a time phrase that do not open a content clause ("said Tuesday in a statement", "said Tuesday night"). */
const cueAfterTime = /^(?:in|on|at|during|with|after|before|from|via|to|as|when|while|that|and|but|or|morning|afternoon|evening|night)$/

/** The end of a time phrase starting at token `k` ("Tuesday", "on Tuesday", "last week", "yesterday"); `k` when none. */
function timePhraseEnd(c: Ctx, k: number): number {
  const day = (w: string) => WEEKDAY.test(w)
  let t = k
  // ("The truth, the senator said then, was …", "noted afterward that …", "announced earlier this year")
  if (/^(?:then|later|earlier|afterward|afterwards|previously|recently)$/.test(c.low(t))) t++
  if (c.low(t) === 'on' && day(c.low(t + 1))) t += 2
  else if (/^(?:last|this|earlier|next)$/.test(c.low(t)) && /^(?:week|month|year|weekend|morning|afternoon|evening|night|spring|summer|fall|autumn|winter)$/.test(c.low(t + 1))) t += 2
  else if (day(c.low(t)) || /^(?:yesterday|today|tonight)$/.test(c.low(t))) t += 1
  if (t > k && /^(?:morning|afternoon|evening|night)$/.test(c.low(t))) t++
  // ("acknowledged for the first time that …", "has said for years that …", "said once again that …")
  if (t === k) {
    if (c.low(t) === 'for' && c.low(t + 1) === 'the' && /^(?:first|second|third|last|final|umpteenth)$/.test(c.low(t + 2)) && c.low(t + 3) === 'time') t += 4
    else if (c.low(t) === 'for' && /^(?:years|months|weeks|decades|days)$/.test(c.low(t + 1))) t += 2
    else if (c.low(t) === 'once' && c.low(t + 1) === 'again') t += 2
    else if (c.low(t) === 'again') t += 1
  }
  // ("said Monday's decision will …": a possessive, the content's subject.)
  if (t > k && /^['’]s$/.test(c.tok(t))) return k
  return t
}

/** Content right after a cue with no "that": "said [the war is over]" — empty for "said on Tuesday." */
/**
 * ("asked Sanders how he was feeling", "asked the U.S. attorney in D.C. whether …", "asked the candidates a question
 * about …"): the person asked is no part of the question, as PolNeAR marks it; but it is part of a request,
 * "asked the court to intervene" (PolNeAR keeps the addressee before "to" more often than not).
 * The token where the question starts after the addressee at `k`, else `k`.
 */
function afterAddressee(c: Ctx, k: number, hi: number): number {
  if (!(OBJECT_PRONOUN.test(c.low(k)) || DETERMINERS.has(c.low(k)) || isCap(c.tok(k)) || /^\p{Ll}+s$/u.test(c.tok(k))) || /^questions?$/.test(c.low(k + (DETERMINERS.has(c.low(k)) ? 1 : 0)))) return k
  for (let x = k + 1; x < Math.min(hi - 1, k + 9); x++) {
    // (Not a question inside a request: "asked the Justice Department to investigate whether …".)
    if (/^[,;:!?"“”]$/.test(c.tok(x)) || /^(?:that|and|to)$/.test(c.low(x)) || cueAt(c, x)) break
    if (/^(?:if|whether|what|how|why|who|whom|where|which)$/.test(c.low(x)) || (c.low(x) === 'a' && /^questions?$/.test(c.low(x + 1)))) return x
    if (c.low(x) === 'about' && x + 1 < hi && isWord(c.tok(x + 1))) return x + 1
  }
  return k
}

function afterCueContent(c: Ctx, e: number, hi: number): Span | null {
  let k = e
  if (c.tok(k) === ':' ) k++
  // "said Tuesday the plan would fail", "said last week it was over": a time phrase, then the content.
  const t = timePhraseEnd(c, k)
  if (t > k && t < hi && isWord(c.tok(t)) && (!cueAfterTime.test(c.low(t)) || c.low(t) === 'that') && words(c, t, hi) >= 3) k = t
  else if (t > k && c.tok(t) === ',') {
    // "Smith said Tuesday, after the vote, that …": the content after the aside; "The plan, Smith
    // said Tuesday, would fail": a parenthetical cue, whose content is around it.
    let m = t + 1
    while (m < Math.min(hi, t + 12) && !(c.low(m) === 'that' && c.tok(m - 1) === ',')) m++
    if (m >= Math.min(hi, t + 12)) return null
    k = m
  }
  // ("wrote in both listings he was “honored …”": a short phrase of the occasion, then a subject pronoun and its verb.)
  // (Not "disagree on how it should happen", "insisted on using rules he had learned".)
  if (/^(?:in|on|at|during)$/.test(c.low(k)) && (DETERMINERS.has(c.low(k + 1)) || /^(?:both|all|several|two|three)$/.test(c.low(k + 1)))) {
    for (let x = k + 2; x < Math.min(hi - 1, k + 6) && isWord(c.tok(x - 1)); x++) {
      if (SUBJECT_PRONOUN.test(c.low(x)) && (AUX.has(c.low(x + 1)) || COPULA.has(c.low(x + 1)))) {
        k = x
        break
      }
    }
  }
  const f = contentSpan(c, k, hi)
  if (!f) return null
  // Only a time or place phrase after the cue ("said on Tuesday", "said in a statement", "said in an
  // interview with CNN", "said while in Ohio") is no content.
  const rest = c.text.slice(f.start, f.end)
  // ("said in an interview with The Sun Herald, a Biloxi newspaper": with the outlet's appositive; and up to 12
  // words, "insisted Thursday during a whistle stop tour of morning news shows", whose content is before the
  // cue: with 8, as before, 10 PolNeAR dev quotes change and held-out joint is 67.0 against 67.1.)
  if (/^(?:on|in|at|during|last|this|earlier|later|late|yesterday|today|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|with|after|before|from|via|outside|while)\b(?!['’]s\b)[^,]{0,60}(?:,\s*(?:a|an|the)\s+(?:[\p{L}'’-]+\s+){0,3}(?:newspaper|paper|daily|weekly|tabloid|magazine|station|network|channel|broadcaster|outlet|website|site|podcast|program|programme|show|agency))?$/u.test(rest) && words(c, k, hi) <= 12) return null
  // "said in an e-mail to clients", "said to reporters": the hearer, not the content.
  if (/^to\s+(?:the|a|an|his|her|their|its|reporters|clients|supporters|investors|members|staff|journalists|voters|\p{Lu})/u.test(rest) && words(c, k, hi) <= 6) return null
  if (c.tok(k) === ',') return null
  // '“…,” Romney tweeted the day after a man … gunned down 49 people': a clause of time or reason is no
  // content, unless a that-clause follows it ("said after the vote that …").
  // ("did not say when the appeal would be filed", "asked if …": when and if open questions, the content.)
  if (/^(?:the\s+(?:day|night|morning|week|year)\s+)?(?:after|before|while|as|because|since|until|once)\b/i.test(rest)) {
    // (Or a quotation after it: "Clinton said as he introduced his wife, "Finally, …" to have …".)
    for (let m = k + 1; m < Math.min(hi, k + 15); m++) {
      if (c.low(m) === 'that' && isWord(c.tok(m - 1))) return contentSpan(c, m, hi)
      if (c.tok(m) === ',' && OPEN_MARKS.has(c.tok(m + 1))) return contentSpan(c, m + 1, hi)
    }
    return null
  }
  return f
}

const NOT_SPEAKER_LABELS = new Set('update note related photo photos source sources read watch video see disclosure correction advertisement breaking exclusive opinion analysis full text abstract twitter facebook editor editors the q a question answer by credit image caption warning sign up subscribe published updated posted modified last filed date dateline tags tag topics category categories location contact email share comments comment'.split(' '))

const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december'
/** A month, lower case. */
const MONTH = new RegExp(`^(?:${MONTHS})$`)
/** A date after a colon ("WEDNESDAY, MARCH 13, 2013", "Monday, 9:41 a.m.", "March 13, 2013"). */
const DATE_START = new RegExp(`^(?:(?:${WEEKDAYS}),?\\s+(?:${MONTHS}|\\d)|(?:${MONTHS})\\.?\\s+\\d)`, 'i')

/** "PENCE: …", "Sanders: …": up to five capitalised words and a colon at the start of a sentence. */
function colonAttribution(c: Ctx, lo: number, hi: number): { speaker: [number, number]; cue: number } | null {
  let a = lo
  while (a < hi && MARKS.has(c.tok(a))) a++
  let k = a
  while (k < hi && k - a < 6 && (isCap(c.tok(k)) && isWord(c.tok(k)) || (NP_INNER.has(c.low(k)) && k > a))) k++
  if (k === a || c.tok(k) !== ':' || k - a > 5) return null
  if (NOT_SPEAKER_LABELS.has(c.low(a)) || NOT_SPEAKER_LABELS.has(c.low(k - 1))) return null
  if (/^\d/.test(c.tok(a)) || /[\/\d$%]/.test(c.text.slice(c.tokens[a]!.start, c.tokens[k - 1]!.end))) return null
  // ("Friday: Rain and wind", "WEDNESDAY, MARCH 13": a day or date is no speaker and no statement.)
  const after = c.text.slice(c.tokens[k]!.end, c.tokens[k]!.end + 40).trimStart()
  if (WEEKDAY.test(c.low(a)) || /^(?:today|tonight|tomorrow|yesterday)$/.test(c.low(a)) || DATE_START.test(after)) return null
  // ("HUFFPOLLSTER: Indiana’s GOP Primary Will Be A Battle Between Demographics And Economics": a headline.)
  if (c.titleSent[c.sentOf[k]!] && !c.tokens.slice(k + 1, hi).some((t) => MARKS.has(t.text))) return null
  return { speaker: [a, k], cue: k }
}

/** A verb in the past before "and" and another verb: the two share the object after them ("shot and killed a teenager"). */
const SHARED_OBJECT_VERB = /^(?:\p{Ll}+ed|shot|hit|beat|struck|caught|stole|took|held|cut|hurt|threw|bit)$/u

/** Where a content clause ends: the sentence end, or a comma that opens another attribution ("…, with X reporting that"). */
function clauseEnd(c: Ctx, from: number, hi: number): number {
  for (let m = from; m < hi; m++) {
    if (c.tok(m) === ';') return m
    // "… twice but said neither Manafort nor Gates …", "… and has said": the subject's next statement.
    if (c.low(m) === 'and' || c.low(m) === 'but') {
      // (Not in a that-clause with a subject of its own: "argued that her client had shown remorse and deserved a
      // lesser sentence".)
      // (Nor in a clause that opens with its subject, a pronoun or a short noun phrase, and its verb: "said it had
      // tested that message and found it effective" is one content; of the PolNeAR dev contents this changed, 18
      // are one gold content and 4 are two.)
      const thatClause = c.low(from) === 'that' && m - from > 2
      const subjectClause = !thatClause && m - from > 2 && subjectAndVerb(c, from, m)
      const clause = thatClause || subjectClause
      let k = m + 1
      while (k < m + 4 && AUX.has(c.low(k))) k++
      const v = cueAt(c, k)
      // ("… and has said": the speaker's next statement; a cue right after "and" only outside such a clause.)
      if (v && !/ing$/.test(c.low(k)) && ((k === m + 1 && !subjectClause) || v.verb.class === 'speech') && (c.low(m) === 'and' || !cutInsideQuote(c, m))) return m
      // ("declined to comment and Senate aides later said …": a short infinitive content ends before a clause with a
      // subject and a verb of speech of its own.)
      if (c.low(from) === 'to' && m - from <= 5 && (isCap(c.tok(m + 1)) || DETERMINERS.has(c.low(m + 1))) && !cutInsideQuote(c, m)) {
        for (let h = m + 2; h < hi && h <= m + 7 && isWord(c.tok(h)); h++) {
          const w = cueAt(c, h)
          if (w && w.verb.class === 'speech' && !/ing$/.test(c.low(h))) return m
          if (w || NP_STOP.has(c.low(h))) break
        }
      }
      // ("He denied the charges and counter-accused her of battery": a second verb with its own object;
      // not two verbs that share one, "police explained that officers shot and killed a teenager".)
      // ("calling him a “nice guy” and he didn’t provide any descriptions": a clause with a subject of its own
      // after an object.)
      // (Only after a quotation or an object with no verb: "said Russian hackers broke in and she accused …" is one
      // content, as PolNeAR has it.)
      // ("voters who claimed to be undecided and others who publicly declared …": a second head with its own clause.)
      if (c.low(m) === 'and' && !cutInsideQuote(c, m)) {
        let h = m + 1
        while (h < hi && h - m <= 3 && /^\p{Ll}+$/u.test(c.tok(h)) && !RELATIVES.has(c.low(h)) && !cueAt(c, h)) h++
        if (h > m + 1 && c.low(h) === 'who' && /^(?:others|those|some|many)$/.test(c.low(h - 1))) return m
      }
      const noVerb = () => MARKS.has(c.tok(m - 1)) || !c.tokens.slice(from, m).some((t) => AUX.has(t.text.toLowerCase()) || COPULA.has(t.text.toLowerCase()) || /^\p{Ll}+ed$/u.test(t.text))
      if (c.low(m) === 'and' && !thatClause && c.low(from) !== 'that' && SUBJECT_PRONOUN.test(c.low(m + 1)) && noVerb() && /^(?:did|didn['’]t|does|doesn['’]t|was|wasn['’]t|is|has|had|would|will|could|\p{Ll}+ed)$/u.test(c.low(m + 2)) && !cutInsideQuote(c, m)) return m
      if (c.low(m) === 'and' && /^[\p{Ll}-]+ed$/u.test(c.tok(m + 1)) && (DETERMINERS.has(c.low(m + 2)) || /^(?:him|her|them|it|his|their|its|that|this|one|two|three|both|several|some|many)$/.test(c.low(m + 2))) && !SHARED_OBJECT_VERB.test(c.tok(m - 1)) && !clause && !cutInsideQuote(c, m)) return m
    }
    // ("… is violating the resolutions — which he added “is deeply regrettable.”": the speaker's own comment on
    // the content, in a relative clause with a cue of its own.)
    // (PolNeAR: ", which he said runs the risk …" too, 4 times in 5; not one in the middle of the content: "the church,
    // which he described as "a local church," is about 30 years old".)
    if (/^[,—–-]$/.test(c.tok(m)) && c.low(m + 1) === 'which' && SUBJECT_PRONOUN.test(c.low(m + 2)) && cueAt(c, m + 3)?.verb.class === 'speech' && !cutInsideQuote(c, m) && !resumes(c, m + 4, hi)) return m
    // ("… “there's nothing wrong with that” — asserting that …": a participle cue after a dash, the speaker's next act.)
    if (/^(?:—|–|--)$/.test(c.tok(m)) && /^\p{Ll}+ing$/u.test(c.tok(m + 1)) && cueAt(c, m + 1) && !cutInsideQuote(c, m)) return m
    if (c.tok(m) !== ',') continue
    // ("praised Mrs. Clinton's proposals to benefit small businesses, which include …": a relative clause after an
    // object noun phrase is the writer's description, no part of what was said.)
    // (Not a subject the clause goes on after: "said the church, which he described as …, is about 30 years old".)
    const objectNP = m - from >= 1 && !/^(?:that|to|how|why|what|whether|if|when|where)$/.test(c.low(from)) && !subjectAndVerb(c, from, m) && !cutInsideQuote(c, m)
    if (/^(?:which|who)$/.test(c.low(m + 1)) && m - from >= 2 && objectNP && !resumes(c, m + 2, hi)) return m
    // ("criticized Bush, the former Florida governor, for …", "praised the Trans-Pacific Partnership, the 12-country
    // trade deal": an appositive after an object noun phrase is the writer's description too; not a list of them,
    // "the economy, the deficit and the war".)
    if (/^(?:the|a|an)$/.test(c.low(m + 1)) && objectNP && !/^(?:others?|another)$/.test(c.low(m + 2)) && !resumes(c, m + 2, hi)) {
      let list = false
      for (let k = m + 2; k < hi && k < m + 12 && !END_PUNCT.has(c.tok(k)); k++) if (/^(?:and|or)$/.test(c.low(k)) && c.tok(k - 1) !== ',' || (c.tok(k) === ',' && /^(?:and|or)$/.test(c.low(k + 1)))) list = true
      if (!list) return m
    }
    // "…, and he railed against …": a new clause with a pronoun subject is the writer's, not the content.
    // (An irregular past too: "…, but he gave the Texan a back-handed compliment".)
    if ((c.low(m + 1) === 'and' || c.low(m + 1) === 'but') && /^(?:he|she|they|we)$/.test(c.low(m + 2)) && (/^[a-z]+(?:ed|s)$/.test(c.low(m + 3)) || PAST_IRREGULAR.test(c.low(m + 3))) && !cutInsideQuote(c, m)) return m
    // ('… did not give "absolute definitive visual evidence," but he said that …': the same after a comma inside the
    // closing mark, with a verb of speech.)
    if ((c.low(m + 2) === 'and' || c.low(m + 2) === 'but') && /^(?:he|she|they|we)$/.test(c.low(m + 3)) && MARKS.has(c.tok(m + 1)) && cutInsideQuote(c, m) && !cutInsideQuote(c, m + 2) && (cueAt(c, m + 4)?.verb.class === 'speech' || /^[a-z]+ed$/.test(c.tok(m + 4)) || PAST_IRREGULAR.test(c.tok(m + 4)))) return m + 2
    // ("… fill half her cabinet with women, and Ms. Brainard is among the few …": so is one with a name for subject.)
    // (Not after a list of names, "Britney Spears, Charlie Sheen, and Lindsay Lohan had been treated", nor in a headline.)
    if ((c.low(m + 1) === 'and' || c.low(m + 1) === 'but') && isCap(c.tok(m + 2)) && !isCap(c.tok(m - 1)) && !c.titleSent[c.sentOf[m]!] && !cutInsideQuote(c, m)) {
      let k = m + 2
      while (k < hi && k < m + 6 && isCap(c.tok(k))) k++
      if (k < hi && (AUX.has(c.low(k)) || COPULA.has(c.low(k)) || /^\p{Ll}+ed$/u.test(c.tok(k)))) return m
    }
    // ("Clinton had said she would visit at some later time, and to date has only issued a tweet": a second
    // predicate of the speaker's, after a few words of time, in another tense than the content's "would".)
    if (c.low(m + 1) === 'and' && !cutInsideQuote(c, m)) {
      let k = m + 2
      while (k < m + 5 && /^(?:to|date|since|then|so|far|now|later|also|already|only|yet|still)$/.test(c.low(k))) k++
      if (k > m + 2 && /^(?:has|have|had)$/.test(c.low(k)) && c.tokens.slice(from, m).some((t) => /^(?:would|will|could|might)$/i.test(t.text))) return m
    }
    // "He said he had not seen it, and when asked whether …, he said, ''I hope not.''": a clause of its own.
    if ((c.low(m + 1) === 'and' || c.low(m + 1) === 'but') && (SUBORDINATORS.test(c.low(m + 2)) || c.low(m + 2) === 'asked') && !cutInsideQuote(c, m)) {
      for (let k = m + 3; k + 1 < hi; k++) {
        if (c.tok(k) === ',' && SUBJECT_PRONOUN.test(c.low(k + 1)) && cueAt(c, k + 2)?.verb.class === 'speech') return m
      }
    }
    // `… "New York values," stating …`: a comma inside the closing mark, then a participle cue.
    if (MARKS.has(c.tok(m + 1)) && cueAt(c, m + 2) && /ing$/.test(c.low(m + 2))) return m + 2
    // `… "a dark day," while X urged calm`: the same with the writer's aside.
    if (MARKS.has(c.tok(m + 1)) && /^(?:though|although|whereas|while)$/.test(c.low(m + 2))) return m + 2
    // "Harvey, who backed three candidates first, said …": a speech verb right after a comma ends the clause.
    const next = cueAt(c, m + 1)
    if (next && next.verb.class === 'speech' && !/ing$/.test(c.low(m + 1)) && !cutInsideQuote(c, m)) return m
    if (c.low(m + 1) === 'with') return m
    // "…, though satellite images did not …": the writer's aside, not the content.
    // (Not a short aside with no verb inside the content: "the email scandal, while troublesome, was dealt with".)
    // (But ", but that the …", ", but not …" and "not only …, but …" go on with what was said, as PolNeAR's
    // contents hold them 19 times in 23, 9 in 11 and 24 in 24; not "that" as a pronoun or a determiner, ", but that
    // could change", ", but that report concerned …".)
    const butGoesOn = () => c.low(m + 1) === 'but' && ((c.low(m + 2) === 'that' && (DETERMINERS.has(c.low(m + 3)) || SUBJECT_PRONOUN.test(c.low(m + 3)) || isCap(c.tok(m + 3)) || MARKS.has(c.tok(m + 3)))) || c.low(m + 2) === 'not' || c.tokens.slice(from, m).some((t, n) => t.text.toLowerCase() === 'not' && /^(?:just|only|merely|simply)$/.test(c.low(from + n + 1))))
    if (/^(?:though|although|whereas|while|but)$/.test(c.low(m + 1)) && !cutInsideQuote(c, m) && !verblessAside(c, m + 2, hi) && !butGoesOn()) return m
    const part = cueAt(c, m + 1)
    if (part && /ing$/.test(c.low(m + 1))) return m
    // ("Cruz denied that waterboarding constitutes torture, however, appearing to rely on …": the writer's aside.)
    if (/^(?:however|though|instead|also)$/.test(c.low(m + 1)) && c.tok(m + 2) === ',' && /^\p{Ll}+ing$/u.test(c.tok(m + 3)) && !cutInsideQuote(c, m)) return m
    if (c.low(m + 1) === 'and' && (cueAt(c, m + 2) || cueAt(c, cueStart(c, m + 4, m + 2)))) return m
    for (let k = m + 1; k < Math.min(hi, m + 8); k++) {
      if (!isWord(c.tok(k))) break
      if (k > m + 1 && cueAt(c, k) && !/ing$/.test(c.low(k)) && c.low(k + 1) !== ',' && c.low(k + 1) !== '.') return m
      if (NP_STOP.has(c.low(k)) && !AUX.has(c.low(k))) break
    }
  }
  return hi
}

/** A finite verb in tokens [a, b) that no relative pronoun before it in the span governs ("candidates [have] more room", not "Smith, who [has] …", nor the name "Felt"). */
function ownFiniteVerb(c: Ctx, a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    if (RELATIVES.has(c.low(k))) return false
    if (finiteAt(c, k)) return true
  }
  return false
}

/** A finite verb at token `k`, in lower case (the tagger may read a name, "Felt", "Will", as one). */
function finiteAt(c: Ctx, k: number): boolean {
  return /^(?:VBD|VBZ|VBP|MD)$/.test(c.pos().pos[k]!) && /^\p{Ll}/u.test(c.tok(k))
}

/**
 * Does a clause open at `k` with its subject and verb (before `hi`): a subject pronoun ("it had tested"), or a
 * short noun phrase after a possessive or a determiner ("her client was remorseful")?
 */
function subjectAndVerb(c: Ctx, k: number, hi: number): boolean {
  const verb = (x: number) => x < hi && (AUX.has(c.low(x)) || COPULA.has(c.low(x)) || /^\p{Ll}+ed$/u.test(c.tok(x)))
  if (SUBJECT_PRONOUN.test(c.low(k))) return verb(k + 1)
  if (!POSSESSIVES.test(c.low(k)) && !/^(?:the|a|an)$/.test(c.low(k))) return false
  for (let x = k + 1; x < Math.min(hi, k + 4); x++) {
    if (!/^\p{Ll}+$/u.test(c.tok(x)) || cueAt(c, x)) return false
    // (After a noun, "'s" is a possessive: "the bill's passage".)
    if (verb(x + 1) && !/^['’]s$/.test(c.tok(x + 1))) return true
  }
  return false
}

/** Does the clause go on after a comma with a verb of its own between `k` and `hi` ("…," is about 30 years old)? */
function resumes(c: Ctx, k: number, hi: number): boolean {
  for (; k < hi; k++) {
    if (c.tok(k) !== ',') continue
    let n = k + 1
    while (n < hi && MARKS.has(c.tok(n))) n++
    if (AUX.has(c.low(n)) || COPULA.has(c.low(n))) return true
  }
  return false
}

/** Verbs in the past that do not end in "-ed" (a deed after "and" in a list of them). */
const PAST_IRREGULAR = /^(?:led|made|took|gave|went|sent|met|held|told|said|wrote|spoke|brought|bought|began|left|ran|won|lost|got|kept|put|set|sat|stood|came|drew|threw|broke|chose|fought|sought|struck|spent|paid|read|heard|saw|knew|thought|felt|found|became|rose|fell|hit|cut|let|shut|quit|bit|hid|tore|wore|swore|woke|shook|drove|rode|flew|grew|blew)$/

/** One to three words with no verb or pronoun from `k`, closed by a comma: "while troublesome,", "though late,". */
function verblessAside(c: Ctx, k: number, hi: number): boolean {
  let e = k
  while (e < hi && e - k < 4 && /^\p{Ll}[\p{Ll}-]*$/u.test(c.tok(e)) && !AUX.has(c.low(e)) && !COPULA.has(c.low(e)) && !speakerPronouns.has(c.low(e)) && !DETERMINERS.has(c.low(e)) && !cueAt(c, e)) e++
  // (No noun after "while": "…, while liberal groups, including …" is a clause.)
  return e > k && e - k <= 3 && c.tok(e) === ',' && /^(?:though|although|while)$/.test(c.low(k - 1)) && !/[^us]s$/.test(c.low(e - 1))
}

/** The subject at the start of a clause: "[Mr. Schultz] generally supported Democrats … and said". */
const OPENERS = /^(?:on|in|at|after|before|during|since|when|while|as|even|hours|days|weeks|earlier|later|last|this|speaking|asked|following|despite|with|without|for|by|from|over|under|amid|if|although|though|because|once|unlike|like|according|within|besides|beyond|throughout|among|upon|toward|towards|until|instead|ultimately|eventually|meanwhile|however|finally|still|yet)$/

function sentenceSubject(c: Ctx, lo: number, hi: number): [number, number] | null {
  let k = lo
  // ('"There's no question …," the candidate told CBS, saying …': a quotation that opens the sentence is no
  // part of its subject.)
  if (/^["“]$/.test(c.tok(k))) {
    let m = k + 1
    while (m < hi && !/^["”]$/.test(c.tok(m))) m++
    if (m < hi && m > k + 1) k = c.tok(m + 1) === ',' ? m + 2 : m + 1
  }
  while (k < hi && MARKS.has(c.tok(k))) k++
  k = datelineEnd(c, k, hi)
  // "On Sunday, Trump …", "Asked about it, she …": an opening phrase up to its comma is not the subject.
  // ("Eight years ago, he …", "Two days later, …")
  // ("Last month, when I asked him, he looked …": one opening phrase after another.)
  for (let n = 0; n < 3; n++) {
    const timeAgo = numberish(c.tok(k)) && DAYS.test(c.low(k + 1).replace(/s$/, '')) && /^(?:ago|later|earlier|before)$/.test(c.low(k + 2)) && c.tok(k + 3) === ','
    // ("Likewise, Trump …": an adverb and its comma.)
    const adverb = c.tok(k + 1) === ',' && (/^\p{Lu}\p{Ll}+ly$/u.test(c.tok(k)) || /^RB/.test(c.pos().pos[k]!))
    if (n > 0 ? !SUBORDINATORS.test(c.low(k)) : !(OPENERS.test(c.low(k)) || timeAgo || /(?:ing|ed)$/.test(c.low(k)) || adverb)) break
    let m = k
    while (m < hi && c.tok(m) !== ',') m++
    if (m >= hi) break
    // (A second one only when a subject pronoun follows it.)
    if (n > 0 && !SUBJECT_PRONOUN.test(c.low(m + 1))) break
    k = m + 1
    // ("At a rally in Ames, Iowa, on Sunday, Mrs. Clinton …": the opening phrase goes on over the state of
    // its place and over a time phrase, each between commas; the subject comes after them.)
    for (let more = 0; more < 2 && n === 0; more++) {
      let e = k
      const time = /^(?:on|in|at|last|this|earlier|later)$/.test(c.low(k)) && (WEEKDAY.test(c.low(k + 1)) || MONTH.test(c.low(k + 1)) || DAYS.test(c.low(k + 1)))
      // (A place's state only right after a capitalised word and its comma, and not a person: "In Iowa, Smith,
      // a farmer, said" keeps Smith, whose appositive opens with a determiner.)
      const state = isCap(c.tok(k)) && isCap(c.tok(k - 2)) && c.tok(k - 1) === ',' && !c.personTok[k] && !speakerPronouns.has(c.low(k)) && !DETERMINERS.has(c.low(k))
      if (time) e = k + 2
      else if (state) while (e < hi && e - k < 2 && isCap(c.tok(e))) e++
      else break
      if (c.tok(e) !== ',' || !(isCap(c.tok(e + 1)) || speakerPronouns.has(c.low(e + 1)) || (state && /^(?:on|in|at|last|this|earlier|later)$/.test(c.low(e + 1))))) break
      k = e + 1
    }
  }
  while (k < hi && LEAD_TRIM.has(c.low(k))) k++
  if (speakerPronouns.has(c.low(k))) return [k, k + 1]
  let e = k
  if (DETERMINERS.has(c.low(e))) e++
  while (e < hi && (isCap(c.tok(e)) || NP_INNER.has(c.low(e)) && isCap(c.tok(e + 1)))) e++
  if (e === k || (e === k + 1 && DETERMINERS.has(c.low(k)))) {
    // ("some Democratic strategists fear that … and warn": the subject stops at another cue.)
    // ("The senator spoke for an hour, saying …": nor past a finite verb.)
    // ("The retired neurosurgeon has …": a participle between the determiner and its noun is an adjective.)
    // (Of a noun of people: not "The much-anticipated meeting unfolded".)
    const adjective = (m: number) => m === k + 1 && DETERMINERS.has(c.low(k)) && /^\p{Ll}+$/u.test(c.tok(m + 1) ?? '') && /^NNS?$/.test(c.pos().pos[m + 1] ?? '') && !cueAt(c, m + 1) && (speakerLike(c.low(m + 1)) || roleHeads.has(c.low(m + 1)) || /(?:eon|ate|ive)$/.test(c.low(m + 1)))
    while (e < hi && e - k < 4 && isWord(c.tok(e)) && !NP_STOP.has(c.low(e)) && (!/ed$/.test(c.low(e)) || adjective(e)) && !(e > k && cueAt(c, e)) && !(e > k && /^\p{Ll}/u.test(c.tok(e)) && /^VB[DZP]$/.test(c.pos().pos[e]!))) {
      // ("The executive council for the 1.6 million member AFT, which …, voted": a preposition takes its noun phrase.)
      if (e > k + 1 && NP_PREPOSITIONS.test(c.low(e))) {
        const np = rightNP(c, e + 1, hi)
        e = np ? np[1] : e
        // ("The council for the union voted to …": not its verb.)
        if (np) for (let m = np[0] + 1; m < np[1]; m++) if (/^\p{Ll}/u.test(c.tok(m)) && /^VB[DZP]$/.test(c.pos().pos[m]!)) {
          e = m
          break
        }
        break
      }
      e++
    }
  } else if (e > k) {
    // "Presumptive Democratic nominee Hillary Clinton": a role between capitalised words runs on to the name.
    let m = e
    while (m < hi && m < e + 3 && roleModifiers.has(c.low(m))) m++
    if (m < hi && roleHeads.has(c.low(m)) && /^\p{Ll}/u.test(c.tok(m)) && isCap(c.tok(m + 1)) && !speakerPronouns.has(c.low(m + 1))) {
      e = m + 1
      while (e < hi && (isCap(c.tok(e)) || NP_INNER.has(c.low(e)) && isCap(c.tok(e + 1)))) e++
    }
    // "The UN refugee agency also weighed in": a name that modifies a common noun runs on to it.
    // ("Mr. Trump made a third attempt": not past a finite verb.)
    for (let m = e; m < hi && m < e + 3 && /^\p{Ll}+$/u.test(c.tok(m)) && !NP_STOP.has(c.low(m)) && !/^VB/.test(c.pos().pos[m]!); m++) {
      if (organizationNounsSet.has(c.low(m)) || anonymousNouns.has(c.low(m)) || roleHeads.has(c.low(m))) e = m + 1
    }
    // "France’s far-right National Front party leader, Marine Le Pen, voiced …": a possessive name runs on to
    // the role it owns, and to the name after it.
    if (/^['’]s$/.test(c.tok(e))) {
      let m = e + 1
      // ("Obama's aides were …": a noun of unnamed people too.)
      const owned = (w: string) => roleHeads.has(w) || (anonymousNouns.has(w) && /s$/.test(w))
      while (m < hi && m < e + 7 && !owned(c.low(m)) && !NP_STOP.has(c.low(m)) && (isCap(c.tok(m)) || /^\p{Ll}[\p{Ll}-]*$/u.test(c.tok(m)))) m++
      if (m < hi && owned(c.low(m))) {
        e = m + 1
        let f = e + 1
        while (f < hi && f < e + 5 && isCap(c.tok(f))) f++
        if (c.tok(e) === ',' && f > e + 1 && c.tok(f) === ',') e = f
      }
    }
  }
  // ("Two objectors, Lawrence Joyce and William Graham, filed …": a number word and its noun.)
  if (e === k + 1 && numberish(c.tok(k)) && /^\p{Ll}+s$/u.test(c.tok(e)) && speakerLike(c.low(e))) e++
  // ("[Many of the speakers] have had …": a quantifier and the group it is part of.)
  if (e === k + 1 && /^(?:many|most|some|several|all|few|none|both|each|one|two|three|four)$/.test(c.low(k)) && c.low(e) === 'of') {
    const np = rightNP(c, e + 1, hi)
    if (np && /^(?:the|these|those|his|her|their|its|our|them|us)$/.test(c.low(e + 1))) e = np[1]
  }
  // ("[Netanyahu and other right-wing Israeli leaders] shunned …, claiming": a name and another noun phrase joined
  // by "and" are one subject.)
  else if (e > k && isCap(c.tok(e - 1)) && c.low(e) === 'and' && /^(?:other|another|several|many|some|his|her|their|its|the|former)$/.test(c.low(e + 1))) {
    const np = rightNP(c, e + 1, hi)
    // (up to its verb: rightNP may run on over it, "leaders shunned the former president")
    let b = np ? np[0] + 1 : 0
    while (np && b < np[1] && !(/^\p{Ll}/u.test(c.tok(b)) && /^(?:VBD|VBZ|VBP|MD)$/.test(c.pos().pos[b]!))) b++
    if (np && b - np[0] >= 2 && !c.tokens.slice(np[0], b).some((t) => t.text === ',')) e = b
  }
  const np: [number, number] | null = e > k ? [k, e] : null
  if (!np) return null
  const t = c.low(np[0])
  if (!isCap(c.tok(np[0])) && !speakerLike(t) && !DETERMINERS.has(t)) return null
  // ("There are …", "After the debate …", "Known for …": a single word that cannot be a subject on its own.)
  const tag = c.pos().pos[np[0]]!
  if (np[1] - np[0] === 1 && !speakerLike(t) && !c.personTok[np[0]] && (/^(?:EX|IN|TO|WP|WRB|RB|RBR|RBS|VB|VBG|VBN|VBP|UH)$/.test(tag) || /^(?:the|a|an|no)$/.test(t))) return null
  return np
}

/** Does an attribution ("he said", "said Hill") start at token `t`? */
function afterPatternProbe(c: Ctx, t: number): boolean {
  if (cueAt(c, t)) return true
  for (let m = t; m < t + 6 && m < c.tokens.length; m++) {
    if (!isWord(c.tok(m))) return false
    if (cueAt(c, m)) return true
  }
  return false
}

/** Is token `m` inside quotation marks (counting straight and typographic double marks before it in its paragraph)? */
function cutInsideQuote(c: Ctx, m: number): boolean {
  if (m >= c.tokens.length) return false
  const [plo] = c.paraRange(m)
  let open = false
  for (let k = plo; k < m; k++) {
    const t = c.tok(k)
    if (t === '“') open = true
    else if (t === '”') open = false
    else if (t === '"') open = !open
  }
  return open
}
