/**
 * The entity stage: tags each sentence with the perceptron tagger (`./entity-tagger.ts`), turns the
 * tags into mentions, gives them subtypes (GPE, NORP, OUTLET, GOVERNMENT_BODY, FACILITY, EVENT, …), reads
 * the roles people hold from the text around their names, and merges the mentions of one article
 * into entities (surname-only mentions, spelling variants, outlet short forms, acronyms).
 */
import { getGender } from 'gender-detection-from-name'
import type { Entity, EntityType, Mention, RoleMention, Span, Token } from '../core/types.js'
import { loadEntityModel, tagDocument, type EntityModel, type Gazetteer } from './entity-tagger.js'
import { bioChunks } from './ner-score.js'
import { outlets, type Outlet } from './data/outlets.js'
import { cueByForm } from './data/cue-verbs.js'
import { kinGender, kinNouns, titleGender as TITLES, type Gender } from './data/gender-words.js'
import { honorifics, roleHeads, roleModifiers } from './data/role-words.js'
import { cities, countries, nationalities } from './data/places.js'
import { governmentBodies, governmentWords, internationalOrgs, thinkTankWords } from './data/organizations.js'

export interface EntityInput {
  text: string
  tokens: readonly Token[]
  sentences: readonly Span[]
}

const TYPE_OF: Record<string, EntityType> = { PER: 'PERSON', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC' }

/** A mention while the stage works on it: token range (global indices) and what was found. */
interface Draft {
  first: number
  /** Exclusive. */
  last: number
  type: EntityType
  subtype?: string
  outlet?: Outlet
  sentence: number
  roles: RoleMention[]
}

// ---------------------------------------------------------------------------------------------
// Data look-ups

const outletByForm = new Map<string, Outlet>()
for (const o of outlets) for (const f of [o.name, ...o.aliases]) outletByForm.set(f, o)
/** Outlet forms that are ordinary words or names too: trusted only where the tagger saw an ORG. */
const ambiguousOutletForms = new Set(['Fox', 'Time', 'Sky', 'Nova', 'Guardian', 'The Times', 'The Sun', 'The Hill', 'Economist', 'The Independent', 'The Atlantic', 'Bloomberg', 'Vox', 'Spiegel', 'Anadolu', 'Kyodo', 'Sputnik', 'RIA', 'FT', 'DW', 'ABC', 'AP', 'RT', 'Axios', 'Interfax', 'Tass'])
const OUTLET_MAX = 5

const gpe = new Set([...countries, ...cities])
const norp = new Set(nationalities)
const intl = new Set(internationalOrgs)
const gov = new Set(governmentBodies)

const FACILITY = /^(?:(?:nuclear )?(?:power )?(?:plant|station)|nuclear plant|airport|air base|airbase|naval base|base|dam|bridge|port|reactor|refinery|pipeline|prison|stadium|cathedral|hospital)$/

/** Capitalised function words that do not belong to a role or a name at the start of a sentence. */
const STOP = new Set(
  'The|A|An|This|That|These|Those|In|On|At|For|But|And|Or|As|With|By|From|To|After|Before|When|While|If|Then|Of|According|Meanwhile|However|Also|So|Yet|Now|Earlier|Later|Last|Next|Today|Yesterday|Both|Former|His|Her|Their|Its|Our|My|It|He|She|They|We|I|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December'.split('|'),
)

function normalise(word: string): string {
  return word.replace(/[’‘`]/g, "'").replace(/[“”]/g, '"')
}
function isCap(w: string): boolean {
  const c = w[0] ?? ''
  return c !== c.toLowerCase()
}
const PUNCT = /^[^\p{L}\p{N}]+$/u
/** Lower-case words inside names ("Bank of Canada", "Ludwig van Beethoven"). */
const NAME_JOINERS = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'at', 'to', 'de', 'du', 'des', 'la', 'le', 'van', 'von', 'der', 'den', 'da', 'di', 'del', 'della', 'al', 'el', 'bin', 'ibn', 'y', 'e', '&', "'s", '’s'])

// ---------------------------------------------------------------------------------------------

/** Finds the entities of a document: people, organisations, places and other names. */
export function findEntities(doc: EntityInput, model: EntityModel = loadEntityModel()): Entity[] {
  const { text, tokens } = doc
  // Token ranges of the sentences (tokens outside every sentence form sentences of their own;
  // without sentences, the whole text is one).
  const ranges: [number, number][] = []
  if (!doc.sentences.length && tokens.length) ranges.push([0, tokens.length])
  let t = 0
  for (const s of doc.sentences) {
    while (t < tokens.length && tokens[t]!.end <= s.start) ranges.push([t, ++t])
    const from = t
    while (t < tokens.length && tokens[t]!.start < s.end) t++
    if (t > from) ranges.push([from, t])
  }
  if (doc.sentences.length) while (t < tokens.length) ranges.push([t, ++t])
  const words = tokens.map((tok) => normalise(tok.text))
  const tags = tagDocument(
    ranges.map(([a, b]) => words.slice(a, b)),
    model,
  )

  let drafts: Draft[] = []
  ranges.forEach(([a], s) => {
    for (const c of bioChunks(tags[s]!)) {
      let first = a + c.start
      let last = a + c.end
      while (first < last && PUNCT.test(words[first]!)) first++
      // (Nor a verb of speech the tagger ran the name on into: "the Ontario Provincial Police said"; not a
      // form that may be a plural noun, "Southeastern states".)
      while (last > first && (PUNCT.test(words[last - 1]!) || words[last - 1] === "'s" || (/^\p{Ll}+$/u.test(words[last - 1]!) && cueByForm.has(words[last - 1]!) && !/[^y]s$/.test(words[last - 1]!)))) last--
      // ("Melissa [Mark-Viverito]": a double surname after a name the tagger ended before it.)
      // ("David [McKeague]", "Sean [O'Brien]": the same for a surname with an inner capital.)
      if ((c.type === 'PER' || c.type === 'ORG') && last === a + c.end && last < ranges[s]![1] && /^(?:\p{Lu}\p{Ll}+-\p{Lu}\p{Ll}+|(?:Mc|Mac|O['’])\p{Lu}\p{Ll}+)$/u.test(words[last]!) && tags[s]![c.end] === 'O') last++
      // ("Martin St. [Louis]", "Marc Ste. [Croix]": a surname of a saint's name the tagger ended before.)
      else if (c.type === 'PER' && last === a + c.end && last < ranges[s]![1] && last - first >= 2 && tags[s]![c.end] === 'O' && /^(?:St|Ste)\.$/.test(words[last - 1]!) && /^\p{Lu}\p{Ll}+$/u.test(words[last]!)) last++
      // ("Insp. Jean-Pierre [Brabant]": a surname after a compound given name the tagger ended on.)
      else if (c.type === 'PER' && last === a + c.end && last < ranges[s]![1] && tags[s]![c.end] === 'O' && /^\p{Lu}[\p{L}'’]+$/u.test(words[last]!) && /^\p{Lu}\p{Ll}+-\p{Lu}\p{Ll}+$/u.test(words[last - 1]!) && givenName(words[last - 1]!, model.gazetteer) && !cueByForm.has(words[last]!.toLowerCase())) last++
      // ("Green Party Leader Elizabeth [May].": a surname that is also a month or a modal, after a given name.)
      else if ((c.type === 'PER' || c.type === 'ORG') && last === a + c.end && last < ranges[s]![1] && /^(?:May|Will)$/.test(words[last]!) && tags[s]![c.end] === 'O' && ((model.gazetteer.get(words[last - 1]!) ?? 0) & 16) !== 0) last++
      // ("Green Party Leader Mike Schreiner [accused Ford of wasting] money": the tagger now and then runs a
      // name on over a verb; a lower-case word that joins no name ends it. The words after the verb may hold
      // a name of their own: "… had for months pressed [Mr. Trump]".)
      if (c.type === 'PER' || c.type === 'ORG') {
        for (let k = first + 1; k < last; k++) {
          if (/^\p{Ll}+$/u.test(words[k]!) && !NAME_JOINERS.has(words[k]!) && (cueByForm.has(words[k]!) || /ed$/.test(words[k]!))) {
            let e = last
            while (e > k + 1 && (/^\p{Ll}/u.test(words[e - 1]!) || PUNCT.test(words[e - 1]!))) e--
            if (e > k + 1 && isCap(words[k + 1]!)) drafts.push({ first: k + 1, last: e, type: TYPE_OF[c.type]!, sentence: s, roles: [] })
            last = k
            break
          }
        }
      }
      if (last > first) drafts.push({ first, last, type: TYPE_OF[c.type]!, sentence: s, roles: [] })
    }
  })
  const sentenceOf = new Int32Array(tokens.length)
  ranges.forEach(([a, b], s) => sentenceOf.fill(s, a, b))

  // ("[Bloc Québécois Leader] Yves-François [Blanchet] says": a given name the tagger left out between a role and
  // a surname; the role is no part of the body's name.)
  for (const p of drafts) {
    const g = p.first - 1
    if (p.type !== 'PERSON' || g < 1 || !/^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u.test(words[g]!) || drafts.some((d) => d.first <= g && g < d.last)) continue
    if (!givenName(words[g]!, model.gazetteer)) continue
    const before = drafts.find((d) => d !== p && d.last === g && d.last - d.first >= 2 && isHead(words[g - 1]!) && isCap(words[g - 1]!))
    if (!before) continue
    before.last--
    p.first = g
  }
  drafts = splitAtCommas(drafts, words)
  drafts = splitAtAndAfterTitledName(drafts, words)
  drafts = splitAtPossessives(drafts, words, model.gazetteer)
  joinNamesAfterRoles(drafts, words)
  drafts = extendOrgs(drafts, words, ranges)
  drafts = splitHonorificRuns(drafts, words)
  drafts = extendInitials(drafts, words, ranges)
  drafts = addOutlets(drafts, words, sentenceOf)
  for (const d of drafts) extendFacility(d, words, ranges[d.sentence]![1])
  for (const d of drafts) retype(d, words, model.gazetteer)
  for (const d of drafts) d.subtype ??= subtypeOf(d.type, span(d, words))
  {
    const covered = new Uint8Array(words.length)
    for (const d of drafts) covered.fill(1, d.first, d.last)
    // (The surname alone may be a person of its own the tagger found: it joins the given name.)
    const lone = new Map(drafts.filter((d) => d.type === 'PERSON' && d.last - d.first === 1).map((d) => [d.first, d]))
    const joined = new Set<Draft>()
    drafts = drafts.flatMap((d) =>
      splitTitledName(d, words, (k) => {
        const ok = k < ranges[d.sentence]![1] && (!covered[k] || lone.has(k)) && givenName(words[k - 1]!, model.gazetteer)
        if (ok && lone.has(k)) joined.add(lone.get(k)!)
        return ok
      }),
    )
    if (joined.size) drafts = drafts.filter((d) => !joined.has(d))
  }
  for (const d of drafts) if (d.type === 'PERSON') dropLeadingTitle(d, words)
  for (const d of drafts) if (d.type === 'PERSON') readRoles(d, drafts, words, tokens, text, ranges[d.sentence]!)
  drafts = addSurnamesBeforeSpeech(drafts, words, sentenceOf)
  return merge(drafts, tokens, text, words)
}

/**
 * "British Prime Minister Theresa May met the leaders. May said she would not resign.": the surname of a
 * person named in full, alone before a verb of speech, where the tagger took it for a month or a modal
 * ("May", "Will"). Only after the full name, and only before the verb: "May was warm" stays a month.
 */
function addSurnamesBeforeSpeech(drafts: Draft[], words: readonly string[], sentenceOf: Int32Array): Draft[] {
  const full = drafts.filter((d) => d.type === 'PERSON' && d.last - d.first > 1)
  if (!full.length) return drafts
  const covered = new Uint8Array(words.length)
  for (const d of drafts) covered.fill(1, d.first, d.last)
  const added: Draft[] = []
  for (let k = 0; k + 1 < words.length; k++) {
    if (covered[k] || !isCap(words[k]!) || !/^(?:said|says|told|tells|added|adds|wrote|writes|asked|replied|noted|argued|insisted|explained|tweeted|announced)$/.test(words[k + 1]!)) continue
    if (full.some((d) => d.last <= k && words[d.last - 1] === words[k])) added.push({ first: k, last: k + 1, type: 'PERSON', sentence: sentenceOf[k]!, roles: [] })
  }
  return added.length ? [...drafts, ...added].sort((a, b) => a.first - b.first) : drafts
}

/**
 * A name does not run on over a comma: "at George Washington University, Felt applied …" is an
 * organisation and a person, "Athens, Greece" two places (the tagger, trained on Reuters text, now and then
 * joins them). Not before "Inc." or "Jr." ("Acme, Inc.", "Martin Luther King, Jr.").
 */
function splitAtCommas(drafts: Draft[], words: readonly string[]): Draft[] {
  // (A piece takes the type its words give: an organisation's head word, or the surname of a person named
  // elsewhere in the article; else the type of the whole.)
  const surnames = new Set(drafts.filter((d) => d.type === 'PERSON' && !words.slice(d.first, d.last).includes(',')).map((d) => words[d.last - 1]!))
  const typed = (d: Draft): Draft => (ORG_HEAD.test(words[d.last - 1]!) ? { ...d, type: 'ORG' } : surnames.has(words[d.last - 1]!) ? { ...d, type: 'PERSON' } : d)
  return drafts.flatMap((d) => {
    const out: Draft[] = []
    let a = d.first
    for (let k = d.first + 1; k < d.last - 1; k++) {
      if (words[k] !== ',' || COMPANY_END.test(words[k + 1]!) || GENERATION.test(words[k + 1]!)) continue
      out.push(typed({ ...d, first: a, last: k, roles: [] }))
      a = k + 1
    }
    if (!out.length) return [d]
    out.push(typed({ ...d, first: a, last: d.last, roles: [] }))
    return out
  })
}

/**
 * "[Liberal Leader Justin Trudeau] and [Conservative] Leader Erin O'Toole": the tagger now and then runs a
 * titled name on over "and" into the next title; a role word with a name of two capitalised words right
 * before "and" ends it. ("Procter and Gamble", "the Department of Health and Human Services" have none.)
 */
function splitAtAndAfterTitledName(drafts: Draft[], words: readonly string[]): Draft[] {
  return drafts.flatMap((d) => {
    for (let k = d.first + 3; k < d.last - 1; k++) {
      if (words[k] !== 'and' || !isCap(words[k + 1]!)) continue
      if (!(isCap(words[k - 1]!) && isCap(words[k - 2]!) && roleHeads.has(words[k - 3]!.toLowerCase()) && isCap(words[k - 3]!))) continue
      return [{ ...d, last: k, roles: [] }, { ...d, first: k + 1, roles: [] }]
    }
    return [d]
  })
}

/**
 * "Reunion Pictures' Matthew O'Connor", "Green Party's Jill Stein": a possessive before a given name and a
 * surname ends the name of the organisation (or place) the person belongs to, and the person's name follows.
 * (Not "National Women's Law Center", "New Year's Day": no given name after the possessive.)
 */
function splitAtPossessives(drafts: Draft[], words: readonly string[], gazetteer: Gazetteer): Draft[] {
  return drafts.flatMap((d) => {
    for (let k = d.first + 1; k < d.last - 2; k++) {
      if (!/^['’]s?$/.test(words[k]!)) continue
      const name = words.slice(k + 1, d.last)
      if (name.length > 3 || !((gazetteer.get(name[0]!) ?? 0) & 16) || !name.every((w) => NAME_WORD.test(w) || INNER_CAP.test(w))) continue
      return [{ ...d, last: k, type: ORG_HEAD.test(words[k - 1]!) || d.type === 'PERSON' ? 'ORG' : d.type, roles: [] }, { ...d, first: k + 1, type: 'PERSON', roles: [] }]
    }
    return [d]
  })
}

/** Nouns for people that stand before a name with no article: "protester Paris Kyriakides", "resident Anna Smith". */
const PERSON_BEFORE_NAME = new Set('protester protestor demonstrator resident witness student worker teacher neighbor neighbour victim survivor farmer driver voter activist organizer organiser volunteer shopper commuter nurse doctor officer lawyer'.split(' '))

/** Role words that are adjectives as often ("major Hong Kong-listed firms"). */
const ADJECTIVE_ROLES = new Set(['major', 'general', 'chief', 'head', 'deputy', 'executive', 'star', 'leader', 'fellow'])

/**
 * "32-year-old protester Paris Kyriakides": a one-word name the tagger took for a place or organisation,
 * after a role or a noun for people and before a capitalised word no entity holds, is a person's given
 * name with the surname after it.
 */
function joinNamesAfterRoles(drafts: Draft[], words: readonly string[]): void {
  const taken = new Set<number>()
  for (const d of drafts) for (let k = d.first; k < d.last; k++) taken.add(k)
  for (const d of drafts) {
    if (d.last - d.first !== 1 || d.first === 0) continue
    const before = words[d.first - 1]!
    const next = words[d.last] ?? ''
    if (!/^\p{Ll}+$/u.test(before) || !(PERSON_BEFORE_NAME.has(before) || roleHeads.has(before)) || ADJECTIVE_ROLES.has(before)) continue
    if (!/^\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}\p{Ll}+)?$/u.test(next) || taken.has(d.last)) continue
    d.last++
    d.type = 'PERSON'
    taken.add(d.last - 1)
  }
}

/** The entity one of whose mentions overlaps `start`–`end`, if any. */
export function entityAt(entities: Entity[], start: number, end: number): Entity | undefined {
  return entities.find((e) => e.mentions.some((m) => m.start < end && start < m.end))
}

function span(d: { first: number; last: number }, words: readonly string[]): string {
  return words.slice(d.first, d.last).join(' ')
}

/** Words of a government department named with its country or province ("Health Canada", "Public Safety Canada"). */
const DEPARTMENT_WORD = /^(?:Health|Transport|Statistics|Elections|Parks|Environment|Global|Affairs|Public|Safety|Employment|Immigration|Fisheries|Natural|Resources|Agriculture|Finance|Justice|Heritage|Sport|Veterans|Indigenous|Services|Infrastructure|Revenue|Destination|Tourism|Innovation|Shared|Defence|Defense)$/

const ORG_HEAD = /^(?:Council|Institute|Committee|Ministry|Department|Center|Centre|Association|Union|University|Bank|Fund|Organization|Organisation|Agency|Board|Commission|Office|School|College|Society|Academy|Federation|League|Party|Court|Foundation|Forum|Chamber|Bureau|Service|Conference)$/

/**
 * "Council on Foreign Relations": the tagger tends to stop an organisation at "on / of / for";
 * an organisation ending in such a head word takes the capitalised words that follow the preposition.
 */
function extendOrgs(drafts: Draft[], words: readonly string[], ranges: readonly [number, number][]): Draft[] {
  for (const d of drafts) {
    // ("[The Prime Minister's] Office", "[the Mayor's] Office": the tagger keeps the head word alone.)
    if (!d.outlet && d.last - d.first === 1 && ORG_HEAD.test(words[d.first]!) && /^['’]s$/.test(words[d.first - 1] ?? '')) {
      let a = d.first - 1
      while (a > ranges[d.sentence]![0] && d.first - a < 5 && isCap(words[a - 1]!) && !DETERMINERS.has(words[a - 1]!.toLowerCase()) && !drafts.some((x) => x.first <= a - 1 && a - 1 < x.last)) a--
      if (a < d.first - 1) {
        d.first = a
        d.type = 'ORG'
      }
    }
    // ("Toronto Police [Service]": the tagger stops a police force before its head word.)
    if (d.type === 'ORG' && words[d.last - 1] === 'Police' && /^(?:Service|Department|Force)$/.test(words[d.last] ?? '') && d.last < ranges[d.sentence]![1]) d.last++
    // ("Health [Canada]", "Global Affairs [Canada]", "Public Health [Ontario]": a department's word before a
    // country or province names the department, not the place.)
    if (d.type === 'LOC' && !d.outlet && d.last - d.first === 1) {
      let a = d.first
      while (a > ranges[d.sentence]![0] && d.first - a < 3 && DEPARTMENT_WORD.test(words[a - 1]!) && !drafts.some((x) => x !== d && x.first <= a - 1 && a - 1 < x.last && x.type !== 'ORG')) a--
      if (a < d.first && !(d.first - a === 1 && /^(?:Affairs|Services|Resources|Relations|Safety)$/.test(words[a]!))) {
        d.first = a
        d.type = 'ORG'
      }
    }
    // ("[New Hampshire] Public Radio": a place that the capitalised name of an organisation goes on from.)
    if (d.type === 'LOC' && !d.outlet) {
      let k = d.last
      while (k < ranges[d.sentence]![1] && k - d.last < 3 && isCap(words[k]!) && !drafts.some((x) => x !== d && x.first <= k && k < x.last)) k++
      // ("[Manitoba] RCMP", "[Nova Scotia] RCMP": an acronym the tagger left out, right after the place.)
      // (Not in text written in capitals: "JAPAN GET LUCKY WIN".)
      const acronym = k === d.last + 1 && /^\p{Lu}{2,6}$/u.test(words[d.last]!) && /\p{Ll}/u.test(words[d.first]!) && /\p{Ll}/u.test(words[d.last + 1] ?? 'a')
      if (k > d.last && (acronym || ORG_ENDINGS.test(words[k - 1]!) || /^(?:Radio|Television|Broadcasting|Network|Herald|Tribune|Journal|Gazette|Press)$/.test(words[k - 1]!))) {
        d.last = k
        d.type = 'ORG'
      }
    }
    // ("[Nova Scotia Nurses]' [Union]", "[Ontario Nurses]' [Association]": the tagger splits a name at a plural
    // possessive's apostrophe; the part after it, ending in an organisation's head word, goes on from it.)
    const after = !d.outlet && /^['’]$/.test(words[d.last] ?? '') && /s$/.test(words[d.last - 1]!) ? drafts.find((x) => x !== d && x.first === d.last + 1 && (ORG_HEAD.test(words[x.last - 1]!) || ORG_ENDINGS.test(words[x.last - 1]!))) : undefined
    if (after) {
      d.last = after.last
      d.type = 'ORG'
    }
    // (Or it reads the whole name as a place: a plural possessive before such a head word makes it an organisation.)
    else if (d.type !== 'ORG' && !d.outlet && ORG_HEAD.test(words[d.last - 1]!) && words.slice(d.first + 1, d.last - 1).some((w, k) => /^['’]$/.test(w) && /s$/.test(words[d.first + k]!))) d.type = 'ORG'
    if (d.type !== 'ORG' || !ORG_HEAD.test(words[d.last - 1]!)) continue
    const end = ranges[d.sentence]![1]
    let j = d.last
    if (j >= end || !['on', 'of', 'for'].includes(words[j]!)) continue
    j++
    if (words[j] === 'the') j++
    let k = j
    while (k < end && (isCap(words[k]!) || (k > j && words[k] === 'and' && isCap(words[k + 1] ?? '')))) k++
    if (k > j && !STOP.has(words[j]!)) d.last = k
  }
  // Drop what the extended mentions now cover.
  return drafts.filter((d) => !drafts.some((x) => x !== d && x.first <= d.first && d.last <= x.last && x.last - x.first > d.last - d.first))
}

/** Outlets from our list, found even where the tagger missed them or gave them another type. */
function addOutlets(drafts: Draft[], words: readonly string[], sentenceOf: Int32Array): Draft[] {
  const found: Draft[] = []
  for (let i = 0; i < words.length; i++) {
    if (!isCap(words[i]!)) continue
    let match: { n: number; outlet: Outlet; form: string } | undefined
    let key = ''
    // ("USA TODAY": a word in capitals is also read as in title case.)
    let titled = ''
    const title = (w: string) => (/^\p{Lu}{4,}$/u.test(w) ? w[0] + w.slice(1).toLowerCase() : w)
    for (let n = 1; n <= OUTLET_MAX && i + n <= words.length; n++) {
      key = n === 1 ? words[i]! : key + ' ' + words[i + n - 1]!
      titled = n === 1 ? title(words[i]!) : titled + ' ' + title(words[i + n - 1]!)
      const o = outletByForm.get(key) ?? outletByForm.get(titled)
      if (o) match = { n, outlet: o, form: outletByForm.has(key) ? key : titled }
    }
    if (!match) continue
    const first = i
    const last = i + match.n
    if (ambiguousOutletForms.has(match.form)) {
      // Only where the tagger saw an organisation with exactly this text.
      const d = drafts.find((x) => x.first === first && x.last === last && x.type === 'ORG')
      if (!d) continue
    }
    found.push({ first, last, type: 'ORG', subtype: 'OUTLET', outlet: match.outlet, sentence: sentenceOf[i]!, roles: [] })
    i = last - 1
  }
  const kept = drafts.filter((d) => !found.some((f) => f.first < d.last && d.first < f.last))
  return [...kept, ...found].sort((a, b) => a.first - b.first)
}

const INITIAL = /^\p{Lu}(?:\.\p{Lu})*\.$/u
const LEADING_FUNCTION = /^(?:Had|Has|Have|Was|Were|Is|Are|Did|Does|Do|As|If|When|While|But|And|Or|So|Yet|Though|Although|Because|After|Before|Since|Until|Unless|With|Without|For|From|By|At|In|On|To|Of|Like|Unlike|Then|Now|Still|Also|Even|Only|Just|Perhaps|Maybe)$/
const NAME_WORD = /^\p{Lu}[\p{Ll}'’-]*\p{Ll}[\p{L}'’-]*$/u
/** An honorific that makes a person of the name after it ("Mr. LaRue"). */
const HONORIFIC = /^(?:mr|mrs|ms|dr)\.?$/i
/** The last word of a street's name: abbreviated ("E. Dahlia Ave."), or written out ("Nicola Avenue"). */
const STREET_ABBR = /^(?:Ave|St|Rd|Blvd|Ln|Hwy|Pkwy)\.$/
const STREET_WORD = /^(?:Avenue|Street|Road|Boulevard|Lane|Highway|Parkway|Square)$/
/** Surnames the tagger tends to leave out: an inner capital ("LaRue", "McCord", "DeSantis", "O'Connor"). */
const INNER_CAP = /^(?:\p{Lu}\p{Ll}+\p{Lu}\p{Ll}+|O['’]\p{Lu}\p{Ll}+)$/u

/** A generational suffix after a name: "Jr.", "Sr.", "III". */
const GENERATION = /^(?:Jr|Sr)\.?$|^(?:II|III|IV)$/
/** A word inside a person's name after an honorific: "Hannity", "O'Rourke", "J.", "de" in "Mr. de Blasio", "Jr.". */
const NAME_PARTICLE = /^(?:de|van|von|der|den|da|del|della|di|du|la|le|bin|ibn|al|el)$/
function nameWordAt(words: readonly string[], k: number, end: number): boolean {
  const w = words[k]!
  if (NAME_WORD.test(w) || INNER_CAP.test(w) || INITIAL.test(w) || GENERATION.test(w) || /^\p{Lu}{2,}$/u.test(w)) return true
  // A particle counts when a capitalised word follows it ("Mr. de Blasio", "Mr. al-Assad").
  return (NAME_PARTICLE.test(w) || /^(?:al|el)-\p{Lu}/u.test(w)) && k + 1 < end && (/^(?:al|el)-/.test(w) || NAME_WORD.test(words[k + 1]!))
}

/**
 * "Mr. Hannity is not only Mr.", "Mr. Trump makes him", "Mr. Hannity over Mr. Trump": the tagger,
 * trained on text with few honorifics, runs a name with "Mr." on over the words after it. A draft that
 * holds an honorific keeps, from it, the honorific and the name words after it (a person); the rest of
 * the draft is cut at the first word that is no name word, and what follows is read again the same way
 * (a further "Mr. Trump" is a person of its own; capitalised words keep the draft's type).
 */
function splitHonorificRuns(drafts: Draft[], words: readonly string[]): Draft[] {
  if (!drafts.some((d) => words.slice(d.first, d.last).some((w) => HONORIFIC.test(w)))) return drafts
  const out: Draft[] = []
  for (const d of drafts) {
    let hon = -1
    for (let k = d.first; k < d.last && hon < 0; k++) if (HONORIFIC.test(words[k]!) && /\.$|^(?:Mr|Mrs|Ms|Dr)$/.test(words[k]!)) hon = k
    if (hon < 0) {
      out.push(d)
      continue
    }
    const pieces: Draft[] = []
    // Before the honorific: the draft's own words up to it, when they are name words ("Donald Trump and Mr. Pence").
    if (hon > d.first) {
      let b = d.first
      while (b < hon && nameWordAt(words, b, hon)) b++
      if (b > d.first) pieces.push({ ...d, last: b, roles: [] })
    }
    let k = hon
    while (k < d.last) {
      const honorific = HONORIFIC.test(words[k]!)
      const a = k
      if (honorific) k++
      while (k < d.last && nameWordAt(words, k, d.last)) k++
      // (An honorific alone keeps the draft's end: the name after it is found by `extendInitials`.)
      if (k > a && (!honorific || k > a + 1 || k === d.last)) pieces.push({ ...d, first: a, last: k, type: honorific ? 'PERSON' : d.type, roles: [] })
      else if (honorific) pieces.push({ ...d, first: a, last: a + 1, type: 'PERSON', roles: [] })
      while (k < d.last && !HONORIFIC.test(words[k]!) && !(/^\p{Lu}/u.test(words[k]!) && nameWordAt(words, k, d.last))) k++
    }
    out.push(...pieces)
  }
  return out
}

/**
 * Completes people's names the tagger cut short:
 * - "John J. Sirica", "George H.W. Bush": a person ending in a middle initial takes the capitalised name
 *   words after it (and the person or name it runs into), with "Jr." or "Sr." after them;
 * - "Frederick Cheney LaRue": a surname with an inner capital right after a person;
 * - "Mr. LaRue": an honorific tagged alone, or a name after an honorific tagged as an organisation, is a person.
 */
function extendInitials(drafts: Draft[], words: readonly string[], ranges: readonly [number, number][]): Draft[] {
  const drop = new Set<Draft>()
  const at = new Map<number, Draft>()
  for (const d of drafts) at.set(d.first, d)
  // "Ted Cruz Hints Trump Would Get …": in a title-case headline a name runs over the verb after it.
  const split: Draft[] = []
  for (const d of drafts) {
    if (d.type !== 'PERSON' || d.last - d.first < 2) continue
    for (let k = d.first + 1; k < d.last; k++) {
      const w = words[k]!
      if (/^\p{Lu}\p{Ll}+s$/u.test(w) && w !== 'Means' && cueByForm.has(w.toLowerCase())) {
        if (k + 1 < d.last) split.push({ ...d, first: k + 1, roles: [] })
        d.last = k
        break
      }
    }
  }
  drafts = split.length ? [...drafts, ...split].sort((a, b) => a.first - b.first) : drafts
  // "Jumaane [D. Williams]", "[Mayor John] [D. Tory]": a name that opens with an initial takes the given name
  // before it, a word the tagger did not know or the end of another name.
  const ends = new Map<number, Draft>()
  for (const d of drafts) ends.set(d.last, d)
  for (const d of drafts) {
    if (d.type !== 'PERSON' || d.last - d.first < 2 || !INITIAL.test(words[d.first]!) || d.first === ranges[d.sentence]![0]) continue
    const before = words[d.first - 1]!
    if (!/^\p{Lu}\p{Ll}+$/u.test(before) || roleHeads.has(before.toLowerCase()) || LEADING_FUNCTION.test(before)) continue
    const o = ends.get(d.first)
    if (o && o.type === 'PERSON' && !drop.has(o)) {
      d.first = o.first
      drop.add(o)
    } else if (!o) d.first--
  }
  for (const d of drafts) {
    if (drop.has(d)) continue
    // ("the Watergate break-in, Mr." ends before the honorific of the next name.)
    while (d.last - d.first > 1 && (HONORIFIC.test(words[d.last - 1]!) || PUNCT.test(words[d.last - 1]!))) d.last--
    // ("Had Woodward not run with it", "As Professor Foner put it": a capitalised function word opens the sentence, not the name.)
    if (d.type === 'PERSON' && d.last - d.first > 1 && LEADING_FUNCTION.test(words[d.first]!)) d.first++
    // ("Robert John Dougherty III", "Martin Luther King Jr.")
    if (d.type === 'PERSON' && d.last < ranges[d.sentence]![1] && GENERATION.test(words[d.last]!)) d.last++
    const end = ranges[d.sentence]![1]
    const honorific = HONORIFIC.test(words[d.first]!)
    const honorificOnly = honorific && d.last - d.first === 1
    if (honorific) d.type = 'PERSON'
    let j = d.last
    // "Pennsylvania Avenue": a place and the street word after it.
    if (d.type === 'LOC' && j < end && (STREET_WORD.test(words[j]!) || STREET_ABBR.test(words[j]!))) {
      const o = at.get(j)
      if (o && o.last === j + 1) drop.add(o)
      d.last = j + 1
      d.subtype = 'FACILITY'
      continue
    }
    if (d.type === 'PERSON' && ((d.last - d.first >= 2 && INITIAL.test(words[d.last - 1]!)) || honorificOnly)) {
      while (j < end && j < d.last + 2 && NAME_WORD.test(words[j]!)) j++
    } else if (d.type === 'PERSON' && j + 1 < end && INITIAL.test(words[j]!) && NAME_WORD.test(words[j + 1]!) && !at.has(j)) {
      // ("[Mayor John] D. Tory": a middle initial and the surname after a name the tagger cut short.)
      j += 2
    } else if (d.type === 'PERSON' && j < end && INNER_CAP.test(words[j]!) && !at.has(j)) j++
    if (j === d.last) {
      const o = at.get(j)
      if (!honorificOnly || !o || o.sentence !== d.sentence) continue
      j = o.last
    }
    if (j < end && /^(?:Jr|Sr)\.?$/.test(words[j]!)) j++
    for (const o of drafts) if (o !== d && o.sentence === d.sentence && o.first >= d.last && o.first < j) {
      if (o.last > j) j = o.last
      drop.add(o)
    }
    d.last = j
  }
  return drop.size ? drafts.filter((d) => !drop.has(d)) : drafts
}

/** "Zaporizhzhia nuclear power plant": a place name followed by a facility noun becomes a FACILITY. */
function extendFacility(d: Draft, words: readonly string[], sentenceEnd: number): void {
  if (d.type !== 'LOC' && d.type !== 'ORG') return
  for (let n = 3; n >= 1; n--) {
    if (d.last + n > sentenceEnd) continue
    const tail = words.slice(d.last, d.last + n)
    if (tail.some(isCap)) continue
    if (FACILITY.test(tail.join(' '))) {
      d.last += n
      d.type = 'LOC'
      d.subtype = 'FACILITY'
      return
    }
  }
}

const countrySet = new Set(countries)
const COMPANY_END = /^(?:Inc|Corp|Co|LLC|Ltd|Cable|Group|Holdings|Partners|Capital|Communications|Airlines|Motors|Industries|Enterprises|Institute|Foundation|University)\.?$/

/** Roles a place names in front of: "Alaska Governor", "Ontario Premier", "Toronto Mayor". */
const PLACE_ROLE = /^(?:Governor|Mayor|Senator|Premier|President|Minister|Chancellor|Sheriff|Congressman|Congresswoman|Governor-General)$/

/** Fixes types the tagger gets wrong in news: "US officials" (a country), "the Biden administration" (a person). */
/**
 * A given name, or a compound of them ("Jean-Pierre", "Yves-François"): each part in the gazetteer's given
 * names, or known to the name lists of gender-detection-from-name (which hold "François", the gazetteer not).
 */
function givenName(w: string, gazetteer: Gazetteer): boolean {
  return w.split('-').every((x) => ((gazetteer.get(x) ?? 0) & 16) !== 0 || getGender(x) !== 'unknown')
}

/** The last word of a place's name: "Harrison County", "Cheltenham Township". */
const PLACE_END = /^(?:County|Township|Parish|Borough)$/

function retype(d: Draft, words: readonly string[], gazetteer: Gazetteer): void {
  const name = span(d, words)
  const n = d.last - d.first
  // "the Alaska Governor", "Ontario Premier": a place before a role is no organisation; the role is no name.
  if (d.type === 'ORG' && !d.outlet && n >= 2 && n <= 3 && PLACE_ROLE.test(words[d.last - 1]!) && words.slice(d.first, d.last - 1).every((w) => /^\p{Lu}\p{Ll}+$/u.test(w))) {
    d.last--
    d.type = 'LOC'
    return
  }
  if (d.type !== 'LOC' && !d.outlet && countrySet.has(name)) d.type = 'LOC'
  // "the Ontario Provincial Police", "Peel Regional Police": a police force.
  else if (d.type !== 'ORG' && n >= 2 && /^(?:Police|Constabulary|Gendarmerie)$/.test(words[d.last - 1]!)) d.type = 'ORG'
  // "George Washington University", "Time Warner Cable", "Las Vegas Sands Corp.": a name that ends in an
  // organisation's head word is no person.
  else if (d.type === 'PERSON' && n >= 2 && (ORG_HEAD.test(words[d.last - 1]!) || COMPANY_END.test(words[d.last - 1]!))) d.type = 'ORG'
  // ("The Harrison County, Miss., coroner": a county or a township is a place.)
  else if (d.type === 'PERSON' && n >= 2 && PLACE_END.test(words[d.last - 1]!)) d.type = 'LOC'
  // "E. Dahlia Ave.", "Nicola Avenue": a street.
  // ("John Street" may be a man: a full word only after a word that is no given name.)
  else if (d.type !== 'LOC' && n >= 2 && (STREET_ABBR.test(words[d.last - 1]!) || (STREET_WORD.test(words[d.last - 1]!) && ((gazetteer.get(words[d.first]!) ?? 0) & 16) === 0))) {
    d.type = 'LOC'
    d.subtype = 'FACILITY'
  } else if (d.type !== 'PERSON' && n === 1 && !gpe.has(name) && /^(?:administration|campaign)$/.test(words[d.last] ?? '')) d.type = 'PERSON'
  else if (
    // "Volodymyr Zelenskyy" tagged ORG: a given name and capitalised words that no list knows otherwise.
    d.type !== 'PERSON' &&
    !d.outlet &&
    (n === 2 || n === 3) &&
    ((gazetteer.get(words[d.first]!) ?? 0) & 16) !== 0 &&
    !((gazetteer.get(name) ?? 0) & 14) &&
    !gpe.has(name) &&
    words.slice(d.first, d.last).every((w, k) => (/^\p{Lu}\p{Ll}+$/u.test(w) || (k > 0 && INITIAL.test(w))) && !ORG_HEAD.test(w) && !((gazetteer.get(w) ?? 0) & 14)) &&
    // ("Rogers Communications", "Morgan Industries": a company's last word; "Harrison County": a place's.)
    !COMPANY_END.test(words[d.last - 1]!) &&
    !PLACE_END.test(words[d.last - 1]!)
  )
    d.type = 'PERSON'
}

/**
 * Names of events: a tournament, war, election, summit, festival or holiday by its last word ("World
 * Cup", "US Open", "World War II", "G20 summit", "Labor Day"), or one of a few single names.
 */
const EVENT = /(?:^|\s)(?:Cup|Open|Prix|Games|Olympics|Paralympics|Championships?|Classic|Rally|Tour|Bowl|Masters|Slam|Trophy|Series|Marathon|Regatta|Derby|Festival|Expo|Fair|Convention|Congress|Summit|Conference|Talks|Elections?|Primary|Primaries|Caucus(?:es)?|Referendum|War(?: I{1,3})?|Revolution|Uprising|Crisis|Scandal|Affair|Massacre|Holocaust|Day|Week|Christmas|Easter|Ramadan|Thanksgiving|Hanukkah|Diwali|Eid|Brexit)$/i

function subtypeOf(type: EntityType, name: string): string | undefined {
  const bare = name.replace(/^the /i, '')
  if (type === 'LOC') return gpe.has(bare) ? 'GPE' : gov.has(bare) ? 'GOVERNMENT_BODY' : undefined
  if (type === 'MISC') return norp.has(bare) || norp.has(bare.replace(/s$/, '')) ? 'NORP' : EVENT.test(bare) ? 'EVENT' : undefined
  if (type !== 'ORG') return undefined
  const o = outletByForm.get(bare) ?? outletByForm.get(name)
  if (o && !ambiguousOutletForms.has(name)) return 'OUTLET'
  if (intl.has(bare) || /^U\.?N\.? /.test(bare)) return 'INTERNATIONAL_ORG'
  if (gov.has(bare)) return 'GOVERNMENT_BODY'
  if (thinkTankWords.test(bare)) return 'THINK_TANK'
  if (governmentWords.test(bare)) return 'GOVERNMENT_BODY'
  return undefined
}

// ---------------------------------------------------------------------------------------------
// Roles

const DETERMINERS = new Set(['a', 'an', 'the'])
const APPOSITIVE_STOP = new Set([',', ';', ':', '(', ')', '"', "'", '.', '!', '?', '—', '–', 'who', 'which', 'that', 'said', 'says', 'told', 'added', 'whose'])

function isHead(w: string): boolean {
  const l = w.toLowerCase()
  return roleHeads.has(l) && !honorifics.has(l)
}

/**
 * A title the tagger took into a person's name is a role, not the name: "Mayor John Tory", "Prime
 * Minister Justin Trudeau" → "John Tory", "Justin Trudeau" (the role is read from the words before).
 */
function dropLeadingTitle(d: Draft, words: readonly string[]): void {
  let cut = -1
  for (let k = d.first; k < d.last - 1; k++) {
    const w = words[k]!
    if (isHead(w) && isCap(w)) cut = k + 1
    else if (!(isCap(w) || (w === 'of' && k > d.first)) || honorifics.has(w.toLowerCase())) break
  }
  if (cut > d.first && cut < d.last) d.first = cut
}

/** Words that end an organisation's name, so that what comes before them is no person's title. */
const ORG_ENDINGS = /^(?:Office|Department|Ministry|Party|Council|Committee|Commission|Agency|Board|Court|Bureau|Institute|Association|Union|Group|Company|Corporation|Inc|Ltd|Foundation|Fund|Bank|Post|Times|News|Service|Services|Authority|Centre|Center|University|College|School|Club|Team|League|Assembly|House|Senate|Congress|Parliament|Cabinet|Secretariat|Caucus)$/

/**
 * An organisation or other name the tagger ran on into a person's: "NDP Leader Jagmeet Singh" is the
 * organisation "NDP" and the person "Jagmeet Singh" (whose role "NDP Leader" is read later). Split when
 * a capitalised role word is followed by two or three capitalised words that end no organisation's name.
 */
function splitTitledName(d: Draft, words: readonly string[], surnameAt: (k: number) => boolean = () => false): Draft[] {
  if (d.type === 'PERSON' || d.outlet) return [d]
  // ("[Bloc Québécois Leader Yves-François] Blanchet says": a given name alone after the role, and the surname the
  // tagger left out after it.)
  const k1 = d.last - 2
  if (k1 > d.first && isHead(words[k1]!) && isCap(words[k1]!) && /^\p{Lu}[\p{L}'’-]+$/u.test(words[d.last]! ?? '') && !ORG_ENDINGS.test(words[d.last]!) && !isHead(words[d.last]!) && surnameAt(d.last))
    return [{ ...d, last: k1, roles: [] }, { first: k1 + 1, last: d.last + 1, type: 'PERSON', sentence: d.sentence, roles: [] }]
  for (let k = d.first + 1; k < d.last - 2; k++) {
    const w = words[k]!
    // ("Likely Republican nominee Donald Trump": a role in lower case inside the name before a person's name.)
    if (!isHead(w) || (!isCap(w) && !(/^\p{Ll}+$/u.test(w) && isCap(words[k + 1]!)))) continue
    const rest = words.slice(k + 1, d.last)
    // ("Senate Majority Leader Mitch McConnell": a surname with an inner capital too.)
    if (rest.length > 3 || !rest.every((x) => (/^\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?$/u.test(x) || INNER_CAP.test(x)) && !ORG_ENDINGS.test(x) && !isHead(x))) continue
    return [{ ...d, last: k, roles: [] }, { first: k + 1, last: d.last, type: 'PERSON', sentence: d.sentence, roles: [] }]
  }
  return [d]
}

function readRoles(d: Draft, drafts: readonly Draft[], words: readonly string[], tokens: readonly Token[], text: string, [sStart, sEnd]: [number, number]): void {
  const personAt = (i: number): boolean => drafts.some((x) => x !== d && x.type === 'PERSON' && x.first <= i && i < x.last)
  const orgIn = (a: number, b: number): string | undefined => {
    // The organisation named after "of / for / at (the)" inside the role.
    for (let i = a; i < b - 1; i++) {
      const l = words[i]!.toLowerCase()
      if (l !== 'of' && l !== 'for' && l !== 'at') continue
      let j = i + 1
      if (words[j]?.toLowerCase() === 'the') j++
      if (j < b && isCap(words[j]!)) return text.slice(tokens[j]!.start, tokens[b - 1]!.end)
    }
    return undefined
  }
  const push = (a: number, b: number): void => {
    if (b <= a) return
    const start = tokens[a]!.start
    const end = tokens[b - 1]!.end
    const raw = text.slice(start, end)
    const role: RoleMention = { start, end, text: raw, role: raw.replace(/\s+/g, ' ') }
    const org = orgIn(a, b)
    if (org) role.org = org
    d.roles.push(role)
  }

  // 1. Pre-nominal: "Russian Foreign Minister Sergey Lavrov", "Europe expert Charles Kupchan".
  let j = d.first - 1
  if (j >= sStart && (isHead(words[j]!) || isCap(words[j]!))) {
    let k = j
    let hasHead = false
    while (k >= sStart) {
      const w = words[k]!
      const l = w.toLowerCase()
      if (personAt(k)) break
      if (isHead(w)) hasHead = true
      else if (l === 'of' && k > sStart && k < j && isHead(words[k - 1]!)) {
        /* "Secretary of State" */
      } else if (roleModifiers.has(l) && !STOP.has(w)) {
        /* "former", "deputy" */
      } else if (isCap(w) && !STOP.has(w) && !honorifics.has(l) && !PUNCT.test(w)) {
        /* "Russian", "Foreign", "Europe" */
      } else break
      k--
    }
    let a = k + 1
    // A role does not start with "of" or a lower-case joiner left over.
    while (a <= j && (words[a]!.toLowerCase() === 'of')) a++
    if (hasHead && a <= j && words.slice(a, j + 1).some(isHead)) push(a, j + 1)
  }

  // 2. Appositive after the name: "Maria Zakharova, the spokeswoman for …," / "Richard Haass, a former diplomat and the …".
  if (words[d.last] === ',' && d.last + 1 < sEnd) {
    let e = d.last + 1
    const first = words[e]!.toLowerCase()
    if (DETERMINERS.has(first) || roleModifiers.has(first) || isHead(words[e]!)) {
      while (e < sEnd && !APPOSITIVE_STOP.has(words[e]!.toLowerCase())) e++
      for (const [a, b] of splitRoleParts(d.last + 1, e, words)) push(a, b)
    }
  }

  // 3. Appositive before the name: "the spokeswoman for the Russian Foreign Ministry, Maria Zakharova,".
  const after = words[d.last]
  if (words[d.first - 1] === ',' && (after === undefined || d.last >= sEnd || [',', '.', ';', "'s", ')'].includes(after))) {
    const comma = d.first - 1
    for (let k = comma - 1; k >= sStart && comma - k <= 15; k--) {
      const w = words[k]!
      if (APPOSITIVE_STOP.has(w.toLowerCase()) && !['that', 'who', 'which'].includes(w.toLowerCase())) break
      if (!DETERMINERS.has(w.toLowerCase())) continue
      // The head must come within four words of the determiner.
      const head = words.slice(k + 1, Math.min(k + 5, comma)).findIndex(isHead)
      if (head < 0) continue
      for (const [a, b] of splitRoleParts(k, comma, words)) push(a, b)
      break
    }
  }
}

/** "a former diplomat and the outgoing president of X" → the token ranges of each role, without determiners. */
function splitRoleParts(a: number, b: number, words: readonly string[]): [number, number][] {
  const parts: [number, number][] = []
  let start = a
  for (let i = a; i <= b; i++) {
    const boundary = i === b || (words[i]!.toLowerCase() === 'and' && i + 1 < b && DETERMINERS.has(words[i + 1]!.toLowerCase()))
    if (!boundary) continue
    let s = start
    while (s < i && DETERMINERS.has(words[s]!.toLowerCase())) s++
    // Each part needs a head word among its first words (before any "of/for").
    const headAt = words.slice(s, i).findIndex(isHead)
    const joinAt = words.slice(s, i).findIndex((w) => ['of', 'for', 'at'].includes(w.toLowerCase()))
    if (headAt >= 0 && (joinAt < 0 || headAt < joinAt) && headAt <= 4) parts.push([s, i])
    start = i + 1
  }
  return parts
}

// ---------------------------------------------------------------------------------------------
// Merging mentions into entities

interface Group {
  type: EntityType
  drafts: Draft[]
  /** PERSON: given names and surname of the full-name mentions. */
  givens: string[]
  surname: string
  /** PERSON: "Sr.", "Jr.", "III" of a full-name mention, without its full stop. */
  generation?: string
  outlet?: Outlet
}

/** Normalised edit-distance similarity, 1 for equal strings. */
export function similarity(a: string, b: string): number {
  a = a.toLowerCase()
  b = b.toLowerCase()
  if (a === b) return 1
  const m = a.length
  const n = b.length
  if (!m || !n) return 0
  let prev = Array.from({ length: n + 1 }, (_, j) => j)
  for (let i = 1; i <= m; i++) {
    const cur = [i]
    for (let j = 1; j <= n; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    prev = cur
  }
  return 1 - prev[n]! / Math.max(m, n)
}

/** Given names and their common short forms ("Fred LaRue" is "Frederick Cheney LaRue"). */
const NICKNAMES: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
    frederick: ['fred', 'freddie'], william: ['bill', 'will', 'billy', 'willie'], robert: ['bob', 'rob', 'bobby', 'robbie'], richard: ['dick', 'rick', 'rich', 'ricky'],
    james: ['jim', 'jimmy', 'jamie'], michael: ['mike', 'mick'], thomas: ['tom', 'tommy'], joseph: ['joe', 'joey'], edward: ['ed', 'ted', 'eddie', 'ned'],
    charles: ['charlie', 'chuck'], christopher: ['chris'], daniel: ['dan', 'danny'], david: ['dave'], anthony: ['tony'], andrew: ['andy', 'drew'],
    benjamin: ['ben'], nicholas: ['nick'], matthew: ['matt'], timothy: ['tim'], stephen: ['steve'], steven: ['steve'], kenneth: ['ken'], lawrence: ['larry'],
    gerald: ['gerry', 'jerry'], ronald: ['ron'], donald: ['don'], douglas: ['doug'], gregory: ['greg'], jeffrey: ['jeff'], patrick: ['pat'], samuel: ['sam'],
    alexander: ['alex'], jonathan: ['jon'], nathaniel: ['nate'], theodore: ['ted', 'teddy'], peter: ['pete'], raymond: ['ray'], elizabeth: ['liz', 'beth', 'betsy'],
    katherine: ['kate', 'kathy', 'katie'], catherine: ['cathy', 'kate'], margaret: ['maggie', 'peggy', 'meg'], patricia: ['pat', 'patty', 'trish'], susan: ['sue'],
    jennifer: ['jen', 'jenny'], rebecca: ['becky'], deborah: ['deb', 'debbie'], victoria: ['vicky'], christine: ['chris'], kimberly: ['kim'], cynthia: ['cindy'],
  }),
)

function givenCompatible(a: string, b: string): boolean {
  if (similarity(a, b) >= 0.75) return true
  const la = a.toLowerCase()
  const lb = b.toLowerCase()
  if (NICKNAMES.get(la)?.includes(lb) || NICKNAMES.get(lb)?.includes(la)) return true
  const ia = a.replace(/\.$/, '')
  const ib = b.replace(/\.$/, '')
  return (ia.length === 1 && b.startsWith(ia)) || (ib.length === 1 && a.startsWith(ib))
}

const ACRONYM_SKIP = new Set(['of', 'the', 'and', 'for', 'on', 'de', 'du', 'la', 'le', 'in', 'at', '&'])
function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => w && !ACRONYM_SKIP.has(w))
    .map((w) => w[0]!)
    .join('')
}

function merge(drafts: Draft[], tokens: readonly Token[], text: string, words: readonly string[]): Entity[] {
  // A leading honorific is not part of the name: "Mr Obama" is the surname mention of "Barack Obama".
  const nameWords = (d: Draft): string[] => {
    const ws = words.slice(d.first, d.last).filter((w) => !PUNCT.test(w) && w !== "'s")
    while (d.type === 'PERSON' && ws.length > 1 && honorifics.has(ws[0]!.toLowerCase())) ws.shift()
    return ws
  }
  const groups: Group[] = []

  // A one-word ORG/MISC mention that is the surname of a person named in full is that person.
  const surnames = new Set(drafts.filter((d) => d.type === 'PERSON' && nameWords(d).length > 1).map((d) => nameWords(d).at(-1)!))
  for (const d of drafts) if ((d.type === 'ORG' || d.type === 'MISC') && !d.outlet && d.last - d.first === 1 && surnames.has(words[d.first]!)) d.type = 'PERSON'
  // ("Martin St. Louis … "…," St. Louis said.": the last two words of a person's full name, before a verb of speech,
  // are that person, not the city.)
  const tails = new Set(drafts.filter((d) => d.type === 'PERSON' && nameWords(d).length > 2 && /^(?:St|Ste|Saint|Sainte)\.?$/.test(nameWords(d).at(-2)!)).map((d) => nameWords(d).slice(-2).join(' ')))
  for (const d of drafts) if (d.type !== 'PERSON' && !d.outlet && d.last - d.first === 2 && tails.has(words.slice(d.first, d.last).join(' ')) && /^(?:said|says|told|tells|added|adds)$/.test(words[d.last] ?? '')) d.type = 'PERSON'
  // So is a full name tagged otherwise that is a spelling of a person's name ("Volodymyr Zelensky" / "Volodymyr Zelenskyy").
  const fullNames = drafts.filter((d) => d.type === 'PERSON' && nameWords(d).length > 1).map(nameWords)
  for (const d of drafts) {
    const ws = nameWords(d)
    if (d.type === 'PERSON' || d.outlet || ws.length < 2 || ws.length > 3) continue
    if (fullNames.some((f) => f.length === ws.length && similarity(f.at(-1)!, ws.at(-1)!) >= 0.8 && givenCompatible(f[0]!, ws[0]!))) d.type = 'PERSON'
  }

  // People: full names first (grouped by surname and compatible given names) …
  const people = drafts.filter((d) => d.type === 'PERSON')
  const full: Group[] = []
  for (const d of people) {
    const ws = nameWords(d)
    if (ws.length < 2) continue
    // ("Mark Felt Sr." is Mark Felt, the surname before the generation; "Donald Trump Jr." is not Donald Trump.)
    const gen = ws.length > 2 && GENERATION.test(ws.at(-1)!) ? ws.at(-1)!.replace(/\.$/, '') : ''
    const surname = gen ? ws.at(-2)! : ws.at(-1)!
    const given = ws[0]!
    // ("Petitpas Taylor" after "Ginette Petitpas Taylor": a two-word surname alone is the same person.)
    const doubleSurname = (x: Group) => !gen && ws.length === 2 && x.drafts.some((o) => {
      const ow = nameWords(o)
      return ow.length === 3 && ow[1] === ws[0] && ow[2] === ws[1]
    })
    const g = full.find((x) => doubleSurname(x) || (similarity(x.surname, surname) >= 0.8 && x.givens.some((y) => givenCompatible(y, given)) && (x.generation === gen || (!gen && x.generation === 'Sr') || (gen === 'Sr' && !x.generation))))
    if (g) {
      g.drafts.push(d)
      g.givens.push(given)
      g.generation ||= gen
    } else full.push({ type: 'PERSON', drafts: [d], givens: [given], surname, generation: gen })
  }
  groups.push(...full)
  // … then one-word mentions: of the people with that surname (or, when one alone has it, that given
  // name) named before, the one mentioned most so far ("Mr. LaRue" after "His father, Ike Parsons LaRue"
  // is still the article's LaRue), the most recent on a tie; else the next one named.
  const single = new Map<string, Group>()
  // ("Felt worked for the FBI. His daughter Joan Felt said …": a relative named in full after the surname
  // was used alone is someone else than the article's "Felt", and takes no one-word mention.)
  const kin = new Set(
    full.filter((g) => {
      const first = Math.min(...g.drafts.map((x) => x.first))
      let k = first - 1
      if (words[k] === ',') k--
      return kinNouns.has((words[k] ?? '').toLowerCase()) && /^(?:his|her|their|whose|a|the)$/i.test(words[k - 1] ?? '') && people.some((x) => x.first < first && nameWords(x).length === 1 && similarity(g.surname, nameWords(x)[0]!) >= 0.85)
    }),
  )
  // ("Mr. Clinton" and "Mrs. Clinton" are two people: a one-word mention with a title of one gender joins,
  // of the people with its surname, one not known to be of the other.)
  // ("Mr. and Mrs. Khan" are both.)
  // ("Miss." with a full stop is as often Mississippi.)
  const title = (w: string | undefined): Gender | undefined => (w && !/^miss\.$/i.test(w) ? TITLES.get(w.toLowerCase().replace(/\.$/, '')) : undefined)
  const titleGender = (d: Draft): Gender | undefined =>
    /^(?:and|&)$/.test(words[d.first - 1] ?? '') && title(words[d.first - 2]) ? undefined : title(words[d.first]) ?? title(words[d.first - 1])
  // (A full name's own title, a noun of kinship before it, its given name, then the titles of the
  // one-word mentions given to it so far.)
  const groupGender = (g: Group): Gender | undefined => {
    const vote = (drafts: Draft[]) => {
      let male = 0
      let female = 0
      for (const x of drafts) {
        const t = titleGender(x)
        if (t === 'male') male++
        else if (t === 'female') female++
      }
      return male !== female ? (male > female ? 'male' : 'female') : undefined
    }
    const first = Math.min(...g.drafts.map((x) => x.first))
    const given = g.givens.map((x) => getGender(x.replace(/\.$/, ''), 'en')).find((x) => x !== 'unknown')
    return vote(g.drafts.filter((x) => nameWords(x).length > 1)) ?? kinGender.get((words[words[first - 1] === ',' ? first - 2 : first - 1] ?? '').toLowerCase()) ?? given ?? vote(g.drafts)
  }
  for (const d of [...people].sort((a, b) => a.first - b.first)) {
    const ws = nameWords(d)
    if (ws.length !== 1) continue
    const t = titleGender(d)
    const w = ws[0]!
    // (The relative does take a title of the gender a noun of kinship gave: "Ms. Felt" after "His daughter Joan Felt".)
    let candidates = full.filter((g) => similarity(g.surname, w) >= 0.85 && (!kin.has(g) || (t !== undefined && groupGender(g) === t)))
    // (Of two or more people with the surname; one alone takes it whatever its given name says: "Mr. Effron"
    // is Blair W. Effron.)
    if (t && candidates.length > 1) {
      const fits = candidates.filter((g) => (groupGender(g) ?? t) === t)
      if (fits.length) candidates = fits
    }
    // ("Hillary", "Bernie": a given name alone is the one person named in full with it.)
    if (!candidates.length) {
      // (Not "Brooks" of "Brooks Jr.", whose last word is no surname.)
      const byGiven = full.filter((g) => g.givens.includes(w) && !GENERATION.test(g.surname))
      if (byGiven.length === 1) candidates = byGiven
    }
    let best: Group | undefined
    let bestKey: [number, number] = [-1, -Infinity]
    for (const g of candidates) {
      const before = g.drafts.filter((x) => x.first < d.first)
      const named = before.filter((x) => nameWords(x).length > 1).map((x) => x.first)
      const key: [number, number] = named.length ? [before.length, Math.max(...named)] : [0, -1e9 - Math.min(...g.drafts.map((x) => x.first))]
      if (key[0] > bestKey[0] || (key[0] === bestKey[0] && key[1] > bestKey[1])) {
        bestKey = key
        best = g
      }
    }
    if (best) best.drafts.push(d)
    else {
      // ("Mr. Khan" and "Ms. Khan" with no full name: two people.)
      const known = single.has(w) ? groupGender(single.get(w)!) : undefined
      const key = t && known !== undefined && known !== t ? `${w}:${t}` : w
      let g = single.get(key)
      if (!g) {
        g = { type: 'PERSON', drafts: [], givens: [], surname: w }
        single.set(key, g)
        groups.push(g)
      }
      g.drafts.push(d)
    }
  }

  // Everything else: by outlet, or by normalised text; then acronyms join their expansions.
  const byKey = new Map<string, Group>()
  for (const d of drafts) {
    if (d.type === 'PERSON') continue
    const surface = nameWords(d).join(' ')
    const key = d.outlet ? 'outlet:' + d.outlet.name : surface.replace(/\./g, '').replace(/^the /i, '').toLowerCase()
    let g = byKey.get(key)
    if (!g) {
      g = { type: d.type, drafts: [], givens: [], surname: '' }
      if (d.outlet) g.outlet = d.outlet
      byKey.set(key, g)
      groups.push(g)
    }
    g.drafts.push(d)
  }
  for (const g of [...byKey.values()]) {
    const acronym = nameWords(g.drafts[0]!).join(' ').replace(/\./g, '')
    if (g.outlet || !/^[A-Z]{2,6}$/.test(acronym)) continue
    const target = [...byKey.values()].find((x) => x !== g && x.drafts.some((d) => initials(nameWords(d).join(' ')) === acronym))
    if (target) {
      target.drafts.push(...g.drafts)
      g.drafts = []
    }
  }

  const entities: (Entity & { firstAt: number })[] = []
  for (const g of groups) {
    if (!g.drafts.length) continue
    g.drafts.sort((a, b) => a.first - b.first)
    const mentions: Mention[] = g.drafts.map((d) => {
      const start = tokens[d.first]!.start
      const end = tokens[d.last - 1]!.end
      return { start, end, text: text.slice(start, end) }
    })
    const forms = [...new Set(mentions.map((m) => m.text.replace(/\s+/g, ' ')))]
    const name = forms.reduce((best, f) => (f.split(' ').length > best.split(' ').length || (f.split(' ').length === best.split(' ').length && f.length > best.length) ? f : best))
    // The type most mentions have (ties: the first mention's).
    const votes = new Map<EntityType, number>()
    for (const d of g.drafts) votes.set(d.type, (votes.get(d.type) ?? 0) + 1)
    let type = g.drafts[0]!.type
    for (const [k, v] of votes) if (v > (votes.get(type) ?? 0)) type = k
    const subtype = g.outlet ? 'OUTLET' : g.drafts.find((d) => d.type === type && d.subtype)?.subtype ?? subtypeOf(type, name)
    const roleMentions = g.drafts.flatMap((d) => d.roles).sort((a, b) => a.start - b.start)
    const entity: Entity & { firstAt: number } = {
      id: '',
      name,
      type,
      aliases: forms.filter((f) => f !== name),
      roles: [...new Set(roleMentions.map((r) => r.role))],
      roleMentions,
      mentions,
      firstAt: mentions[0]!.start,
    }
    if (subtype) entity.subtype = subtype
    entities.push(entity)
  }
  entities.sort((a, b) => a.firstAt - b.firstAt)
  return entities.map(({ firstAt: _, ...e }, i) => ({ ...e, id: `e${i + 1}` }))
}
