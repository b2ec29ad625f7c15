import { getGender } from 'gender-detection-from-name'
import type { Entity, Mention, Quote, Source, SourceKind, Span, Speaker } from '../core/types.js'
import {
  anonymousNouns,
  documentNouns,
  numberWords,
  organizationNouns,
  outletNames,
  outletNouns,
  speakerPronouns,
} from './data/speaker-words.js'
import { titleAbbreviations } from './data/abbreviations.js'
import { governmentBodies, internationalOrgs } from './data/organizations.js'
import { kinGender, titleGender as TITLES, type Gender } from './data/gender-words.js'
import { roleHeads, roleModifiers } from './data/role-words.js'

/** The part of an attribution that speaker resolution and source finding read. */
export interface SpeakerSite {
  speaker?: Span
  /** What the speaker said: names inside it are not what a pronoun speaker stands for. */
  fragments?: readonly Span[]
  /** The speaker mention is inside a quotation (so "I" is someone quoted, not the writer). */
  quotedSpeaker?: boolean
  /** The article's quotations: a name inside one is not what a pronoun outside it stands for. */
  quoted?: readonly Span[]
  /** Is the name that starts at this offset a verb's object ("would advise Trump")? */
  verbObject?: (start: number) => boolean
  antecedent?: Span
  hearer?: Span
  sourceOnly?: boolean
  cueClass?: string
}

interface Doc {
  text: string
  entities: readonly Entity[]
}

const outletSet = new Set(outletNames)
const OUTLET_RE = new RegExp(
  `\\b(?:${[...outletNames]
    .filter((n) => n.length > 2 && !['time', 'the post', 'the times', 'the journal', 'the hill', 'the sun', 'salon', 'slate', 'fox', 'abc'].includes(n))
    .sort((a, b) => b.length - a.length)
    .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')})\\b`,
  'gi',
)

