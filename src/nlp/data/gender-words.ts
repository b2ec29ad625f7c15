/**
 * Words that tell a person's gender: titles before a name ("Mrs. Clinton") and nouns of kinship
 * ("his daughter Joan Felt"). The entity stage reads them to keep two people of one surname apart,
 * speaker resolution to know who "he" or "she" can be.
 */

export type Gender = 'male' | 'female'

const of = (words: string, g: Gender): [string, Gender][] => words.split(' ').map((w) => [w, g])

/** Titles of one gender, lower-cased without their full stop ("Miss." with one is as often Mississippi: callers check). */
export const titleGender: ReadonlyMap<string, Gender> = new Map([...of('mr mister sir lord', 'male'), ...of('mrs ms miss madam dame lady', 'female')])

/** Nouns of kinship of one gender ("her son, Humayun Khan"). */
export const kinGender: ReadonlyMap<string, Gender> = new Map([
  ...of('father husband son brother uncle nephew grandfather grandson widower stepson stepfather boyfriend', 'male'),
  ...of('mother wife daughter sister aunt niece grandmother granddaughter widow stepdaughter stepmother girlfriend', 'female'),
])

/** Nouns of kinship of either gender. */
export const kinNouns: ReadonlySet<string> = new Set([...kinGender.keys(), 'cousin', 'fiancé', 'fiancée', 'partner', 'sibling'])
