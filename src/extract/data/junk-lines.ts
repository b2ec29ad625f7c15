/**
 * Line patterns for trimming junk out of already-scraped plain text. Each rule has an id (the
 * `reason` reported for a cut), a pattern, and the longest line it may cut: short prompts like
 * "Comments" are only junk when they stand alone, while a full donation appeal is junk at any length.
 * Prompted by pages such as The Post Millennial's ("Powered by … CMS™ Comments", "Join and support
 * independent free thinkers!", "Remind me next month"), WordPress blogs, and the Zyte benchmark pages.
 */
export interface JunkRule {
  readonly id: string
  readonly pattern: RegExp
  /** Longest line (in characters) the rule may cut. */
  readonly maxLength: number
}

export const JUNK_RULES: readonly JunkRule[] = [
  { id: 'powered-by', pattern: /\bpowered by\b/i, maxLength: 120 },
  { id: 'comment-prompt', pattern: /^(?:\d+\s+)?(?:comments?|responses?|replies|discussion)(?:\s*\(\d+\))?\s*:?$|^(?:leave|post|add|write|view|show|hide|load|read)\s+(?:a |the |all |more )?(?:\d+ )?(?:comments?|replies|reply|responses?)\b|^join the (?:conversation|discussion)\b|^comments? (?:are|have been) (?:closed|disabled)|^you must be logged in to post|^log ?in to (?:comment|reply)|^be the first to comment/i, maxLength: 120 },
  { id: 'donation-appeal', pattern: /\bas little as [$£€]\s?\d|\bremind me (?:next|in a) (?:month|week|year)\b|\b(?:support|donate to|contribute to) (?:us|our (?:work|journalism|reporting|newsroom)|independent (?:journalism|media|news|free thinkers))\b|\bbecome a (?:member|patron|supporter|subscriber)\b|\bmake a (?:one-time |monthly )?(?:donation|contribution)\b|\bcan(?:'|’)?t be cancell?ed\b|\bjoin (?:and support|the ranks of)\b/i, maxLength: 2000 },
  { id: 'newsletter-appeal', pattern: /\b(?:sign up|subscribe|register) (?:for|to) (?:our|the|my)\b.{0,40}\b(?:newsletter|briefing|email|updates|digest|alerts?)\b|\bnewsletters?\b.{0,60}\b(?:inbox|sign up|subscribe)\b|\b(?:delivered|straight|direct(?:ly)?) to your inbox\b|^(?:subscribe|sign up|get our newsletter)(?: now| today| here)?[.!]?$|\benter your e-?mail(?: address)?\b/i, maxLength: 400 },
  { id: 'cookie-notice', pattern: /\b(?:we|this (?:web)?site) uses? cookies\b|\bcookie (?:policy|settings|preferences|consent)\b|\baccept (?:all )?cookies\b|\bby (?:continuing to (?:use|browse)|using) (?:this|our) (?:site|website)\b/i, maxLength: 600 },
  { id: 'privacy-notice', pattern: /\bprivacy policy\b|\bpersonal (?:data|information) (?:we|that we) collect\b|\bterms (?:of (?:use|service)|and conditions)\b|\bdo not sell my (?:personal )?info/i, maxLength: 300 },
  { id: 'share-links', pattern: /^(?:share(?: this(?: article| story| post)?)?(?: on| via)?|tweet|e-?mail|print|whatsapp|facebook|twitter|linkedin|pinterest|reddit|flipboard|copy link|follow us(?: on)?|like us on facebook|click to share)\b[\s\w,|•·/:-]{0,80}$/i, maxLength: 100 },
  { id: 'related-links', pattern: /^(?:related(?: articles| stories| posts| content| coverage| topics)?|read (?:more|next|also)|more (?:from|on|stories|news|in)\b|recommended(?: for you)?|you (?:may|might) (?:also )?like|trending(?: now)?|most (?:popular|read|viewed|shared)|see also|also read|don(?:'|’)t miss|popular (?:posts|stories)|latest (?:news|stories|posts)|top stories|what to read next)\b.{0,80}$/i, maxLength: 120 },
  { id: 'advertisement', pattern: /^(?:advertisement|advertising|sponsored(?: content)?|ad|ads|story continues below(?: advertisement)?|continue reading below|skip (?:ad|advertisement))$/i, maxLength: 60 },
  { id: 'copyright', pattern: /^(?:©|\(c\)|copyright\b)|\ball rights reserved\b/i, maxLength: 300 },
  { id: 'navigation', pattern: /^(?:home|main menu|menu|skip to (?:main )?content|back to top|search|log ?in|sign in|log ?out|next (?:post|article)|previous (?:post|article)|tags?:)\b.{0,60}$|^(?:[^\n.!?]{1,30}\s*(?:›|»|>|\/|\|)\s*){2,}[^\n.!?]{0,40}$/i, maxLength: 160 },
]
