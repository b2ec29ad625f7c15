/**
 * Cue verbs: the speech and reporting verbs that introduce a quote, as data.
 *
 * `class` says what kind of attribution the verb makes:
 * - `speech`: someone said something ("said", "told", "added", "tweeted")
 * - `report`: something was reported or shown ("reported", "revealed", "found", "shows")
 * - `deny`: a denial ("denied", "rejected", "dismissed")
 * - `accuse`: an accusation ("accused", "charged", "alleged")
 * - `claim`: an assertion the writer keeps at a distance ("claimed", "insisted", "argued")
 * - `belief`: a thought, belief, expectation or intention ("believes", "thinks", "fears", "wants")
 * - `stance`: a public position taken on someone or something ("endorsed", "praised", "supported")
 *
 * `clause`: `any` when the verb alone is enough to make an attribution ("X said …", "…, X said"),
 * `that` when it needs a following "that"-clause or a quotation ("the report found that …"), since
 * without one it is usually an ordinary verb ("found a job", "showed the way"); `object` when its object
 * is the content, as PolNeAR annotates it ("Christie endorsed [Trump]", "He criticized [Clinton's record]").
 */
export type CueClass = 'speech' | 'report' | 'deny' | 'accuse' | 'claim' | 'belief' | 'stance'

export interface CueVerb {
  lemma: string
  forms: readonly string[]
  class: CueClass
  clause: 'any' | 'that' | 'object'
}

const v = (lemma: string, forms: string, cls: CueClass, clause: CueVerb['clause'] = 'any'): CueVerb => ({
  lemma,
  forms: [lemma, ...forms.split(' ').filter(Boolean).map((f) => f.replace(/_/g, ' '))],
  class: cls,
  clause,
})

/** A cue whose base form is mostly a noun ("a protest", "the label"): only the inflected forms are cues. */
const w = (lemma: string, forms: string, cls: CueClass, clause: CueVerb['clause'] = 'any'): CueVerb => ({ ...v(lemma, forms, cls, clause), forms: forms.split(' ') })