const stripDet = (s: string) => s.replace(/^(?:the|a|an)\s+/i, '')
const lastWord = (s: string) => (s.toLowerCase().match(/[\p{L}\p{N}'’-]+/gu) ?? []).pop() ?? ''

/** Is a mention text the name of a news outlet ("NBC", "the Washington Post", "NBC News")? */
export function isOutletName(text: string): boolean {
  const parts = text.split(/\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+/).filter(Boolean)
  if (parts.length > 1) return parts.every(isOutletName)
  const t = text.toLowerCase().replace(/[’']s$/, '').trim()
  return outletSet.has(t) || outletSet.has(stripDet(t))
}

/** The last word of a newspaper's or broadcaster's name ("Anchorage Daily News", "The Press-Enterprise"). */
const OUTLET_NAME_END = /(?:^|[\s-])(?:News|Times|Post|Journal|Herald|Tribune|Gazette|Daily|Press|Enterprise|Chronicle|Observer|Guardian|Telegraph|Express|Globe|Examiner|Inquirer|Courier|Dispatch|Register|Bulletin|Star-Ledger|Independent|Mirror|Magazine|Radio|Television)$/

function isOutletEntity(e: Entity): boolean {
  return e.subtype === 'OUTLET' || isOutletName(e.name) || e.aliases.some(isOutletName) || (e.type === 'ORG' && OUTLET_NAME_END.test(e.name))
}

/** The entity with a mention overlapping the span: the mention at the phrase's head first, then the longest overlap. */
function entityAt(doc: Doc, span: Span): Entity | undefined {
  let best: Entity | undefined
  let bestScore = 0
  const paren = /\s*\([^()]*\)?[\s,.]*$/.exec(doc.text.slice(span.start, span.end))
  const headEnd = paren && paren.index > 0 ? span.start + paren.index : span.end
  for (const e of doc.entities)
    for (const m of e.mentions) {
      const ov = Math.min(m.end, span.end) - Math.max(m.start, span.start)
      if (ov <= 0) continue
      // The mention at the head of the phrase first: "Palmer Public Safety Director [Jon Owen]" (a
      // parenthesis after the head is none: "Rep. Sean Duffy (R-Wisc.)").
      const head = m.end <= headEnd && !/\p{Lu}\p{Ll}/u.test(doc.text.slice(m.end, headEnd))
      const score = ov + (head ? 1000 : 0)
      if (score > bestScore) {
        best = e
        bestScore = score
      }
    }
  return best
}

/** The US party a phrase names ("the GOP front-runner" → R), if any. */
function partyOf(text: string): 'D' | 'R' | undefined {
  if (/\b(?:GOP|Republican)\b/.test(text)) return 'R'
  if (/\bDemocrat(?:ic)?\b/.test(text)) return 'D'
  return undefined
}

/**
 * The entity of the most recent mention before `pos` that passes `test`, leaving out mentions inside
 * `skip` ("“I met Obama,” he said": "he" is not Obama).
 */
function recentEntity(doc: Doc, pos: number, test: (e: Entity) => boolean, skip: readonly Span[] = []): Entity | undefined {
  let best: Entity | undefined
  let bestEnd = -1
  for (const e of doc.entities) {
    if (!test(e)) continue
    for (const m of e.mentions)
      if (m.end <= pos && m.end > bestEnd && !skip.some((f) => m.start >= f.start && m.end <= f.end)) {
        best = e
        bestEnd = m.end
      }
  }
  return best
}

/**
 * Titles written short before a name ("Sen. Marco Rubio"): between a preposition and a name, a capitalised
 * word is a title only without a full stop ("President"), or one of the tokenizer's title abbreviations
 * ("on Friday. Trump" is no object).
 */
const TITLE_ABBR = titleAbbreviations.join('|')
// ("of" after a title word is part of the title: "Secretary of State John Kerry".)
const PREPOSITIONS = 'to for at with (?<!(?:[Ss]ecretary|[Mm]inister|[Gg]overnor|[Dd]irector|[Pp]resident|[Cc]hair|[Cc]hairman|[Cc]hairwoman|[Cc]hief|[Hh]ead|[Mm]ayor|[Pp]remier|[Gg]eneral|[Ss]peaker|[Ll]eader|[Cc]ommissioner|[Mm]ember)\\s)of by against than about from on in over toward towards under behind between into without among via versus'.split(' ')
const PREPOSITION_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${PREPOSITIONS.map((p) => (p.startsWith('(') ? p : `[${p[0]}${p[0]!.toUpperCase()}]${p.slice(1)}`)).join('|')})\\s+(?:(?:the|a|an|both|either|neither)\\s+)?(?:(?:${TITLE_ABBR})\\.\\s+|\\p{Lu}[\\p{L}'’-]*\\s+){0,2}$`, 'u')
const SENTENCE_OPENER = /^["“'‘]?(?:asked|after|before|when|while|as|if|although|though|because|since|once|in|on|at|during|following|despite|unlike|like|with|without|for|from|under|over|among|amid|by|upon|to|\p{L}+ing)\b/iu
const APPOSITIVE_OF_OBJECT = new RegExp(`[\\p{L}\\p{N}]\\s+(?:${PREPOSITIONS.filter((p) => !p.startsWith('(')).join('|')})\\s+(?:the|a|an|his|her|its|their)\\s+[^,.;:!?"“”()]{1,60},\\s*$`, 'u')
const MODIFIED_NOUN = /^\s+(?:lawyer|lawyers|attorney|attorneys|counsel|campaign|campaigns|administration|supporters|aides|camp|team|voters|fans|rally|rallies|presidency|era|foundation|family|allies|loyalists|surrogates|backers|critics|staff|staffers|spokesman|spokeswoman|adviser|advisers|organization|officials|government|years)\b/
/**
 * Can the mention be who a following "he" or "she" is? As a rule not when it is the object of a
 * preposition ("an adviser to Mr. Sanders", "started work at Carrier", "opposed to Trump", "a fellow with
 * the Peter G. Peterson Institute"; not inside a title, "Secretary of State John Kerry"), a possessive
 * ("rubbished Trump's claim") or a modifier ("the Trump campaign").
 */
function subjectLike(text: string, m: Span): boolean {
  const before = text.slice(Math.max(0, m.start - 40), m.start)
  if (PREPOSITION_BEFORE.test(before)) return false
  // (Nor its appositive: "attacks from the leading Republican candidate, Donald J. Trump".)
  // (Not a subject after an opening phrase: "In an interview with the Post, Ban said …".)
  // ("Asked if there had been fraud in the primaries, Michael Briggs, …": nor in a sentence that opens with a
  // clause or a phrase, whose subject may follow it.)
  if (APPOSITIVE_OF_OBJECT.test(text.slice(Math.max(0, m.start - 80), m.start)) && /^\s*[,.;)]/.test(text.slice(m.end, m.end + 3))) {
    const sentence = /(?:^|[.!?\n]\s+)([^.!?\n]*)$/.exec(text.slice(Math.max(0, m.start - 300), m.start))?.[1] ?? ''
    if (!SENTENCE_OPENER.test(sentence)) return false
  }
  // ("who contacted the Trump campaign when he …": a name before a noun of the people or body around someone.)
  if (MODIFIED_NOUN.test(text.slice(m.end, m.end + 16))) return false
  // A possessive is part of another noun phrase ("rubbished Trump's claim", "Corey Lewandowski, Trump's
  // campaign manager,"), except the one that opens a sentence ("Podliska's lawsuit demands his reinstatement").
  return !/^['’]s?(?![\p{L}])/u.test(text.slice(m.end, m.end + 3)) || /(?:^|[.!?"”'’—–-]\s*|\n)$/u.test(before)
}

/**
 * Whom "he" or "she" at `pos` stands for: of the people `agrees` accepts, mentioned before `pos` and not
 * inside what is said (`skip`, and any other quotation that does not hold the pronoun), the most recent
 * one that is no preposition's or verb's object, possessive or modifier ("the Trump campaign"), when it
 * is mentioned within 400 characters of the most recent one of all; else the most recent one.
 * (With the entity fixes of the same session, on PolNeAR's held-out part this changed the person of 109 of
 * the 557 "he"/"she" speakers; read by hand, 88 were wrong before and right after, 4 the other way, 4 the
 * same person by a fuller name, 13 wrong both ways.)
 */
function pronounAntecedent(doc: Doc, pos: number, agrees: (e: Entity) => boolean, skip: readonly Span[], quoted: readonly Span[], verbObject?: (start: number) => boolean, said: readonly Span[] = []): Entity | undefined {
  const inner = quoted.filter((q) => !(q.start <= pos && pos < q.end))
  // (Inside a quotation the speaker's own words are no narrative: the most recent person, as for "I".)
  const narrative = inner.length === quoted.length
  let recent: { e: Entity; m: Span } | undefined
  let subject: { e: Entity; m: Span } | undefined
  for (const e of doc.entities) {
    if (!agrees(e)) continue
    for (const m of e.mentions) {
      if (m.end > pos || skip.some((f) => m.start >= f.start && m.end <= f.end) || inner.some((q) => m.start >= q.start && m.end <= q.end)) continue
      if (!recent || m.end > recent.m.end) recent = { e, m }
      // (Nor the subject of what someone was said to say: "LaRue said that President Nixon had not been told. He …")
      if (narrative && (!subject || m.end > subject.m.end) && subjectLike(doc.text, m) && !verbObject?.(m.start) && !said.some((f) => m.start >= f.start && m.end <= f.end)) subject = { e, m }
    }
  }
  if (subject && recent && recent.m.start - subject.m.end <= 400) return subject.e
  return recent?.e
}

/** Role nouns and the abbreviated titles written before a name for them ("Sen. Marco Rubio" is "the senator"). */
/** Role words that name the same role. */
const ROLE_SYNONYMS = new Map<string, string[]>([
  ['rep', ['representative', 'publicist', 'spokesman', 'spokeswoman', 'spokesperson']],
  ['representative', ['rep', 'publicist']],
  ['publicist', ['rep', 'representative']],
  ['lawyer', ['attorney', 'counsel']],
  ['attorney', ['lawyer', 'counsel']],
  ['spokesman', ['spokesperson']],
  ['spokeswoman', ['spokesperson']],
  ['spokesperson', ['spokesman', 'spokeswoman']],
])

const TITLE_OF_ROLE = new Map<string, RegExp>([
  ['senator', /\bSen\.\s+$/],
  ['governor', /\bGov\.\s+$/],
  ['representative', /\bRep\.\s+$/],
  ['congressman', /\bRep\.\s+$/],
  ['congresswoman', /\bRep\.\s+$/],
  ['lawmaker', /\b(?:Sen|Rep)\.\s+$/],
  ['general', /\bGen\.\s+$/],
  ['lieutenant', /\bLt\.\s+$/],
  ['colonel', /\bCol\.\s+$/],
  ['sergeant', /\bSgt\.\s+$/],
  ['captain', /\bCapt\.\s+$/],
  ['professor', /\bProf\.\s+$/],
  ['doctor', /\bDr\.\s+$/],
  ['reverend', /\bRev\.\s+$/],
  ['pastor', /\bRev\.\s+$/],
  ['priest', /\b(?:Rev|Fr)\.\s+$/],
  ['inspector', /\bInsp\.\s+$/],
  ['superintendent', /\bSupt\.\s+$/],
  ['constable', /\b(?:Const|Cst)\.\s+$/],
  ['detective', /\bDet\.\s+$/],
  ['corporal', /\bCpl\.\s+$/],
  ['councillor', /\bCoun\.\s+$/],
  ['councilor', /\bCoun\.\s+$/],
])

const ROLE_GENDER = new Map<string, Gender>([
  ...'spokesman chairman congressman councilman assemblyman alderman businessman statesman anchorman frontman sportsman king prince duke emperor'.split(' ').map((w) => [w, 'male'] as [string, Gender]),
  ...'spokeswoman chairwoman congresswoman councilwoman assemblywoman businesswoman stateswoman anchorwoman sportswoman queen princess duchess empress actress'.split(' ').map((w) => [w, 'female'] as [string, Gender]),
  ...kinGender,
])
/** The gender a person noun says ("the spokeswoman", "the mother of three", "a man"). */
const nounGender = (noun: string): Gender | undefined => ROLE_GENDER.get(noun) ?? (/^(?:woman|girl|lady)$/.test(noun) ? 'female' : /^(?:man|boy)$/.test(noun) ? 'male' : undefined)
const genders = new WeakMap<Entity, Gender | null>()
/** People whose gender is only their given name's in the lists ("Jan", "Kelly", "Joan" are either). */
const byGivenName = new WeakSet<Entity>()
/** Nouns for a person that a definite description ("the mother of three") refers back with. */
const PERSON_NOUNS = new Set(
  'woman man girl boy mother father wife husband daughter son sister brother grandmother grandfather resident owner veteran victim survivor student teacher nurse worker driver neighbour neighbor retiree widow widower mom dad parent patient tenant farmer'.split(' '),
)

/**
 * The gender a person is referred to by, or undefined: a title before a mention ("Mr. Trump", "Ms.
 * Zakharova"), a gendered role ("spokeswoman", "chairman", "queen"), else the first name of the
 * longest name (English names first, then French, German, Italian, Spanish and Turkish).
 */
export function genderOf(doc: Doc, e: Entity): Gender | undefined {
  const known = genders.get(e)
  if (known !== undefined) return known ?? undefined
  let g: Gender | undefined
  // ("Mr. Trump": the title before the mention, or at its start; the titles of all mentions vote, the first
  // breaks a tie. "Miss." with a full stop is Mississippi: "Biloxi, Miss. Fred LaRue …".)
  const votes = { male: 0, female: 0 }
  const titleGender = (w: RegExpExecArray | null) => (w && !(w[1]!.toLowerCase() === 'miss' && w[2]) ? TITLES.get(w[1]!.toLowerCase()) : undefined)
  for (const m of e.mentions) {
    // ("Mr. and Mrs. Khan" are both.)
    if (/\b(?:Mr|Mrs|Ms|Dr)\.?\s+(?:and|&)\s+\p{L}+\.?\s+$/u.test(doc.text.slice(Math.max(0, m.start - 16), m.start))) continue
    const t = /\b(\p{L}+)(\.?)\s+$/u.exec(doc.text.slice(Math.max(0, m.start - 8), m.start))
    const own = /^(\p{L}+)(\.?)\s/u.exec(doc.text.slice(m.start, m.end))
    const mg = titleGender(t) ?? titleGender(own)
    if (!mg) continue
    g ??= mg
    votes[mg]++
  }
  if (votes.male !== votes.female && g) g = votes.male > votes.female ? 'male' : 'female'
  // ("His daughter Joan Felt", "spokeswoman Maria Zakharova": a gendered noun right before a mention.)
  for (const m of e.mentions) {
    if (g) break
    const w = /(\p{L}+)\s*,?\s+$/u.exec(doc.text.slice(Math.max(0, m.start - 24), m.start))
    g = w ? ROLE_GENDER.get(w[1]!.toLowerCase()) : undefined
  }
  for (const r of e.roles) {
    if (g) break
    for (const w of r.toLowerCase().split(/[^\p{L}]+/u)) {
      g = ROLE_GENDER.get(w.replace(/men$/, 'man'))
      if (g) break
    }
  }
  if (!g) {
    const longest = [e.name, ...e.aliases].reduce((a, b) => (b.split(/\s+/).length > a.split(/\s+/).length ? b : a))
    // The first of several words (a lone surname tells nothing: the name lists hold "Smith" and "Taylor").
    const words = longest.split(/\s+/)
    const first = words.length > 1 ? words[0]!.replace(/\.$/, '') : ''
    if (first.length > 1) {
      const found = getGender(first, 'en')
      const any = found === 'unknown' ? getGender(first) : found
      if (any !== 'unknown') {
        g = any
        byGivenName.add(e)
      }
    }
  }
  if (!g) g = genderFromPronouns(doc, e)
  genders.set(e, g ?? null)
  return g
}

/**
 * A person's gender from the pronouns that follow their mentions ("Reid … her latest destination"):
 * counted in the 200 characters after each mention, up to the next mention of another person; a clear
 * majority (at least two, three times the other) decides.
 */
function genderFromPronouns(doc: Doc, e: Entity): Gender | undefined {
  const others = doc.entities.filter((x) => x !== e && x.type === 'PERSON').flatMap((x) => x.mentions.map((m) => m.start))
  let male = 0
  let female = 0
  for (const m of e.mentions) {
    let end = Math.min(doc.text.length, m.end + 200)
    for (const o of others) if (o >= m.end && o < end) end = o
    const window = doc.text.slice(m.end, end)
    male += (window.match(/\b(?:he|him|his|himself)\b/gi) ?? []).length
    female += (window.match(/\b(?:she|her|hers|herself)\b/gi) ?? []).length
  }
  if (male >= 2 && male >= 3 * female) return 'male'
  if (female >= 2 && female >= 3 * male) return 'female'
  return undefined
}

/** The most recent outlet name written in the text before `pos` (used when no entity tags exist). */
function recentOutletName(text: string, pos: number): Mention | undefined {
  let found: Mention | undefined
  OUTLET_RE.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = OUTLET_RE.exec(text)) !== null && m.index < pos) {
    if (/^\p{Lu}/u.test(m[0])) found = { start: m.index, end: m.index + m[0].length, text: m[0] }
  }
  return found
}

function kindOfEntity(e: Entity): Speaker['kind'] {
  if (isOutletEntity(e)) return 'outlet'
  if (e.type === 'PERSON') return 'person'
  if (e.type === 'ORG' || e.type === 'LOC') return 'organization'
  return 'unknown'
}

/** "who", "which": a speaker mention that stands for the noun phrase before it (its antecedent). */
export function isRelativePronoun(text: string): boolean {
  return /^(?:who|which)$/i.test(text.trim())
}

/** A phrase without its postmodifier: "Ashley Wallis" of "Ashley Wallis of Environmental Defence", "people" of "people familiar with …". */
function corePhrase(text: string): string {
  // (Also before examples, "critics like Huffman", "Democrats such as Smith", and before a contact clause,
  // "the experts I interviewed", "people we've spoken with", and before a participle after a plural noun,
  // "Protesters marching through the streets".)
  return text
    .replace(/(?<=\p{Ll}s|people)\s+(?:I|we)(?:['’](?:ve|d))?\s+\S.*$/su, '')
    .replace(/(?<=\p{Ll}s|people)\s+\p{Ll}+ing(?![\w'’-]).*$/su, '')
    .replace(/\s+(?:familiar|close|knowledgeable|involved|active|interviewed|surveyed|polled|briefed|released|issued|published|obtained|leaked|filed|conducted|commissioned|hired|appointed|acting|working|representing|retained|everywhere|nationwide|alike|here|there|abroad|overseas|worried|concerned|clamoring|clamouring|living|based|opposed|angry|upset|frustrated|disappointed|eager|hoping|seeking|waiting|supporting|backing|voting|affected|attending|gathered|speaking|talking|with|who|whose|whom|which|in|at|of|from|for|to|by|about|on|across|around|throughout|inside|outside|within|among|like|such\s+as|including)(?![\w'’-]).*$/is, '')
}

/** Words before a role noun that make it another role ("Prime Minister", "Vice President", "Deputy Chief"). */
const OTHER_ROLE = /^(?:prime|vice|deputy|lieutenant|assistant|associate|under|sub)$/

/** Quantifiers that make a plural noun phrase an unnamed group ("many economists", "some countries"). */
const QUANTIFIERS = /^(?:many|some|most|several|few|numerous|other|countless|dozens|hundreds|thousands|millions)$/i

const SHARE = /^(?:(?:only|about|nearly|almost|roughly|around|just|some|more|fewer|less|than|an\s+average\s+of)\s+)*(?:(?:\p{N}+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:in|of|out\s+of)\s+(?:\p{N}+|two|three|four|five|six|seven|eight|nine|ten)|[\p{N}.,\p{L}-]+\s+(?:percent|per\s+cent)|[\p{N}.,]+\s*%|(?:(?:a|the)\s+)?(?:(?:slim|narrow|large|clear|overwhelming|huge|big|solid|wide|vast|strong|high|higher|low|lower|small|growing|significant|sizable|sizeable|substantial)\s+)?(?:majority|plurality|minority|majorities|minorities|percentage|proportion))(?:\s+of(?:\s+(?:the|all))?)?(?:\s+(.+))?$/iu

/** The name of a people or a party's members ("Cuban-Americans", "Republicans", "Hispanics", "Latinos"), not of a person ("Sanders"). */
const GROUP_NAME = /(?:ans|ese|ists|crats|ites|ics|inos|inas)$/

const PART_OF = /^(?:(?:(?:one\s+or\s+)?more|one|two|three|four|five|some|many|most|all|any|none|few|several|each|either|neither|both|others|those|dozens|hundreds|thousands|millions|scores|lots|(?:a|the)\s+(?:(?:significant|large|small|growing|increasing|substantial|sizable|sizeable|good|fair|great|tiny)\s+)?(?:number|handful|lot|group|couple|few|bulk|rest|proportion|share|percentage|majority|minority|plurality|fraction|dozen|host)|(?:nearly\s+|about\s+|roughly\s+|almost\s+)?(?:half|two-thirds|three-quarters|a\s+third|a\s+quarter|one-third|one-quarter))\s+(?:of|in|among|on)\s+(.+))$/i

/** Is the phrase an anonymous source: a group or person with no name ("officials", "a senior aide", "many Democrats")? */
export function isAnonymous(phrase: string): boolean {
  // ("about a third of Democratic voters or less": the hedge is no part of the group.)
  // ("even many conservative patriots": a focusing adverb is no part of the group.)
  // ("Democrats' new warning" cut to "Democrats'", "young people's": a group's possessive speaks as the group;
  // PolNeAR dev train has 4 such group speakers.)
  const text = phrase.replace(/\s+or\s+(?:less|more|fewer|so)$/i, '').replace(/^(?:even|only|also|especially|particularly|mostly|largely)\s+(?=\S)/i, '').replace(/(?<=\p{Ll})['’]s?$/u, '')
  // "Only about 4 in 10 Republican voters", "56 percent of voters", "Forty-one percent": a share of a group
  // ("overwhelming majorities of both men and women": of people no name picks out; "Some 56 percent of
  // Cuban-Americans polled": a percentage of a people or a party's members names no one).
  // ("according to interviews with a dozen party leaders and officials": the people interviewed speak; PolNeAR dev
  // train marks them as the source twice.)
  const interviewed = /^(?:interviews|conversations|discussions)\s+with\s+(.+)$/is.exec(text)
  if (interviewed) return isAnonymous(interviewed[1]!)
  const share = SHARE.exec(text)
  if (share) return !share[1] || isAnonymous(share[1]) || (/\sof\s/i.test(text.slice(0, share.index + share[0].length - share[1].length)) && (!/\p{Lu}/u.test(share[1]) || (/percent|%|\d\s+(?:in|of|out\s+of)\s/i.test(share[0]) && GROUP_NAME.test(lastWord(corePhrase(share[1]))))))
  // "one of his senior aides", "a number of administration officials", "Many in the crowd": part of a group.
  const part = PART_OF.exec(text)
  if (part) {
    // "Many of you", "some of us": readers, listeners, people present.
    // ("many of whom": part of the group the relative pronoun stands for, named elsewhere if at all.)
    if (/^(?:you|us|them|whom)$/i.test(part[1]!.trim())) return true
    // "Some in the "Bernie or Bust" crowd", "Many in the small community of Decatur": some of the people of a place or group.
    // ("Many in Congress", "some in the GOP", "Some in Trump's orbit": the people of a body, however it is named.)
    if (/^(?:some|many|most|few|several|others|those|none)\s+(?:in|among)\s/i.test(text)) return true
    // ("some of the GOP's best-connected fundraisers": a name that only owns the group names none of them.)
    const group = part[1]!.replace(/(?:^|\s)\p{Lu}[\p{L}.-]*['’]s?(?=\s)/gu, '')
    return isAnonymous(part[1]!) || /^(?:the|a|an|those|these|his|her|its|their|our)\s/i.test(part[1]!) && !/\p{Lu}/u.test(group.slice(1))
  }
  // ("a handful of Democrats who point to his record and his ties": the relative clause is no part of the list.)
  // ("many officials on and off the island", "residents in and around Flint": an "and" between two prepositions joins
  // no two groups.)
  const parts = text.replace(/\s+(?:who|that|which)\s+(?!(?:are|were|is|was)\s).*$/is, '').split(/(?<!\s(?:on|in|inside|within))\s+and\s+(?!(?:off|out|around|outside|beyond|near)\s)/i)
  // "Democratic and Republican leaders", "Federal and state officials", "Trump and Clinton aides": modifiers of one head.
  if (parts.length > 1 && parts.slice(0, -1).every((p) => /^\S+$/.test(p.trim()) && !/s$/.test(p.trim())) && parts[parts.length - 1]!.trim().split(/\s+/).length >= 2) return isAnonymous(parts[parts.length - 1]!)
  // "Edwards and others", "Smith and other officials": a named person with an unnamed group.
  // ("The Clinton campaign and some cybersecurity experts": the same with a quantified group.)
  if (parts.length > 1 && /^(?:others|other\s+\S+)$/i.test(parts[parts.length - 1]!.trim())) return true
  if (parts.length > 1 && /^(?:some|many|several|numerous)\s+(?!of\s)\S/i.test(parts[parts.length - 1]!.trim()) && isAnonymous(parts[parts.length - 1]!.trim())) return true
  // "The Republican nominee and his aides": a person with the unnamed people around them.
  if (parts.length > 1 && /^(?:his|her|their|its)\s+\S/i.test(parts[parts.length - 1]!.trim()) && isAnonymous(parts[parts.length - 1]!.trim())) return true
  if (parts.length > 1) {
    // "many marchers and spectators": one quantifier for both.
    const quantified = QUANTIFIERS.test(text.split(/\s+/)[0]!)
    return parts.every((p) => isAnonymous(p.replace(/^(\S+)\s+(?:who|that)\s+(?:are|were|is|was)\s+/i, '$1 ')) || (quantified && /^\p{Ll}[\p{L}-]*s$/u.test(p.trim())))
  }
  const words = text.split(/\s+/)
  const core = corePhrase(text)
  const head = lastWord(core)
  const headWord = (core.match(/[\p{L}\p{N}'’-]+/gu) ?? []).pop() ?? ''
  // "Many opponents", "some Carrier workers": a quantified plural.
  if (words.length > 1 && QUANTIFIERS.test(words[0]!) && /s$/.test(head) && !/^\p{Lu}/u.test(headWord)) return true
  // ("Another said …", '"…," said another.': one more of the people just quoted, unnamed.)
  if (/^another$/i.test(text.trim())) return true
  // ("A resident", "one worker", "an officer": one of an unnamed group.)
  if (/^(?:a|an|one|another)\s/i.test(text) && !anonymousNouns.has(head) && anonymousNouns.has(head + 's') && /^\p{Ll}/u.test(headWord)) return true
  // ("authorities said": officials unnamed.)
  if (!anonymousNouns.has(head) && head !== 'authorities') return false
  // A lower-case head names no one, whatever modifies it ("Clinton aides", "a Cairo airport official").
  if (!/^\p{Lu}/u.test(headWord)) return true
  // A capitalised one ("Democrats") only with no other name in the phrase ("Senate Democrats", not "John Smith").
  // ("Citizens for Tax Justice", "Veterans of Foreign Wars": a name.)
  if (/^\p{Lu}/u.test(headWord) && /^\s+(?:for|of|against)\s+(?:the\s+)?\p{Lu}/u.test(text.slice(core.length))) return false
  // (Only the words before the head count: "one Democrat familiar with the discussion" has no other name.)
  const caps = core.split(/\s+/).slice(1, -1).filter((w) => /^\p{Lu}\p{Ll}/u.test(w) && !/^(?:House|White|State|Democratic|Republican|Trump|Clinton|Obama|Russian|American|U\.S\.|US|Ukrainian|European|Pentagon|Kremlin|Senate|Congressional|Justice|Defense|Administration|Campaign|Council|Security|National|Foreign|Intelligence|Department)$/.test(w))
  return caps.length === 0
}

/**
 * Who a speaker mention is: its kind and, where possible, its entity.
 *
 * - a mention overlapping an entity mention → that entity;
 * - "he"/"she" → the most recent PERSON mention (or person speaker) before it; "they"/"it" → the last
 *   group or organisation speaker;
 * - "who" in "X, who said" → X;
 * - "the spokeswoman", "the minister" → the person whose roles contain that word;
 * - "the outlet", "the broadcaster" → the most recent outlet;
 * - "officials", "sources", "people familiar with …" → anonymous.
 */
export function resolveSpeaker(doc: Doc, site: SpeakerSite, previous: readonly { speaker: Speaker; attribution?: { fragments: readonly Span[]; cue?: Span } }[]): Speaker {
  if (!site.speaker) return { kind: 'unknown' }
  const { start, end } = site.speaker
  const text = doc.text.slice(start, end)
  const local = { start, end, text }
  const low = text.toLowerCase()
  // "X, who said …", "The Biden administration, which has offered …": what the pronoun stands for.
  if (isRelativePronoun(text)) {
    const r = relativeAntecedent(doc, low, start, site.antecedent, previous)
    if (r) return { ...r, ...local }
  }
  // ("his claim that …", "its report found …": a possessive speaks as its pronoun.)
  const pl = POSSESSIVE_PRONOUNS.get(low) ?? low
  const pron = speakerPronouns.get(pl)
  if (pron) {
    // "I said" in the writer's own words is the writer (a column, a first-person report): no entity.
    if (pl === 'i' && site.quotedSpeaker === false) return { kind: 'person', ...local }
    if (pron === 'male' || pron === 'female' || pl === 'i') {
      // "she" is the most recent person that is not known to be a man, outside what is quoted.
      const agrees = (x: Entity | undefined) => x?.type === 'PERSON' && (pl === 'i' || (genderOf(doc, x) ?? pron) === pron)
      // (The content of the attribution just before is what its speaker said: "Mr. Nevins said he pursued it only
      // because Mr. Lynch agreed. ('…,' he said.)" is Nevins. On PolNeAR dev 98 "he"/"she" changed; of 14 read,
      // 8 made right, 2 wrong, 4 unclear or wrong both ways.)
      const said = (previous[previous.length - 1]?.attribution?.fragments ?? []).filter((f) => f.end <= start && start - f.end <= 300)
      let e = pl === 'i' ? recentEntity(doc, start, agrees, site.fragments) : pronounAntecedent(doc, start, agrees, site.fragments ?? [], site.quoted ?? [], site.verbObject, said)
      // A person known to be of the pronoun's gender before one of unknown gender ("Kimani Gray", or a place the
      // tagger took for a person), when named in the last sentences.
      if (e && pl !== 'i' && genderOf(doc, e) === undefined) {
        const known = pronounAntecedent(doc, start, (x) => x.type === 'PERSON' && genderOf(doc, x) === pron, site.fragments ?? [], site.quoted ?? [], site.verbObject)
        // (Or, further back, the one who spoke last, when the person of unknown gender has not spoken:
        // "King told The News … the teen … ' …,' she said".)
        const spokeLast = known !== undefined && previous[previous.length - 1]?.speaker.entity === known.id && !previous.some((x) => x.speaker.entity === e!.id)
        // (Not past a paragraph break that only the person of unknown gender is named after: "… Tim McMillan said …
        // ¶ Calgary Mayor Naheed Nenshi was blunt. "Enough talk," he said.")
        const para = doc.text.lastIndexOf('\n', start - 1) + 1
        // (as the subject that opens a sentence of the paragraph: within its first words)
        const opensSentence = (m: Span) => (doc.text.slice(para, m.start).split(/[.!?]["”’]?\s+/).pop() ?? '').split(/\s+/).filter(Boolean).length <= 3
        const inPara = (x: Entity) => x.mentions.some((m) => m.start >= para && m.end <= start && opensSentence(m))
        // (a name of a person's shape: not the tagger's "Cuba-born")
        const ownParagraph = inPara(e) && known !== undefined && !inPara(known) && /^\p{Lu}[\p{L}'’.]*(?:[\s-]+\p{Lu}[\p{L}'’.]*)*$/u.test(e.name)
        if (known && !ownParagraph && (known.mentions.some((m) => m.end <= start && start - m.end <= KNOWN_GENDER_REACH) || (spokeLast && known.mentions.some((m) => m.end <= start && start - m.end <= DESCRIPTION_REACH)))) e = known
      }
      // ("A teacher in Laval, who spoke on condition of anonymity, said she … ¶ "I feel like a second-class
      // citizen," she said.": the unnamed speaker just before, when no one of the pronoun's gender was named since.)
      const last = previous[previous.length - 1]?.speaker
      if (pl !== 'i' && last && last.entity === undefined && (last.kind === 'anonymous' || last.kind === 'person') && last.end !== undefined && last.end <= start && start - last.end <= 400 && last.text && !speakerPronouns.has(last.text.toLowerCase()) && !isRelativePronoun(last.text)) {
        const lastEnd = last.end
        const noun = nounGender(lastWord(corePhrase(last.text)))
        const namedSince = doc.entities.some((x) => agrees(x) && x.mentions.some((m) => m.start >= lastEnd && m.end <= start && !(site.fragments ?? []).some((f) => m.start >= f.start && m.end <= f.end)))
        // (Only someone introduced as unnamed, "a teacher", "one resident", "another parent": "the candidate" is
        // mostly someone named.)
        const lastHead = lastWord(corePhrase(last.text))
        // (Or someone kept unnamed on purpose whose noun has the pronoun's gender: "The mother of one of the victims,
        // who cannot be named because of a publication ban, read … "…," she said.")
        // (Or someone's relative by a noun of the pronoun's gender: "the victim's sister said … "…," she said.")
        const ofSomeone = noun === pron && /^the\s+(?:\p{Ll}+\s+)?\p{Ll}+['’]s?\s+\p{Ll}+$/u.test(last.text)
        if (!namedSince && (noun ?? pron) === pron && !/s$/.test(lastHead) && !documentNouns.has(lastHead) && !OWN_WORD_NOUNS.has(lastHead) && (/^(?:a|an|one|another)\s/i.test(last.text) || ofSomeone || (last.kind === 'anonymous' && noun === pron))) return { kind: last.kind, ...local }
      }
      // ("Union president Jan Simpson said … ¶ "…," she said.": no one of the pronoun's gender, so the speaker just
      // before, whose gender was only a guess from the given name.)
      // (A subject pronoun, with no name written between them outside quotation marks: not "Walz approaches it
      // more diplomatically. She said …", nor "In her statement …, Hillary Clinton".)
      const between = last?.end !== undefined && last.end <= start && start - last.end <= 400 ? doc.text.slice(last.end, start).replace(/["“][^"“”]*["”]/g, ' ') : undefined
      const guessed = between !== undefined && !/\b(?!(?:The|A|An|In|On|At|He|She|It|They|But|And|Also|I|We)\b)\p{Lu}\p{Ll}+/u.test(between) ? doc.entities.find((x) => x.id === last!.entity) : undefined
      // ("Dominique Ducharme will take over. ¶ Ducharme, 47, said he was ready. "…," he told TVA Sports.": the same
      // when that speaker spoke of themself with the pronoun ("said he was ready"), in the same paragraph, with
      // someone of the pronoun's gender named before; the name lists give "Dominique", "Jean", "Robin" one gender.)
      const ownWords = previous[previous.length - 1]?.attribution?.fragments[0]
      const selfPronoun = ownWords !== undefined && new RegExp(`^(?:that\\s+)?${pl}\\b`, 'i').test(doc.text.slice(ownWords.start, ownWords.end).trim())
      if (e && selfPronoun && last?.text !== undefined && !speakerPronouns.has(last.text.toLowerCase()) && (pl === 'he' || pl === 'she') && guessed && guessed !== e && guessed.type === 'PERSON' && byGivenName.has(guessed) && genderOf(doc, guessed) !== pron && !between!.includes('\n') && last!.start !== undefined && !e.mentions.some((m) => m.start >= last!.start! && m.start < start)) return { kind: 'person', entity: guessed.id, ...local }
      // ("… the deaths of Ambassador Chris Stevens …, Groberg says it is hard to blame anyone. He also says …": the
      // speaker just before, named after the one of the pronoun's gender who never spoke, whose gender was only a
      // guess from the given name, in the same paragraph.)
      // (Or in the next paragraph, when it opens with the quotation the pronoun attributes: '"…," he said.')
      const lastBefore = (x: Entity) => Math.max(-1, ...x.mentions.filter((m) => m.end <= start).map((m) => m.start))
      const nextQuote = () => (between!.match(/\n\s*/g) ?? []).length === 1 && /^\s*["“«]/.test(doc.text.slice(doc.text.lastIndexOf('\n', start) + 1))
      if (e && guessed && guessed !== e && (pl === 'he' || pl === 'she') && guessed.type === 'PERSON' && byGivenName.has(guessed) && genderOf(doc, guessed) !== pron && (!between!.includes('\n') || nextQuote()) && !previous.some((x) => x.speaker.entity === e!.id) && lastBefore(guessed) > lastBefore(e)) return { kind: 'person', entity: guessed.id, ...local }
      if (e) return { kind: 'person', entity: e.id, ...local }
      if ((pl === 'he' || pl === 'she') && guessed?.type === 'PERSON' && genderOf(doc, guessed) !== pron && byGivenName.has(guessed)) return { kind: 'person', entity: guessed.id, ...local }
      const p = [...previous].reverse().find((s) => s.speaker.kind === 'person' && s.speaker.entity && agrees(doc.entities.find((x) => x.id === s.speaker.entity)))
      return { kind: 'person', entity: p?.speaker.entity, ...local }
    }
    const p = [...previous].reverse().find((s) => s.speaker.kind !== 'unknown' && s.speaker.kind !== 'person')
    if (p && (pl === 'they' || pl === 'it' || pl === 'we')) return { kind: p.speaker.kind, entity: p.speaker.entity, ...local }
    return { kind: pl === 'it' ? 'organization' : 'unknown', ...local }
  }
  // The phrase before its postmodifier ("Ashley Wallis" of "Ashley Wallis of Environmental Defence")
  // names the speaker first.
  const coreEnd = start + corePhrase(text).length
  // (Unless a person's name ends the phrase after a title, the only person in it: "Bank of Canada governor
  // Tiff Macklem", "RNC Chief of Staff Katie Walsh"; not "Black Democrats to Hillary Clinton".)
  const tail = doc.text.slice(start, end).replace(/[\s,.]+$/, '').length + start
  const persons = doc.entities.filter((x) => x.type === 'PERSON' && x.mentions.some((m) => m.start < tail && m.end > start))
  // (Another "person" only as a possessor: "Manitoba Hydro's president and CEO, Jay Grewal", which the tagger may type a person.)
  const enders = persons.filter((x) => x.mentions.some((m) => m.end === tail && m.start > start))
  const possessorOnly = (x: Entity) => x.mentions.every((m) => m.end <= start || m.start >= tail || /^['’]s\b/.test(doc.text.slice(m.end, m.end + 3)))
  const tailOwner = enders.length === 1 && persons.every((x) => x === enders[0] || possessorOnly(x)) ? enders[0]! : undefined
  const tailMention = tailOwner?.mentions.find((m) => m.end === tail && m.start > start)
  // (A title: capitalised words, role words and "of"; "a spokesman for House Speaker Paul Ryan" and "supporters of
  // Democrat Hillary Clinton" are none.)
  // ("Manitoba Hydro's president and CEO, Jay Grewal": two roles joined by "and", and the comma before the name.)
  const title = (t: string) => t.replace(/,\s*$/, '').split(/\s+/).filter(Boolean).every((w, k) => /^\p{Lu}/u.test(w) ? !/^(?:At|To|For|With|On|In|By|From)$/.test(w) : roleHeads.has(w) || roleModifiers.has(w) || ((w === 'of' || w === 'and') && k > 0) || (k === 0 && /^(?:the|a|an)$/.test(w)))
  const tailPerson = coreEnd < end && tailMention && title(doc.text.slice(start, tailMention.start)) ? tailOwner : undefined
  // (A name inside a relative clause is not the speaker's: "Residents who talked to the Star".)
  // (Nor one in the place an unnamed group is in: "Residents in Peterborough", "People in Fort Pierce".)
  // (Nor the one a group was interviewed or polled by: "Parents interviewed by CBC News".)
  const relative = coreEnd < end && (/^\s*(?:who|whom|that|which)\s|^\s*(?:interviewed|surveyed|polled|contacted|reached|quoted|cited)\s+by\s/i.test(doc.text.slice(coreEnd, end)) || (/^\s*(?:in|across|around|throughout)\s/i.test(doc.text.slice(coreEnd, end)) && isAnonymous(doc.text.slice(start, coreEnd))))
  const found = tailPerson ?? (coreEnd < end ? entityAt(doc, { start, end: coreEnd }) : undefined) ?? (relative ? undefined : entityAt(doc, site.speaker))
  const entity = found && surnameSpeaker(doc, text, found, start, site.fragments)
  const head = lastWord(text)
  const definite = /^(?:the|this|that)\s/i.test(text)
  if (definite && outletNouns.has(head) && !entity) {
    const p = [...previous].reverse().find((s) => s.speaker.kind === 'outlet' && s.speaker.text && !outletNouns.has(lastWord(s.speaker.text)))
    if (p) return { kind: 'outlet', entity: p.speaker.entity, ...local }
    const e = recentEntity(doc, start, isOutletEntity)
    if (e) return { kind: 'outlet', entity: e.id, ...local }
    // ("Statistics Canada said … The agency said": an agency is not always a news agency.)
    if (head !== 'agency') return { kind: 'outlet', ...local }
  }
  // "the spokeswoman": the person with that role, when there is one.
  // (Not "The State Department", a name: "the department" of a person's role "State Department inspector general".)
  const named = /\p{Lu}/u.test((text.match(/[\p{L}\p{N}'’-]+/gu) ?? []).pop() ?? '')
  // ("the senator" after "Sen. Marco Rubio": the abbreviated title before a mention counts as the role.)
  const titled = TITLE_OF_ROLE.get(head)
  const hasTitle = (x: Entity) => titled !== undefined && x.mentions.some((m) => titled.test(doc.text.slice(Math.max(0, m.start - 8), m.start)) || titled.test(m.text.split(/\s+/)[0]! + ' '))
  // ("the Alaska Governor": a capitalised role is still a role; "her rep", "his lawyer"; a label, "Lawyer:".)
  const roleOnly = roleHeads.has(head) && (/^(?:his|her|their)\s/i.test(text) || (low === head && /^\p{Lu}/u.test(text)))
  // ("her rep" is the "representative", "the attorney" the "lawyer".)
  const heads = [head, ...(ROLE_SYNONYMS.get(head) ?? [])]
  // ("the GOP front-runner" is not the "Democratic front-runner": a party named on both sides must agree.)
  const party = partyOf(text)
  const samePartyRole = (r: string) => party === undefined || partyOf(r) === undefined || partyOf(r) === party
  // ("the minister" is no Prime Minister, "the president" no Vice President: a modifier that makes another
  // role must be in the description too.)
  const holds = (r: string) => r.toLowerCase().split(/\s+/).some((w, k, ws) => heads.includes(w) && !(k > 0 && OTHER_ROLE.test(ws[k - 1]!) && !low.includes(ws[k - 1]!)))
  const holder = (x: Entity) => x.type === 'PERSON' && (x.roles.some((r) => samePartyRole(r) && holds(r)) || hasTitle(x))
  // ("The Vermont senator" after "Vermont Sen. Bernie Sanders" and "Sen. John McCain of Arizona": the holder
  // named with that place, when one is.)
  const places = text.split(/\s+/).slice(1, -1).filter((w) => /^\p{Lu}\p{Ll}+$/u.test(w) && partyOf(w) === undefined)
  // ("The Ontario premier" after "Alberta Premier Rachel Notley and Ontario Premier Doug Ford": the place in a
  // role first, then near a mention.)
  const inRole = (x: Entity, w: string) => x.roles.some((r) => r.includes(w))
  const roleWithPlace = (x: Entity) => places.every((w) => inRole(x, w))
  const withPlace = (x: Entity) => places.every((w) => inRole(x, w) || x.mentions.some((m) => doc.text.slice(Math.max(0, m.start - 40), m.end + 25).includes(w)))
  // ("The finance minister" after "Finance Minister Bill Morneau and Health Minister Ginette Petitpas Taylor": a
  // holder whose role has the description's modifiers first; any holder after, as the role may be written
  // otherwise: "the campaign manager" of "Trump's campaign chief".)
  const modifiers = text.split(/\s+/).slice(1, -1).filter((w) => /^\p{Ll}+$/u.test(w) && !/^(?:former|new|top|then|current|longtime|veteran|embattled|outgoing|incoming|senior|chief|acting|interim|deputy)$/.test(w))
  const roleWithModifiers = (x: Entity) => x.roles.some((r) => modifiers.every((w) => r.toLowerCase().includes(w)))
  const byRole = (definite || roleOnly) && (!named || roleHeads.has(head)) && text.split(/\s+/).length <= 4 ? ((places.length ? recentEntity(doc, start, (x) => holder(x) && roleWithPlace(x)) ?? recentEntity(doc, start, (x) => holder(x) && withPlace(x)) : undefined) ?? (modifiers.length ? recentEntity(doc, start, (x) => holder(x) && roleWithModifiers(x)) : undefined) ?? recentEntity(doc, start, holder)) : undefined
  if (byRole) return { kind: 'person', entity: byRole.id, ...local }
  // "Clinton aides", "an Alberta judge", "a spokesperson for Marco Mendicino": a name that only modifies
  // a common noun, or follows it, is not the speaker.
  const coreWord = (text.slice(0, coreEnd - start).match(/[\p{L}\p{N}'’-]+/gu) ?? []).pop() ?? ''
  const coversHead = (tailPerson !== undefined && entity === tailPerson) || (entity?.mentions.some((m) => m.start < coreEnd && m.end >= coreEnd - coreWord.length) ?? false)
  // ("The Clinton Foundation", "the Trump Campaign": a name before an organisation's head word.)
  // ("the Alaska Governor": a place before a role.)
  const modifierOnly = entity !== undefined && !coversHead && (/^\p{Ll}/u.test(coreWord) || (entity.type === 'PERSON' && organizationNouns.has(coreWord.toLowerCase())) || (entity.type === 'LOC' && roleHeads.has(coreWord.toLowerCase())))
  // "the Press Democrat newspaper", "Ethnos newspaper": the name before an outlet's head word is the outlet.
  if (entity && modifierOnly && entity.type === 'ORG' && outletNouns.has(coreWord.toLowerCase())) return { kind: 'outlet', entity: entity.id, ...local }
  if (entity && !modifierOnly) {
    // (A group the entity stage took for a person, "Democrats involved in the talks", is still a group.)
    // (Nor is a part or share of a group with a name in it, "Some in the "Bernie or Bust" crowd".)
    const groupHead = (/s$/.test(lastWord(corePhrase(text))) && anonymousNouns.has(lastWord(corePhrase(text)))) || PART_OF.test(text) || SHARE.test(text)
    // ("Residents in Peterborough", "officials in Ottawa": a place says where the group is, not who speaks.)
    if (isAnonymous(text) && (entity.type !== 'PERSON' || groupHead)) return { kind: 'anonymous', ...(entity.type === 'LOC' ? {} : { entity: entity.id }), ...local }
    return { kind: kindOfEntity(entity), entity: entity.id, ...local }
  }
  if (isOutletName(text)) return { kind: 'outlet', ...local }
  if (isAnonymous(text)) return { kind: 'anonymous', ...local }
  if (definite && text.split(/\s+/).length <= 4) {
    // "the 45-year-old", "the mother of three", "the woman": the most recent person who can be meant.
    const noun = lastWord(text.replace(/\s+of\s+.*$/i, ''))
    // (Not someone's relative or neighbour by a common noun, "The victim's brother, who did not want his name
    // published": an unnamed person, not the man named last.)
    const ofSomeone = /^the\s+(?:\p{Ll}+\s+)?\p{Ll}+['’]s?\s/iu.test(text) && /['’]/.test(text)
    if ((/^\d+-year-old$/.test(noun) || PERSON_NOUNS.has(noun)) && !ofSomeone) {
      const g = nounGender(noun)
      const p = recentEntity(doc, start, (x) => x.type === 'PERSON' && (!g || (genderOf(doc, x) ?? g) === g), site.fragments)
      // Only a person named shortly before ("A man was arrested. The man said …" names no one).
      if (p && p.mentions.some((m) => m.end <= start && start - m.end <= 600)) return { kind: 'person', entity: p.id, ...local }
    }
  }
  // "the company", "the department": the organisation named shortly before whose name has that head word
  // ("the State Department"); for a company, firm or group, the most recent organisation.
  // (Not "the rights group", "the Obama administration": a modifier must be in the name, "the appeals court" →
  // "U.S. Court of Appeals"; a company is no government body; a name of more than six words is a headline.)
  const words = text.toLowerCase().split(/\s+/)
  // ("Police said …": the force the article named, "the Toronto Police Service", "the NYPD".)
  const police = low === 'police'
  if (((words[0] === 'the' && !named && words.length <= 3) || police) && organizationNouns.has(head)) {
    const hasWord = (name: string, w: string) => new RegExp(`(?:^|[^\\p{L}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}s?(?:$|[^\\p{L}])`, 'iu').test(name)
    const fits = (x: Entity) =>
      x.type === 'ORG' && !isOutletEntity(x) && x.name.split(/\s+/).length <= 6 && words.slice(police ? 0 : 1, -1).every((w) => hasWord(x.name, w) || GENERIC_MODIFIERS.has(w)) &&
      (head === 'agency' ? true : GENERIC_ORG_NOUNS.has(head) ? !GOVERNMENT_BODY.test(x.name) && !(BUSINESS_NOUNS.has(head) && NOT_A_BUSINESS.test(x.name)) : hasWord(x.name, head) || (head === 'police' && POLICE_FORCE.test(x.name)))
    // (Not a name inside another quotation. "The group" is also said of people: only an organisation that
    // was named as a subject or was a source before, "according to the National Golf Foundation … the group
    // says"; not "… meeting with the CIA. The group reportedly discussed …", the people who met.)
    const spoke = (x: Entity) => previous.some((p) => p.speaker.entity === x.id)
    const skip = [...(site.fragments ?? []), ...(site.quoted ?? []).filter((q) => !(q.start <= start && start < q.end))]
    let e: Entity | undefined
    let eEnd = -1
    for (const x of doc.entities) {
      if (!fits(x)) continue
      for (const m of x.mentions)
        if (m.end <= start && m.end > eEnd && !skip.some((f) => m.start >= f.start && m.end <= f.end) && (!PEOPLE_LIKE_ORG_NOUNS.has(head) || subjectLike(doc.text, m) || spoke(x))) {
          e = x
          eEnd = m.end
        }
    }
    if (e && e.mentions.some((m) => m.end <= start && start - m.end <= DESCRIPTION_REACH)) return { kind: 'organization', entity: e.id, ...local }
    // ("Police said …", "the police explained …" before "the NYPD's statement": the one police force the article names,
    // later on; not after "Toronto police say …", a force named without an entity.)
    if (!e && (police || low === 'the police') && !/\p{Lu}[\p{L}.-]*\s+police\b/u.test(doc.text.slice(0, start))) {
      const forces = doc.entities.filter(fits)
      if (forces.length === 1) return { kind: 'organization', entity: forces[0]!.id, ...local }
    }
  }
  const coreHead = lastWord(corePhrase(text))
  // "Magruder's testimony", "her report", "Crowley's Web site": what someone wrote or said speaks for them.
  // (A document keeps the kind "unknown", with its author as the entity: "they" and "it" do not stand for it.)
  const document = documentNouns.has(coreHead)
  if (document || OWN_WORD_NOUNS.has(coreHead)) {
    // (The owner is a name, capitalised words before the "'s", or a possessive pronoun.)
    const own = /^((?:\p{Lu}[\p{L}.-]*\s+)*\p{Lu}[\p{L}.-]*)['’]s?\s|^([Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s/u.exec(text)
    if (own) {
      const ownerEnd = start + (own[1] ?? own[2]!).length
      if (own[2]) {
        const r = resolveSpeaker(doc, { ...site, speaker: { start, end: ownerEnd } }, previous)
        if (r.entity !== undefined) return { kind: document ? 'unknown' : r.kind, entity: r.entity, ...local }
      } else {
        const e = entityAt(doc, { start, end: ownerEnd })
        if (e) return { kind: document ? 'unknown' : kindOfEntity(e), entity: e.id, ...local }
      }
    }
    // "A report by the Government Accountability Office", "an opinion poll published by Ethnos newspaper": the
    // author after "by"; "the Gallup poll", "the Pentagon report": an organisation named before the head (not
    // a person or place, what the document is about: "the Clinton emails", "a New Jersey report").
    if (document) {
      // ("The report" after "A report by the GAO found …": the document named before, by its head word.)
      if (definite) {
        const p = [...previous].reverse().find((x) => x.speaker.entity !== undefined && x.speaker.text !== undefined && lastWord(corePhrase(x.speaker.text)) === coreHead)
        if (p) return { kind: p.speaker.kind, entity: p.speaker.entity, ...local }
        // ("In an emailed statement, Health Canada said … The statement added …": the author of the last
        // statement of that name, in the sentence of its cue.)
        const last = previous[previous.length - 1]
        const cue = last?.attribution?.cue
        // (Not an outlet, which reports a document more often than it writes it: "CBS News obtained a letter …".)
        if (last?.speaker.entity !== undefined && last.speaker.kind !== 'outlet' && cue && start - cue.end <= 400) {
          const sentence = /[^.!?\n]*$/.exec(doc.text.slice(Math.max(0, cue.start - 200), cue.start))![0] + doc.text.slice(cue.start, cue.end) + /^[^.!?\n]*/.exec(doc.text.slice(cue.end, cue.end + 200))![0]
          if (new RegExp(`\\b(?:a|an|the|its|his|her|their)\\s+(?:[\\p{L}-]+\\s+){0,2}${coreHead}\\b`, 'iu').test(sentence)) return { kind: 'unknown', entity: last.speaker.entity, ...local }
        }
      }
      // ("an email … obtained by The Huffington Post" is not the paper's.)
      // (The author is the noun phrase right after "by": "by the GAO", "in the conservative daily Eleftheros
      // Typos", "by Loyola Law School professor Justin Levitt"; not a name further on, "from the operative who
      // helped defeat Clinton", nor a place, "filed in Manhattan by …".)
      // (A place only after "from": "a statement from Transport Canada", which the tagger may take for a place,
      // "a statement from Russia"; not "filed in Manhattan".)
      const opens = (from: number, to: number, place = false): Entity | undefined => {
        const np = /^[^,;()]*?(?=,|;|\(|\n|\.\s|\.$|\s[-–—]|\s(?:who|that|which|of|and|obtained|to|for|on|at|in|by|from|with|about)\s|$)/.exec(doc.text.slice(from, to))
        const e = np && np[0].trim() ? entityAt(doc, { start: from, end: from + np[0].length }) : undefined
        return e && (e.type !== 'LOC' || place) ? e : undefined
      }
      let author: Entity | undefined
      const bys = [...text.matchAll(/(?<!\bobtained)\s(by|from|in)\s+/g)]
      const message = /^(?:statement|statements|release|letter|announcement|note|memo|email|e-mail|message|communique|notice|bulletin|advisory)$/.test(coreHead)
      for (const by of bys) if ((author = opens(start + by.index! + by[0].length, end, by[1] === 'from' && message))) break
      // ("said an editorial in the conservative daily Eleftheros Typos": the phrase ended before its author.)
      // ("The report, released Tuesday by the Fraser Institute, found …": the same in an appositive.)
      const after = /^\s+(?:by|in)\s+|^\s*,\s+(?:(?:first|also|jointly)\s+)?(?:released|published|issued|conducted|commissioned|prepared|written|compiled|produced)\s+(?:[\p{L}\p{N}]+\s+){0,3}?by\s+/u.exec(doc.text.slice(end, end + 80))
      if (!bys.length && after) author = opens(end + after[0].length, Math.min(doc.text.length, end + 120))
      if (author) return { kind: 'unknown', entity: author.id, ...local }
      const modifier = entityAt(doc, { start, end: coreEnd })
      if (modifier && modifier.type === 'ORG' && modifier.mentions.some((m) => m.start >= start && m.end < coreEnd - coreHead.length)) return { kind: 'unknown', entity: modifier.id, ...local }
    }
  }
  if (document || documentNouns.has(head)) return { kind: 'unknown', ...local }
  if (organizationNouns.has(coreHead) || /\b(?:Ministry|Department|Committee|Campaign|Party|Council|Commission|Agency|Office)\b/.test(text)) {
    // ("Canada Post workers could strike Friday, their union says. ¶ The Canadian Union of Postal Workers issued …":
    // someone's organisation, named at the start of the next sentence.)
    const later = /^(?:their|its|his|her)\s+\p{Ll}+$/u.test(text.trim()) && organizationNouns.has(coreHead) ? orgNamedNext(doc, start, end) : undefined
    return { kind: 'organization', ...(later ? { entity: later.id } : {}), ...local }
  }
  // (Initials that own the rest too: "B.C.'s top doctor".)
  if (/\p{Lu}\p{Ll}|^\p{Lu}\.(?:\p{Lu}\.?)+['’]s\s/u.test(text) && !definite) {
    // "King told the Daily News": a surname the entity stage missed is the person named with it.
    const m = /^(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.?\s+)?(\p{Lu}[\p{L}'’-]+)$/u.exec(text.trim())
    if (m) {
      const bySurname = doc.entities.filter((x) => x.type === 'PERSON' && x.name.split(/\s+/).length > 1 && lastWord(x.name) === m[1]!.toLowerCase())
      if (bySurname.length === 1) return { kind: 'person', entity: bySurname[0]!.id, ...local }
    }
    // ("A Winnipeg man says he was refused service. ¶ John Smith, 45, …": a story that opens on someone
    // described, before anyone is named, names them next.)
    const opening = /^(?:a|an)\s/i.test(text) && !doc.entities.some((x) => x.type === 'PERSON' && x.mentions.some((m) => m.start < start))
    // (Then only a name with no title before it: "Police Chief Danny Smyth said …" is someone else.)
    const later = /['’]s?\s/.test(text) ? namedNext(doc, start, end, coreHead) : opening ? namedNext(doc, start, end, coreHead, false) : undefined
    return { kind: 'person', ...(later ? { entity: later.id } : {}), ...local }
  }
  // "the lawyer acting for the officer", "the woman": a person, unnamed.
  if (definite && (PERSON_NOUNS.has(coreHead) || roleHeads.has(coreHead) || PROTAGONIST_ROLES.has(coreHead))) {
    // ("its president announced … Bill Flanagan said … "…," the president said.": a speaker described by the
    // same role before, and resolved.)
    const same = [...previous].reverse().find((p) => p.speaker.kind === 'person' && p.speaker.entity !== undefined && p.speaker.text !== undefined && /^(?:the|its|their|his|her)\s/i.test(p.speaker.text) && lastWord(corePhrase(p.speaker.text)) === coreHead)
    if (same) return { kind: 'person', entity: same.speaker.entity, ...local }
    // "the candidate", "the Republican nominee" with no one given that role: the person the article is about,
    // the one named most often, among those named in the last paragraphs ("Mr. Bannon has been a supporter of
    // Mr. Trump's pugilistic instincts, which the candidate …").
    // (Only "the candidate", "the presidential nominee": "the Democratic front-runner", "the other candidate"
    // pick someone else than the protagonist as often as not.)
    if (PROTAGONIST_ROLES.has(coreHead) && /^the\s+(?:presidential\s+)?[\p{L}-]+$/iu.test(text.trim())) {
      let best: Entity | undefined
      let bestCount = 0
      for (const x of doc.entities) {
        if (x.type !== 'PERSON' || !x.mentions.some((m) => m.end <= start && start - m.end <= DESCRIPTION_REACH)) continue
        const count = x.mentions.filter((m) => m.end <= start).length
        if (count > bestCount) {
          best = x
          bestCount = count
        }
      }
      if (best) return { kind: 'person', entity: best.id, ...local }
    }
    const later = /['’]s?\s|^the\s+\S+\s+of\s/i.test(text) ? namedNext(doc, start, end, coreHead) : undefined
    return { kind: 'person', ...(later ? { entity: later.id } : {}), ...local }
  }
  // ("The University of Alberta will cut 1,000 jobs, its president announced. Bill Flanagan said …": an
  // organisation's role, named at the start of the next sentence.)
  if (/^(?:its|their)\s/i.test(text) && (roleHeads.has(coreHead) || PERSON_NOUNS.has(coreHead))) {
    const later = namedNext(doc, start, end, coreHead)
    if (later) return { kind: 'person', entity: later.id, ...local }
  }
  return { kind: 'unknown', ...local }
}

/**
 * The person a description that opens a story is about, named only after it ("Ontario's health minister says
 * the province is ready. ¶ Christine Elliott made the comments …"): a person of that role, or any when the
 * role is not known, whose name opens the next sentence (after a title at most) and who was not named before
 * the description. Only for a role or a person's noun ("minister", "doctor") that a possessive or "of" makes
 * someone's ("Connecticut's tax commissioner", "the head of the union"), not "the officer" or "the candidate",
 * whom the next sentence's subject is as often not.
 */
function namedNext(doc: Doc, start: number, end: number, head: string, titled = true): Entity | undefined {
  if (!roleHeads.has(head) && !PERSON_NOUNS.has(head)) return undefined
  // (Only a description that opens its sentence or ends it, after the content: not one inside a clause,
  // "… took a job at Uber a few months before its senior vice president boasted …".)
  // (After an opening phrase: "Outside the courthouse, the mother of one of the victims said …".)
  const s = nextSentence(doc, start, end, { afterWords: 4, opener: true, quotation: true })
  if (s === undefined) return undefined
  const lead = titled ? /^(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}$/u : /^$/u
  // (Or as the speaker of a quotation that opens it: 'the mother of one of the victims said … ¶ "Nothing will
  // bring my daughter back," said Linda Park.')
  const quoted = /^["“][^"“”\n]{1,300}[,.!?]["”]\s+(?:(?:said|says|added|adds)\s+)?$/u
  return doc.entities.find((x) => x.type === 'PERSON' && !x.mentions.some((m) => m.start < start) && x.mentions.some((m) => m.start >= s && (lead.test(doc.text.slice(s, m.start)) || quoted.test(doc.text.slice(s, m.start)))))
}

/**
 * Where the sentence after a description at `start`–`end` starts, when the description opens its sentence (at most
 * two words before it, or after an opening phrase and its comma with `opener`) or ends it (at most `afterWords`
 * words after it); the next sentence starts with a capital (or, with `quotation`, an opening mark).
 */
function nextSentence(doc: Doc, start: number, end: number, { afterWords, opener, quotation }: { afterWords: number; opener: boolean; quotation: boolean }): number | undefined {
  let lead = /[^.!?\n]*$/.exec(doc.text.slice(Math.max(0, start - 300), start))![0]
  if (opener) lead = lead.replace(/^[^,]{1,40},\s*/, '')
  const before = lead.trim().split(/\s+/).filter(Boolean).length
  const after = /^[^.!?\n]*/.exec(doc.text.slice(end, end + 300))![0].trim().split(/\s+/).filter(Boolean).length
  if (before > 2 && after > afterWords) return undefined
  const next = (quotation ? /[.!?]["”’]?\s+(?=[\p{Lu}"“])/u : /[.!?]["”’]?\s+(?=\p{Lu})/u).exec(doc.text.slice(end, end + 500))
  return next ? end + next.index + next[0].length : undefined
}

/**
 * The organisation "their union" stands for when it ends or opens its sentence and the next sentence opens on an
 * organisation's name (after "The") that was not named before.
 */
function orgNamedNext(doc: Doc, start: number, end: number): Entity | undefined {
  const s = nextSentence(doc, start, end, { afterWords: 2, opener: false, quotation: false })
  if (s === undefined) return undefined
  return doc.entities.find((x) => x.type === 'ORG' && !x.mentions.some((m) => m.start < start) && x.mentions.some((m) => m.start >= s && /^(?:the\s+)?$/i.test(doc.text.slice(s, m.start))))
}

/**
 * The person a bare surname speaks for ("MacDonald said she …") when two people of that surname were named: the
 * entity stage gives it to the one named last ("Sarah MacDonald's father, Gerald MacDonald, died …"); the one of
 * the gender its title or the pronoun that opens the content gives ("Mrs.", "said she has filed …"), when only
 * one of them is known to have it.
 */
function surnameSpeaker(doc: Doc, text: string, found: Entity, start: number, fragments: readonly Span[] | undefined): Entity {
  const m = /^(?:(Mr|Mrs|Ms)\.?\s+)?(\p{Lu}[\p{L}'’-]+)$/u.exec(text.trim())
  if (!m || found.type !== 'PERSON' || lastWord(found.name) !== m[2]!.toLowerCase()) return found
  const first = fragments?.[0] ? /^(?:that\s+)?(he|she)\b/i.exec(doc.text.slice(fragments[0].start, fragments[0].end).trim())?.[1]?.toLowerCase() : undefined
  const gender: Gender | undefined = m[1] ? (m[1] === 'Mr' ? 'male' : 'female') : first === 'he' ? 'male' : first === 'she' ? 'female' : undefined
  if (gender === undefined || genderOf(doc, found) === gender) return found
  const others = doc.entities.filter((x) => x !== found && x.type === 'PERSON' && lastWord(x.name) === lastWord(found.name) && x.name.includes(' ') && x.mentions.some((mm) => mm.end <= start) && genderOf(doc, x) === gender)
  return others.length === 1 ? others[0]! : found
}

/** Modifiers a description adds to a body's name without naming another ("the central bank" of the Bank of Canada). */
const GENERIC_MODIFIERS: ReadonlySet<string> = new Set(['central', 'federal', 'provincial', 'national', 'local', 'municipal'])

/** Head words of a definite description ("the company") that may stand for any organisation named before. */
const GENERIC_ORG_NOUNS: ReadonlySet<string> = new Set(['company', 'firm', 'group', 'organization', 'organisation', 'corporation'])
/** "The company" is no party, public body or international organisation ("… leader of the federal NDP. The company said …"). */
const BUSINESS_NOUNS: ReadonlySet<string> = new Set(['company', 'firm', 'corporation'])
const NOT_A_BUSINESS = new RegExp(`^(?:the\\s+)?(?:${[...governmentBodies, ...internationalOrgs].map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$|\\b(?:Party|NDP|GOP|Democrats?|Republicans?|Liberals?|Conservatives?|Tories|Labour|Greens?|Bloc|Union|Government|Parliament|Congress|Senate|Council|Police|Army)\\b`, 'i')
/** Words of the name of a government body, which "the company" or "the group" does not stand for. */
const GOVERNMENT_BODY = /\b(?:Department|Ministry|Court|Committee|Congress|Senate|House|Agency|Bureau|Commission|Council|Administration|Government|Office|Police|Army|Parliament)\b/
/**
 * Of those, the ones also said of a group of people, which stand only for an organisation named as a subject
 * or a source; and "the agency", which may be any body that spoke before ("Statistics Canada said …").
 */
const PEOPLE_LIKE_ORG_NOUNS: ReadonlySet<string> = new Set(['group', 'organization', 'organisation', 'agency'])
/** Police forces named by their initials. */
const POLICE_FORCE = /^(?:[Tt]he\s+)?(?:NYPD|LAPD|CPD|RCMP|GRC|OPP|SPVM|TPS|VPD|Met)$/
/** How far back (characters) who a description stands for may be named ("the company", "the candidate", "Police"). */
const DESCRIPTION_REACH = 1500

/** Roles that, with no one given them by name, stand for the person an article is about ("the candidate"). */
const PROTAGONIST_ROLES: ReadonlySet<string> = new Set(['actress', 'actor', 'star', 'singer', 'candidate', 'nominee', 'front-runner', 'frontrunner', 'hopeful', 'billionaire', 'businessman', 'businesswoman', 'mogul', 'incumbent', 'challenger', 'contender'])

/** Nouns, besides documents, of what someone said or wrote ("his testimony", "Crowley's Web site"). */
const OWN_WORD_NOUNS: ReadonlySet<string> = new Set(['testimony', 'account', 'website', 'site', 'blog', 'remarks', 'comments', 'speech', 'announcement', 'interview', 'post', 'posting', 'op-ed', 'column', 'editorial', 'message', 'tweets'])

/** How far back (characters) a person of the pronoun's known gender is preferred to one of unknown gender. */
const KNOWN_GENDER_REACH = 150

/** Possessive pronouns as speakers, and the pronoun each speaks as. */
const POSSESSIVE_PRONOUNS: ReadonlyMap<string, string> = new Map([['his', 'he'], ['its', 'it'], ['their', 'they'], ['our', 'we'], ['my', 'i']])

/** Words that, before "who", make an unnamed group: "those who said", "anyone who wants". */
/** A quantifier and a preposition right before an antecedent: "many in [the Republican establishment]". */
const PART_BEFORE_ANTECEDENT = /(?:^|[^\p{L}])(?:many|some|most|few|several|none|all)\s+(?:in|among|of)\s+$/iu
const GROUP_BEFORE_RELATIVE = /(?:^|[^\p{L}])(?:those|anyone|anybody|everyone|everybody|someone|somebody|people|others)\s*,?\s*$/iu
/** A word that ends a phrase before its head noun phrase: "overconfidence among [Democrats]", "targeting [Latino and black voters]". */
const BEFORE_HEAD_NP = /^.*(?:^|\s)(?:of|for|among|with|at|in|on|to|from|by|about|between|including|against|like|\p{Ll}+ing)\s+/isu

/**
 * What "who" or "which" stands for. The antecedent phrase the quote finder takes runs back over
 * prepositions and verbs ("no mention of Jeb Bush", "targeting Latino and black voters"); what the pronoun
 * stands for is at its end: the entity whose mention ends it (a person for "who", anything else for
 * "which"), else the noun phrase after its last preposition or participle, when that names someone or an
 * unnamed group, else the whole phrase. "those who", "anyone who": an unnamed group.
 */
function relativeAntecedent(doc: Doc, low: string, start: number, antecedent: Span | undefined, previous: readonly { speaker: Speaker }[]): Speaker | undefined {
  if (!antecedent) return GROUP_BEFORE_RELATIVE.test(doc.text.slice(Math.max(0, start - 30), start)) ? { kind: 'anonymous' } : undefined
  // ("many in the Republican establishment, who …", "some of his aides, who …": part of a group, whatever names the group.)
  if (low === 'who' && PART_BEFORE_ANTECEDENT.test(doc.text.slice(Math.max(0, antecedent.start - 20), antecedent.start))) return { kind: 'anonymous' }
  const ante = doc.text.slice(antecedent.start, antecedent.end)
  const end = antecedent.start + ante.replace(/[\s,;:]+$/, '').length
  const fits = (e: Entity) => (low === 'who' ? e.type === 'PERSON' : e.type !== 'PERSON')
  const last = doc.entities.find((e) => fits(e) && e.mentions.some((m) => m.end === end && m.start >= antecedent.start))
  if (last) return { kind: kindOfEntity(last), entity: last.id }
  const whole = resolveSpeaker(doc, { speaker: antecedent }, previous)
  const head = BEFORE_HEAD_NP.exec(ante)
  if (whole.entity === undefined && whole.kind !== 'anonymous' && head && !PART_OF.test(ante) && !SHARE.test(ante)) {
    const tail = resolveSpeaker(doc, { speaker: { start: antecedent.start + head[0].length, end: antecedent.end } }, previous)
    // ("a graduate of Harvard Law School who …": "who" is a person or a group, not an institution.)
    if ((tail.entity !== undefined && (low !== 'who' || tail.kind === 'person')) || tail.kind === 'anonymous') return { kind: tail.kind, entity: tail.entity }
  }
  return { kind: whole.kind, entity: whole.entity }
}

/** "Four former national security officials" → count 4 and the description after the number. */
export function countOf(text: string): { count?: number; description: string } {
  // ("officials familiar with the talks, who spoke on condition of anonymity": the clause is not the description.)
  text = text.replace(/,\s*(?:who|whose|which)\b.*$/is, '').replace(/,\s*$/, '')
  const m = /^(\d+|[A-Za-z]+(?: dozen)?)\s+(.*)$/.exec(text.trim())
  if (m) {
    const w = m[1]!.toLowerCase()
    const n = /^\d+$/.test(w) ? Number(w) : numberWords.get(w)
    if (n !== undefined) return { count: n, description: m[2]!.replace(/^(?:who|that)\s+(?:are|were|is|was)\s+/i, '') }
  }
  return { description: text.trim() }
}

/**
 * The sources statements rest on, one per distinct speaker (a person, an organisation, an outlet, a
 * document, or an anonymous group), plus outlets that anonymous sources spoke to ("sources told NBC").
 *
 * Anonymous groups joined by "and" with their own numbers ("Four former officials and two who are current
 * officials") become one source per group, each with its `count`. Sets `quote.source` on each quote.
 */
export function findSources(doc: Doc, sites: readonly { attribution: SpeakerSite; speaker: Speaker }[], quotes: Quote[]): Source[] {
  const sources: Source[] = []
  const byKey = new Map<string, Source>()
  const add = (kind: SourceKind, mention: Mention, key: string, extra: Partial<Source> = {}): Source => {
    const found = byKey.get(key)
    if (found) return found
    const s: Source = { id: `s${sources.length + 1}`, kind, start: mention.start, end: mention.end, text: mention.text, ...extra }
    sources.push(s)
    byKey.set(key, s)
    return s
  }
  let qi = 0
  for (const { attribution, speaker } of sites) {
    const quote = attribution.sourceOnly ? undefined : quotes[qi++]
    let source: Source | undefined
    if (speaker.text !== undefined && speaker.start !== undefined && speaker.end !== undefined) {
      // "A senior official, who asked …": the source is the phrase "who" stands for.
      const ante = isRelativePronoun(speaker.text) ? attribution.antecedent : undefined
      const mention: Mention = ante ? { start: ante.start, end: ante.end, text: doc.text.slice(ante.start, ante.end) } : { start: speaker.start, end: speaker.end, text: speaker.text }
      const low = mention.text.toLowerCase()
      // The head of the mention's first part ("report" of "A report by the National Academies of
      // Sciences, Engineering and Medicine"), or of the speaker's name.
      const phraseHead = lastWord(corePhrase(mention.text.split(',')[0]!))
      const head = speaker.name !== undefined ? lastWord(speaker.name) : phraseHead
      if (speaker.kind === 'anonymous') {
        const groups = splitGroups(mention)
        const made = groups.map((g) => {
          const { count, description } = countOf(g.text)
          return add('anonymous', g, `anon:${g.start}`, { ...(count !== undefined ? { count } : {}), description })
        })
        source = made[0]
      } else if (speaker.kind === 'outlet') {
        const e = speaker.entity ? doc.entities.find((x) => x.id === speaker.entity) : undefined
        let name = e?.name.toLowerCase()
        let m = mention
        if (!name && outletNouns.has(head)) {
          const before = sites.slice(0, sites.findIndex((x) => x.speaker === speaker)).reverse()
          const named = before.find((x) => x.speaker.kind === 'outlet' && x.speaker.text && !outletNouns.has(lastWord(x.speaker.text)))
          const prev = named?.speaker.text ? { start: named.speaker.start!, end: named.speaker.end!, text: named.speaker.text } : recentOutletName(doc.text, mention.start)
          if (prev) {
            name = prev.text.toLowerCase()
            m = prev
          }
        }
        source = add('outlet', m, `outlet:${speaker.entity ?? stripDet(name ?? low)}`, speaker.entity ? { entity: speaker.entity } : {})
      } else if (speaker.entity && documentNouns.has(phraseHead) && !speakerPronouns.has(low)) {
        // "Band's memo", "her report": a document, by the person or body it speaks for.
        // (One source for "A report by the GAO" and "the report" after it.)
        source = add('document', mention, `doc:${speaker.entity}:${phraseHead}`, { entity: speaker.entity })
      } else if (speaker.kind === 'person' && (speaker.entity || !speakerPronouns.has(low))) {
        source = add('named', mention, `named:${speaker.entity ?? head}`, speaker.entity ? { entity: speaker.entity } : {})
      } else if (speaker.kind === 'organization' && !speakerPronouns.has(low)) {
        source = add('organization', mention, `org:${speaker.entity ?? stripDet(low)}`, speaker.entity ? { entity: speaker.entity } : {})
      } else if (speaker.kind === 'organization' && speaker.entity) {
        source = byKey.get(`org:${speaker.entity}`)
      } else if (documentNouns.has(head) && !speakerPronouns.has(low)) {
        source = add('document', mention, `doc:${stripDet(low)}`)
      }
    }
    // The outlet anonymous sources talked to: "sources told NBC", "revealed the meeting to NBC".
    if (attribution.hearer) {
      const h = attribution.hearer
      const text = doc.text.slice(h.start, h.end)
      const e = entityAt(doc, h)
      if ((e && isOutletEntity(e)) || isOutletName(text)) add('outlet', { ...h, text }, `outlet:${e?.id ?? stripDet(text.toLowerCase())}`, e ? { entity: e.id } : {})
    }
    if (quote && source) quote.source = source.id
  }
  // Outlets that statements rest on without a quote: "… revealed the meeting to NBC".
  return sources
}

/** "Four former officials and two who are current officials" → the two counted groups. */
function splitGroups(m: Mention): Mention[] {
  const re = /\s+and\s+(?=(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|a|an)\b)/gi
  const out: Mention[] = []
  let from = 0
  let x: RegExpExecArray | null
  while ((x = re.exec(m.text)) !== null) {
    out.push(sub(m, from, x.index))
    from = x.index + x[0].length
  }
  out.push(sub(m, from, m.text.length))
  return out.length > 1 && out.every((g) => countOf(g.text).count !== undefined) ? out : [m]
}

function sub(m: Mention, a: number, b: number): Mention {
  return { start: m.start + a, end: m.start + b, text: m.text.slice(a, b) }
}
