/**
 * Event triggers: the words that signal an event of each type, with its CAMEO code and PLOVER
 * category (`../shared/data/events/ontology/codes_of_interest.json`).
 *
 * Notes on choices the ontology leaves open:
 * - Denying a factual report ("Moscow has denied reports that…", "This is disinformation") has no
 *   code in either ontology; we code it 016 ("Deny responsibility"), PLOVER REJECT, and link it to
 *   the event it denies (`denies`), as the ontology README suggests.
 * - A claim is a statement that asserts a fact ("he claimed that Russia had laid explosives"): 010.
 */
export interface EventTrigger {
  type: string
  code: string
  plover?: string
  /** Matched against the sentence, case-insensitively, on word boundaries. */
  pattern: RegExp
  /** Meeting triggers that name the other side with "with" ("talks with", "met with"). */
  withTargets?: boolean
}

export const eventTriggers: readonly EventTrigger[] = [
  // "Lavrov attended meetings in New York"; "Sitting down with Lavrov were Richard Haass, …"
  { type: 'meet', code: '040', plover: 'CONSULT', pattern: /\b(?:met|meets|meeting|meetings|meet)\b(?:\s+with\b)?/i, withTargets: true },
  { type: 'meet', code: '040', plover: 'CONSULT', pattern: /\b(?:held|had|holds|hold|holding|having)\s+(?:\w+\s+){0,2}(?:talks|discussions|consultations)\b(?:\s+with\b)?/i, withTargets: true },
  { type: 'meet', code: '040', plover: 'CONSULT', pattern: /\b(?:talks|consultations)\s+with\b/i, withTargets: true },
  { type: 'meet', code: '044', plover: 'CONSULT', pattern: /\b(?:sitting|sat|sits|sit)\s+down\s+with\b/i, withTargets: true },
  { type: 'meet', code: '041', plover: 'CONSULT', pattern: /\b(?:phone call|spoke by (?:tele)?phone|telephone conversation)\b(?:\s+with\b)?/i, withTargets: true },
  { type: 'meet', code: '042', plover: 'CONSULT', pattern: /\b(?:visited|visits|visiting)\b/i },
  { type: 'meet', code: '043', plover: 'CONSULT', pattern: /\b(?:hosted|hosts|hosting)\b/i },
  { type: 'negotiate', code: '046', plover: 'CONSULT', pattern: /\b(?:negotiated|negotiating|negotiations|negotiate)\b(?:\s+with\b)?/i, withTargets: true },
  { type: 'deny', code: '016', plover: 'REJECT', pattern: /\b(?:denied|denies|deny|denying|denial)\b/i },
  { type: 'deny', code: '016', plover: 'REJECT', pattern: /\b(?:rejected|dismissed|refuted)\s+(?:the\s+|these\s+|those\s+)?(?:reports?|claims?|allegations?|accusations?)\b/i },
  { type: 'deny', code: '016', plover: 'REJECT', pattern: /\b(?:disinformation|fake news|a fake|not true|untrue|baseless|a lie)\b/i },
  { type: 'accuse', code: '112', plover: 'ACCUSE', pattern: /\b(?:accused|accuses|accuse|accusing|blamed|blames|blaming)\b/i },
  { type: 'accuse', code: '111', plover: 'ACCUSE', pattern: /\b(?:criticized|criticised|condemned|denounced|slammed)\b/i },
  { type: 'claim', code: '010', pattern: /\b(?:claimed|claims|claiming|alleged|alleges|asserted|insisted)\b(?!\s+(?:to|of)\b)/i },
  { type: 'threaten', code: '130', plover: 'THREATEN', pattern: /\b(?:threatened|threatens|threaten|threatening)\b/i },
  { type: 'demand', code: '100', plover: 'REQUEST', pattern: /\b(?:demanded|demands|demand|demanding)\b/i },
  { type: 'appeal', code: '020', plover: 'REQUEST', pattern: /\b(?:appealed|appeals to|urged|urges|called on|calls on|called for|calls for)\b/i },
  { type: 'investigate', code: '090', plover: 'ACCUSE', pattern: /\b(?:inspection|inspections|inspected|inspectors|investigation|investigated|investigating|probe|probed)\b/i },
]

/**
 * Phrases that say evidence contradicts a claim in the same sentence:
 * "…, though satellite images and an inspection from the IAEA did not reveal the existence of mines."
 */
export const contradiction =
  /\b(?:though|although|but|however|yet)\b[^.;]*?\b(?:did not|didn't|does not|doesn't|could not|couldn't|failed to|found no)\s+(?:\w+\s+)?(?:reveal|confirm|find|show|support|corroborate|verify|evidence)/i

/** Words that mark a statement as reported rather than asserted by the article. */
export const reportedMarker = /\b(?:reportedly|reported|reports|reporting|allegedly|according to|said to|is said|are said|sources)\b/i

/** A definite noun phrase that refers back to an event already told ("the reported meeting", "that meeting"). */
export const anaphoricEvent = /\b(?:the|that|this|those|these|such|reported|alleged)\s+(?:\w+\s+)?(?:meeting|meetings|talks|visit)\b$/i

/** "This was stated by the spokeswoman …, Maria Zakharova": names the actor of the previous sentence's statement. */
export const passiveAttribution = /^\s*(?:this|that|it)\s+was\s+(?:stated|said|announced|confirmed|reported)\s+by\b/i

/** "The group was joined by Europe expert Charles Kupchan …": adds participants to the meeting just told. */
export const joinedBy = /\b(?:was|were)\s+joined\s+by\b/i