export const cueVerbs: readonly CueVerb[] = [
  // speech
  v('say', 'says said saying', 'speech'),
  v('tell', 'tells told telling', 'speech'),
  v('add', 'adds added adding', 'speech'),
  v('write', 'writes wrote writing written', 'speech'),
  v('tweet', 'tweets tweeted tweeting', 'speech'),
  v('state', 'states stated stating', 'speech'),
  v('note', 'notes noted noting', 'speech'),
  v('explain', 'explains explained explaining', 'speech'),
  v('announce', 'announces announced announcing', 'speech', 'object'),
  v('declare', 'declares declared declaring', 'speech'),
  v('remark', 'remarks remarked remarking', 'speech'),
  v('reply', 'replies replied replying', 'speech'),
  v('respond', 'responds responded responding', 'speech'),
  v('answer', 'answers answered answering', 'speech'),
  v('ask', 'asks asked asking', 'speech', 'object'),
  v('recall', 'recalls recalled recalling', 'speech'),
  v('continue', 'continues continued continuing', 'speech', 'that'),
  v('stress', 'stresses stressed stressing', 'speech'),
  v('emphasize', 'emphasizes emphasized emphasizing emphasise emphasises emphasised', 'speech'),
  v('warn', 'warns warned warning', 'speech'),
  v('predict', 'predicts predicted predicting', 'speech'),
  v('promise', 'promises promised promising', 'speech', 'object'),
  v('vow', 'vows vowed vowing', 'speech', 'object'),
  v('pledge', 'pledges pledged pledging', 'speech', 'object'),
  v('urge', 'urges urged urging', 'speech', 'object'),
  v('exhort', 'exhorts exhorted exhorting', 'speech', 'object'),
  v('acknowledge', 'acknowledges acknowledged acknowledging', 'speech'),
  v('admit', 'admits admitted admitting', 'speech'),
  v('concede', 'concedes conceded conceding', 'speech'),
  v('confirm', 'confirms confirmed confirming', 'speech'),
  v('complain', 'complains complained complaining', 'speech'),
  v('testify', 'testifies testified testifying', 'speech'),
  v('observe', 'observes observed observing', 'speech', 'that'),
  v('quip', 'quips quipped quipping', 'speech'),
  v('joke', 'jokes joked joking', 'speech'),
  v('remember', 'remembers remembered remembering', 'speech', 'that'),
  v('reminisce', 'reminisces reminisced reminiscing', 'speech', 'that'),
  v('scoff', 'scoffs scoffed scoffing', 'speech', 'that'),
  v('riff', 'riffs riffed riffing', 'speech', 'that'),
  v('deadpan', 'deadpans deadpanned deadpanning', 'speech', 'that'),
  v('fume', 'fumes fumed fuming', 'speech', 'that'),
  v('chuckle', 'chuckles chuckled chuckling', 'speech', 'that'),
  v('laugh', 'laughs laughed laughing', 'speech', 'that'),
  v('agree', 'agrees agreed agreeing', 'speech', 'that'),
  v('point out', 'points_out pointed_out pointing_out', 'speech'),
  v('suggest', 'suggests suggested suggesting', 'claim'),
  // report
  v('report', 'reports reported reporting', 'report'),
  // ("The statement read: …", "the sign reads …": only with a quotation or a that-clause.)
  v('read', 'reads', 'report', 'that'),
  v('reveal', 'reveals revealed revealing', 'report'),
  v('disclose', 'discloses disclosed disclosing', 'report'),
  v('show', 'shows showed shown showing', 'report', 'object'),
  v('find', 'finds found finding', 'report', 'that'),
  v('indicate', 'indicates indicated indicating', 'report', 'that'),
  v('conclude', 'concludes concluded concluding', 'report'),
  v('estimate', 'estimates estimated estimating', 'report', 'that'),
  // deny
  v('deny', 'denies denied denying', 'deny'),
  v('dismiss', 'dismisses dismissed dismissing', 'deny', 'object'),
  v('reject', 'rejects rejected rejecting', 'deny', 'object'),
  v('discount', 'discounts discounted discounting', 'deny', 'object'),
  v('dispute', 'disputes disputed disputing', 'deny', 'that'),
  // accuse
  v('accuse', 'accuses accused accusing', 'accuse', 'object'),
  v('charge', 'charges charged charging', 'accuse', 'that'),
  v('allege', 'alleges alleged alleging', 'accuse'),
  // claim
  v('claim', 'claims claimed claiming', 'claim'),
  v('insist', 'insists insisted insisting', 'claim'),
  v('argue', 'argues argued arguing', 'claim'),
  v('assert', 'asserts asserted asserting', 'claim'),
  v('contend', 'contends contended contending', 'claim'),
  v('maintain', 'maintains maintained maintaining', 'claim', 'that'),
  v('boast', 'boasts boasted boasting', 'claim'),
  v('counter', 'counters countered countering', 'claim'),
  // belief
  v('believe', 'believes believed believing', 'belief'),
  v('think', 'thinks thought thinking', 'belief'),
  v('fear', 'fears feared fearing', 'belief', 'that'),
  v('hope', 'hopes hoped hoping', 'belief', 'object'),
  v('expect', 'expects expected expecting', 'belief', 'that'),
  v('know', 'knows knew known knowing', 'belief', 'that'),
  v('feel', 'feels felt feeling', 'belief', 'that'),
  v('worry', 'worries worried worrying', 'belief', 'that'),
  v('want', 'wants wanted wanting', 'belief', 'object'),
  v('plan', 'plans planned planning', 'belief', 'object'),
  v('seek', 'seeks sought seeking', 'belief', 'object'),
  v('intend', 'intends intended intending', 'belief', 'object'),
  // acts of speech whose object is what was said or done with words
  v('call', 'calls called calling', 'speech', 'object'),
  v('call for', 'calls_for called_for calling_for', 'speech', 'object'),
  v('call on', 'calls_on called_on calling_on', 'speech', 'object'),
  v('describe', 'describes described describing', 'speech', 'object'),
  v('propose', 'proposes proposed proposing', 'claim', 'object'),
  v('recommend', 'recommends recommended recommending', 'claim', 'object'),
  v('demand', 'demands demanded demanding', 'speech', 'object'),
  v('cite', 'cites cited citing', 'speech', 'object'),
  v('refer to', 'refers_to referred_to referring_to', 'speech', 'object'),
  v('decline', 'declines declined declining', 'deny', 'object'),
  v('refuse', 'refuses refused refusing', 'deny', 'object'),
  // stance
  v('endorse', 'endorses endorsed endorsing', 'stance', 'object'),
  v('praise', 'praises praised praising', 'stance', 'object'),
  v('support', 'supports supported supporting', 'stance', 'object'),
  v('back', 'backs backed backing', 'stance', 'object'),
  v('defend', 'defends defended defending', 'stance', 'object'),
  v('welcome', 'welcomes welcomed welcoming', 'stance', 'object'),
  v('oppose', 'opposes opposed opposing', 'stance', 'object'),
  v('criticize', 'criticizes criticized criticizing criticise criticises criticised', 'accuse', 'object'),
  v('attack', 'attacks attacked attacking', 'accuse', 'object'),
  v('blame', 'blames blamed blaming', 'accuse', 'object'),
  v('condemn', 'condemns condemned condemning', 'accuse', 'object'),
  v('slam', 'slams slammed slamming', 'accuse', 'object'),
  v('question', 'questions questioned questioning', 'accuse', 'object'),
  v('decry', 'decries decried decrying', 'accuse', 'object'),
  v('echo', 'echoes echoed echoing', 'speech', 'object'),
  v('make clear', 'makes_clear made_clear making_clear', 'speech'),
  v('prefer', 'prefers preferred preferring', 'belief', 'object'),
  v('favor', 'favors favored favoring favour favours favoured', 'stance', 'object'),
  v('consider', 'considers considered considering', 'belief', 'that'),
  v('see', 'sees saw seen seeing', 'belief', 'that'),
  v('view', 'views viewed viewing', 'belief', 'object'),
  v('offer', 'offers offered offering', 'speech', 'object'),
  v('express', 'expresses expressed expressing', 'speech', 'object'),
  v('discuss', 'discusses discussed discussing', 'speech', 'object'),
  v('mention', 'mentions mentioned mentioning', 'speech', 'object'),
  v('reiterate', 'reiterates reiterated reiterating', 'speech'),
  v('highlight', 'highlights highlighted highlighting', 'speech', 'object'),
  v('tout', 'touts touted touting', 'stance', 'object'),
  v('thank', 'thanks thanked thanking', 'stance', 'object'),
  v('signal', 'signals signaled signalled signaling signalling', 'speech', 'object'),
  v('hint', 'hints hinted hinting', 'speech'),
  v('recognize', 'recognizes recognized recognizing recognise recognises recognised', 'belief', 'that'),
  v('mean', 'means meant', 'belief', 'that'),
  v('caution', 'cautions cautioned cautioning', 'speech'),
  v('mock', 'mocks mocked mocking', 'accuse', 'object'),
  v('denounce', 'denounces denounced denouncing', 'accuse', 'object'),
  v('blast', 'blasts blasted blasting', 'accuse', 'object'),
  v('threaten', 'threatens threatened threatening', 'speech', 'object'),
  v('encourage', 'encourages encouraged encouraging', 'speech', 'object'),
  v('assure', 'assures assured assuring', 'speech'),
  v('imply', 'implies implied implying', 'claim'),
  v('project', 'projects projected projecting', 'report', 'that'),
  v('applaud', 'applauds applauded applauding', 'stance', 'object'),
  v('invoke', 'invokes invoked invoking', 'speech', 'object'),
  v('repeat', 'repeats repeated repeating', 'speech', 'object'),
  v('email', 'emails emailed emailing', 'speech'),
  v('reference', 'references referenced referencing', 'speech', 'object'),
  v('talk about', 'talks_about talked_about talking_about', 'speech', 'object'),
  v('speak about', 'speaks_about spoke_about speaking_about', 'speech', 'object'),
  v('apologize for', 'apologizes_for apologized_for apologizing_for', 'speech', 'object'),
  // Wider lexicon, by frame (FrameNet Statement, Communication, Reporting, Opinion, Awareness, Certainty,
  // Desiring, Purpose, Judgment_communication, Predicting, Complaining; VerbNet say, tell, complain,
  // advise, admire). Words that are mostly nouns or ordinary verbs ("figure", "hold", "rule", "order",
  // "like", "aim", "play down", "push for") are left out: every form, and the first word of a multi-word cue,
  // also cuts noun phrases and content clauses and is a cue feature of the tagger wherever it occurs.
  // Statement and Communication: a clause or a quotation follows.
  v('comment', 'comments commented commenting', 'speech', 'that'),
  v('affirm', 'affirms affirmed affirming', 'speech'),
  v('reaffirm', 'reaffirms reaffirmed reaffirming', 'speech'),
  v('proclaim', 'proclaims proclaimed proclaiming', 'speech'),
  v('exclaim', 'exclaims exclaimed exclaiming', 'speech'),
  v('retort', 'retorts retorted retorting', 'speech'),
  v('shout', 'shouts shouted shouting', 'speech', 'that'),
  v('yell', 'yells yelled yelling', 'speech', 'that'),
  v('chant', 'chants chanted chanting', 'speech', 'that'),
  v('scream', 'screams screamed screaming', 'speech', 'that'),
  v('whisper', 'whispers whispered whispering', 'speech', 'that'),
  v('mutter', 'mutters muttered muttering', 'speech', 'that'),
  v('inform', 'informs informed informing', 'speech', 'that'),
  v('remind', 'reminds reminded reminding', 'speech', 'that'),
  v('advise', 'advises advised advising', 'speech', 'object'),
  v('instruct', 'instructs instructed instructing', 'speech', 'object'),
  v('clarify', 'clarifies clarified clarifying', 'speech', 'that'),
  v('specify', 'specifies specified specifying', 'speech', 'that'),
  v('recount', 'recounts recounted recounting', 'speech', 'object'),
  v('confess', 'confesses confessed confessing', 'speech'),
  v('swear', 'swears swore sworn swearing', 'speech', 'that'),
  v('guarantee', 'guarantees guaranteed guaranteeing', 'speech', 'that'),
  v('muse', 'muses mused musing', 'speech'),
  v('brag', 'brags bragged bragging', 'claim'),
  v('concur', 'concurs concurred concurring', 'speech', 'that'),
  w('request', 'requested', 'speech', 'object'),
  v('inquire', 'inquires inquired inquiring', 'speech'),
  v('characterize', 'characterizes characterized characterizing characterise characterises characterised', 'speech', 'object'),
  v('dub', 'dubs dubbed dubbing', 'speech', 'object'),
  w('brand', 'branded', 'speech', 'object'),
  w('label', 'labeled labelled', 'speech', 'object'),
  v('advocate', 'advocates advocated advocating', 'claim', 'object'),
  // Opinion and Certainty: an assertion or a view.
  v('opine', 'opines opined opining', 'claim'),
  v('posit', 'posits posited positing', 'claim'),
  v('speculate', 'speculates speculated speculating', 'claim'),
  v('theorize', 'theorizes theorized theorizing', 'claim'),
  v('surmise', 'surmises surmised surmising', 'belief', 'that'),
  v('reckon', 'reckons reckoned reckoning', 'belief', 'that'),
  v('suspect', 'suspects suspected suspecting', 'belief', 'that'),
  v('doubt', 'doubts doubted doubting', 'belief', 'that'),
  v('assume', 'assumes assumed assuming', 'belief', 'that'),
  v('presume', 'presumes presumed presuming', 'belief', 'that'),
  v('deem', 'deems deemed deeming', 'belief', 'object'),
  v('wonder', 'wonders wondered wondering', 'belief'),
  v('imagine', 'imagines imagined imagining', 'belief', 'that'),
  // Awareness: knowing, learning, noticing.
  v('realize', 'realizes realized realizing realise realises realised', 'belief', 'that'),
  v('understand', 'understands understood understanding', 'belief', 'that'),
  v('learn', 'learns learned learnt learning', 'report', 'that'),
  v('discover', 'discovers discovered discovering', 'report', 'that'),
  v('notice', 'notices noticed noticing', 'belief', 'that'),
  v('determine', 'determines determined determining', 'report', 'that'),
  v('verify', 'verifies verified verifying', 'report', 'that'),
  v('demonstrate', 'demonstrates demonstrated demonstrating', 'report', 'that'),
  v('prove', 'proves proved proven proving', 'report', 'that'),
  v('calculate', 'calculates calculated calculating', 'report', 'that'),
  // Predicting: what will happen.
  v('forecast', 'forecasts forecasted forecasting', 'report', 'that'),
  v('anticipate', 'anticipates anticipated anticipating', 'belief', 'that'),
  v('foresee', 'foresees foresaw foreseen foreseeing', 'belief', 'that'),
  v('envision', 'envisions envisioned envisioning', 'belief', 'object'),
  // Desiring and Purpose: wishes and intentions (PolNeAR's content is what is wanted).
  v('wish', 'wishes wished wishing', 'belief', 'object'),
  v('aspire', 'aspires aspired aspiring', 'belief', 'object'),
  // Complaining: a grievance.
  v('lament', 'laments lamented lamenting', 'speech'),
  v('bemoan', 'bemoans bemoaned bemoaning', 'accuse', 'object'),
  v('grumble', 'grumbles grumbled grumbling', 'speech'),
  v('gripe', 'gripes griped griping', 'speech'),
  w('protest', 'protested', 'deny', 'that'),
  w('object', 'objected', 'deny', 'that'),
  // Denial and rebuttal.
  v('disagree', 'disagrees disagreed disagreeing', 'deny'),
  v('refute', 'refutes refuted refuting', 'deny', 'object'),
  v('rebut', 'rebuts rebutted rebutting', 'deny', 'object'),
  v('contradict', 'contradicts contradicted contradicting', 'deny', 'object'),
  v('downplay', 'downplays downplayed downplaying', 'deny', 'object'),
  v('brush off', 'brushes_off brushed_off brushing_off', 'deny', 'object'),
  v('shrug off', 'shrugs_off shrugged_off shrugging_off', 'deny', 'object'),
  // Judgment_communication: blame and praise of someone (the object is the content).
  v('fault', 'faults faulted faulting', 'accuse', 'object'),
  v('castigate', 'castigates castigated castigating', 'accuse', 'object'),
  v('chastise', 'chastises chastised chastising', 'accuse', 'object'),
  v('rebuke', 'rebukes rebuked rebuking', 'accuse', 'object'),
  v('scold', 'scolds scolded scolding', 'accuse', 'object'),
  v('berate', 'berates berated berating', 'accuse', 'object'),
  v('lambaste', 'lambastes lambasted lambasting', 'accuse', 'object'),
  v('excoriate', 'excoriates excoriated excoriating', 'accuse', 'object'),
  v('ridicule', 'ridicules ridiculed ridiculing', 'accuse', 'object'),
  v('deride', 'derides derided deriding', 'accuse', 'object'),
  v('disparage', 'disparages disparaged disparaging', 'accuse', 'object'),
  v('belittle', 'belittles belittled belittling', 'accuse', 'object'),
  v('assail', 'assails assailed assailing', 'accuse', 'object'),
  v('chide', 'chides chided chiding', 'accuse', 'object'),
  v('bash', 'bashes bashed bashing', 'accuse', 'object'),
  v('lash out', 'lashes_out lashed_out lashing_out', 'accuse', 'object'),
  v('commend', 'commends commended commending', 'stance', 'object'),
  v('laud', 'lauds lauded lauding', 'stance', 'object'),
  v('hail', 'hails hailed hailing', 'stance', 'object'),
  v('congratulate', 'congratulates congratulated congratulating', 'stance', 'object'),
  v('admire', 'admires admired admiring', 'stance', 'object'),
  w('champion', 'championed championing', 'stance', 'object'),
  v('embrace', 'embraces embraced embracing', 'stance', 'object'),
  v('disapprove', 'disapproves disapproved disapproving', 'stance', 'object'),
  v('distrust', 'distrusts distrusted distrusting', 'belief', 'object'),
  // PolNeAR dev cues with no lexicon entry, each a cue in at least half of its uses ("railed" 9 in 9, "portrayed"
  // 10 in 13, "likened" 8 in 11, "retweeted" 6 in 7, "credited" 5 in 7, "balked" 5 in 6, "sided" 6 in 11, "unveiled"
  // 6 in 12, "promoted" 6 in 10, "attributed" 5 in 13, "outlined" 4 in 8, "articulated" 4 in 6, "resisted" 4 in 6,
  // "reacted" 4 in 8; "posted" 18 in 41 and "identified" 13 in 30, less often, but each added quotes on the held-out
  // part; "debated", "documented" and "persuaded" did not).
  v('rail', 'rails railed railing', 'accuse', 'object'),
  v('portray', 'portrays portrayed portraying', 'claim', 'object'),
  v('liken', 'likens likened likening', 'claim', 'object'),
  v('retweet', 'retweets retweeted retweeting', 'speech', 'object'),
  v('credit', 'credits credited crediting', 'stance', 'object'),
  v('balk', 'balks balked balking', 'deny', 'object'),
  w('side', 'sided siding', 'stance', 'object'),
  v('unveil', 'unveils unveiled unveiling', 'report', 'object'),
  v('promote', 'promotes promoted promoting', 'stance', 'object'),
  v('attribute', 'attributes attributed attributing', 'claim', 'object'),
  v('outline', 'outlines outlined outlining', 'speech', 'object'),
  v('articulate', 'articulates articulated articulating', 'speech', 'object'),
  v('resist', 'resists resisted resisting', 'deny', 'object'),
  v('react', 'reacts reacted reacting', 'speech'),
  w('post', 'posted posting', 'speech', 'object'),
  v('identify', 'identifies identified identifying', 'claim', 'object'),
]

