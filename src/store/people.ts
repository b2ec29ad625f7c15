/**
 * Merging the same person across articles. Each article's PERSON entities are linked to one row
 * of `people` by the first rule that applies, and the link keeps the rule as evidence:
 *
 * - `same-name`: a name already linked to exactly one person, after normalising (case, accents,
 *   punctuation: "Sergei Lavrov" = "sergei lavrov" = "Sergéi Lavrov");
 * - `given-name-variant`: the same surname and a compatible given name ("Sergey Lavrov" and
 *   "Sergei Lavrov", "S. Lavrov"; see `compatibleGiven`), with exactly one such person;
 * - `surname-only`: a bare surname ("Lavrov") when exactly one person has it;
 * - `new`: none of these (or more than one candidate): a new person.
 *
 * `splitPerson` undoes a wrong merge: the links under one name move to a new person, recorded as
 * split from the first. Later articles then link by exact name to the one or the other; a name
 * that fits both (an initial, a bare surname) is ambiguous and gets a person of its own.
 */

export type LinkRule = 'same-name' | 'given-name-variant' | 'surname-only' | 'new' | 'split'

/** A name in the form it is compared in: lower case, no accents, letters and single spaces. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .replace(/-/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Given names and surname of a normalised name ("sergei v lavrov" → given "sergei v", surname "lavrov"). */
export function nameParts(norm: string): { given: string; surname: string } {
  const tokens = norm.split(' ').filter(Boolean)
  const surname = tokens.pop() ?? ''
  return { given: tokens.join(' '), surname }
}

/**
 * Whether two given names may be the same person's: equal, one an initial of the other
 * ("s" / "sergei"), the same after folding common transliteration variants (y/i, ks/x:
 * "sergey" / "sergei"), or, for names of six letters or more, one letter apart with the same last
 * letter ("aleksandr" / "alexander"). "maria" / "mario" and "sergio" / "sergei" are not.
 */
export function compatibleGiven(a: string, b: string): boolean {
  const x = a.split(' ')[0] ?? ''
  const y = b.split(' ')[0] ?? ''
  if (!x || !y) return true
  if (x === y) return true
  if (x[0] !== y[0]) return false
  if (x.length === 1 || y.length === 1) return true
  const fold = (s: string) => s.replace(/ks/g, 'x').replace(/y/g, 'i').replace(/(.)\1/g, '$1')
  const fx = fold(x)
  const fy = fold(y)
  if (fx === fy) return true
  return Math.min(fx.length, fy.length) >= 6 && fx.at(-1) === fy.at(-1) && editDistance(fx, fy) <= 1
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!
    prev[0] = i
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1))
      diag = up
    }
  }
  return prev[b.length]!
}

/** What is known of one person already in the store, to decide a link. */
export interface PersonCandidate {
  personId: number
  /** Given names linked to the person under this surname ("" for a bare surname). */
  givens: string[]
}

/**
 * Chooses the person a name links to: `exact` are the people this normalised name is already
 * linked to; `bySurname` the people linked under the same surname. Returns null for a new person.
 */
export function choosePerson(norm: string, exact: number[], bySurname: PersonCandidate[]): { personId: number; rule: LinkRule } | null {
  if (exact.length === 1) return { personId: exact[0]!, rule: 'same-name' }
  if (exact.length > 1) return null
  const { given } = nameParts(norm)
  if (!given) {
    const people = new Set(bySurname.map((c) => c.personId))
    return people.size === 1 ? { personId: [...people][0]!, rule: 'surname-only' } : null
  }
  const fits = bySurname.filter((c) => c.givens.every((g) => compatibleGiven(g, given)) && c.givens.some((g) => g !== ''))
  return fits.length === 1 ? { personId: fits[0]!.personId, rule: 'given-name-variant' } : null
}
