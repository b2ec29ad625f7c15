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
  /** Ours: meet, negotiate, deny, accuse, claim, threaten, demand, appeal, investigate; then PLOVER's own types in lower case (agree, support, …). */
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

  // The rest of PLOVER's sixteen types, from the CAMEO codebook's verbs (cameo2plover-2021.txt gives
  // each code's PLOVER type). Later triggers give way where an earlier one took the same words.
  // Intent (CAMEO 03): "agreed to", "pledged", "will provide" are AGREE; done, they are AID or COOPERATE.
  { type: 'threaten', code: '138', plover: 'THREATEN', pattern: /\b(?:vowed|vows|vow|warned|warns)\s+(?:\w+\s+){0,2}?(?:to\s+)?(?:retaliate|retaliation|strike|attack|respond militarily|use force|invade|punish)\b/i },
  { type: 'threaten', code: '139', plover: 'THREATEN', pattern: /\b(?:ultimatum|gave \w+ (?:until|a deadline))\b/i },
  { type: 'agree', code: '036', plover: 'AGREE', pattern: /\b(?:agreed|agrees|agree|agreeing)\s+(?:to\s+(?:meet|hold talks|resume talks|negotiate|visit))\b/i },
  { type: 'agree', code: '030', plover: 'AGREE', pattern: /\b(?:agreed|agrees|agreeing)\s+(?:to|on|in principle|upon)\b|\b(?:reached|reach|reaches) (?:an? |the )?(?:agreement|accord|deal|pact|treaty)\b/i },
  { type: 'agree', code: '033', plover: 'AGREE', pattern: /\b(?:pledged|pledges|pledge|promised|promises|offered|offers|vowed|vows|undertook|committed itself|expressed (?:its |their )?(?:willingness|readiness|desire|intention))\b|\b(?:will|would|plans? to|intends? to|is ready to|are ready to|is willing to|are willing to)\s+(?:\w+\s+)?(?:give|provide|send|supply|deliver|donate|grant|lend|help|assist|support|cooperate|resume|restore|open|reopen|establish|sign|lift|ease|release|withdraw|meet|visit)\b/i },
  { type: 'support', code: '051', plover: 'SUPPORT', pattern: /\b(?:praised|praises|praising|hailed|hails|welcomed|welcomes|welcoming|endorsed|endorses|endorsing|commended|commends|applauded|applauds|congratulated|congratulates|thanked|thanks|lauded)\b/i },
  { type: 'support', code: '052', plover: 'SUPPORT', pattern: /\b(?:backed|backs|supported|supports|defended|defends|stood by|sided with|voiced support|expressed support|came out in support)\b/i },
  { type: 'support', code: '054', plover: 'SUPPORT', pattern: /\b(?:recognized|recognised|recognizes|recognises)\s+(?:the\s+)?(?:independence|government|sovereignty|state)\b|\b(?:apologized|apologised|apologizes|apologises|apologizing|forgave|forgives|pardoned)\b/i },
  // Signing a formal agreement is CAMEO 057, SUPPORT (an agreement reached but not signed is AGREE).
  { type: 'support', code: '057', plover: 'SUPPORT', pattern: /\b(?:signed|signs|initialled|initialed|ratified|ratifies)\b/i },
  { type: 'cooperate', code: '060', plover: 'COOPERATE', pattern: /(?<!\bto\s)\b(?:cooperated|cooperates|cooperating|co-operated|collaborated|collaborates|shared intelligence|exchanged (?:intelligence|information)|extradited|extradites|conducted joint|held joint)\b/i },
  { type: 'aid', code: '070', plover: 'AID', pattern: /(?<!\b(?:will|would|to|shall|could)\s)\b(?:provided|provides|providing|sent|sends|delivered|delivers|donated|donates|granted|grants|gave|gives|airlifted|shipped)\s+(?:\w+\s+){0,4}?(?:aid|assistance|relief|food|medicine|medical supplies|supplies|loans?|credits?|grants?|weapons|arms|ammunition|equipment|asylum|funds|funding|money)\b/i },
  { type: 'aid', code: '075', plover: 'AID', pattern: /\b(?:granted|grants|given|gave) (?:political )?asylum\b/i },
  { type: 'concede', code: '080', plover: 'CONCEDE', pattern: /\b(?:conceded|concedes|yielded|yields|gave in|give in|backed down|acceded|accepted (?:the |their |his |her )?(?:demands?|terms|conditions)|complied|complies|relented|eased (?:the )?(?:restrictions|curfew|rules|measures)|lifted (?:the )?(?:curfew|state of emergency|emergency rule|ban|restrictions))\b/i },
  { type: 'retreat', code: '084', plover: 'RETREAT', pattern: /\b(?:released|releases|releasing|freed|frees|handed over|returned|returns)\b(?!\s+(?:to (?:power|office)|home|fire))/i },
  { type: 'retreat', code: '087', plover: 'RETREAT', pattern: /\b(?:withdrew|withdraws|withdrawing|withdrawn|pulled out|pulls out|pulled back|retreated|retreats|demobilized|demobilised|disarmed|declared (?:a |an )?(?:ceasefire|cease-fire|truce)|agreed (?:to )?(?:a )?(?:ceasefire|cease-fire|truce))\b(?!\s+(?:its |their |the )?(?:ambassador|envoy|diplomats|recognition|from (?:the )?(?:talks|negotiations)))/i },
  { type: 'retreat', code: '085', plover: 'RETREAT', pattern: /\b(?:lifted|lifts|eased|eases|suspended|suspends)\s+(?:the |its |their )?(?:economic |trade |oil )?(?:sanctions|embargo|blockade|boycott)\b/i },
  { type: 'reject', code: '120', plover: 'REJECT', pattern: /\b(?:rejected|rejects|rejecting|refused|refuses|refusing|turned down|vetoed|vetoes|vetoing|spurned|ruled out|rules out|defied|defies|defying|balked)\b/i },
  { type: 'request', code: '100', plover: 'REQUEST', pattern: /\b(?:asked|asks|requested|requests|requesting|sought|seeks|seeking|pressed|presses|pleaded|pleads)\s+(?:\w+\s+){0,4}?(?:to|for)\b/i },
  { type: 'request', code: '106', plover: 'REQUEST', pattern: /\b(?:proposed|proposes|suggested|suggests|invited|invites)\s+(?:\w+\s+){0,3}?(?:talks|a meeting|negotiations|a summit|a conference|mediation|dialogue|to meet|to visit)\b/i },
  { type: 'protest', code: '141', plover: 'PROTEST', pattern: /\b(?:protested|protests|protesting|protesters|protestors|demonstrated|demonstrations?|demonstrators|rallied|rallies|marched|marchers|picketed|sit-in|riots?|rioted|rioters|hunger strike|went on strike|staged (?:a |an )?(?:strike|walkout|protest|rally|march|demonstration)|general strike|strikers|boycotted|boycotting)\b/i },
  { type: 'mobilize', code: '154', plover: 'MOBILIZE', pattern: /\b(?:mobilized|mobilised|mobilizes|mobilises|mobilizing|deployed|deploys|deploying|massed|amassed|sent (?:\w+\s+)?(?:troops|soldiers|warships|forces|reinforcements)|troop build-?up|placed (?:\w+\s+)?on (?:high |full )?alert|put (?:\w+\s+)?on (?:high |full )?alert|raised (?:its |the )?(?:alert|readiness)|state of alert)\b/i },
  { type: 'sanction', code: '161', plover: 'SANCTION', pattern: /\b(?:severed|severs|cut (?:off )?(?:diplomatic )?(?:ties|relations)|broke off|breaks off|downgraded (?:\w+\s+)?(?:ties|relations)|recalled (?:its |their )?(?:ambassador|envoy)|withdrew (?:its |their )?(?:ambassador|envoy|diplomats)|expelled|expels|expelling|declared (?:\w+\s+){0,3}?persona non grata)\b/i },
  { type: 'sanction', code: '164', plover: 'SANCTION', pattern: /\b(?:suspended|suspends|halted|halts|froze|freezes|cut off|cuts off|stopped|walked out of|withdrew from|pulled out of)\s+(?:the |its |their |all )?(?:\w+\s+)?(?:talks|negotiations|aid|assistance|cooperation|relations|contacts|dialogue)\b/i },
  { type: 'coerce', code: '163', plover: 'COERCE', pattern: /\b(?:imposed|imposes|imposing|slapped)\s+(?:\w+\s+){0,3}?(?:sanctions|embargo|boycott|curfew|restrictions|ban|blockade|martial law|state of emergency)\b/i },
  { type: 'coerce', code: '173', plover: 'COERCE', pattern: /\b(?:arrested|arrests|arresting|detained|detains|detaining|jailed|jails|imprisoned|rounded up|taken into custody|sentenced|indicted|deported|deports|deporting|seized|seizes|seizing|confiscated|confiscates|raided|raids|banned|bans|outlawed|blockaded|annexed|occupied|shut down|closed down|cracked down|crackdown)\b/i },
  { type: 'assault', code: '190', plover: 'ASSAULT', pattern: /\b(?:attacked|attacks|attacking|bombed|bombs|bombing|bombings|bombarded|shelled|shells|shelling|fired (?:\w+\s+){0,2}?(?:on|at|into|rockets?|missiles?|shells|mortars?)|opened fire|shot dead|shot and killed|killed|kills|killing|massacred|massacre|assassinated|assassination|abducted|abducts|kidnapped|kidnaps|kidnapping|hijacked|hijacking|invaded|invades|invading|invasion|air ?strikes?|missile strikes?|clashed|clashes|fought|fighting|ambushed|ambush|stormed|wounded|injured|tortured|executed|suicide (?:bomb|bomber|bombing|attack)s?|car bombs?)\b/i },
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