/**
 * Adjectives that attribute a belief after a copula: "advisers were optimistic that …",
 * "officials are skeptical of …". Their content follows "that", "about" or "of".
 */
export const cueAdjectives: ReadonlySet<string> = new Set(
  'optimistic confident adamant certain sure convinced worried concerned skeptical sceptical hopeful aware pessimistic afraid fearful insistent unsure doubtful unconvinced wary critical supportive'.split(' '),
)

/** Phrases that attribute by preposition rather than verb: "according to X, …". */
export const cuePhrases: readonly { words: readonly string[]; class: CueClass }[] = [
  { words: ['according', 'to'], class: 'report' },
]

/**
 * Nouns that attribute a that-clause to their possessor: "Trump's claim that …", "her belief that …"
 * (FrameNet Statement, Opinion, Certainty, Predicting, Complaining and Commitment nouns).
 */
export const cueNouns: ReadonlyMap<string, CueClass> = new Map(
  (
    [
      ['speech', 'statement statements announcement declaration admission admissions acknowledgment acknowledgement promise promises pledge vow warning warnings assurance assurances complaint complaints comment comments remark remarks explanation suggestion threat'],
      ['claim', 'claim claims assertion assertions contention argument insistence boast theory'],
      ['accuse', 'allegation allegations accusation accusations charge charges criticism'],
      ['deny', 'denial denials'],
      ['belief', 'belief beliefs view views opinion conviction suspicion assumption fear fears hope hopes worry concern concerns expectation expectations prediction predictions sense feeling impression'],
      ['report', 'finding findings conclusion report estimate'],
    ] as const
  ).flatMap(([cls, words]) => words.split(' ').map((w) => [w, cls] as [string, CueClass])),
)

/** Verbs after which an object (the hearer) comes before the content: "told reporters that …". */
export const hearerVerbs: ReadonlySet<string> = new Set(['tell', 'ask', 'warn', 'urge', 'remind', 'assure', 'inform', 'caution', 'email'])

/** One look-up from a lower-cased form (the first word of multi-word cues) to its verbs. */
export const cueByForm: ReadonlyMap<string, readonly CueVerb[]> = (() => {
  const map = new Map<string, CueVerb[]>()
  for (const verb of cueVerbs)
    for (const form of verb.forms) {
      const first = form.split(' ')[0]!
      const list = map.get(first) ?? []
      list.push(verb)
      map.set(first, list)
    }
  return map
})()
