/**
 * Word lists the quote finder uses to read speakers and sources, as data.
 */

/** News outlets recognised by name when the entity tagger gives no OUTLET subtype (lower case). */
export const outletNames: readonly string[] = [
  'nbc', 'nbc news', 'cnn', 'cbs', 'cbs news', 'abc', 'abc news', 'fox', 'fox news', 'msnbc', 'cnbc', 'npr', 'pbs',
  'bbc', 'reuters', 'ap', 'the associated press', 'associated press', 'afp', 'agence france-presse', 'bloomberg',
  'the new york times', 'new york times', 'the times', 'the washington post', 'washington post', 'the post',
  'the wall street journal', 'wall street journal', 'the journal', 'politico', 'axios', 'the guardian', 'guardian',
  'the hill', 'usa today', 'the daily beast', 'breitbart', 'breitbart news', 'huffpost', 'the huffington post',
  'huffington post', 'buzzfeed', 'buzzfeed news', 'the atlantic', 'the new yorker', 'time', 'newsweek', 'vox',
  'the intercept', 'los angeles times', 'the los angeles times', 'the boston globe', 'the economist', 'financial times',
  'the financial times', 'al jazeera', 'tass', 'ria novosti', 'interfax', 'xinhua', 'agenzia nova', 'ansa',
  'der spiegel', 'le monde', 'dpa', 'sky news', 'the telegraph', 'the independent', 'daily mail', 'the daily mail',
  'the sun', 'politifact', 'the daily caller', 'national review', 'the federalist', 'western journalism', 'upi',
  'kyiv independent', 'ukrinform', 'rt', 'sputnik', 'the post millennial', 'mediaite', 'the blaze', 'salon', 'slate',
]

/** Nouns that refer back to an outlet: "the outlet reports", "the broadcaster said". */
export const outletNouns: ReadonlySet<string> = new Set([
  'outlet', 'broadcaster', 'newspaper', 'paper', 'network', 'agency', 'magazine', 'channel', 'daily', 'tabloid',
  'website', 'site', 'publication', 'station', 'news agency', 'wire service',
])

/** Head nouns of anonymous sources ("officials", "sources", "people familiar with …"). */
export const anonymousNouns: ReadonlySet<string> = new Set([
  'official', 'officials', 'source', 'sources', 'people', 'person', 'aide', 'aides', 'diplomat', 'diplomats',
  'insider', 'insiders', 'adviser', 'advisers', 'advisor', 'advisors', 'staffer', 'staffers', 'expert', 'experts',
  'analyst', 'analysts', 'critic', 'critics', 'observer', 'observers', 'lawmaker', 'lawmakers', 'residents',
  'witness', 'witnesses', 'supporters', 'members', 'employees', 'investigators', 'operatives', 'strategists',
  'donors', 'allies', 'associates', 'someone', 'individuals', 'americans', 'voters', 'democrats', 'republicans',
  'many', 'others', 'some', 'several', 'few',
  'spokesman', 'spokeswoman', 'spokesperson', 'spokespeople', 'spokesmen', 'spokeswomen', 'representative', 'representatives',
  'majority', 'minority', 'half', 'third', 'quarter', 'plurality', 'percent',
  'economists', 'reporters', 'leaders', 'activists', 'workers', 'opponents', 'lawyers', 'attorneys', 'scientists',
  'researchers', 'doctors', 'delegates', 'conservatives', 'liberals', 'progressives', 'senators', 'officers', 'agents',
  'executives', 'protesters', 'demonstrators', 'organizers', 'organisers', 'respondents', 'citizens', 'fans', 'pollsters',
  'historians', 'commentators', 'scholars', 'students', 'parents', 'families', 'veterans', 'everyone', 'anyone',
  'democrat', 'republican', 'member', 'caucusgoers', 'caucus-goers', 'adults', 'independents', 'moderates', 'women', 'men',
  'constituents', 'participants', 'teachers', 'farmers', 'evangelicals', 'millennials', 'whites', 'blacks', 'latinos',
  'hispanics', 'immigrants', 'consumers', 'investors', 'owners', 'customers', 'users', 'nurses', 'troops', 'soldiers',
  'politicians', 'directors', 'marchers', 'spectators', 'attendees', 'crowd', 'crowds', 'audience', 'onlookers', 'bystanders', 'neighbors', 'neighbours', 'locals', 'african-americans', 'asian-americans', 'candidates', 'groups',
  'advocates', 'backers', 'proponents', 'skeptics', 'sceptics', 'detractors', 'defenders', 'loyalists', 'campaigners', 'volunteers', 'protestors',
  'friends', 'colleagues', 'relatives', 'acquaintances', 'confidants', 'hard-liners', 'hardliners', 'legislators', 'regulators', 'policymakers', 'makers', 'governors', 'mayors', 'judges', 'prosecutors',
])

/** Words that make a mention anonymous only when it carries no name ("a senior official"). */
export const anonymousModifiers: ReadonlySet<string> = new Set([
  'senior', 'former', 'current', 'anonymous', 'unnamed', 'familiar', 'close', 'knowledgeable', 'administration',
])

/** Nouns naming a document or data source ("the report shows …"). */
export const documentNouns: ReadonlySet<string> = new Set([
  'report', 'study', 'poll', 'survey', 'data', 'document', 'documents', 'memo', 'letter', 'analysis', 'records',
  'filing', 'filings', 'statement', 'research', 'review', 'audit', 'indictment', 'complaint', 'lawsuit', 'email',
  'emails', 'footage', 'video', 'images', 'transcript', 'book', 'article', 'ruling', 'law', 'act', 'bill', 'figures',
  'numbers', 'polls', 'surveys', 'reports', 'studies', 'cable', 'assessment', 'investigation', 'estimate', 'tweet',
  'editorial', 'editorials', 'column', 'op-ed', 'commentary', 'release', 'releases', 'bulletin', 'advisory', 'affidavit',
  'petition', 'judgment', 'decision',
])

/** Head nouns of organisations ("the ministry said", "the Pentagon said"). */
export const organizationNouns: ReadonlySet<string> = new Set([
  'ministry', 'department', 'committee', 'campaign', 'party', 'council', 'commission', 'agency', 'office', 'house',
  'kremlin', 'pentagon', 'administration', 'government', 'company', 'firm', 'group', 'organization', 'organisation',
  'union', 'association', 'board', 'court', 'congress', 'senate', 'police', 'army', 'military', 'bureau', 'fbi', 'cia',
  'nato', 'un', 'eu', 'white', 'state', 'iaea', 'foundation', 'institute', 'university', 'team', 'coalition', 'center',
  'centre', 'service', 'authority', 'authorities', 'corporation', 'inc', 'corp', 'fund', 'bank', 'secretariat',
  // ("The City of Toronto said … The city said …": a city's government.)
  'city',
])

/** Number words, for the size of an anonymous group ("four former officials"). */
export const numberWords: ReadonlyMap<string, number> = new Map([
  ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8],
  ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['a dozen', 12], ['dozen', 12], ['both', 2],
  ['a', 1], ['an', 1], ['another', 1],
])

/** Personal pronouns that can be a speaker, with the person type they refer to. */
export const speakerPronouns: ReadonlyMap<string, 'male' | 'female' | 'plural' | 'self'> = new Map([
  ['he', 'male'], ['she', 'female'], ['they', 'plural'], ['i', 'self'], ['we', 'plural'], ['him', 'male'],
  ['her', 'female'], ['them', 'plural'], ['who', 'self'], ['it', 'plural'],
])
