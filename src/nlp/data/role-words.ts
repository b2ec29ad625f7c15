/**
 * Words for reading the roles people hold ("Russian Foreign Minister", "spokeswoman for the
 * Russian Foreign Ministry", "Europe expert"). A role phrase must contain a head word.
 */

/** Nouns that head a role phrase (compared lower-cased). */
export const roleHeads: ReadonlySet<string> = new Set(
  `minister|president|vice-president|spokeswoman|spokesman|spokesperson|expert|official|officials|senator|sen.|representative|rep.|congressman|congresswoman|governor|gov.|mayor|chancellor|premier|secretary|ambassador|envoy|diplomat|general|gen.|admiral|colonel|col.|commander|chief|director|head|leader|chairman|chairwoman|chair|ceo|founder|co-founder|editor|correspondent|reporter|journalist|analyst|adviser|advisor|aide|deputy|king|queen|prince|princess|pope|emperor|monarch|president-elect|lawmaker|legislator|mp|judge|justice|prosecutor|attorney|lawyer|counsel|professor|prof.|researcher|scholar|economist|strategist|fellow|negotiator|mediator|coordinator|commissioner|inspector|administrator|executive|manager|chair-person|speaker|leader|whip|candidate|nominee|front-runner|clerk|member|trustee|councilman|councilwoman|assemblyman|assemblywoman|registrar|chaplain|frontrunner|hopeful|challenger|contender|pollster|consultant|operative|organizer|activist|campaigner|coach|captain|striker|goalkeeper|player|owner|investor|banker|officer|agent|spy|soldier|veteran|dissident|oligarch|billionaire|businessman|businesswoman|entrepreneur|author|writer|historian|scientist|doctor|physician|bishop|archbishop|cardinal|patriarch|rabbi|imam|cleric|sheikh|ayatollah|emir|sultan|consul|attaché|delegate|ombudsman|auditor|regulator|treasurer|superintendent|sheriff|marshal|lieutenant|lt.|sergeant|sgt.|major|captain|capt.|coroner|pastor|reverend|priest|publicist|rep|actress|actor|singer|star|insp.|supt.|const.|cst.|det.|coun.|ald.|cpl.|cmdr.|maj.|brig.|amb.|atty.|pvt.|constable|detective|corporal|councillor|councilor|alderman|mpp|mla|mna`.split('|'),
)

/** Honorifics that are not roles on their own ("Mr. Lavrov"). */
export const honorifics: ReadonlySet<string> = new Set(['mr.', 'mrs.', 'ms.', 'mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'lord', 'lady'])

/** Lower-case words that may stand inside a pre-nominal role ("former Foreign Minister"). */
export const roleModifiers: ReadonlySet<string> = new Set(
  `former|ex|then|late|acting|deputy|vice|assistant|associate|senior|junior|top|chief|principal|general|national|foreign|defense|defence|interior|finance|security|intelligence|military|state|federal|outgoing|incoming|current|longtime|long-time|veteran|retired|new|interim|special|executive|managing|political|policy|press|communications|economic|co|lead|presidential|prime|foreign-policy|founding|first|second|supreme|regional|local|civilian|nuclear|energy|trade|health|justice|education|environment|agriculture|transport|labor|labour|housing|culture|sports|emergency|european|international`.split('|'),
)

/** Words that join the parts of a role ("Secretary of State", "spokeswoman for the … Ministry"). */
export const roleJoiners: ReadonlySet<string> = new Set(['of', 'for', 'at', 'to', 'on', 'the', 'and', 'in', '&'])
