import { describe, expect, it } from 'vitest'
import { cleanSpeaker, Ctx, dropImpersonalSpeaker, findQuotes, relativeSource, type Attribution } from '../../src/nlp/find-quotes.js'
import { findEntities } from '../../src/nlp/find-entities.js'
import { posTags } from '../../src/nlp/pos.js'
import { splitSentences } from '../../src/nlp/split-sentences.js'
import { tokenize } from '../../src/nlp/tokenize.js'
import { analyse, analyseWithEntities, content, expectRuleQuote, rules, show } from './helpers.js'

// Attribution rules added for issue #4, each with a made-up sentence of the kind that prompted it.
// The rules are tested alone (`model: null`), so that the shipped tagger does not hide what they do.

describe('findQuotes rules: cue phrases with a hearer or a time phrase', () => {
  it.each([
    ['a time phrase after the hearer is no content', 'The plan will fail, the minister told reporters on Tuesday.', 'The plan will fail', 'told', 'the minister'],
    ['a pronoun hearer and a time phrase', 'Even so, it would not be hard to raise the tax, experts told me this week.', 'Even so, it would not be hard to raise the tax', 'told', 'experts'],
    ['a named hearer ends before a determiner', 'Officials told The New York Times the talks had stalled.', 'the talks had stalled', 'told', 'Officials'],
    ['a pronoun after the hearer starts the content', 'The senator told Fox News he would run again.', 'he would run again', 'told', 'The senator'],
    ['a time phrase between cue and content', 'Smith, who leads the panel, said Tuesday the plan would fail.', 'the plan would fail', 'said', 'Smith, who leads the panel'],
    ['a time phrase, an aside and "that"', 'Smith said Tuesday, after the vote, that the plan would fail.', 'that the plan would fail', 'said', 'Smith'],
    ['the occasion and its audience are no content', 'Markets were calm, Jane Roe said in an e-mail to clients.', 'Markets were calm', 'said in an e-mail', 'Jane Roe'],
    ['an interview with an outlet is no content, nor part of the cue', 'The plan would fail, Smith said in an interview with CNN.', 'The plan would fail', 'said', 'Smith'],
    ['a place after an inverted speaker, to the sentence end', 'The cause of his death was not known, said the Press Democrat newspaper in Santa Rosa, California, 55 miles north of San Francisco.', 'The cause of his death was not known', 'said', 'the Press Democrat newspaper'],
    ['a weekday with a possessive opens the content', "Ohio Democratic Party Chairman David Pepper said Friday's decision was a huge win for voters.", "Friday's decision was a huge win for voters", 'said', 'Ohio Democratic Party Chairman David Pepper'],
    ['a short parenthesis before "that"', 'In an interview with Radio-Canada, the minister said (translated) that the plan "has no future."', 'that the plan "has no future."', 'said', 'the minister'],
    ['a noun that is also a cue in the occasion', 'Royce Mendes of Desjardins wrote in a note to clients that cuts could come as early as April.', 'that cuts could come as early as April', 'wrote', 'Royce Mendes of Desjardins'],
    ['the same with a possessive, which is no cue of its own', 'Mr. McConnell spoke, stressing in his remarks that the senate would pass the laws.', 'that the senate would pass the laws', 'stressing', 'Mr. McConnell'],
    ['a that-clause after the occasion holds the quotation', 'Prime Minister Justin Trudeau wrote on Twitter that Canada "stands ready to help."', 'that Canada "stands ready to help."', 'wrote on Twitter', 'Prime Minister Justin Trudeau'],
    ['nor is an interview with an outlet and its appositive', 'Nixon never called, he said in an interview with The Sun Herald, a Biloxi newspaper.', 'Nixon never called', 'said', 'he'],
    ['a speaker with an appositive name after the content', 'His heart failed while he was reading a book, his son, Ike LaRue III, said.', 'His heart failed while he was reading a book', 'said', 'his son, Ike LaRue III'],
    ['a state after the name, with its abbreviation period', 'Sen. Jane Roe, R-Ky., told Fox News that the polls were wrong.', 'that the polls were wrong', 'told', 'Sen. Jane Roe, R-Ky.'],
    ['a cue in an opening subordinate clause', 'When the bishop said the mayor “is not a Christian,” the crowd cheered.', 'the mayor “is not a Christian,”', 'said', 'the bishop'],
    ['a relative clause inside such a content', 'When Smith said that the plan, which he opposed, would fail, the crowd cheered.', 'that the plan, which he opposed, would fail', 'said', 'Smith'],
    ['a speaker phrase ends before another cue verb', '"We should oppose that," said Jim Bopp, a member of the Platform Committee, told POLITICO last month.', 'We should oppose that', 'said', 'Jim Bopp, a member of the Platform Committee'],
    ['a colon after "remembered"', 'Roy Verley, the former spokesman, remembered: "Analysts said, \'No, do not do this,\' and she did it anyway."', "Analysts said, 'No, do not do this,' and she did it anyway.", 'remembered:', 'Roy Verley, the former spokesman'],
    ['a name after the role of an inverted speaker', '"We will take this to the Supreme Court," said the group\'s legal counsel, Balpreet Singh.', 'We will take this to the Supreme Court', 'said', "the group's legal counsel, Balpreet Singh"],
    ['"riffed" after a quotation', '"Let me help you out - the answer is no," the nominee riffed.', 'Let me help you out - the answer is no', 'riffed', 'the nominee'],
    ['a relative clause in a subject with an appositive', 'The two reporters who broke the story, Carl Bernstein and Bob Woodward, have said that they kept the secret.', 'that they kept the secret', 'have said', 'The two reporters who broke the story, Carl Bernstein and Bob Woodward'],
    ['a preposition after the cue is part of it', 'The governor called on Congress to act before the recess.', 'Congress to act before the recess', 'called on', 'The governor'],
    ['the noun after a light verb is part of the cue', 'The senator expressed alarm that the plan would fail.', 'that the plan would fail', 'expressed alarm', 'The senator'],
    ['one person\'s two roles, joined by "and", in a speaker after the quotation', '"North Korea is a paranoid nation," the independent Vermont senator and Democratic presidential candidate told ABC\'s "Good Morning America."', 'North Korea is a paranoid nation', 'told', 'the independent Vermont senator and Democratic presidential candidate'],
    ['a cue after another verb and "and": the sentence\'s subject speaks', "Asked whether he would serve, Mrs. Clinton shook her head and said, ''No.''", 'No.', 'said', 'Mrs. Clinton'],
    ['the same after an opening "years ago"', 'Eight years ago, he backed Barack Obama and said, "She has never done anything for us."', 'She has never done anything for us.', 'said', 'he'],
    ['an indirect content ends before ", and when asked …, he said"', "He said he had not seen the fight, and when asked whether he was encouraging it, he said, ''I hope not.''", 'he had not seen the fight', 'said', 'He'],
    ['the first statement stays when "but added" introduces a quotation', 'Suu Kyi, 70, said it was too early to congratulate winners but added, "I think you all have an idea of the results."', 'it was too early to congratulate winners', 'said', 'Suu Kyi, 70'],
    ['an indirect content ends before the speaker of a quotation that follows it', 'When Clinton noted that Trump had not paid taxes ― as was true for years ― Trump boasted, “That makes me smart.”', 'that Trump had not paid taxes ― as was true for years', 'noted', 'Clinton'],
    ['a role such as "front-runner" runs on to the name in a sentence subject', 'Democratic front-runner Hillary Clinton was the first to weigh in, tweeting her appreciation on Friday.', 'her appreciation', 'tweeting', 'Democratic front-runner Hillary Clinton'],
    ['"then" after a parenthetical cue still splits the content', 'The truth, the senator said then, was that the plan had failed.', 'The truth // was that the plan had failed', 'said', 'the senator'],
    ['"afterward" after the cue is no content but part of the cue', 'He noted afterward that he would campaign in Ohio.', 'that he would campaign in Ohio', 'noted afterward', 'He'],
    ['an opening phrase with "however" is no content', 'At day\'s end, however, Clinton said as he introduced his wife in Hudson, "Finally, the dam broke" to have a debate.', '"Finally, the dam broke" to have a debate', 'said', 'Clinton'],
    ['a clause of when it was said before a quotation', 'Clinton said as he introduced his wife in Hudson, "Finally, the dam broke."', 'Finally, the dam broke.', 'said', 'Clinton'],
    ['a stance with a quotation inside what someone said is that statement\'s content', 'A spokesperson for his office said the city supports "a strong plan to fight climate change."', 'the city supports "a strong plan to fight climate change."', 'said', 'A spokesperson for his office'],
    ['the document a speaker puts out is part of the cue', 'Black Lives Matter issued a statement saying it took the action because of the police.', 'it took the action because of the police', 'issued a statement saying', 'Black Lives Matter'],
    ['"went on" after a quotation is a verb of speech, its quotation goes on after the aside', '"You know, it happens, right?" Trump went on, as if he didn\'t hear her. "But you gotta get over it."', '"You know, it happens, right?" // "But you gotta get over it."', 'went on', 'Trump'],
    ['a quotation goes on after a relative clause of the occasion', "''It's like a new plane,'' Mr. Trump said in a documentary that showed off some of the renovations. ''The plane is an extension of the brand.''", "''It's like a new plane,'' // ''The plane is an extension of the brand.''", 'said', 'Mr. Trump'],
    ['an inverted speaker inside a clause: the content goes on after it', 'Part of the problem, say experts like Paul Bauman, a Canadian geophysicist, is the ground itself.', 'Part of the problem // is the ground itself', 'say', 'experts like Paul Bauman, a Canadian geophysicist'],
    ['the same with a name and its appositive', 'The paradox of Nancy, says Carl Anthony, a historian, is that she was shy.', 'The paradox of Nancy // is that she was shy', 'says', 'Carl Anthony, a historian'],
    ['"From" a determiner and a noun, then a colon, on the line before a quotation', 'From the union:\n\n"We are prepared to strike if necessary."', 'We are prepared to strike if necessary.', ':', 'the union'],
    ['the apostrophe of a plural possessive inside a speaker phrase', "Residents' groups said they were fed up.", 'they were fed up', 'said', "Residents' groups"],
    ['before a colon, a short object after the cue is part of it', 'Kyle Lowry, who scored 28 points, shrugged off the win: "We\'ve got more work to do."', "We've got more work to do.", 'shrugged off the win:', 'Kyle Lowry, who scored 28 points'],
    ['"Said X:" before a quotation: the verb is the cue, the name the speaker', 'Jean-Yves Duclos spoke.\n\nSaid Duclos: "This is about fairness."', 'This is about fairness.', 'Said', 'Duclos'],
    ['a show after the hearer\'s possessive, then a time, is no content', "She told ABC's “Good Morning America” on Monday the tone of the interview was cordial.", 'the tone of the interview was cordial', 'told', 'She'],
    ['"exhorted" is a verb of speech', '"It\'s about time that we had a woman running this country," exhorted Clinton\'s introducer, actress Jamie Lee Curtis.', "It's about time that we had a woman running this country", 'exhorted', "Clinton's introducer, actress Jamie Lee Curtis"],
    ['a quotation goes on after a clause of the time it was said', '“Ted Cruz is not my favorite,” Graham, a former candidate, told CBS News on Super Tuesday, when a dozen states held contests to choose party nominees. “But we may be in a position to rally.”', '“Ted Cruz is not my favorite,” // “But we may be in a position to rally.”', 'told', 'Graham, a former candidate'],
    ['a second verb inside a that-clause stays in the content', 'Defence lawyer Emily Chan argued that her client had shown remorse and deserved a lesser sentence.', 'that her client had shown remorse and deserved a lesser sentence', 'argued', 'Defence lawyer Emily Chan'],
    ['a participle after "he said," has the same speaker for the quotation after it', '"That will help everyone," he said, adding: "I don\'t think it\'s fair to say that a donor will be indebted to someone who writes a check."', "I don't think it's fair to say that a donor will be indebted to someone who writes a check.", 'adding:', 'he'],
    ['a gerund after "by" takes the sentence\'s subject, a role running on from a capitalised word', 'The Republican candidate appeared to assert his plans by saying, “I am trying to save lives.”', 'I am trying to save lives.', 'saying', 'The Republican candidate'],
    ['"and" with a past tense and a quantifier opens a clause of its own', 'He called her “third-rate” and boycotted one of the debates at which she was a moderator.', 'her “third-rate”', 'called', 'He'],
    ['"and" with a subject of its own after a quotation ends the content', 'He called him a “nice guy” and he didn’t provide any descriptions for John Kasich.', 'him a “nice guy”', 'called', 'He'],
    ['a quotation inside a quotation closing with it ("…at all,\'\'\' said Mr. Meyer")', "''I tell other central banks, 'I'm sorry, but the Fed doesn't care about you at all,''' said Mr. Meyer, who runs a research firm. ''You can say that's very nasty.''", "''I tell other central banks, 'I'm sorry, but the Fed doesn't care about you at all,'' // ''You can say that's very nasty.''", 'said', 'Mr. Meyer, who runs a research firm'],
    ['a participle after a parenthetical cue', 'She had struggled all her life, the senator explained, recalling a visit to her home.', 'She had struggled all her life', 'explained', 'the senator'],
  ])('%s', (_name, text, quote, cue, speaker) => {
    expectRuleQuote(text, quote, cue, speaker)
  })

  it('gives an impression with no source inside what someone said to that speaker', () => {
    const text = 'Kelly spoke on Monday. The shooting appeared to be within NYPD guidelines, he added.'
    const { quotes } = rules(text)
    expect(show(text, quotes)).toEqual(['indirect [The shooting appeared to be within NYPD guidelines] cue=added speaker=he'])
  })

  it('ends the content of a cue in a restrictive relative clause at the main clause\'s verb of speech', () => {
    const text = 'A woman who has accused the governor of fraud said Sunday night that he called her weeks later.'
    const { quotes } = rules(text)
    expect(show(text, quotes)).toEqual([
      'indirect [the governor of fraud] cue=has accused speaker=who',
      'indirect [that he called her weeks later] cue=said speaker=A woman',
    ])
  })

  it('splits the content around a cue with its hearer', () => {
    const text = 'Every Friday, the former executive told The Washington Post, Jones would lead a meeting.'
    const { quotes } = rules(text)
    expect(show(text, quotes)).toEqual(['indirect [Every Friday // Jones would lead a meeting] cue=told speaker=the former executive'])
  })

  it('reads no inverted speaker in a pronoun that opens the content', () => {
    // ("Jones, a mother of two" is no content and "she heard three shots" no speaker.)
    const text = 'Jones, a mother of two, said she heard three shots.'
    expect(rules(text).quotes.filter((q) => q.speaker.text?.startsWith('she'))).toEqual([])
  })

  it('splits the content around a cue with a time phrase', () => {
    const text = 'The plan, Smith said Tuesday, would fail.'
    expect(show(text, rules(text).quotes)).toEqual(['indirect [The plan // would fail] cue=said speaker=Smith'])
  })
})

describe('findQuotes rules: what is not a speech cue', () => {
  it.each([
    ['"back" before "to" or "down" is an adverb, not support', 'The government would legislate workers back to work. The senator was not backing down.'],
    ['"add to" is not speech', 'The win added to her lead in the South.'],
    ['"appeared at" is a place, not an impression', 'Trump appeared at the debate anyway.'],
    ['an attack with weapons is a deed', 'Several hundred protesters attacked police with rocks and flares.'],
    ['an attack on a building is a deed', 'Greek rioters have attacked an environment ministry building and shops in Athens.'],
    ['a response to a fire is a deed', 'Thirty fire engines responded to the blaze.'],
    ['"showed up" is a deed', 'Two young men showed up in the shadows across the street.'],
  ])('%s', (_name, text) => {
    expect(show(text, rules(text).quotes)).toEqual([])
  })

  it('still reads "appeared to" as an impression with no source', () => {
    const text = 'Smith appeared to enjoy the race.'
    const { quotes } = rules(text)
    expect(quotes).toHaveLength(1)
    expect(quotes[0]!.speaker.text).toBeUndefined()
  })
  it('before a cue verb, "appeared to" is part of that cue, whose subject speaks (PolNeAR: 19 times in 32)', () => {
    const text = 'Smith appeared to concede the race.'
    // The rules leave it to the tagger, which finds it so.
    expect(rules(text).quotes).toEqual([])
    expect(analyseWithEntities(text).quotes.map((q) => [q.text, q.cue?.text, q.speaker.text])).toEqual([['the race', 'appeared to concede', 'Smith']])
  })
})

describe('findQuotes rules: cues inside quotations', () => {
  it('reads "I think" inside a quotation as part of it, attributed or not', () => {
    for (const text of ['“I think the plan will fail, and I know the vote is close,” the senator said.', 'The senator left early.\n“I think the plan will fail, and I know the vote is close.”']) {
      const { quotes } = rules(text)
      expect(quotes.filter((q) => q.speaker.text === 'I'), show(text, quotes).join('\n')).toEqual([])
    }
  })
})

describe('findQuotes rules: speaker phrases', () => {
  it.each([
    ['a subject with its place', 'Some delegates at the convention in Philadelphia said they welcomed the debate.', 'Some delegates at the convention in Philadelphia'],
    ['a document with its author', 'A report by the agency found that the program failed.', 'A report by the agency'],
    ['a group of a place, capitalised at the start', 'Residents of the town say the water is unsafe.', 'Residents of the town'],
    ['an anonymous source with knowledge', 'People with direct knowledge of the talks said they had stalled.', 'People with direct knowledge of the talks'],
    ['not a prepositional phrase that opens the sentence', 'In an interview with CNN, Smith said the plan would fail.', 'Smith'],
    ['not a sentence adverb', 'Ultimately, the minister said the plan would fail.', 'the minister'],
    ['"neither … nor" subjects', 'Neither Cruz nor Christie acknowledged the new rules.', 'Neither Cruz nor Christie'],
    ['names after a dash and before a colon', 'VOTERS WANT A LEADER - Jane Roe and John Doe: “We found that voters want a leader.”', 'Jane Roe and John Doe'],
    ['a relative clause of speech is no part of the speaker', '"The plan will fail," said Mr. Kamin, who emphasized that the rules were simple.', 'Mr. Kamin'],
    ['a relative clause that describes stays', 'Dino Spencer, who now runs the gym, said the plan would fail.', 'Dino Spencer, who now runs the gym'],
    ['a sentence adverb after a comma is no part of the speaker', 'Sanders, meanwhile, said the plan would fail.', 'Sanders'],
    ['not a dateline with a news agency', 'Washington (AFP) – The senator on Monday hit the campaign trail, accusing Trump of lying.', 'The senator'],
    ['not a dateline with a state', 'BUENA PARK, Calif. - Rallying hundreds of workers, Hillary Clinton promised to deliver change.', 'Hillary Clinton'],
    ['"police" with no article', 'The man was arrested on Tuesday, police said.', 'police'],
    ['"police" after a sentence with a deed', 'Youths attacked a police station with petrol bombs in central Athens, police said.', 'police'],
    ['a bare "another" before its cue', 'Another said he hoped that Trump wins.', 'Another'],
  ])('%s', (_name, text, speaker) => {
    const { quotes } = rules(text)
    expect(quotes.map((q) => q.speaker.text), show(text, quotes).join('\n')).toEqual([speaker])
  })
})

it('"Various reports" are no name followed by a verb', () => {
  const text = 'Various reports suggest that the plan failed.'
  const { quotes } = rules(text)
  expect(quotes.filter((q) => q.speaker.text === 'Various'), show(text, quotes).join('\n')).toEqual([])
})

describe('findQuotes rules: direct quotes continued after the attribution', () => {
  it.each([
    ['a cue phrase that ends its sentence does not open the next quote', '“The company is inclusive,” the network said in a statement. “His conduct was unacceptable.”\nHe declined to comment.'],
    ['the rest of the attribution sentence', '“We are going to win,” Clinton told reporters as she left the meeting with party leaders. “We will take back the House.”'],
    ['an appositive with no article', '“It is over,” said Jane Doe, director of Acme Corp., a trade group. “We lost.”'],
    ['a short participle that is no cue', '“What I feel,” he said, smiling, “is that I love my city.”'],
  ])('%s', (_name, text) => {
    const { quotes } = rules(text)
    const direct = quotes.filter((q) => q.kind === 'direct')
    expect(direct, show(text, quotes).join('\n')).toHaveLength(1)
    expect(direct[0]!.fragments).toHaveLength(2)
  })

  it('a prepositional phrase after a quotation is no speaker', () => {
    const text = 'W. Mark Felt, who leaked information under the moniker "Deep Throat," about the break-in, died Thursday, sources told CNN.'
    const { quotes } = rules(text)
    // the whole clause is what the sources told CNN; "Deep Throat" is no quote of "the break-in, …"
    expect(quotes.map((q) => [q.speaker.text, q.cue?.text])).toEqual([['sources', 'told']])
    expect(quotes[0]!.text.startsWith('W. Mark Felt')).toBe(true)
  })

  it('attributes a quotation that ends with a period to a lower-case attribution after it', () => {
    const text = 'The owner spoke.\n" The government should resign.\nIt did not handle it well.\nWe will not open until Christmas. " she said.'
    const direct = rules(text).quotes.filter((q) => q.kind === 'direct')
    expect(direct.map((q) => [q.speaker.text, q.cue?.text]), show(text, rules(text).quotes).join('\n')).toEqual([['she', 'said']])
    expect(direct[0]!.text).toContain('The government should resign')
  })

  it('a quotation paragraph between two attributed ones goes on with the one before', () => {
    const text = '"Right now there is no indication of any connection," he said.\n"We just do not have any leads at all."\n"We have no idea what caused it," the Rev. Larry Kroon told CNN.'
    const direct = rules(text).quotes.filter((q) => q.kind === 'direct')
    expect(direct.map((q) => [q.speaker.text, q.fragments?.length ?? 1]), show(text, rules(text).quotes).join('\n')).toEqual([['he', 2], ['the Rev. Larry Kroon', 1]])
    // (The first of the paragraphs still goes on with the one attributed after it.)
    const t2 = '"We just do not have any leads at all."\n"We have no idea what caused it," the Rev. Larry Kroon told CNN.'
    expect(rules(t2).quotes.filter((q) => q.kind === 'direct').map((q) => [q.speaker.text, q.fragments?.length ?? 1])).toEqual([['the Rev. Larry Kroon', 2]])
  })

  it('does not continue over a participle that is a cue', () => {
    const text = '“We will win,” he said, citing the polls, “and we will govern.”'
    const direct = rules(text).quotes.filter((q) => q.kind === 'direct' && q.text.startsWith('“We will win'))
    expect(direct[0]!.fragments).toBeUndefined()
  })

  it('does not continue across another cue in the attribution sentence', () => {
    const text = '“It is over,” Smith said, while his aides insisted that the count in two of the counties was plainly wrong. “We lost.”'
    const direct = rules(text).quotes.filter((q) => q.kind === 'direct')
    expect(direct[0]!.fragments).toBeUndefined()
  })
})

describe('cleanSpeaker', () => {
  /** The speaker phrase `speaker` of `text` as `cleanSpeaker` leaves it. */
  function clean(text: string, speaker: string): string {
    const tokens = tokenize(text)
    const c = new Ctx({ text, tokens, sentences: splitSentences(text, tokens), entities: [] })
    const sp = cleanSpeaker(c, { start: text.indexOf(speaker), end: text.indexOf(speaker) + speaker.length }, posTags(tokens).pos)
    return text.slice(sp.start, sp.end)
  }
  it.each([
    ['a verb phrase after a name', 'Teneo issued a statement saying the report was false.', 'Teneo issued a statement', 'Teneo'],
    ['a verb phrase after a pronoun', 'She released a statement saying the report was false.', 'She released a statement', 'She'],
    ['a document put out after a common noun', 'His office put out a statement saying the report was false.', 'His office put out a statement', 'His office'],
    ['a document issued after a group', 'The town released a statement saying the report was false.', 'The town released a statement', 'The town'],
    ['not a participle that tells when', 'A new poll released this week shows Smith ahead.', 'A new poll released this week', 'A new poll released this week'],
    ['not inside a relative clause', 'Aida, who recently published a book on him, said it was fair.', 'Aida, who recently published a book on him', 'Aida, who recently published a book on him'],
    ['a relative clause of speech', 'Mr. Kamin, who emphasized that the rules were simple, disagreed.', 'Mr. Kamin, who emphasized that the rules were simple', 'Mr. Kamin'],
    ['a sentence adverb', 'Mr. Trump, however, said it was fine.', 'Mr. Trump, however', 'Mr. Trump'],
    ['a verb before a name', 'The rally included Trump, vowing to win.', 'included Trump', 'Trump'],
    ['a question word before a group', 'It is unclear why Democrats cannot just point to the record.', 'why Democrats', 'Democrats'],
    ['not the verb of a relative pronoun', 'Voters who say the economy matters most chose Smith.', 'who say', 'who say'],
    ['the party and state after a name', 'Rep. Bobby Scott (D-Va.) said it was fair.', 'Rep. Bobby Scott', 'Rep. Bobby Scott (D-Va.)'],
    ['not another parenthesis', 'Rep. Bobby Scott (who spoke first) said it was fair.', 'Rep. Bobby Scott', 'Rep. Bobby Scott'],
    ['a clause on anonymity', 'The woman, who spoke on the condition of anonymity because she feared her boss, said it was unfair.', 'The woman, who spoke on the condition of anonymity because she feared her boss', 'The woman'],
    ['not a participle with its preposition', 'Two outside groups aligned with Republicans said it was fine.', 'Two outside groups aligned with Republicans', 'Two outside groups aligned with Republicans'],
    ['not a phrase that opens with a common noun', 'The rise of Bannon gave Beck a platform, he said.', 'The rise of Bannon gave Beck', 'The rise of Bannon gave Beck'],
    ['not a descriptive relative clause', 'Dino Spencer, who now runs the gym, said it was fine.', 'Dino Spencer, who now runs the gym', 'Dino Spencer, who now runs the gym'],
    ['an opening phrase of place', "Outside Carrier's plant on Galeana Street, a worker named Antonio Arroyo praised his job.", "Outside Carrier's plant on Galeana Street, a worker named Antonio Arroyo", 'a worker named Antonio Arroyo'],
    ['the same before "one of"', 'Outside the courthouse, one of the victims, Maria Lopez, said she was relieved.', 'Outside the courthouse, one of the victims, Maria Lopez', 'one of the victims, Maria Lopez'],
    ['a participle phrase after a name', 'Sen. Jane Roe, facing a stiff reelection challenge, said it was fair.', 'Sen. Jane Roe, facing a stiff reelection challenge', 'Sen. Jane Roe'],
    ['the same after an age', 'John Smith, 21, shaking his head, said it was unfair.', 'John Smith, 21, shaking his head', 'John Smith, 21'],
    ['not "including" and its list', 'Many Democrats, including Clinton\'s advisers, said it was fair.', "Many Democrats, including Clinton's advisers", "Many Democrats, including Clinton's advisers"],
    ['not a participle that is part of a role', 'Robert Peck, managing director at SunTrust, said it was fair.', 'Robert Peck, managing director at SunTrust', 'Robert Peck, managing director at SunTrust'],
    ['not a participle on anonymity', 'A party member, asking for anonymity to speak freely, said it was unfair.', 'A party member, asking for anonymity to speak freely', 'A party member, asking for anonymity to speak freely'],
  ])('%s', (_name, text, speaker, expected) => {
    expect(clean(text, speaker)).toBe(expected)
  })
})

describe('relativeSource', () => {
  it('takes the relative pronoun at the end of a speaker phrase as the speaker, the phrase before it as its antecedent', () => {
    const text = 'The plan was backed by Speaker Paul D. Ryan, who said it would pass.'
    const tokens = tokenize(text)
    const c = new Ctx({ text, tokens, sentences: splitSentences(text, tokens), entities: [] })
    const from = text.indexOf('Speaker')
    const at: Attribution = { kind: 'indirect', fragments: [{ start: text.indexOf('it would'), end: text.length - 1 }], speaker: { start: from, end: text.indexOf(' said') } }
    relativeSource(c, at)
    expect(text.slice(at.speaker!.start, at.speaker!.end)).toBe('who')
    expect(text.slice(at.antecedent!.start, at.antecedent!.end)).toBe('Speaker Paul D. Ryan')
    // (a phrase that opens with the pronoun: the pronoun, and the noun phrase before it)
    const t2 = 'Voters liked Ben Carson, who briefly led Iowa polls said it.'
    const c2 = new Ctx({ text: t2, tokens: tokenize(t2), sentences: splitSentences(t2, tokenize(t2)), entities: [] })
    const opens: Attribution = { kind: 'indirect', fragments: [{ start: t2.length - 3, end: t2.length - 1 }], speaker: { start: t2.indexOf('who'), end: t2.indexOf(' said') } }
    relativeSource(c2, opens)
    expect(t2.slice(opens.speaker!.start, opens.speaker!.end)).toBe('who')
    expect(t2.slice(opens.antecedent!.start, opens.antecedent!.end)).toMatch(/Ben Carson$/)
    // (a phrase with no relative pronoun at its end stays)
    const plain: Attribution = { ...at, speaker: { start: from, end: text.indexOf(',') }, antecedent: undefined }
    relativeSource(c, plain)
    expect(text.slice(plain.speaker!.start, plain.speaker!.end)).toBe('Speaker Paul D. Ryan')
    expect(plain.antecedent).toBeUndefined()
  })
})

describe('dropImpersonalSpeaker', () => {
  /** The attribution of `text` with the given cue and speaker phrases. */
  function drop(text: string, cue: string, speaker: string): Attribution {
    const tokens = tokenize(text)
    const c = new Ctx({ text, tokens, sentences: splitSentences(text, tokens), entities: [] })
    const span = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length })
    const at: Attribution = { kind: 'indirect', fragments: [{ start: text.length - 5, end: text.length - 1 }], cue: span(cue), speaker: span(speaker) }
    return dropImpersonalSpeaker(c, at, posTags(tokens).pos)
  }
  it.each([
    ['the subject of a passive is its hearer', 'Donald Smith was asked whether he would run.', 'was asked', 'Donald Smith', false],
    ['a passive after "been"', 'Since then he has been accused of lying about the loan.', 'has been accused of', 'he', false],
    ['a passive with an adverb', 'Mr. Jones is widely seen as the favourite.', 'is widely seen as', 'Mr. Jones', false],
    ['a participle clause with no subject', 'When asked about the loan, Jones said it was legal.', 'asked about', 'Jones', false],
    ['an expletive "it"', 'It is unclear whether the plan will pass.', 'is unclear', 'It', false],
    ['an active cue keeps its subject', 'Donald Smith asked whether the vote would be delayed.', 'asked', 'Donald Smith', true],
    ['an agent keeps the speaker', 'Jones was criticized by the senator for the loan.', 'was criticized', 'the senator', true],
    ['the subject\'s own words', 'Jones was quoted as saying the loan was legal.', 'was quoted as saying', 'Jones', true],
    ['an attitude of the subject', 'Officials are concerned that the loan was illegal.', 'are concerned', 'Officials', true],
    ['"has said" is active', 'The minister has said the loan was legal.', 'has said', 'The minister', true],
    ['an expletive "it" with an adjective', "It's easy to criticize the length of the campaign.", 'to criticize', "It's easy", false],
    ['a phrase of function words', 'In the end, to refuse the result would be wrong.', 'refuse', 'In the', false],
    ['a possessive pronoun names its holder', 'His claim that the vote was rigged was false.', 'claim', 'His', true],
    ['a phrase with no head noun', 'The only real question now is whether he will run.', 'question now is', 'The only real', false],
    ['a time noun', 'The intelligence community has for weeks been confident that Russia was behind it.', 'been confident', 'weeks', false],
    ['a cue noun alone', 'Fears about the economy grew as the vote neared.', 'about', 'Fears', false],
    ['a group with a quantifier keeps its place', 'Both are quick to offer praise for the plan.', 'are quick to offer praise for', 'Both', true],
    ['an existential "there"', 'There were reports the rebels were being armed.', 'were reports', 'There', false],
    ['those accused, with no object after the participle', 'Two police officers charged over the shooting appeared before a magistrate.', 'charged over', 'Two police officers', false],
    ['but an accuser with an object keeps the place', 'Two police officers accused the man of lying.', 'accused', 'Two police officers', true],
    ['one word that is a verb', 'The merger raises the question of why the deal was made.', 'the question', 'raises', false],
    ['an adverb opening the sentence', 'Hastily, the plan was dropped by its backers.', 'dropped', 'Hastily', false],
    ['a quantifier alone stands for people', 'Most said the plan would fail.', 'said', 'Most', true],
    ['a relative pronoun stays', 'It was a report that found the plan would fail.', 'found', 'that', true],
    ['a name that is also a word, inside the sentence', 'On Monday, Felt said the plan would fail.', 'said', 'Felt', true],
  ])('%s', (_name, text, cue, speaker, kept) => {
    expect(drop(text, cue, speaker).speaker !== undefined).toBe(kept)
  })
})

describe('what is no inverted speaker', () => {
  it.each([
    ['a time after a participle', 'The tentative deal, announced Friday, would last four years.'],
    ['a name after a participle of naming', 'His group, called the Virginia Legacy Fund, will still own the property.'],
  ])('%s', (_name, text) => {
    const { quotes } = rules(text)
    expect(quotes.filter((q) => q.act !== 'other' && q.speaker.text !== undefined).map((q) => q.speaker.text), show(text, quotes).join('\n')).toEqual([])
  })
})

describe('unnamed relatives and the authors of statements', () => {
  const run = (text: string) => {
    return analyseWithEntities(text).quotes
  }
  it('"The victim\'s brother, who did not want his name published," is an anonymous source, not the man named before', () => {
    const q = run('Kevin Garinger said the league would hold a moment of silence. The victim\'s brother, who did not want his name published, said his family is devastated.').find((x) => x.text.includes('devastated'))
    expect(q?.speaker).toMatchObject({ kind: 'anonymous' })
    expect(q?.speaker.entity).toBeUndefined()
  })
  it('"a statement from Transport Canada" is by Transport Canada, even where the tagger reads a place', () => {
    const text = 'According to a statement from Transport Canada, the agency is reviewing the crash.'
    const { entities, quotes: [q] } = analyseWithEntities(text)
    expect(entities.find((e) => e.id === q?.speaker.entity)?.name).toBe('Transport Canada')
  })
})

describe('the names after a description of two people', () => {
  it('name the speakers ("The two reporters who broke the story, Carl Bernstein and Bob Woodward,")', () => {
    const text = 'The two Washington Post reporters who broke the Watergate story, Carl Bernstein and Bob Woodward, have maintained that they would reveal the source only after his death.'
    const q = analyseWithEntities(text).quotes[0]
    expect(q?.speaker.name ?? '').toMatch(/Woodward|Bernstein/)
  })
})

describe('unnamed sources after the cue and documents put out later', () => {
  it('"said one teacher in Laval who asked not to be identified" is an anonymous source', () => {
    const q = analyse('"People are afraid to speak out," said one teacher in Laval who asked not to be identified.').quotes[0]
    expect(q?.speaker).toMatchObject({ text: 'one teacher', kind: 'anonymous' })
  })
  it('"Legault\'s office later issued a statement saying": the adverb goes with the cue', () => {
    const q = analyse('Legault\'s office later issued a statement saying the premier "respects the courts."').quotes[0]
    expect([q?.speaker.text, q?.cue?.text]).toEqual(["Legault's office", 'later issued a statement saying'])
  })
})

describe('a name given by a participle', () => {
  it('is no statement ("A new group called Black Votes Matter, led by …, is trying …"), but "The group called Trump a liar" is', () => {
    const qs = analyse('A new group called Black Votes Matter, led by Democratic strategists, is trying to raise money. The group called Trump a liar.').quotes
    expect(qs.filter((q) => q.cue?.text === 'called').map((q) => q.text)).toEqual(['Trump a liar'])
  })
  it.each([
    ['a name with "the" and a relative clause after it', 'The state created a private operation called the Matanuska Creamery, which is successful.'],
    ['a name with "and" in it', 'She set up a company called Klondike Creamery and Candy, which briefly marketed ice cream.'],
    ['a name before a verb in the past tense', 'A restoration company called Heritage Properties picked the buildings up in 1997.'],
  ])('nor is %s', (_name, text) => {
    expect(analyse(text).quotes.filter((q) => q.cue?.text === 'called').map((q) => q.text)).toEqual([])
  })
})

describe('"police"', () => {
  it('is the police force the article named, also when its entity is named with "The" ("HALIFAX — The RCMP says")', () => {
    const { quotes } = analyseWithEntities('HALIFAX — The RCMP says a man has been charged.\n\nIn a news release Saturday, police said officers found the woman unresponsive.')
    expect(quotes.map((q) => [q.speaker.text, q.speaker.kind])).toEqual([['The RCMP', 'organization'], ['police', 'organization']])
    expect(quotes[1]!.speaker.entity).toBe(quotes[0]!.speaker.entity)
    expect(quotes[1]!.speaker.name).toMatch(/RCMP$/)
  })
})

describe('the name a speaker is given', () => {
  it.each([
    ['the name that ends a description after the first part', 'Mr. Trump spoke first. The other man, his cousin James York, 40, cited the risk of war.', 'the risk of war', 'James York'],
    ['after a paragraph break, the person of unknown gender who opens it, not a man named in the paragraph before', 'Its president, Tim McMillan, said the industry "needs certainty."\n\nCalgary Mayor Naheed Nenshi was blunt. "Enough talk," he said.', 'Enough talk', 'Naheed Nenshi'],
    ['not the object of a verb of speech after its subject ("he said Ryan.")', 'House Speaker Paul Ryan said he was hopeful.\n\nOn the eve of the meetings, Donald Trump eased his tone. Asked who leads the party, he said Ryan. “I would say Paul for the time being,” he said.\n\n“We can always have differences,” he said.', 'differences', 'Donald Trump'],
    ['the name after a role in an appositive', '"It is time," exhorted Clinton\'s introducer, actress Jamie Lee Curtis.', 'It is time', 'Jamie Lee Curtis'],
    ['a description that opens the story: the person named at the start of the next sentence', "TORONTO — Ontario's health minister says the province is ready for a second wave.\n\nChristine Elliott made the comments Tuesday at Queen's Park.", 'second wave', 'Christine Elliott'],
    ['not a description with no owner ("The officer"): the next subject is as often someone else', 'The officer said he fired in self-defence.\n\nJohn Smith, a lawyer for the family, disputed that.', 'self-defence', undefined],
    ['the speaker just before who spoke of themself with the pronoun, though the name lists give the given name the other gender', '"This was a difficult decision," general manager Marc Bergevin told reporters.\n\nAssistant Dominique Ducharme will take over behind the bench.\n\nDucharme, 47, said he was ready. "I have been preparing for this moment my whole life," he told TVA Sports.', 'preparing for this moment', 'Dominique Ducharme'],
    ['a role with a place: the holder whose role names the place before one named near it', 'Alberta Premier Rachel Notley and Ontario Premier Doug Ford attended. Notley said her province needed the pipeline. The Ontario premier said he agreed.', 'he agreed', 'Doug Ford'],
    ['a role with a modifier: the holder whose role has it before a more recent one', 'Finance Minister Bill Morneau and Health Minister Ginette Petitpas Taylor met the premiers. Morneau said the budget would balance. Petitpas Taylor said pharmacare would move ahead. The finance minister later told reporters that no new taxes were planned.', 'no new taxes', 'Bill Morneau'],
    ['an organisation\'s role after the content, named at the start of the next sentence; and the same role again', "The University of Alberta will cut 1,000 jobs over the next three years, its president announced Tuesday.\n\nBill Flanagan said the cuts were necessary. \"There's no other way,\" the president said.", "no other way", 'Bill Flanagan'],
    ['not a role inside a clause, whoever opens the next sentence', 'David Plouffe took a job at Uber a few months before its senior vice president boasted about a plan to dig up dirt. Former Treasury Secretary Tim Geithner is now a private equity kingpin.', 'dig up dirt', undefined],
    ['a story that opens on someone described, before anyone is named: the name that opens the next sentence', 'WINNIPEG — A Winnipeg man says he was refused service at a downtown restaurant.\n\nJohn Smith, 45, said staff told him to leave.', 'refused service', 'John Smith'],
    ['but not a titled official who speaks next', 'A Winnipeg man says he was refused service at a downtown restaurant.\n\nPolice Chief Danny Smyth said officers would investigate.', 'refused service', undefined],
    ['two roles of someone\'s, joined by "and", then the name', "Manitoba Hydro's president and CEO, Jay Grewal, told reporters the utility was still reviewing the announcement.", 'still reviewing', 'Jay Grewal'],
    ['a surname two people share: the one of the gender of the pronoun that opens the content', 'A Halifax woman says the system failed her father. Sarah MacDonald\'s father, 82-year-old Gerald MacDonald, died two days after he was admitted.\n\nMacDonald said she has filed a complaint.', 'filed a complaint', 'Sarah MacDonald'],
    ['someone\'s organisation, named at the start of the next sentence', 'Canada Post workers could walk off the job as early as Friday, their union says.\n\nThe Canadian Union of Postal Workers issued a strike notice on Tuesday.', 'walk off the job', 'Canadian Union of Postal Workers'],
    ['a relative described after an opening phrase, named as the speaker of the quotation that opens the next sentence', 'The judge gave him eight years. Outside the courthouse, the mother of one of the victims said the sentence was not enough. "Nothing will bring my daughter back," said Linda Park.', 'not enough', 'Linda Park'],
    ['"the city" after a city\'s government named as such', 'The City of Toronto said the pools would reopen Friday. The city said staffing was the main problem.', 'staffing', 'City of Toronto'],
    ['a description owned by initials, named at the start of the next sentence', "VICTORIA — B.C.'s top doctor says the province is seeing more illness.\n\nDr. Bonnie Henry told a news conference Monday that hospitals are under pressure.", 'more illness', 'Bonnie Henry'],
    ['no name for a group interviewed by an outlet', 'Parents interviewed by CBC News described waiting hours with sick children.', 'waiting hours', undefined],
    ['"the central bank" after the Bank of Canada', 'The Bank of Canada raised its key interest rate on Wednesday. In a statement, the central bank said inflation remains too high.', 'too high', 'Bank of Canada'],
    ['"the president" is no Vice President', 'President Barack Obama spoke. Vice President Joe Biden followed. The president said the economy was strong.', 'economy was strong', 'Barack Obama'],
    ['a role with a place: its holder named with that place, not the most recent holder', 'Vermont Sen. Bernie Sanders won the primary. Sen. John McCain of Arizona criticized him. The Vermont senator said he would keep fighting.', 'keep fighting', 'Bernie Sanders'],
  ])('%s', (_name, text, quote, name) => {
    expect(analyseWithEntities(text).quotes.find((q) => q.text.includes(quote))?.speaker.name).toBe(name)
  })
})

describe('the subject of a participle after a clause', () => {
  it.each([
    ['a dateline with a date and an agency is no subject', 'PARIS, Aug 31 (Reuters) - The party leader, Marine Le Pen, voiced support for Donald Trump on Wednesday, saying his rival would bring war.', 'his rival would bring war', 'The party leader'],
    ['a possessive name runs on to the role it owns and the name after it', "France's far-right National Front party leader, Marine Le Pen, voiced support for Donald Trump, saying his rival would bring war.", 'his rival would bring war', "France's far-right National Front party leader, Marine Le Pen"],
    ['a month after "in" is a time, not the subject', 'He sent a two-page memo to The Washington Post in April explaining his plan to make Mexico pay.', 'his plan to make Mexico pay', 'He'],
  ])('%s', (_name, text, quote, speaker) => {
    expect(rules(text).quotes.find((q) => q.text.includes(quote))?.speaker.text).toBe(speaker)
  })
})

describe('where a content ends before the speaker\'s own comment on it', () => {
  it.each([
    ['after a dash', 'Yukiya Amano, director general of the agency, said in a statement Wednesday that, if its claims are true, North Korea is violating resolutions — which he added "is deeply regrettable."', ['that, if its claims are true, North Korea is violating resolutions', '"is deeply regrettable."']],
    ['after a comma, to the sentence end', 'Trump has blasted the delegate system, which he said runs the risk of leaving millions of voters disenfranchised.', ['the delegate system', 'which he said runs the risk of leaving millions of voters disenfranchised']],
  ])('%s', (_name, text, contents) => {
    expect(rules(text).quotes.map((q) => q.text)).toEqual(contents)
  })
  it('but not in the middle of the content ("the church, which he described as "…," is about 30 years old")', () => {
    const text = 'Kroon said the church, which he described as "just a local community church," is about 30 years old.'
    expect(rules(text).quotes.map((q) => q.text)).toEqual(['the church, which he described as "just a local community church," is about 30 years old'])
  })
  it.each([
    ['a clause with a name for subject after ", and"', 'Mrs. Clinton has said she intends to fill half her cabinet with women, and Ms. Brainard is among the few regarded as qualified.', 'she intends to fill half her cabinet with women'],
    ['but not a list of names that goes on', 'A spokesman confirmed that she was at the clinic where Britney Spears, Charlie Sheen, and Lindsay Lohan had been treated.', 'that she was at the clinic where Britney Spears, Charlie Sheen, and Lindsay Lohan had been treated'],
  ])('%s', (_name, text, content) => {
    expect(rules(text).quotes.map((q) => q.text)).toEqual([content])
  })
  it('the second part of a split content is no clause with its own source and cue', () => {
    const text = 'The aircraft was insured at a value of $35 million in 2011, records show, and aviation experts say it is now worth about $18 million.'
    expect(rules(text).quotes.map((q) => [q.text, q.cue?.text])).toEqual([
      ['The aircraft was insured at a value of $35 million in 2011', 'show'],
      ['it is now worth about $18 million', 'say'],
    ])
  })
  it('a content in a restrictive relative clause ends at the main verb in the past after a noun', () => {
    // ("repeatedly" goes with the cue, "asking repeatedly about", as PolNeAR marks it.)
    expect(rules('Reporters who have been asking repeatedly about the release of the tax returns got no answer.').quotes.map((q) => [q.text, q.cue?.text])).toEqual([['the release of the tax returns', 'have been asking repeatedly about']])
    // (Not inside a clause of its own: "who preferred him when the poll was taken".)
    expect(rules('Voters who preferred him when the poll was taken changed their minds.').quotes[0]?.text).toMatch(/^him when the poll was taken/)
  })
  it('a content ends before "and others who …", a second head with a clause of its own', () => {
    expect(rules('There were voters who claimed to be undecided and others who publicly declared their allegiance.').quotes.map((q) => [q.text, q.cue?.text])).toEqual([
      ['to be undecided', 'claimed'],
      ['their allegiance', 'publicly declared'],
    ])
  })
  it('so is one inside a clause whose subject is a noun after a possessive ("her client was remorseful and deserved …")', () => {
    expect(rules('Defence lawyer Anita Rao argued her client was remorseful and deserved a lesser term.').quotes.map((q) => q.text)).toEqual(['her client was remorseful and deserved a lesser term'])
    // (Not an object whose noun has a possessive "'s": "condemned the bill's passage but praised …".)
    expect(rules("The group condemned the bill's passage but praised the senators who held it up.").quotes.map((q) => q.text)).toEqual(["the bill's passage", 'the senators who held it up'])
  })
  it('a second verb with its object inside a clause with a pronoun subject is part of it', () => {
    const text = "Mike Shields, the group's president, said it had tested that message and found it effective in close races."
    expect(rules(text).quotes.map((q) => q.text)).toEqual(['it had tested that message and found it effective in close races'])
  })
})

describe('a quotation, then a clause of time', () => {
  it('is a direct quote of the subject of "and says," before it', () => {
    const text = 'She urges her husband to come out of the car and repeatedly says, "Don\'t you do it," until gunshots are heard.'
    const q = rules(text).quotes.find((x) => x.kind === 'direct')
    expect([q?.text, q?.cue?.text, q?.speaker.text]).toEqual(['"Don\'t you do it,"', 'repeatedly says', 'She'])
  })
})

describe('a second statement after a comma inside the closing mark', () => {
  it('(", but he said that …") ends the first content', () => {
    const text = 'The chief said that the footage did not give "absolute definitive visual evidence," but he said that the footage and other evidence "supports what we\'ve heard" about what happened.'
    expect(rules(text).quotes.map((q) => [q.text, q.speaker.text])).toEqual([
      ['that the footage did not give "absolute definitive visual evidence,"', 'The chief'],
      ['that the footage and other evidence "supports what we\'ve heard" about what happened', 'he'],
    ])
  })
})

describe('a comma inside a closing mark at the end of the text', () => {
  it('ends the content without reading past the last token', () => {
    expect(rules('Smith said the plan was "fine,"').quotes.map((q) => q.text)).toEqual(['the plan was "fine,"'])
  })
})

describe('the occasion of a cue, then a subject pronoun and its verb', () => {
  it('is no part of a mixed content', () => {
    const q = rules('Zimmerman wrote in both listings he was "honored and humbled" to announce the sale of the weapon.').quotes[0]
    expect([q?.kind, q?.text, q?.cue?.text]).toEqual(['mixed', 'he was "honored and humbled" to announce the sale of the weapon', 'wrote'])
  })
  it('but a question word or a gerund opens the content ("disagree on how it should happen")', () => {
    const q = analyse('Although there is broad agreement that action should be taken, politicians disagree on how it should happen.').quotes.find((x) => x.cue?.text.startsWith('disagree'))
    expect(q?.text).toBe('how it should happen')
  })
})

describe('a list of the speaker\'s deeds', () => {
  it.each([
    ['a second verb after the content of the first, then another deed', 'He later suggested her temper was to blame, called her "third-rate" and boycotted one of the debates.', 'her "third-rate"', 'called', 'He'],
    ['a deed with an irregular past after "and"', 'His speech — in which he joked about the senator, cited his appearance in a campaign ad for the prime minister and led with his family — kept the audience laughing.', 'his appearance in a campaign ad for the prime minister', 'cited', 'he'],
  ])('has the subject of the first, and ends before the next deed: %s', (_name, text, quote, cue, speaker) => {
    const q = rules(text).quotes.find((x) => x.cue?.text === cue)
    expect([q?.text, q?.speaker.text]).toEqual([quote, speaker])
  })
  it('but not a participle before "by" ("…, requested by Sanders, would be …")', () => {
    expect(rules('He said the leaders had met, requested by the senator, would be a moment of catharsis.').quotes.map((q) => q.cue?.text)).toEqual(['said'])
  })
})

describe('a subject with a relative clause that names someone else', () => {
  it.each([
    ['"who spoke to" an outlet', 'Two sources who spoke to CBC News said the minister will resign.', 'the minister will resign', 'Two sources who spoke to CBC News'],
    ['with a condition after the outlet', 'A senior official who spoke to Reuters on condition of anonymity said the talks had stalled.', 'the talks had stalled', 'A senior official who spoke to Reuters on condition of anonymity'],
    ['a clause that ends in a time', 'Two nurses who spoke on Thursday said the ward was full.', 'the ward was full', 'Two nurses who spoke'],
    ['a clause that ends in an object pronoun', 'Two groups who wrote to her said the plan was unfair.', 'the plan was unfair', 'Two groups who wrote to her'],
    ['a clause of writing to someone, then a time, before "say"', 'The groups who wrote to her on Thursday say they are "concerned."', 'they are "concerned."', 'The groups who wrote to her on Thursday'],
  ])('is its head, not the name in the clause: %s', (_name, text, quote, speaker) => {
    expect(rules(text).quotes.find((q) => q.text.includes(quote))?.speaker.text).toBe(speaker)
  })
  it('and whom the clause wrote to, and when, is no content of its own', () => {
    const { quotes } = rules('The groups who wrote to her on Thursday say they are concerned.')
    expect(quotes.map((q) => q.text)).toEqual(['they are concerned'])
  })
  it('but an infinitive in such a clause is ("others who want to ban abortion said …")', () => {
    const { quotes } = rules('Hawkins and others who want to ban abortion said the decision will make the choice more stark.')
    expect(quotes.map((q) => [q.text, q.speaker.text])).toEqual([
      ['to ban abortion', 'who'],
      ['the decision will make the choice more stark', 'Hawkins and others'],
    ])
  })
  it('a content in a relative clause ends before another relative clause with a cue of its own', () => {
    const { quotes } = rules('She began by slamming candidates who think they can "outsource" leadership and followed up with an attack on Trump, who has said he wants to be a "neutral" broker.')
    expect(quotes.map((q) => [q.text, q.cue?.text])).toEqual([
      ['they can "outsource" leadership and followed up with an attack on Trump', 'think'],
      ['he wants to be a "neutral" broker', 'has said'],
    ])
  })
  it('and no relative clause runs over a preposition before the cue ("who made it on to recommended slates")', () => {
    expect(rules('Among the applicants who made it on to recommended slates: several district leaders.').quotes).toEqual([])
  })
  it.each([
    ['phrase', 'A resident who lives near the scene'],
    ['name', 'A resident'],
  ] as const)('a restrictive clause with a verb, then a clause on anonymity between commas (speaker extent %s)', (extent, speaker) => {
    const text = 'Mayor Valérie Plante spoke. A resident who lives near the scene, who did not want her name published, said she heard at least five shots. "It sounded like fireworks," she said.'
    const tokens = tokenize(text)
    const sentences = splitSentences(text, tokens)
    const { quotes } = findQuotes({ text, tokens, sentences, entities: findEntities({ text, tokens, sentences }) }, { speakerExtent: extent })
    expect(quotes.map((q) => [q.text, q.speaker.text, q.speaker.kind, q.speaker.name])).toEqual([
      ['she heard at least five shots', speaker, 'anonymous', undefined],
      ['"It sounded like fireworks,"', 'she', 'anonymous', undefined],
    ])
  })
  it('and the name in the clause is not the speaker\'s name', () => {
    const q = analyseWithEntities('Residents who talked to the Toronto Star said the water was brown.').quotes[0]
    expect([q?.speaker.kind, q?.speaker.name]).toEqual(['anonymous', undefined])
  })
})

describe('"according to" at the end of a sentence', () => {
  it('"…, according to her publicist, Jack Ketsoyan." names him in name mode, and his name is no content', () => {
    const text = 'The actress has checked into a treatment centre in Malibu, according to her publicist, Jack Ketsoyan.'
    const tokens = tokenize(text)
    const sentences = splitSentences(text, tokens)
    const q = findQuotes({ text, tokens, sentences, entities: findEntities({ text, tokens, sentences }) }, { speakerExtent: 'name' }).quotes[0]
    expect([q?.text, q?.speaker.text, q?.speaker.name]).toEqual(['The actress has checked into a treatment centre in Malibu', 'Jack Ketsoyan', 'Jack Ketsoyan'])
  })
})

describe('the hearer of "told" before the content', () => {
  it.each([
    ['a possessive opens the content', 'Her lawyer told the court her client was innocent.', 'her client was innocent'],
    ['a subject pronoun opens the content', 'The mayor told the council they would vote Monday.', 'they would vote Monday'],
  ])('%s', (_name, text, quote) => {
    expect(rules(text).quotes.map((q) => q.text)).toEqual([quote])
  })
})

describe('a description by a role', () => {
  it('"the minister" is no Prime Minister', () => {
    const q = analyseWithEntities('Prime Minister Justin Trudeau met the premiers. The minister told reporters the deal is done.').quotes.find((x) => x.text.includes('deal is done'))
    expect(q?.speaker.name).toBeUndefined()
  })
})

describe('the name of a speaker with no entity', () => {
  it.each([
    ['a surname', 'Smith said the plan would fail.', 'Smith'],
    ['a police force by its place', 'Toronto police said the man was arrested.', 'Toronto police'],
    ['a campaign by its candidate', 'The Clinton campaign said the report was false.', 'Clinton campaign'],
    ['none for a description a name only modifies', "Ontario's health minister says the province is ready.", undefined],
    ['none for a described person', 'A Toronto mother of two said she is keeping her children home.', undefined],
    ['none for a possessive and a role', 'Her lawyer said the charges would be dropped.', undefined],
  ])('%s', (_name, text, name) => {
    expect(analyse(text).quotes[0]?.speaker.name).toBe(name)
  })
})

describe('unnamed sources', () => {
  it.each([
    ['who asked that her name not be used', 'A Toronto mother of two, who asked that her name not be used because she fears for her job, said she is keeping her children home.'],
    ['who declined to give his name', 'A resident, who declined to give his name, said the water was brown.'],
    ['a restrictive clause in the speaker phrase', 'A worker who did not want to be named said the plant will close.'],
    ['one of an unnamed group, in the singular', 'One worker said the plant will close.'],
  ])('%s: anonymous, and the clause is no statement', (_name, text) => {
    expect(analyse(text).quotes.map((q) => [q.cue?.text, q.speaker.kind])).toEqual([['said', 'anonymous']])
  })
  it('kept unnamed by a publication ban, and "she" after it is that source, not the woman named before', () => {
    const text = 'Defence lawyer Aisha Khan argued her client was remorseful. ¶ The mother of one of the victims, who cannot be named because of a publication ban, read a victim impact statement. ¶ "I will never hear my son laugh again," she said.'.replace(/ ¶ /g, '\n\n')
    const qs = analyseWithEntities(text).quotes
    const mother = qs.find((q) => q.cue?.text === 'read')
    expect([mother?.speaker.text, mother?.speaker.kind]).toEqual(['The mother of one of the victims', 'anonymous'])
    const last = qs.at(-1)
    expect([last?.speaker.text, last?.speaker.kind, last?.speaker.name]).toEqual(['she', 'anonymous', undefined])
  })
  it('someone\'s relative by a noun of the pronoun\'s gender: "she" after "the victim\'s sister said" is the sister, not the judge named before', () => {
    const text = 'Justice Anne Turner said the attack was "senseless and brutal." ¶ In a victim impact statement read in court, the victim\'s sister said she still has nightmares. "Every day I wake up and remember that he is gone," she said.'.replace(/ ¶ /g, '\n\n')
    const last = analyseWithEntities(text).quotes.at(-1)
    expect([last?.speaker.text, last?.speaker.entity, last?.speaker.name]).toEqual(['she', undefined, undefined])
  })
})

describe('a name that is also an auxiliary', () => {
  it.each([
    ['"May"', 'Green Party Leader Elizabeth May said in a Facebook post that the decision was shameful.', 'said in a Facebook post', 'Elizabeth May'],
    ['"Will"', 'Columnist George Will wrote that the party had lost its way.', 'wrote', 'George Will'],
    ['"May" alone, after the full name', 'British Prime Minister Theresa May met the leaders on Monday. May said she would not resign.', 'said', 'Theresa May'],
    ['"May" after the cue, ending the sentence', '"It is a shell game," said Green Party Leader Elizabeth May.', 'said', 'Elizabeth May'],
    ['"May" after a dash that signs a quotation', '"It is a shell game." — Green Party Leader Elizabeth May, in a statement.', '—', 'Elizabeth May'],
  ])('%s ends the speaker, not the cue', (_name, text, cue, name) => {
    const q = analyseWithEntities(text).quotes.at(-1)
    expect([q?.cue?.text, q?.speaker.name]).toEqual([cue, name])
  })
  it('is part of the speaker span after an inverted cue', () => {
    expect(analyseWithEntities('"It is wrong," said Elizabeth May.').quotes[0]?.speaker.text).toBe('Elizabeth May')
  })
})

describe('a quotation after the hearer of "told"', () => {
  it('is part of a mixed content when a determiner opens it after the hearer', () => {
    const q = rules('Peter Gall told CBC News the decision “ignores the evidence.”').quotes[0]
    expect([q?.kind, q?.cue?.text, q?.text]).toEqual(['mixed', 'told', 'the decision “ignores the evidence.”'])
  })
  it('is the direct content after a hearer with its own determiner', () => {
    const q = rules('Gall told a news conference: “We will appeal.”').quotes[0]
    expect([q?.kind, q?.text]).toEqual(['direct', '“We will appeal.”'])
  })
})

describe('a retort', () => {
  it.each([
    ['"shot back" after a quotation', '"Jeb wants to be a tough guy tonight," Trump shot back.', 'shot back', 'Trump'],
    ['"fired back" with a colon', 'Smith fired back: "That is false."', 'fired back:', 'Smith'],
  ])('%s is a statement, not a stance of support', (_name, text, cue, speaker) => {
    const q = analyse(text).quotes[0]
    expect([q?.act, q?.cue?.text, q?.speaker.text]).toEqual(['speech', cue, speaker])
  })
  it('but spending that "shot back up" says nothing', () => {
    expect(analyse('Health care spending shot back up and grew by 5.3 percent.').quotes).toEqual([])
  })
})

describe('a call for help', () => {
  it('is no statement ("called 911", "called police to report the fire"), but "called the police shootings a tragedy" is', () => {
    const qs = analyse('Her husband, Mike, called 911. A neighbour called police to report the fire. She called the police shootings a tragedy.').quotes
    expect(qs.filter((q) => q.act !== 'other').map((q) => q.text)).toEqual(['the police shootings a tragedy'])
  })
})

describe('what someone said between the cue and "that"', () => {
  it('is the occasion, its place and its hearer, up to ten words', () => {
    const q = rules('Mary-Liz Power said in a statement to The Canadian Press that the minister takes these concerns seriously.').quotes[0]
    expect([q?.cue?.text, q?.text]).toEqual(['said in a statement', 'that the minister takes these concerns seriously'])
  })
  it('not a relative "that" after an object further on', () => {
    const q = rules('Authorities reported at least 20 victims at a nonprofit center that works with the disabled.').quotes[0]
    expect(q?.text.startsWith('that')).not.toBe(true)
  })
})

describe('no comment', () => {
  it('"she had no comment", "it had nothing further to add" are no statements; "he had no doubt …" is', () => {
    const qs = analyse('When reached by phone, the mayor said she had no comment. The company said it had nothing further to add. He said he had no doubt the plan would work.').quotes
    expect(qs.filter((q) => q.act !== 'other').map((q) => q.text)).toEqual(['he had no doubt the plan would work'])
  })
})

describe('a split quotation around a long appositive', () => {
  it('goes on after the speaker\'s appositive, however long', () => {
    const q = rules('"The government," said Jean Dupont, a professor of political science at the University of Montreal, "has simply run out of ideas."').quotes[0]
    expect(q?.fragments?.length).toBe(2)
    expect(q?.speaker.text).toBe('Jean Dupont, a professor of political science at the University of Montreal')
  })
  it('and a quotation after "told X he" is part of a mixed content', () => {
    const q = rules('Trump told The Washington Post he was “not quite there yet” on supporting Ryan.').quotes[0]
    expect([q?.kind, q?.cue?.text]).toEqual(['mixed', 'told'])
  })
})

describe('an unnamed group and a place', () => {
  it('the place the group is in is not who speaks; the organisation officials are from or at is', () => {
    const qs = analyseWithEntities('Residents in Peterborough described trees falling onto cars. Officials from Health Canada said the recall was voluntary.').quotes
    expect(qs.map((q) => [q.speaker.kind, q.speaker.name])).toEqual([['anonymous', undefined], ['anonymous', 'Health Canada']])
  })
})

describe('a report or a belief inside what someone said', () => {
  it('is part of that statement: the quotation after "the driver showed" is the judge\'s', () => {
    const qs = analyseWithEntities('Justice Mary Smith wrote in her decision that the driver showed "a callous disregard for human life."').quotes
    expect(qs.map((q) => [q.kind, q.cue?.text, q.speaker.name])).toEqual([['mixed', 'wrote', 'Mary Smith']])
  })
  it('after the occasion of the statement ("saying in a recent debate that he views …")', () => {
    // (the rules leave the statement to the tagger; they no longer make "views" a belief of its own)
    expect(rules('He is facing skepticism after saying in a recent debate that he views himself as impartial.').quotes.map((q) => q.cue?.text)).not.toContain('views')
  })
})

describe('a quotation introduced on the line before', () => {
  it('"X made the following comment:" and "X issued this statement:": the verb opens the cue, its subject speaks', () => {
    const text = 'On July 6, Sanders made the following comment:\n\n“For young people who have graduated high school, the unemployment rate is 33 percent.”\n\nThe ministry issued this statement:\n\n"We regret the error."'
    expect(rules(text).quotes.map((q) => [q.speaker.text, q.cue?.text])).toEqual([['Sanders', 'made the following comment'], ['The ministry', 'issued this statement:']])
  })
})

describe('a quotation that opens its paragraph with no comma before its attribution', () => {
  it('is attributed by the cue that ends the sentence, not taken as the previous speaker\'s', () => {
    const text = '“Apparently not,“ he said. “A leopard doesn’t change its spots.”\n\n"Dr. Carson invited both Bob and me to his house today" the Post\'s senior politics editor Steven Ginsberg responded. "As we wrote, everything was on the table."'
    expect(rules(text).quotes.map((q) => [q.speaker.text, q.cue?.text, q.fragments?.length ?? 1])).toEqual([['he', 'said', 2], ["the Post's senior politics editor Steven Ginsberg", 'responded', 2]])
  })
})

describe('a clause of its own between two quotations', () => {
  it('"…," Ryan said last week, though he said, "…": the second quotation has its own attribution', () => {
    const qs = rules('"I\'m not there right now," Ryan said last week on CNN, though he said, "I hope to."').quotes
    expect(qs.map((q) => [q.speaker.text, q.text])).toEqual([['Ryan', '"I\'m not there right now,"'], ['he', '"I hope to."']])
  })
  it('but a manner phrase after the cue is no such clause', () => {
    expect(rules('"There it is," Christie said to laughs. "The memorized speech."').quotes).toHaveLength(1)
  })
})

describe('opening phrases before the subject of a sentence', () => {
  const text = 'Last month, when I asked Bernie Sanders if he would ever endorse Hillary Clinton, he looked straight into my camera and said, "I am gonna endorse YOU!"'
  it('"Last month, when I asked …, he looked … and said, "…"": the subject after both speaks', () => {
    const q = rules(text).quotes.find((x) => x.kind === 'direct')
    expect([q?.speaker.text, q?.cue?.text]).toEqual(['he', 'said'])
  })
  it('and the content of a cue inside the subordinate clause ends with it', () => {
    expect(rules(text).quotes.find((x) => x.cue?.text === 'asked')?.text).toBe('if he would ever endorse Hillary Clinton')
  })
  it('"Ms. Sherry smiled and said, "…"": one verb before "and said" is part of the cue', () => {
    expect(rules('At the party, Ms. Sherry smiled and said, "I am waiting for Michael Bloomberg to get in the race."').quotes[0]?.cue?.text).toBe('smiled and said')
  })
})

describe('where an indirect content ends', () => {
  it.each([
    ['goes on over a short aside with no verb', 'He also says the email scandal, while troublesome, was dealt with appropriately in his view.', 'also says', 'the email scandal, while troublesome, was dealt with appropriately in his view'],
    ['but not over a clause after "while"', 'He said the groups spent $6 million attacking Clinton, while liberal groups, including unions, spent only $1 million.', 'said', 'the groups spent $6 million attacking Clinton'],
    ['ends with a relative clause between commas', 'Republican Gov. Mary Fallin, who opposes abortion, vetoed the bill.', 'opposes', 'abortion'],
    ['ends before a second predicate of the speaker, in another tense', 'By comparison, Clinton had said she would visit at some later time, and to date has only issued a tweet about the state.', 'had said', 'she would visit at some later time'],
  ])('%s', (_name, text, cue, content) => {
    expect(rules(text).quotes.find((q) => q.cue?.text === cue)?.text).toBe(content)
  })
  it('and the statement after the relative clause is found on its own', () => {
    const qs = rules('Republican Gov. Mary Fallin, who opposes abortion, vetoed the bill because she said it was unconstitutional.').quotes
    expect(qs.map((q) => [q.cue?.text, q.text])).toEqual([['opposes', 'abortion'], ['said', 'it was unconstitutional']])
  })
})

describe('"he" after a speaker whose gender the name lists guess wrong', () => {
  it('is that speaker, not a man named before who never spoke, in the paragraph and in the next quotation', () => {
    const text = 'Florent Groberg is a former U.S. Army captain.\n\nDespite many people holding Clinton responsible for the deaths of Ambassador Chris Stevens, Groberg says it is hard to blame any one person. He also says the scandal was dealt with.\n\n"I agree that she should be held accountable," he said.'
    const { quotes, entities } = analyseWithEntities(text)
    const name = (id?: string) => entities.find((e) => e.id === id)?.name
    expect(quotes.filter((q) => /^he$/i.test(q.speaker.text ?? '')).map((q) => name(q.speaker.entity))).toEqual(['Florent Groberg', 'Florent Groberg'])
  })
})

describe('names in speaker phrases (name mode)', () => {
  it('"The Harrison County, Miss., coroner, Gary Hargrove, told": the person named after a place', () => {
    const text = 'The Harrison County, Miss., coroner, Gary Hargrove, told the Associated Press that LaRue is believed to have died Saturday.'
    const tokens = tokenize(text)
    const sentences = splitSentences(text, tokens)
    const entities = findEntities({ text, tokens, sentences })
    const q = findQuotes({ text, tokens, sentences, entities }, { speakerExtent: 'name', model: null }).quotes[0]
    expect([q?.speaker.text, q?.speaker.name]).toEqual(['Gary Hargrove', 'Gary Hargrove'])
  })
  it('"the Alaska Governor said", with no one named: no name', () => {
    const q = analyseWithEntities('On Saturday, the Alaska Governor said she apologizes.').quotes[0]
    expect([q?.speaker.text, q?.speaker.name]).toEqual(['the Alaska Governor', undefined])
  })
})

describe('"posted" and where a quotation was said', () => {
  it.each([
    ['"posted" after a quotation, with the platform', '"We will fight this," Chow posted on Instagram.', 'We will fight this', 'posted on Instagram', 'Chow'],
    ['a that-clause verb after a quotation, then where it was said', '"We will win," Smith continued in a post on X.', 'We will win', 'continued in a post', 'Smith'],
  ])('%s', (_name, text, quote, cue, speaker) => {
    expectRuleQuote(text, quote, cue, speaker)
  })
  it('a quotation goes on after "fumed on Tuesday."', () => {
    const text = '"They would have gone to the only bill that has support," Toomey fumed on Tuesday. "That would have been a sign of good faith."'
    expect(show(text, rules(text).quotes)).toEqual(['direct ["They would have gone to the only bill that has support," // "That would have been a sign of good faith."] cue=fumed speaker=Toomey'])
  })
  it('what was posted on a platform or after a colon is a statement, with the tagger too; "posted a video" is none', () => {
    const acts = (text: string) => analyse(text).quotes.map((q) => [q.cue?.text, q.act])
    expect(acts('Mr. Trump posted on Twitter that the company "would crash."')).toEqual([['posted on Twitter', 'speech']])
    expect(acts('He spoke. He had posted: "We are not mourning, we are celebrating!"').filter(([, a]) => a === 'speech')).toHaveLength(1)
    expect(acts('The RCMP posted a video of the arrest.').filter(([, a]) => a === 'speech')).toEqual([])
  })
  it('"put it" is a way of saying it: a statement', () => {
    const acts = (text: string) => analyse(text).quotes.map((q) => [q.kind, q.act])
    expect(acts('Coun. Matt Francis put it this way: "We have let these residents down."')).toEqual([['direct', 'speech']])
    expect(acts('As Ruth Marcus puts it, Obama is trying to make Republicans "an offer they can\'t afford to refuse."')).toEqual([['mixed', 'speech']])
    const q = analyse('"The barbarians are no longer at the gate," as Ridge put it.').quotes
    expect(q.map((x) => [x.kind, x.act, x.speaker.text, x.cue?.text])).toEqual([['direct', 'speech', 'Ridge', 'put it']])
    // (Inside a sentence, the quotation is that sentence's, not the way the memo put it.)
    expect(analyse('The rule requires a "lawful source of income," as a Homeland Security memo put it.').quotes.map((x) => x.cue?.text)).not.toContain('put it')
  })
})

describe('where a speaker phrase begins', () => {
  const speakers = (text: string) => analyse(text).quotes.map((q) => q.speaker.text)
  it('a time noun or a common noun right before the subject is no part of it', () => {
    expect(speakers('And yet over the weekend Mr. Bewkes agreed to sell Time Warner to AT&T.')).toEqual(['Mr. Bewkes'])
    expect(speakers('It was the third time AROS said it had set up such an event.')).toEqual(['AROS'])
    expect(speakers('The surprise element was the fact the director never told anyone he was making the film.')).toEqual(['the director'])
  })
  it('a noun phrase with an article inside it stays whole', () => {
    expect(speakers('Half the senators said the bill would pass.')).toEqual(['Half the senators'])
    expect(speakers('The chairman of the committee said the bill would pass.')).toEqual(['The chairman of the committee'])
  })
})

describe('chants and shouts', () => {
  const quotes = (text: string) => analyse(text).quotes.map((q) => [q.kind, text.slice(q.start, q.end), q.speaker.text, q.cue?.text])
  it('a quotation after a verb of crying out is what was cried, whatever follows it', () => {
    expect(quotes('Protesters chanted "What curfew?" as they marched.')).toEqual([['direct', '"What curfew?"', 'Protesters', 'chanted']])
    // (Two quotations joined by "and" stay one quote.)
    expect(quotes('Many marchers were chanting "We are Orlando" and "Disarm hate."').map(([k]) => k)).toEqual(['mixed'])
    // (After a comma too.)
    expect(quotes('The attendees chanted, "Lock her up!" as they had for previous speakers.')).toEqual([['direct', '"Lock her up!"', 'The attendees', 'chanted']])
  })
  it('a participle of crying out has the subject of the sentence', () => {
    expect(quotes('Trump walked onto the stage, chanting "U-S-A! U-S-A!"')).toEqual([['direct', '"U-S-A! U-S-A!"', 'Trump', 'chanting']])
    expect(quotes('The protesters gathered in three clusters, holding signs and chanting "Dump Trump."')).toEqual([['direct', '"Dump Trump."', 'The protesters', 'chanting']])
  })
  it('a quotation after "chants of" is a direct quote, said by the possessive or the subject of the verb', () => {
    expect(quotes('But their chants of "Ted! Ted! Ted!" filled the room.')).toEqual([['direct', '"Ted! Ted! Ted!"', 'their', 'chants of']])
    expect(quotes('Clinton supporters responded with chants of "I\'m with her" at the rally.')).toEqual([['direct', '"I\'m with her"', 'Clinton supporters', 'responded with chants of']])
    expect(quotes('The crowd broke into spontaneous chants of "Lock her up!" as he spoke.')).toEqual([['direct', '"Lock her up!"', 'The crowd', 'broke into spontaneous chants of']])
  })
  it('a subject pronoun before the cue is the speaker, not the object of a relative clause before it', () => {
    expect(quotes('He is the congressman who gained attention in 2009 when he yelled "You lie!" at the president.')).toEqual([['direct', '"You lie!"', 'he', 'yelled']])
  })
})

describe('a quotation inside what someone said', () => {
  it('after a verb of belief inside a statement, it is part of that statement, not a belief of its own', () => {
    const text = 'A Coca-Cola spokesman said the company had supported the foundation because it believed "in the great work that can be done when businesses work together."'
    const qs = analyse(text).quotes
    expect(qs.map((q) => [q.kind, q.act, q.speaker.text, q.cue?.text])).toEqual([['mixed', 'speech', 'A Coca-Cola spokesman', 'said']])
    expect(text.slice(qs[0]!.start, qs[0]!.end)).toMatch(/^the company .*together\."$/)
  })
  it('a direct quote with a verb of speech keeps its own attribution', () => {
    const qs = analyse('"We will win," she said.').quotes
    expect(qs.map((q) => [q.kind, q.speaker.text])).toEqual([['direct', 'she']])
  })
})

describe('a short infinitive content and the clause after it', () => {
  it('"declined to comment and X said …" is two attributions', () => {
    const text = 'The agency declined to comment and Senate aides later said the remark was not based on his discussion.'
    const qs = analyse(text).quotes
    expect(qs.map((q) => [text.slice(q.start, q.end), q.speaker.text])).toEqual([
      ['to comment', 'The agency'],
      ['the remark was not based on his discussion', 'Senate aides'],
    ])
  })
  it('"and the officials" after a verb is no list of modifiers before one head', () => {
    expect(rules('She wants to help and the officials said they agree.').quotes.map((q) => q.speaker.text)).toEqual(['She', 'the officials'])
    expect(rules('Federal and state officials said the road is closed.').quotes.map((q) => q.speaker.text)).toEqual(['Federal and state officials'])
  })
})

describe('"According to police"', () => {
  it('"to police" is no infinitive: police are the source', () => {
    const q = analyse('According to police, the man fled the scene.').quotes
    expect(q.map((x) => [x.act, x.speaker.text, x.speaker.kind])).toEqual([['report', 'police', 'organization']])
  })
})

describe('a relative clause with no relative pronoun in a speaker phrase', () => {
  it('"people I\'ve spoken with said", "Experts I interviewed said": the people speak', () => {
    const q1 = analyse("Several people I've spoken with over the last couple of weeks said Mr. Hannity had advised Mr. Trump.").quotes[0]!
    expect([q1.speaker.text, q1.speaker.kind, q1.act]).toEqual(["Several people I've spoken with over the last couple of weeks", 'anonymous', 'speech'])
    const q2 = analyse('Experts I interviewed said the plan is dead.').quotes[0]!
    expect([q2.speaker.text, q2.speaker.kind]).toEqual(['Experts I interviewed', 'anonymous'])
  })
})

describe('the subject of a sentence that a participle cue goes back to', () => {
  const speaker = (text: string) => rules(text).quotes.map((q) => q.speaker.text)
  it('stops before the verb', () => {
    expect(speaker('The senator spoke for an hour, saying that the bill was flawed.')).toEqual(['The senator'])
    expect(speaker('The executive council for the union voted to endorse her, saying she is the best.')).toEqual(['The executive council for the union'])
  })
  it('runs on from a possessive name to the people it owns', () => {
    expect(speaker("Obama's aides were complimentary, recognizing that imitation is the best form of flattery.")).toEqual(["Obama's aides"])
  })
})

describe('a relative clause after an object noun phrase', () => {
  it('is the writer\'s description, no part of the content', () => {
    const text = "The experts generally praised Mrs. Clinton's proposals to benefit small businesses, which include a provision that would allow them to deduct costs."
    expect(rules(text).quotes.map((q) => text.slice(q.start, q.end))).toEqual(["Mrs. Clinton's proposals to benefit small businesses"])
  })
  it('stays in a that-clause', () => {
    const text = 'She said that the plan, which costs $2 billion, would fail.'
    expect(rules(text).quotes.map((q) => text.slice(q.start, q.end))).toEqual(['that the plan, which costs $2 billion, would fail'])
  })
})

describe('an appositive after an object noun phrase', () => {
  const contents = (text: string) => rules(text).quotes.map((q) => text.slice(q.start, q.end))
  it('is the writer\'s description, no part of the content', () => {
    expect(contents('The senator criticized the Trans-Pacific Partnership, the 12-country trade deal the administration finished last year.')).toEqual(['the Trans-Pacific Partnership'])
  })
  it('but a list goes on, and so does a subject whose clause resumes', () => {
    expect(contents('The candidate talked about the economy, the deficit and the war.')).toEqual(['the economy, the deficit and the war'])
    expect(contents('Some critics said Felt, a Hoover loyalist, was bitter at being passed over.')).toEqual(['Felt, a Hoover loyalist, was bitter at being passed over'])
  })
})

describe('crowds and neighbours', () => {
  it('are unnamed people: anonymous sources', () => {
    expect(analyse('The crowd chanted "Lock her up!" as he spoke.').quotes.map((q) => q.speaker.kind)).toEqual(['anonymous'])
    expect(analyse('Neighbors said the man was quiet.').quotes.map((q) => q.speaker.kind)).toEqual(['anonymous'])
  })
})

describe('a speaker with a "whose" clause', () => {
  it('is the noun the clause follows, with the clause', () => {
    expect(rules('Families whose children died in the attack said they want answers.').quotes.map((q) => q.speaker.text)).toEqual(['Families whose children died in the attack'])
  })
})

describe('a state of mind after "is"', () => {
  it('"is now assured of", "is convinced": the subject holds it, a belief, not a statement', () => {
    expect(analyse('Clinton is now assured of winning at least 334 of the 865 delegates.').quotes.map((q) => [q.speaker.text, q.act])).toEqual([['Clinton', 'belief']])
    expect(analyse('He assured voters that taxes would not rise.').quotes.map((q) => [q.speaker.text, q.act])).toEqual([['He', 'speech']])
  })
})

describe('a mixed quote whose quotation runs over a sentence end', () => {
  it('runs on to the closing mark', () => {
    const text = 'She said the city "will not back down. We will fight this in court."'
    expect(analyse(text).quotes.map((q) => [q.kind, text.slice(q.start, q.end)])).toEqual([['mixed', 'the city "will not back down. We will fight this in court."']])
  })
  it('a short phrase in marks stays as it is', () => {
    const text = 'She called it "a disgrace" and left.'
    expect(analyse(text).quotes.map((q) => text.slice(q.start, q.end))).toEqual(['it "a disgrace" and left'])
  })
})

describe('a show that is a programme', () => {
  it('"the reality TV show "The Apprentice"" is no cue', () => {
    expect(analyse('The set was used for building sets for the reality TV show "The Apprentice."').quotes).toEqual([])
    expect(analyse('New polls show Trump ahead.').quotes.map((q) => q.cue?.text)).toEqual(['show'])
  })
})

describe('an adverbial phrase between the auxiliary and the cue', () => {
  it('"have in the past blamed", "has in fact reported": the subject before the auxiliary speaks', () => {
    expect(rules('Steel companies have in the past blamed cheap imports for their losses.').quotes.map((q) => [q.speaker.text, q.cue?.text])).toEqual([['Steel companies', 'have in the past blamed']])
    expect(rules('Trump has in the past, opposed the deal.').quotes.map((q) => [q.speaker.text, q.cue?.text])).toEqual([['Trump', 'has in the past, opposed']])
  })
})

describe('a preposition that opens a set phrase after the cue', () => {
  it('stays in the content ("reported at least 20 victims"), or a time phrase before "that" is no content', () => {
    const text = 'Authorities reported at least 20 victims at the center.'
    expect(analyse(text).quotes.map((q) => [q.cue?.text, text.slice(q.start, q.end)])).toEqual([['reported', 'at least 20 victims at the center']])
    const said = 'Trump acknowledged for the first time that Obama was born in the United States.'
    expect(analyse(said).quotes.map((q) => said.slice(q.start, q.end))).toEqual(['that Obama was born in the United States'])
    const years = 'The Fed has said for years that rates must rise.'
    expect(analyse(years).quotes.map((q) => years.slice(q.start, q.end))).toEqual(['that rates must rise'])
  })
  it('a verb\'s own particle still goes with the cue', () => {
    expect(rules('Sanders called for a political revolution.').quotes.map((q) => q.cue?.text)).toEqual(['called for'])
  })
})

describe('a plural noun that is also a verb form', () => {
  it('"advocates" before a verb is the subject\'s head, an anonymous group, not a cue', () => {
    const { quotes } = analyse('Abortion rights advocates said the ruling was a victory.')
    expect(quotes.map((q) => [q.speaker.text, q.cue?.text, q.speaker.kind])).toEqual([['Abortion rights advocates', 'said', 'anonymous']])
  })
  it('after a name it is still a verb', () => {
    expect(rules('Sanders advocates a single-payer health system.').quotes.map((q) => [q.speaker.text, q.cue?.text])).toEqual([['Sanders', 'advocates']])
  })
})

describe('titles and particles in names', () => {
  it('"Secretary of State John Kerry": a cue form after "of" in a title stays in the phrase', () => {
    expect(rules('Secretary of State John Kerry said the talks would go on.').quotes.map((q) => q.speaker.text)).toEqual(['Secretary of State John Kerry'])
    expect(rules('The Secretary of State said the talks would go on.').quotes.map((q) => q.speaker.text)).toEqual(['The Secretary of State'])
  })
  it('"De Blasio", "Van Hollen": a capitalised particle starts the name', () => {
    expect(rules('De Blasio said the city is safe.').quotes.map((q) => q.speaker.text)).toEqual(['De Blasio'])
    expect(rules('Van Hollen told reporters he would run.').quotes.map((q) => q.speaker.text)).toEqual(['Van Hollen'])
  })
})

describe('"according to" inside a sentence that goes on after it', () => {
  it('the source ends at the comma the sentence resumes after; the content is both sides', () => {
    const text = 'Fundraising, according to the campaign, has surged in the same period.'
    expect(analyse(text).quotes.map((q) => [q.speaker.text, content(text, q)])).toEqual([['the campaign', 'Fundraising // has surged in the same period']])
    const appositive = 'At the heart of the trouble, according to Dennis Ross, a former envoy, was a decision by Mr. Obama.'
    expect(analyse(appositive).quotes.map((q) => [q.speaker.text, content(appositive, q)])).toEqual([['Dennis Ross, a former envoy', 'At the heart of the trouble // was a decision by Mr. Obama']])
  })
  it('a source that ends its sentence still runs to the end', () => {
    const text = 'The poll was taken last week, according to Andy Smith, director of the center, which conducted the poll.'
    expect(analyse(text).quotes.map((q) => q.speaker.text)).toEqual(['Andy Smith, director of the center, which conducted the poll'])
  })
})

describe('"states" and "attacks" after a place, an adjective or a noun', () => {
  it('are nouns: no cue, no quote', () => {
    for (const text of ['The Paris attacks changed the campaign.', 'Rust Belt states that have lost jobs will decide the race.', 'The recent terror attacks have been controversial.']) {
      expect(rules(text).quotes.map((q) => q.cue?.text), text).toEqual([])
    }
  })
  it('after a person, a pronoun or a document they are verbs', () => {
    expect(rules('It states that courts should not issue rulings.').quotes.map((q) => q.cue?.text)).toEqual(['states'])
    expect(rules('The letter states that the program ended.').quotes.map((q) => q.speaker.text)).toEqual(['The letter'])
    const text = 'Trump attacks Clinton on trade.'
    expect(analyseWithEntities(text).quotes.map((q) => [q.speaker.text, q.cue?.text])).toEqual([['Trump', 'attacks']])
  })
})

describe('the object of a stance', () => {
  it('ends before "during", which says when', () => {
    const text = 'Sanders criticized the trade deal during a debate in Flint.'
    expect(rules(text).quotes.map((q) => content(text, q))).toEqual(['the trade deal'])
  })
})

describe('an adverb before a participle cue is no subject', () => {
  it('"…, perhaps recognizing that …": the speaker is the sentence\'s subject', () => {
    const text = 'Obama’s aides were also complimentary, perhaps recognizing that imitation is the best form of flattery.'
    expect(rules(text).quotes.map((q) => [q.speaker.text, q.cue?.text])).toEqual([['Obama’s aides', 'recognizing']])
  })
})

/** Each text has one quote, whose speaker phrase is the given one, of kind "anonymous". */
const expectAnonymousSpeakers = (cases: [text: string, speaker: string][]) => {
  for (const [text, speaker] of cases) expect(analyse(text).quotes.map((q) => [q.speaker.text, q.speaker.kind]), text).toEqual([[speaker, 'anonymous']])
}

describe('a group described after its noun', () => {
  it('keeps a participle phrase, a role "to" someone and a cue-form noun after a quantifier, and is anonymous', () => {
    expectAnonymousSpeakers([
      ['People briefed on the situation said the deal was close.', 'People briefed on the situation'],
      ['Other advisers to the island’s government said the plan would fail.', 'Other advisers to the island’s government'],
      ['Some advocates for stem cell research argue that the rules are too strict.', 'Some advocates for stem cell research'],
      ['Officials involved in the case said the suspect fled.', 'Officials involved in the case'],
    ])
  })
})

describe('a degree word before an adverb of the cue', () => {
  it('"almost universally expressed" is no part of the subject', () => {
    const text = 'World leaders and diplomats almost universally expressed outrage over the test.'
    expect(rules(text).quotes.map((q) => q.speaker.text)).toEqual(['World leaders and diplomats'])
  })
})

describe('the subject of a participle cue after a comma', () => {
  it('stops at the sentence\'s verb ("Mr. Trump made a third attempt …, writing …")', () => {
    const text = 'Mr. Trump made a third attempt to deflect the criticism, writing on Twitter that the real issue was terrorism.'
    expect(rules(text).quotes.map((q) => q.speaker.text)).toEqual(['Mr. Trump'])
  })
})

describe('a source after its content, named by a role or with a plural possessive', () => {
  it('"Chad’s Ambassador to France confirmed": a capitalised role keeps its "to" phrase', () => {
    const text = 'He was returning home to mourn his mother, Chad’s Ambassador to France confirmed.'
    expect(rules(text).quotes.map((q) => [content(text, q), q.speaker.text])).toEqual([['He was returning home to mourn his mother', 'Chad’s Ambassador to France']])
  })
  it('"their school, Leaders’ College, confirmed": the apostrophe of a plural possessive is no quotation mark', () => {
    const text = 'They were returning home, their school, Leaders’ College, confirmed.'
    expect(rules(text).quotes.map((q) => q.speaker.text)).toEqual(['their school, Leaders’ College'])
  })
})

describe('"that" before a quotation after its cue', () => {
  it('goes with the quotation, a mixed quote (PolNeAR\'s convention)', () => {
    const text = 'Trump said that “we’re in this together.”'
    expect(rules(text).quotes.map((q) => [content(text, q), q.kind])).toEqual([['that “we’re in this together.”', 'mixed']])
  })
  it('without it the quotation stays direct', () => {
    const text = 'Trump said: “We’re in this together.”'
    expect(rules(text).quotes.map((q) => [content(text, q), q.kind])).toEqual([['“We’re in this together.”', 'direct']])
  })
})

describe('a share of people described by a relative clause, a demonstrative after "of", a participle after a group', () => {
  it('"27 percent of those who named a candidate", "A majority of that segment", "Protesters marching …" are whole and anonymous', () => {
    expectAnonymousSpeakers([
      ['Only 27 percent of those who named a candidate said their minds were made up.', 'Only 27 percent of those who named a candidate'],
      ['A majority of that segment still disapproves of Trump.', 'A majority of that segment'],
      ['Protesters marching through the streets chanted slogans against the war.', 'Protesters marching through the streets'],
    ])
  })
})

describe('a "during" phrase between the subject and the cue', () => {
  it('is no subject: "Sanders during a Sunday interview thanked …"', () => {
    const text = 'Sanders during a Sunday interview thanked his supporters.'
    expect(rules(text).quotes.map((q) => q.speaker.text)).toEqual(['Sanders'])
  })
})

describe('a document subject whose source is named after a classing noun', () => {
  it('"A projection by the consulting firm Oxford Economics predicted": the whole phrase, not the name alone', () => {
    const text = 'A projection by the consulting firm Oxford Economics predicted that growth would slow.'
    expect(rules(text).quotes.map((q) => q.speaker.text)).toEqual(['A projection by the consulting firm Oxford Economics'])
  })
  it('"In a Bloomberg interview Trump declared": after a plain noun the name is still the subject', () => {
    const text = 'In a Bloomberg interview Trump declared that he would win.'
    expect(rules(text).quotes.map((q) => q.speaker.text)).toEqual(['Trump'])
  })
  it('"on Super Tuesday said": a named day is no time phrase of the cue', () => {
    const text = 'Voters going to the polls on Super Tuesday said they support the ban.'
    expect(rules(text).quotes.map((q) => q.cue?.text)).toEqual(['said'])
  })
})

describe('subjects that stopped short', () => {
  it('a name and an organisation with its article, a sentence-initial demonstrative, a number word and its noun', () => {
    const cases: [string, string][] = [
      ['Spokesmen for Bill Clinton and Chelsea Clinton and the foundation declined to comment.', 'Spokesmen for Bill Clinton and Chelsea Clinton and the foundation'],
      ['That letter, on Trump Organization letterhead, demanded that the ads stop.', 'That letter'],
      ['Two objectors, Lawrence Joyce and William Graham, filed complaints, contending that Cruz is not eligible.', 'Two objectors'],
    ]
    for (const [text, speaker] of cases) expect(rules(text).quotes.map((q) => q.speaker.text), text).toEqual([speaker])
  })
})

describe('a document after the content', () => {
  it.each([
    ['"a new study shows"', 'Turnout rose in the first primaries, a new study shows.', 'a new study'],
    // (A singular noun that ends in "s" is no plural: "shows" after it is its verb, not a noun.)
    ['"a new analysis shows"', 'Turnout rose in the first primaries, a new analysis shows.', 'a new analysis'],
    ['"a Pew Research Center analysis shows"', 'Turnout rose in the first primaries, a Pew Research Center analysis shows.', 'a Pew Research Center analysis'],
  ])('%s', (_name, text, speaker) => {
    expectRuleQuote(text, 'Turnout rose in the first primaries', 'shows', speaker)
  })
})

describe('a particle after the cue verb', () => {
  it.each([
    ['"called out"', 'The governor called out his rival for the delays.', 'his rival for the delays', 'called out', 'The governor'],
    ['"tweeted out"', 'The senator tweeted out a message thanking her voters.', 'a message thanking her voters', 'tweeted out', 'The senator'],
    ['"backed off"', 'The mayor backed off some of his earlier proposals.', 'some of his earlier proposals', 'backed off', 'The mayor'],
  ])('%s is part of the cue', (_name, text, quote, cue, speaker) => {
    expectRuleQuote(text, quote, cue, speaker)
  })
  it('not "up to" a number', () => {
    expectRuleQuote('Police said up to 30 people were hurt.', 'up to 30 people were hurt', 'said', 'Police')
  })
})

describe('two noun phrases joined by "and" before the cue', () => {
  it.each([
    ['two noun phrases', "The city council and the mayor's office said the bridge would reopen.", 'the bridge would reopen', 'said', "The city council and the mayor's office"],
    ['a name and a noun phrase', 'Clinton and the committee rejected the claim.', 'the claim', 'rejected', 'Clinton and the committee'],
    ['a pronoun and a noun phrase', 'She and her husband said the house was never for sale.', 'the house was never for sale', 'said', 'She and her husband'],
  ])('%s are one subject', (_name, text, quote, cue, speaker) => {
    expectRuleQuote(text, quote, cue, speaker)
  })
  it.each([
    ['an object before "and"', 'Prices rose after the vote and officials said the bridge would reopen.', 'the bridge would reopen', 'said', 'officials'],
    ['roles after a name and a comma', '"It is a math problem," Jane Roe, president and CEO of the association, said.', 'It is a math problem', 'said', 'Jane Roe, president and CEO of the association'],
  ])('not %s', (_name, text, quote, cue, speaker) => {
    expectRuleQuote(text, quote, cue, speaker)
  })
})

describe('a name given by a participle after an indefinite noun phrase', () => {
  it.each([
    ['at the end of the sentence', 'She volunteers for a charity called Open Doors Coalition.'],
    ['with a capitalised head', 'A new super PAC called Forward Together is raising money in Ohio.'],
    ['in quotation marks', 'Economists point to an effect called “wage stickiness.”'],
  ])('is no attribution (%s)', (_name, text) => {
    const { quotes } = rules(text)
    expect(quotes.filter((q) => /called/.test(q.cue?.text ?? '')), show(text, quotes).join('\n')).toEqual([])
  })
  it('but a subject that calls someone something still is one', () => {
    expectRuleQuote('A spokesman called Smith a liar.', 'Smith a liar', 'called', 'A spokesman')
  })
})

describe('a subordinator or a sentence adverb before the speaker', () => {
  it.each([
    ['"As"', 'As Professor Lane noted, the treaty changed little.', 'the treaty changed little', 'noted', 'Professor Lane'],
    ['"Perhaps"', 'Perhaps young voters believe that the plan will fail.', 'that the plan will fail', 'believe', 'young voters'],
    ['"While"', 'While Ms. Ortiz insisted that the law was fair, the court struck it down.', 'that the law was fair', 'insisted', 'Ms. Ortiz'],
  ])('%s is no part of the speaker', (_name, text, quote, cue, speaker) => {
    const { quotes } = analyse(text)
    const q = quotes.find((x) => content(text, x) === quote)
    expect(q, show(text, quotes).join('\n')).toBeDefined()
    expect(q!.speaker.text).toBe(speaker)
  })
})

describe('the time after a participle that dates a document', () => {
  it.each([
    ['"last week"', 'A state university poll released last week showed the mayor ahead by six points.', 'the mayor ahead by six points', 'showed', 'A state university poll released last week'],
    ['"on Monday"', 'A survey conducted on Monday found that most renters opposed the plan.', 'that most renters opposed the plan', 'found', 'A survey conducted on Monday'],
    ['a weekday', 'A city audit published Friday says the fund lost money.', 'the fund lost money', 'says', 'A city audit published Friday'],
  ])('%s belongs to the source, not the cue', (_name, text, quote, cue, speaker) => {
    expectRuleQuote(text, quote, cue, speaker)
  })
  it('not a time after a name', () => {
    expectRuleQuote('Smith on Monday said the race was tied.', 'the race was tied', 'said', 'Smith')
  })
  it('"in May" is the month, not the modal of the cue', () => {
    const text = 'A report published in May found that most voters disliked the plan.'
    const q = analyse(text).quotes.find((x) => x.cue?.text?.includes('found'))
    expect(q?.cue?.text).toBe('found')
  })
})

describe('the person asked', () => {
  it.each([
    ['before "how"', 'Reporters asked the governor how she would pay for the plan.', 'how she would pay for the plan'],
    ['before "whether"', 'The senator asked the attorney general in Ohio whether the law was enforced.', 'whether the law was enforced'],
    ['before "a question"', 'A student asked the candidates a question about tuition.', 'a question about tuition'],
  ])('is no part of the question (%s)', (_name, text, quote) => {
    const { quotes } = rules(text)
    const q = quotes.find((x) => x.cue?.text === 'asked')
    expect(q && content(text, q), show(text, quotes).join('\n')).toBe(quote)
  })
  it('but is part of a request ("asked the court to …")', () => {
    const text = 'The city asked the court to delay the ruling.'
    const q = rules(text).quotes.find((x) => x.cue?.text === 'asked')
    expect(q && content(text, q)).toBe('the court to delay the ruling')
  })
})

describe('an opening "Asked …," before the sentence subject', () => {
  it.each([
    ['"Asked whether"', 'Asked whether he would run again, the mayor gave a vague answer.', 'whether he would run again', 'Asked', undefined],
    ['"Asked about"', 'Asked about the delay, the minister said the report was nearly done.', 'the delay', 'Asked about', undefined],
    ['"Asked by"', 'Asked by a reporter if the talks had failed, Smith said they had not.', 'if the talks had failed', 'Asked', 'a reporter'],
    ['over an appositive in the question', 'Asked whether Jane Roe, the new chief, would stay, the board declined to comment.', 'whether Jane Roe, the new chief, would stay', 'Asked', undefined],
  ])('%s is a question with no source but the asker after "by"', (_name, text, quote, cue, speaker) => {
    const { quotes } = rules(text)
    const q = quotes.find((x) => content(text, x) === quote)
    expect(q, show(text, quotes).join('\n')).toBeDefined()
    expect(q!.cue?.text).toBe(cue)
    expect(q!.speaker.text).toBe(speaker)
  })
  it('and the main clause keeps its own quote', () => {
    expectRuleQuote('Asked about the delay, the minister said the report was nearly done.', 'the report was nearly done', 'said', 'the minister')
  })
})

describe('the subject of a participle after the clause', () => {
  it.each([
    ['over a place\'s state and a time between commas', 'At a town hall in Dayton, Ohio, on Friday, the mayor defended the budget, saying it would balance by spring.', 'it would balance by spring', 'saying', 'the mayor'],
    ['not the subject of a clause inside the sentence', 'The retired judge gave no details about how he planned to spend the award, saying only that he would travel.', 'that he would travel', 'saying', 'The retired judge'],
  ])('%s', (_name, text, quote, cue, speaker) => {
    expectRuleQuote(text, quote, cue, speaker)
  })
  it('a coordinated verb after such a clause keeps its subject', () => {
    expectRuleQuote('The crowd cheered, and when the coach thanked the fans and said the season was not over.', 'the season was not over', 'said', 'the coach')
  })
})

describe('a subject with its modifiers before the cue', () => {
  it.each([
    ['a document with its participle and time', 'A state university survey released in early March found that most renters paid more.', 'that most renters paid more', 'found', 'A state university survey released in early March'],
    ['a name with its article and place after "so … that"', 'The dispute grew so bitter that the Canadian Consulate in Boston issued a statement saying that Ottawa took no side.', 'that Ottawa took no side', 'issued a statement saying', 'the Canadian Consulate in Boston'],
  ])('%s', (_name, text, quote, cue, speaker) => {
    expectRuleQuote(text, quote, cue, speaker)
  })
})

describe('a subject that runs over participles and prepositions', () => {
  it.each([
    ['a past participle after a noun', 'Two complaints being reviewed in Denver have accused the firm of fraud.', 'the firm of fraud', 'have accused', 'Two complaints being reviewed in Denver'],
    ['two objects of one preposition', 'Experts on trade and farm policy said the tariff would hurt growers.', 'the tariff would hurt growers', 'said', 'Experts on trade and farm policy'],
    ['an organisation\'s name with a preposition inside', "Ohio's Joint Committee on Budgets projected that the deficit would shrink.", 'that the deficit would shrink', 'projected', "Ohio's Joint Committee on Budgets"],
  ])('%s', (_name, text, quote, cue, speaker) => {
    expectRuleQuote(text, quote, cue, speaker)
  })
  it.each([
    ['a verb in the past', 'Farmers gathered in Topeka, saying the tariff would hurt them.', 'the tariff would hurt them', 'saying', 'Farmers'],
  ])('not over %s', (_name, text, quote, cue, speaker) => {
    expectRuleQuote(text, quote, cue, speaker)
  })
  it('not over a pronoun at the end of a relative clause', () => {
    const text = 'The report had two columns, one listing the rules enforced by the agency in the cases it cited, and another listing the rest.'
    expect(rules(text).quotes.map((q) => q.speaker.text)).not.toContain('one listing the rules enforced by the agency in the cases it')
  })
})

describe('a noun cue of the tagger with no source before it', () => {
  // The shipped model finds these; the subject of the sentence is no source of a noun's content.
  it.each([
    ['"because of fears that"', 'The levy has been unpopular, in part because of fears that employers will cut benefits.', 'that employers will cut benefits', undefined],
    ['"under claims of"', 'The charity is suing three counties under claims of fraud in their voter rolls.', 'fraud in their voter rolls', undefined],
    // (After "in" or "with" the noun is the subject's.)
    ['"in hopes of"', 'The mayor went to Albany in hopes of winning more money for schools.', 'winning more money for schools', 'The mayor'],
  ])('%s', (_name, text, quote, speaker) => {
    const { quotes } = analyse(text)
    const q = quotes.find((x) => content(text, x) === quote)
    expect(q, show(text, quotes).join('\n')).toBeDefined()
    expect(q!.speaker.text).toBe(speaker)
  })
})

describe('the agent of a passive cue the tagger finds', () => {
  it('"has been rebuked by opponents": the agent, not the subject the tagger marks', () => {
    const text = 'The senator held a town hall in Dover. She has been rebuked by opponents for her proposal to cut the state payroll.'
    const { quotes } = analyse(text)
    const q = quotes.find((x) => x.cue?.text === 'has been rebuked')
    expect(q, show(text, quotes).join('\n')).toBeDefined()
    expect(q!.speaker.text).toBe('opponents')
  })
})

describe('a cue after a relative clause closed by a comma', () => {
  it('a verb joined by "but" to the main clause has the main subject, not the relative pronoun', () => {
    expectRuleQuote('Dunn, who advises the governor, is no friend of the mayor but praised his budget all the same.', 'his budget all the same', 'praised', 'Dunn')
  })
  it('the tagger\'s relative pronoun before a comma and the cue gives way to the noun phrase it follows', () => {
    const text = 'Older renters, who strongly support the mayor, have also seen rent increases relative to other groups since the recession.'
    const { quotes } = analyse(text)
    const q = quotes.find((x) => x.cue?.text === 'have also seen')
    expect(q, show(text, quotes).join('\n')).toBeDefined()
    expect(q!.speaker.text).toBe('Older renters, who strongly support the mayor')
  })
})

describe('a participle of the tagger after a quotation and its cue', () => {
  it('takes the speaker of that cue, not of a cue inside the quotation', () => {
    const text = '“The mayor actually said he wants them all fired,” she said, referring to the mayor\'s comments in a recent interview.'
    const { quotes } = analyse(text)
    const q = quotes.find((x) => x.cue?.text === 'referring to')
    expect(q, show(text, quotes).join('\n')).toBeDefined()
    expect(q!.speaker.text).toBe('she')
  })
})

describe('the sentence subject of a participle, with its group or its second noun phrase', () => {
  it.each([
    ['a name "and other" leaders', 'Okafor and other senior party leaders skipped the dinner, claiming that the venue was unsafe.', 'that the venue was unsafe', 'claiming', 'Okafor and other senior party leaders'],
    ['a quantifier "of" its group', 'Many of the delegates left the hall early, saying the vote had been rigged.', 'the vote had been rigged', 'saying', 'Many of the delegates'],
    ['not over the verb', 'Okafor and his aides met donors on Monday, saying the race was tight.', 'the race was tight', 'saying', 'Okafor and his aides'],
  ])('%s', (_name, text, quote, cue, speaker) => {
    expectRuleQuote(text, quote, cue, speaker)
  })
})

describe('an occasion after the content of a cue before it', () => {
  it.each([
    ['"in a tweet"', 'The governor praised the new budget in a tweet.', 'the new budget', 'praised', 'The governor'],
    ['"on Twitter"', 'The mayor thanked the firefighters on Twitter.', 'the firefighters', 'thanked', 'The mayor'],
    ['a rally, its place and its time', 'The senator attacked his opponent at a rally in Des Moines Friday night.', 'his opponent', 'attacked', 'The senator'],
    ['a statement and its day', 'The union welcomed the ruling in a statement on Thursday.', 'the ruling', 'welcomed', 'The union'],
  ])('%s is no content', (_name, text, quote, cue, speaker) => {
    expectRuleQuote(text, quote, cue, speaker)
  })
  it.each([
    ['a place that belongs to the object', 'The senator praised the new school in Des Moines.', 'the new school in Des Moines', 'praised', 'The senator'],
    ['a name after "on"', 'The senator criticized the attacks on Smith.', 'the attacks on Smith', 'criticized', 'The senator'],
  ])('not %s', (_name, text, quote, cue, speaker) => {
    expectRuleQuote(text, quote, cue, speaker)
  })
})

describe('a longer occasion between the cue and "that"', () => {
  it.each([
    ['a place with commas', 'The governor said in Dayton, Ohio, on Monday that the plant would stay open.'],
    ['a noun that is also a cue after a modifier', 'The governor said during a press call last week that the plant would stay open.'],
    ['"earlier" before the occasion', 'The governor said earlier on Friday during a news conference that the plant would stay open.'],
    ['a possessive and a modifier', 'The governor wrote in her closing remarks that the plant would stay open.'],
  ])('%s', (_name, text) => {
    expectRuleQuote(text, 'that the plant would stay open', text.includes('wrote') ? 'wrote' : 'said', 'The governor')
  })
})

describe('a relative pronoun before the speaker is the first fragment of the content', () => {
  it.each([
    ['"which" before a verb', 'The court issued a fine, which he said was far too small.', 'which // was far too small', 'said', 'he'],
    ['"what" before a naming verb', 'The mayor pointed to the bridge, what she called a disgrace to the city.', 'what // a disgrace to the city', 'called', 'she'],
  ])('%s', (_name, text, quote, cue, speaker) => {
    expectRuleQuote(text, quote, cue, speaker)
  })
  it.each([
    ['after a preposition', 'He gave an interview in which he said the plan would fail.'],
    ['"that" before a subject', 'The idea that he said the plan would fail surprised everyone.'],
  ])('not %s', (_name, text) => {
    const { quotes } = rules(text)
    expect(quotes.some((q) => /^(?:which|that) \/\//.test(content(text, q)))).toBe(false)
  })
})

describe('the cue of a quotation after a hearer', () => {
  it.each([
    ['a hearer and a colon', 'The mayor tells the crowd: "We will rebuild this town."', 'We will rebuild this town.', 'tells', 'The mayor'],
    ['a named hearer and a colon', 'The senator told The Boston Globe: "I have no regrets."', 'I have no regrets.', 'told', 'The senator'],
    ['a hearer and a comma', 'The mayor is telling reporters, "We will rebuild this town."', 'We will rebuild this town.', 'is telling', 'The mayor'],
  ])('is the verb alone: %s', (_name, text, quote, cue, speaker) => {
    expectRuleQuote(text, quote, cue, speaker)
  })
  it('but a colon right after the verb is part of it', () => {
    expectRuleQuote('The mayor added: "We will rebuild this town."', 'We will rebuild this town.', 'added:', 'The mayor')
  })
})

describe('"both" before the cue goes with the speakers', () => {
  it('"They both said"', () => {
    expectRuleQuote('The two governors both said the pipeline would be built.', 'the pipeline would be built', 'said', 'The two governors')
  })
})

describe('the one asked is no part of the question', () => {
  it.each([
    ['a noun phrase before "if"', 'The teacher asked the students if they had read the book.', 'if they had read the book'],
    ['a name before "how"', 'The teacher asked Jane Roe how she had found the book.', 'how she had found the book'],
    ['a pronoun before "whether"', 'The teacher asked them whether they had read the book.', 'whether they had read the book'],
  ])('%s', (_name, text, quote) => {
    expectRuleQuote(text, quote, 'asked', 'The teacher')
  })
  it('nor "about" before the topic', () => {
    expectRuleQuote('The teacher asked the principal about pupils who had read the book.', 'pupils who had read the book', 'asked', 'The teacher')
  })
})

describe('a content goes on after ", but" when the speaker\'s statement does', () => {
  it.each([
    ['", but that" and a subject', 'The coach said the team had played badly, but that the players would recover.', 'the team had played badly, but that the players would recover'],
    ['", but not"', 'The coach said the team would train on Sunday, but not on Monday.', 'the team would train on Sunday, but not on Monday'],
    ['"not only …, but …"', 'The coach said the team had lost not only the game, but also its captain.', 'the team had lost not only the game, but also its captain'],
  ])('%s', (_name, text, quote) => {
    expectRuleQuote(text, quote, 'said', 'The coach')
  })
  it.each([
    ['"that" as a pronoun', 'The coach said the team was in good shape, but that could change.'],
    ['"that" as a determiner', 'The coach said the team was in good shape, but that report came before the injury.'],
  ])('not after %s', (_name, text) => {
    expectRuleQuote(text, 'the team was in good shape', 'said', 'The coach')
  })
})

describe('the hearer before a clause with a subject of its own is no part of the content', () => {
  it.each([
    ['"promised them"', 'The coach promised them he would stay.', 'promised'],
    ['"showed voters"', 'The coach showed voters he was serious.', 'showed'],
  ])('%s', (_name, text, cue) => {
    expectRuleQuote(text, text.includes('stay') ? 'he would stay' : 'he was serious', cue, 'The coach')
  })
})

describe('a connective alone before a parenthetical cue is no fragment of the content', () => {
  it.each([
    ['"Still"', 'Still, the coach said, the team would recover.'],
    ['"And"', 'And, the coach said, the team would recover.'],
  ])('%s', (_name, text) => {
    expectRuleQuote(text, 'the team would recover', 'said', 'the coach')
  })
})

describe('a relative pronoun before "is expected to" is the first fragment of the expectation', () => {
  it.each([
    ['"who"', 'The caucus picks delegates who are expected to back the governor.', 'who // to back the governor', 'are expected'],
    ['"which" between commas, up to the next comma', 'The debate, which is expected to draw a large crowd, starts at nine.', 'which // to draw a large crowd', 'is expected'],
  ])('%s', (_name, text, quote, cue) => {
    const q = rules(text).quotes.find((x) => content(text, x) === quote)
    expect(q, show(text, rules(text).quotes).join('\n')).toBeDefined()
    expect([q!.cue?.text, q!.speaker.text]).toEqual([cue, undefined])
  })
})

describe('a connective that opens the sentence is no part of the content before the cue', () => {
  it.each([
    ['"However,"', 'However, the plan would fail, the minister said.'],
    ['"In fact,"', 'In fact, the plan would fail, the minister said.'],
    ['"Despite …,"', 'Despite the new funding, the plan would fail, the minister said.'],
  ])('%s', (_name, text) => {
    expectRuleQuote(text, 'the plan would fail', 'said', 'the minister')
  })
})

describe('the hearer and the occasion before "that" are no content, however long', () => {
  it.each([
    ['a hearer and a place with commas', 'The governor is telling workers at a diner in Dayton, Ohio, that the plant will stay open.', 'is telling'],
    ['an occasion that the particle rule would take', 'The governor says at a town hall in Dayton, Ohio, that the plant will stay open.', 'says'],
    ['a hearer, a place and a day', 'The governor told a town hall in Dayton, Ohio on Monday that the plant will stay open.', 'told'],
  ])('%s', (_name, text, cue) => {
    expectRuleQuote(text, 'that the plant will stay open', cue, 'The governor')
  })
  it('not "that" as a determiner', () => {
    expectRuleQuote('The governor criticized the owners at a rally in Dayton that year.', 'the owners at a rally in Dayton that year', 'criticized', 'The governor')
  })
})

describe('more attitude nouns after a light verb are part of the cue', () => {
  it.each([
    ['"expressed amusement"', 'The senator expressed amusement that the rival had changed his views.', 'expressed amusement'],
    ['"expressed much remorse"', 'The senator expressed much remorse that the rival had changed his views.', 'expressed much remorse'],
  ])('%s', (_name, text, cue) => {
    expectRuleQuote(text, 'that the rival had changed his views', cue, 'The senator')
  })
})

describe('the manner of saying it is part of the cue', () => {
  it.each([
    ['"with a laugh"', '"We will win," the mayor said with a laugh.', 'said with a laugh'],
    ['"with an awkward smile"', '"We will win," the mayor said with an awkward smile.', 'said with an awkward smile'],
  ])('%s', (_name, text, cue) => {
    expectRuleQuote(text, 'We will win', cue, 'the mayor')
  })
})

describe('a time between the source and its verb is no part of the source', () => {
  it.each([
    ['"on Thursday evening"', 'The party spokesman Sean Spicer on Thursday evening said the party would win.', 'The party spokesman Sean Spicer'],
    ['"this week"', 'Senior campaign officials this week said the effort was huge.', 'Senior campaign officials'],
    ['"Sunday night"', 'Broaddrick Sunday night said the report was false.', 'Broaddrick'],
  ])('%s', (_name, text, speaker) => {
    const q = analyse(text).quotes.find((x) => x.cue?.text === 'said')
    expect(q?.speaker.text, show(text, analyse(text).quotes).join('\n')).toBe(speaker)
  })
  it('but the time after a participle that dates a document stays', () => {
    const text = 'A poll released Monday said the governor led.'
    const q = analyse(text).quotes.find((x) => x.cue?.text === 'said')
    expect(q?.speaker.text, show(text, analyse(text).quotes).join('\n')).toBe('A poll released Monday')
  })
})

describe('a modifier before a title or a noun opens the source', () => {
  it.each([
    ['"state" before a title', 'But state Sen. Maria Lopez said the bill was signed.', 'state Sen. Maria Lopez'],
    ['"State" before a name', 'State Department spokesman Tom Reyes said the talks continue.', 'State Department spokesman Tom Reyes'],
    ['"state" before a noun', 'But state news media said the bill was signed.', 'state news media'],
    ['"retired"', 'On Monday, retired Gen. Paul Dorsey said the war was lost.', 'retired Gen. Paul Dorsey'],
    ['"outgoing"', 'Later, outgoing Mayor Lisa Tran said the city was broke.', 'outgoing Mayor Lisa Tran'],
  ])('%s', (_name, text, speaker) => {
    const q = analyse(text).quotes.find((x) => x.cue?.text === 'said')
    expect(q?.speaker.text, show(text, analyse(text).quotes).join('\n')).toBe(speaker)
  })
  it('"state" as the verb stays the cue', () => {
    const text = 'The documents state that the money was gone.'
    const q = analyse(text).quotes.find((x) => x.cue?.text === 'state')
    expect(q?.speaker.text, show(text, analyse(text).quotes).join('\n')).toBe('The documents')
  })
})

describe('after the cue, a name after a role is part of the source though the sentence goes on', () => {
  it.each([
    ['a time after it', '"It is fine," said the agency\'s director, Maria Ortiz, on Monday.'],
    ['a participle after it', '"It is fine," said the agency\'s director, Maria Ortiz, adding that it was late.'],
  ])('%s', (_name, text) => {
    const q = analyse(text).quotes.find((x) => x.cue?.text === 'said')
    expect(q?.speaker.text, show(text, analyse(text).quotes).join('\n')).toBe("the agency's director, Maria Ortiz")
  })
})

describe('a participle phrase that modifies the subject is part of the source, no stance of its own', () => {
  it.each([
    ['"supporting"', 'Several delegates supporting Ramirez said they would switch.', 'Several delegates supporting Ramirez', 'said'],
    ['"backing" before "is"', 'The group backing the mayor is saying that the vote was rigged.', 'The group backing the mayor', 'is saying'],
    ['"seeking" before "have said"', 'Two of the candidates seeking the office have said they oppose the tax.', 'Two of the candidates seeking the office', 'have said'],
  ])('%s', (_name, text, speaker, cue) => {
    const qs = analyse(text).quotes
    expect(qs.map((q) => [q.cue?.text, q.speaker.text]), show(text, qs).join('\n')).toEqual([[cue, speaker]])
  })
  it('not a participle after a verb', () => {
    const text = 'The mayor is backing the plan, the aide said.'
    expect(analyse(text).quotes.some((q) => q.speaker.text === 'the aide'), show(text, analyse(text).quotes).join('\n')).toBe(true)
  })
})

describe('"thanks to" and a "showing" at the polls are no cues', () => {
  it.each([
    ['"thanks to" a cause', 'The town kept its factories open thanks to cheap power from the dam.'],
    ['"thanks, in large part, to"', 'The mayor won a second term thanks, in large part, to the new bridge.'],
    ['"thanks in part to"', 'The party kept its seat thanks in part to a late surge among young voters.'],
    ['a poor showing in a primary', 'The governor quit the race after a poor showing in the Maine primary and went home.'],
    ['a strong second-place showing', 'The senator was buoyed by his strong second-place showing, which surprised the pollsters.'],
  ])('%s', (_name, text) => {
    expect(show(text, rules(text).quotes)).toEqual([])
    expect(show(text, analyse(text).quotes)).toEqual([])
  })
  it('still reads polls "showing" a result', () => {
    expect(show('New polls showing the mayor ahead worried his rivals.', rules('New polls showing the mayor ahead worried his rivals.').quotes).length).toBe(1)
  })
})

describe('a fall in a figure and set phrases with "tell" or "say" are no cues', () => {
  it.each([
    ['"declined to" an amount', 'Sales at the shop declined to $4 million last year from $5 million.'],
    ['"declined" a percentage', 'Exports to the region declined 12 percent in the spring.'],
    ['"declined slightly from"', 'Her approval rating has declined slightly from 51 percent in March.'],
    ['"time will tell"', 'Only time will tell whether the new mayor can keep his promises.'],
    ['"too early to tell"', 'It is too early to tell whether the bridge will open on time.'],
    ['"safe to say"', 'It is safe to say the council will not vote before summer.'],
  ])('%s', (_name, text) => {
    expect(show(text, rules(text).quotes)).toEqual([])
  })
  it('still reads "declined to" comment', () => {
    expectRuleQuote('The mayor declined to comment on the budget.', 'to comment on the budget', 'declined', 'The mayor')
  })
})

describe('a thing "called the …" after an indefinite noun phrase is a name, no quote', () => {
  it.each([
    ['a name with "the"', 'The farmers founded a cooperative called the Valley Growers League in 1990.'],
    ['a name in marks with "the"', 'The city adopted a budget rule called the "golden ratio" that would cut spending.'],
  ])('%s', (_name, text) => {
    expect(show(text, rules(text).quotes)).toEqual([])
  })
  it('still reads "called the …" with a complement as naming by a speaker', () => {
    expectRuleQuote('A spokesman called the Senate bill a disgrace.', 'the Senate bill a disgrace', 'called', 'A spokesman')
  })
})

describe('"pledged delegates" and what a picture shows are no quotes', () => {
  it.each([
    ['"pledged delegates"', 'The governor has won 412 pledged delegates so far, and about 300 pledged delegates remain.'],
    ['a video "that shows"', 'The police have a video that shows the crash on the bridge.'],
    ['circles on a map "show"', 'Red circles show the new airstrips on the reef.'],
  ])('%s', (_name, text) => {
    expect(show(text, rules(text).quotes)).toEqual([])
  })
  it('still reads what a poll shows', () => {
    expect(show('A new poll shows the mayor ahead by ten points.', rules('A new poll shows the mayor ahead by ten points.').quotes).length).toBe(1)
  })
})

describe('"state" after a quantifier before a noun, and two prepositions with one object', () => {
  it('"some state lobbyists said": "state" modifies the noun, "said" is the cue', () => {
    expectRuleQuote('Some state lobbyists said they avoid the capitol at night.', 'they avoid the capitol at night', 'said', 'Some state lobbyists')
  })
  it('still reads "state" as a verb after a quantifier before "that"', () => {
    expectRuleQuote('Many state that the fee is unfair.', 'that the fee is unfair', 'state', 'Many')
  })
  it('"officials on and off the reservation": the speaker runs over both prepositions', () => {
    expectRuleQuote('Many officials on and off the reservation believe the new casino will fail.', 'the new casino will fail', 'believe', 'Many officials on and off the reservation')
  })
})

describe('the agent of a passive of seeing or judging is its speaker', () => {
  it('"is seen as … by Democrats": the agent speaks and is no part of the content', () => {
    expect(show('The bill was seen as a win by Democrats.', analyse('The bill was seen as a win by Democrats.').quotes)).toEqual(['indirect [The bill // a win] cue=was seen as speaker=Democrats'])
  })
  it('not "by" a time', () => {
    const text = 'The plan is seen as a failure by 2020.'
    expect(analyse(text).quotes.every((q) => q.speaker.start === undefined)).toBe(true)
  })
})

describe('a speaker phrase that opens with the verb after an auxiliary is what its subject did', () => {
  it('"Union members have filed lawsuits demanding …": the union members speak', () => {
    expect(show('Union members have filed lawsuits demanding back pay.', analyse('Union members have filed lawsuits demanding back pay.').quotes)).toEqual(['indirect [back pay] cue=demanding speaker=Union members'])
  })
})

describe('"…, as X point out." at the end of a sentence', () => {
  it('the clause before the comma is what the speaker said', () => {
    expectRuleQuote('The new tax also carries risks, as some economists point out.', 'The new tax also carries risks', 'point out', 'some economists')
  })
  it('not in mid-sentence', () => {
    const text = 'The plan carries risks, as critics point out, and costs.'
    expect(show(text, rules(text).quotes)).toEqual([])
  })
})

describe('"expect" with an object and its infinitive', () => {
  it('"Analysts expect the agency to cut fees": the object and infinitive are the expectation', () => {
    expectRuleQuote('Analysts expect the agency to cut fees.', 'the agency to cut fees', 'expect', 'Analysts')
  })
  it('not a bare object', () => {
    const text = 'Analysts expect the worst.'
    expect(show(text, rules(text).quotes)).toEqual([])
  })
})

describe('a poll answer "said yes" before a comparison is the one word', () => {
  it('"said yes while …"', () => {
    const text = 'Asked about the levy, 61 percent of renters said yes while 30 percent of owners agreed.'
    expect(show(text, analyse(text).quotes)).toContain('indirect [yes] cue=said speaker=61 percent of renters')
  })
  it('still reads "said no new taxes would pass" whole', () => {
    const text = 'The mayor said no new taxes would pass this year.'
    expect(show(text, analyse(text).quotes)).toEqual(['indirect [no new taxes would pass this year] cue=said speaker=The mayor'])
  })
})

describe('the subject of an impression cue is part of the content, not its speaker', () => {
  it('"X is widely regarded as …": the subject goes to the content, with no speaker', () => {
    const text = 'The union is widely regarded as one of the more liberal in the labor movement.'
    expect(show(text, analyse(text).quotes)).toEqual(['indirect [The union // one of the more liberal in the labor movement] cue=is widely regarded as speaker='])
  })
  it('"X have reportedly …": the subject is content, the cue "reportedly" with its auxiliary', () => {
    const text = 'The hackers have reportedly infiltrated more than 100 party officials.'
    expect(show(text, analyse(text).quotes)).toEqual(['indirect [The hackers // infiltrated more than 100 party officials] cue=have reportedly speaker='])
  })
  it('not when "seemed to" goes with a cue verb of its own', () => {
    const text = 'Mr. Cruz seemed to mock his tough talk.'
    expect(show(text, analyse(text).quotes)).toEqual(['indirect [his tough talk] cue=seemed to mock speaker=Mr. Cruz'])
  })
})

describe('who faces criticism is its target, not its source', () => {
  it('"X has drawn criticism for …" has no speaker', () => {
    const text = 'Trump has drawn criticism for his history of making inflammatory statements.'
    expect(show(text, analyse(text).quotes)).toEqual(['indirect [his history of making inflammatory statements] cue=has drawn criticism for speaker='])
  })
})

describe('"…," X said, according to Y: the quotation is reported again by Y', () => {
  it('a second attribution with "according to", whose content holds the quotation and its speaker', () => {
    const text = '“The bridge will be finished by spring,” the mayor said at a dinner, according to the Courier.'
    expect(show(text, rules(text).quotes)).toEqual([
      'direct [“The bridge will be finished by spring,”] cue=said speaker=the mayor',
      'mixed [“The bridge will be finished by spring,” the mayor said at a dinner] cue=according to speaker=the Courier',
    ])
  })
  it('not after a verb that is no speech', () => {
    const text = '“The bridge will be finished by spring,” the mayor hoped aloud, according to the Courier.'
    expect(show(text, rules(text).quotes).some((q) => q.includes('cue=according to'))).toBe(false)
  })
})

describe('"In a … poll, …" opening a sentence: the poll is the source, "In" the cue', () => {
  it('the clause after the comma is what the poll found', () => {
    const text = 'In a county survey released Friday, the new park was the most popular plan.'
    expect(show(text, rules(text).quotes)).toEqual(['indirect [the new park was the most popular plan] cue=In speaker=a county survey released Friday'])
  })
  it('what respondents said in it is attributed too', () => {
    const text = 'In the latest city poll, 40 percent of renters said rents were too high.'
    expect(show(text, rules(text).quotes)).toEqual([
      'indirect [40 percent of renters said rents were too high] cue=In speaker=the latest city poll',
      'indirect [rents were too high] cue=said speaker=40 percent of renters',
    ])
  })
  it('not a poll that is no head of its phrase', () => {
    const text = 'In the context of these polls, the numbers look weak.'
    expect(show(text, rules(text).quotes)).toEqual([])
  })
})

describe('a poll, survey or report that "found" reports its finding without "that"', () => {
  it('"…, the survey found." after the clause', () => {
    expectRuleQuote('Most parents want longer school days, the survey found.', 'Most parents want longer school days', 'found', 'the survey')
  })
  it('"A recent study found …" before an object', () => {
    expectRuleQuote('A recent study found broad support for the new park.', 'broad support for the new park', 'found', 'A recent study')
  })
  it('not a person who found something', () => {
    const text = 'The hikers found a lost dog near the river.'
    expect(show(text, rules(text).quotes)).toEqual([])
  })
})

describe('"N percent support" is a share of the vote, not a cue', () => {
  it('before a preposition or a comma', () => {
    const text = 'The mayor had 38 percent support in the latest count, and her rival had 30 percent.'
    expect(show(text, rules(text).quotes)).toEqual([])
  })
  it('still a verb before its object', () => {
    expectRuleQuote('About 40 percent support the plan.', 'the plan', 'support', 'About 40 percent')
  })
})

describe('"can\'t", "won\'t" and "cannot" before a cue', () => {
  it('the modal is part of the cue, not of the speaker', () => {
    const text = "Officials won't say whether the plan works. Many voters can't believe that the mayor won. Aides cannot deny that the memo exists."
    expect(show(text, rules(text).quotes)).toEqual([
      "indirect [whether the plan works] cue=won't say speaker=Officials",
      "indirect [that the mayor won] cue=can't believe speaker=Many voters",
      'indirect [that the memo exists] cue=cannot deny speaker=Aides',
    ])
  })
  it('"can\'t help but worry": the group before it worries', () => {
    const text = "In this town, used to bad news, many people can't help but worry something will go wrong."
    expect(show(text, analyse(text).quotes)).toEqual(["indirect [something will go wrong] cue=can't help but worry speaker=many people"])
  })
})

describe('a feeling about something after a copula ("were outraged by …") is the subject\'s stance on it', () => {
  it('"Nurses were angered by the ruling": the nurses, the ruling', () => {
    expectRuleQuote('Nurses were angered by the ruling and vowed to appeal.', 'the ruling', 'were angered by', 'Nurses')
  })
  it('with an adverb: "Parents were deeply troubled by the closure"', () => {
    expectRuleQuote('Parents were deeply troubled by the closure.', 'the closure', 'were deeply troubled by', 'Parents')
  })
  it('not inside what someone said', () => {
    const text = 'The mayor said she was pleased with the budget.'
    expect(show(text, rules(text).quotes)).toEqual(['indirect [she was pleased with the budget] cue=said speaker=The mayor'])
  })
})

describe('"X drew support from a group": the group backs X', () => {
  it('a share of voters after "earned the support of"', () => {
    expectRuleQuote('The mayor earned the support of nearly six in 10 likely voters.', 'The mayor', 'earned the support of', 'nearly six in 10 likely voters')
  })
  it('"who drew support from …": the relative pronoun is what is backed', () => {
    const text = 'The governor, who drew support from 48 percent of voters in the survey, spoke on Monday.'
    expect(show(text, rules(text).quotes)).toContain('indirect [who] cue=drew support from speaker=48 percent of voters in the survey')
  })
  it('not a comparison of money raised ("drew more support from donors than …")', () => {
    const text = 'Her bid has drawn more support from bankers than his did.'
    expect(show(text, rules(text).quotes)).toEqual([])
  })
})

describe('a stance adjective after a word of degree ("are less confident in", "were more divided on")', () => {
  it('"Some teachers are less confident in the plan"', () => {
    expectRuleQuote('Some teachers are less confident in the plan.', 'the plan', 'are less confident in', 'Some teachers')
  })
  it('"Farmers were sharply divided over the tariff"', () => {
    expectRuleQuote('Farmers were sharply divided over the tariff.', 'the tariff', 'were sharply divided over', 'Farmers')
  })
  it('not "critical in" (important)', () => {
    const text = 'The rural vote is very critical in the race.'
    expect(show(text, rules(text).quotes)).toEqual([])
  })
})

describe('feelings toward something after "of" ("were sick of", "was openly dismissive of")', () => {
  it('"Residents were sick of the noise"', () => {
    expectRuleQuote('Residents were sick of the constant noise.', 'the constant noise', 'were sick of', 'Residents')
  })
  it('what a feeling is about ends at a comma before a conjunction', () => {
    const text = 'Voters are already furious with the council, and its budget only makes them angrier.'
    expect(show(text, rules(text).quotes)).toContain('indirect [the council] cue=are already furious with speaker=Voters')
  })
  it('a relative clause that backs someone is no part of the speaker', () => {
    const text = 'The mayor, who drew support from 55 percent of voters in the poll, was openly dismissive of her rival.'
    expect(show(text, rules(text).quotes)).toEqual([
      'indirect [who] cue=drew support from speaker=55 percent of voters in the poll',
      'indirect [her rival] cue=was openly dismissive of speaker=The mayor',
    ])
  })
})

describe('"on and off", "in and around" inside a group speaker', () => {
  it('"Many officials on and off the island believe …" is an anonymous group', () => {
    const text = 'Many officials on and off the island believe the debt cannot be repaid.'
    const q = rules(text).quotes[0]!
    expect(q.speaker.text).toBe('Many officials on and off the island')
    expect(q.speaker.kind).toBe('anonymous')
  })
})

describe('an occasion with a title in marks before "that" is neither cue nor content', () => {
  it('"acknowledged on NBC\'s "Meet the Press" that …": the cue is the verb, the content opens at "that", an indirect quote', () => {
    const text = 'The campaign manager, Kellyanne Conway, acknowledged on NBC\'s "Meet the Press" that Mr. Trump was trailing.'
    expect(show(text, analyse(text).quotes)).toEqual(['indirect [that Mr. Trump was trailing] cue=acknowledged speaker=The campaign manager, Kellyanne Conway'])
  })
})

describe('", who is not authorized to comment publicly," says how a source is kept', () => {
  it('is left out of the speaker, who is anonymous', () => {
    const text = 'The official, who is not authorized to comment publicly, said discussions have been underway.'
    const q = analyse(text).quotes.find((x) => x.cue?.text === 'said')
    expect(q?.speaker.text).toBe('The official')
    expect(q?.speaker.kind).toBe('anonymous')
  })
})

describe('the subject of a passive or of "seem" is the first fragment of the content', () => {
  it('"The new mayor is widely expected to raise parking fees": the mayor, then the infinitive, with no source', () => {
    const text = 'The new mayor is widely expected to raise parking fees.'
    expect(show(text, analyse(text).quotes)).toEqual(['indirect [The new mayor // to raise parking fees] cue=is widely expected speaker='])
  })
  it('not the one asked: "The minister was asked about the delay"', () => {
    const text = 'The minister was asked about the delay.'
    expect(show(text, analyse(text).quotes)).toEqual(['indirect [the delay] cue=was asked about speaker='])
  })
  it('not before a cue verb of the subject\'s own: "The coach seemed to mock his critics"', () => {
    const text = 'The coach seemed to mock his critics.'
    expect(show(text, analyse(text).quotes)).toEqual(['indirect [his critics] cue=seemed to mock speaker=The coach'])
  })
})

describe('the subject of a passive before a relative clause set off by commas', () => {
  it('"The director, who ran the plant for years, is not expected to return": the name, not the clause', () => {
    const text = 'The director, who ran the plant for years, is not expected to return.'
    expect(show(text, analyse(text).quotes)).toContain('indirect [The director // to return] cue=is not expected speaker=')
  })
})

describe('a time phrase after a short noun phrase content dates the act', () => {
  it('"The governor endorsed Trump last week": the content is the name', () => {
    const text = 'The governor endorsed Trump last week.'
    expect(show(text, analyse(text).quotes)).toEqual(['indirect [Trump] cue=endorsed speaker=The governor'])
  })
  it('not after a verb: "to cut 277 workers this week"', () => {
    const text = 'The company is expected to cut 277 workers this week.'
    expect(show(text, analyse(text).quotes)).toEqual(['indirect [The company // to cut 277 workers this week] cue=is expected speaker='])
  })
})

describe('a passive of judging whose participle is no cue verb of its own', () => {
  it('"The coach was eventually challenged over his tactics": the coach opens the content, with no source', () => {
    const text = 'The coach was eventually challenged over his tactics.'
    expect(show(text, analyse(text).quotes)).toEqual(['indirect [The coach // over his tactics] cue=was eventually challenged speaker='])
  })
})

describe('"look" and "sound" as impressions', () => {
  it('"The mayor looks like a sure winner": the mayor opens the content, with no source', () => {
    const text = 'The mayor looks like a sure winner.'
    expect(show(text, analyse(text).quotes)).toEqual(['indirect [The mayor // a sure winner] cue=looks like speaker='])
  })
  it('not "looks to": what the subject means to do', () => {
    const text = 'Cruz looks to build on his momentum.'
    expect(show(text, analyse(text).quotes)).toEqual(['indirect [to build on his momentum] cue=looks speaker=Cruz'])
  })
})

describe('a relative pronoun before a naming cue and a quotation', () => {
  it('"…, who he dubbed “the little senator.”": the pronoun is the first fragment of a mixed quote', () => {
    const text = 'He mocked Rubio, who he dubbed “the little senator.”'
    expect(show(text, analyse(text).quotes)).toContain('mixed [who // “the little senator.”] cue=dubbed speaker=he')
  })
})

describe('a state abbreviation that ends the sentence after a post-cue source', () => {
  it('"…, says Ann Roe, a teacher in Scranton, Pa. Still, …": the source stops at the abbreviation', () => {
    const text = '"We need more time," says Ann Roe, a teacher at Central High School in Scranton, Pa. Still, she backs the plan.'
    expect(show(text, analyse(text).quotes)).toContain('direct ["We need more time,"] cue=says speaker=Ann Roe, a teacher at Central High School in Scranton, Pa.')
  })
})

describe('the noun-phrase object of a verb of taking a side', () => {
  it('"endorsed Jones last week, providing a boost …": the participle clause and the time phrase are out', () => {
    const text = 'Former Governor Smith endorsed Jones last week, providing a boost to the first-time candidate.'
    expect(show(text, analyse(text).quotes)).toContain('indirect [Jones] cue=endorsed speaker=Former Governor Smith')
  })
  it('"favored Trump, 82 percent to 6 percent": the figures are out', () => {
    const text = 'Voters in the county favored Trump, 82 percent to 6 percent.'
    expect(show(text, rules(text).quotes)).toContain('indirect [Trump] cue=favored speaker=Voters in the county')
  })
})

describe('a second predicate of the same subject after the object of a cue', () => {
  it('"calling him a “stiff” and accusing him of …": the object ends before "and", and "accusing" is an attribution of its own', () => {
    const text = 'Romney attacked Trump on Thursday, calling him a "stiff" and accusing him of acting like a "spoiled child."'
    expect(show(text, analyse(text).quotes)).toEqual([
      'indirect [Trump] cue=attacked speaker=Romney',
      'mixed [him a "stiff"] cue=calling speaker=Romney',
      'mixed [him of acting like a "spoiled child."] cue=accusing speaker=Romney',
    ])
  })
  it('"attacked her skills and even questioned her identity": past after past, the adverb in the second cue', () => {
    const text = 'Some of her followers attacked her Spanish-language skills and even questioned the star’s Latino identity.'
    expect(show(text, analyse(text).quotes)).toEqual([
      'indirect [her Spanish-language skills] cue=attacked speaker=Some of her followers',
      'indirect [the star’s Latino identity] cue=even questioned speaker=Some of her followers',
    ])
  })
  it('not a clause: "said he was proud … and expects …" is one content', () => {
    const text = 'Sanders said he was proud of his campaign and expects to leave Nevada with delegates.'
    expect(show(text, analyse(text).quotes)).toEqual(['indirect [he was proud of his campaign and expects to leave Nevada with delegates] cue=said speaker=Sanders'])
  })
  it('not an adjective before a noun: "including biodiesel and advanced fuels"', () => {
    const text = 'The agency proposed a mandate for all biofuels, including biodiesel and advanced cellulosic fuels.'
    expect(show(text, rules(text).quotes).join('\n')).not.toMatch(/cue=advanced/)
  })
})

describe('a cue in a clause put before the main clause', () => {
  it('"Having announced [that …], Judge Berman proceeded …": the content stops before the main clause', () => {
    const text = 'Having announced that he would not send me to prison, Judge Berman proceeded to hand down his sentence.'
    expect(show(text, analyse(text).quotes)).toEqual(['indirect [that he would not send me to prison] cue=announced speaker='])
  })
  it('"According to the poll, [the main clause]": the main clause stays the content', () => {
    const text = 'According to the poll, Trump is leading the race.'
    expect(show(text, analyse(text).quotes)).toEqual(['indirect [Trump is leading the race] cue=According to speaker=the poll'])
  })
})

describe('a quotation carried over a paragraph break whose last paragraph is attributed on its own', () => {
  it('the paragraphs before go on with the quote before them; the last one takes its own attribution', () => {
    const text = '"The stereotyping is still strong here," he said. "They think every Arab is a terrorist.\n\n"And they still believe that we use camels," he said with a grin.'
    expect(show(text, analyse(text).quotes)).toEqual([
      'direct ["The stereotyping is still strong here," // "They think every Arab is a terrorist.] cue=said speaker=he',
      'direct ["And they still believe that we use camels,"] cue=said with a grin speaker=he',
    ])
  })
  it('"writing: “… ¶ “…,” wrote The Post": two quotations, two cues', () => {
    const text = 'The paper listed her flaws, writing: “We recognize that many Americans distrust her.\n\n“We are not blind to those,” wrote The Post.'
    expect(show(text, rules(text).quotes)).toEqual([
      'direct [“We recognize that many Americans distrust her] cue=writing speaker=The paper',
      'direct [“We are not blind to those,”] cue=wrote speaker=The Post',
    ])
  })
})

describe('a noun-phrase or infinitive content ends before a comment on the act', () => {
  it('"focused on the need to …, pushing for …": the participle clause is out', () => {
    const text = 'Clinton also focused on the need to combat the Islamic State online, pushing for help from the private sector.'
    expect(show(text, analyse(text).quotes)).toEqual(['indirect [the need to combat the Islamic State online] cue=also focused on speaker=Clinton'])
  })
  it('"sought to rally …, contrasting …" and "denied the fraud claims, pointing to …"', () => {
    const a = 'Mrs. Clinton sought to rally older, rural white Democrats, contrasting her own record with his.'
    expect(show(a, analyse(a).quotes)).toEqual(['indirect [to rally older, rural white Democrats] cue=sought speaker=Mrs. Clinton'])
    const b = 'Trump denied the fraud claims, pointing to high ratings that students gave.'
    // (The participle may be an attribution of its own, "pointing to [high ratings …]", as the tagger reads it.)
    expect(show(b, analyse(b).quotes)[0]).toBe('indirect [the fraud claims] cue=denied speaker=Trump')
  })
  it('not an aside inside a clause: "says the email scandal, while troublesome, was dealt with …"', () => {
    const text = 'He also says the email scandal, while troublesome, was dealt with appropriately.'
    expect(show(text, analyse(text).quotes)).toEqual(['indirect [the email scandal, while troublesome, was dealt with appropriately] cue=also says speaker=He'])
  })
})

describe('a clause of its own after the object of a cue, a comma or dash and "and"/"but"', () => {
  it('"publicly endorsed him, and the party has refused …": the object ends before the comma', () => {
    const text = 'Jones publicly endorsed him, and the party has refused to back him since.'
    expect(show(text, rules(text).quotes)).toContain('indirect [him] cue=publicly endorsed speaker=Jones')
  })
  it('"called inversions “unpatriotic,” and his administration has …": before the comma inside the mark', () => {
    const text = 'Obama has called inversions "unpatriotic," and his administration has made an effort to stop them.'
    expect(show(text, analyse(text).quotes)).toContain('mixed [inversions "unpatriotic,"] cue=has called speaker=Obama')
  })
})

describe('a group or a figure after a comma that is the subject of a cue ("N who said …")', () => {
  it('"…, compared with the 30 percent who say …": the content ends at the comma; the group gets its own quote', () => {
    const text = 'Half of the voters said she is prepared, compared with the 30 percent who say the same about Mr. Trump.'
    expect(show(text, rules(text).quotes)).toEqual([
      'indirect [she is prepared] cue=said speaker=Half of the voters',
      'indirect [the same about Mr. Trump] cue=say speaker=who',
    ])
  })
})

describe('the modifier of a number that opens a source', () => {
  it('"about half of …", "About 4 in 10": the modifier is part of the source', () => {
    const text = 'In Vermont, about half of Democratic primary voters said they want the next president to be more liberal.'
    expect(show(text, analyse(text).quotes)).toContain('indirect [they want the next president to be more liberal] cue=said speaker=about half of Democratic primary voters')
    const t2 = 'About 4 in 10 say they want the next president to continue Obama’s policies.'
    expect(show(t2, rules(t2).quotes)).toContain('indirect [they want the next president to continue Obama’s policies] cue=say speaker=About 4 in 10')
  })
  it('"At least four …", "More than half of …": a two-word modifier too', () => {
    const text = 'At least four Democratic senators claim to object to the plan.'
    expect(show(text, analyse(text).quotes)).toContain('indirect [to object to the plan] cue=claim speaker=At least four Democratic senators')
    const t2 = 'More than half of white women preferred Clinton.'
    expect(show(t2, analyse(t2).quotes)).toContain('indirect [Clinton] cue=preferred speaker=More than half of white women')
  })
})

describe('a personal pronoun as the subject of a reduced relative clause', () => {
  it('"released two new commercials it described as …": the speaker is the pronoun alone', () => {
    const text = 'Her campaign also released two new television commercials it described as "closing arguments" to viewers in several states.'
    expect(show(text, rules(text).quotes)).toContain('mixed ["closing arguments" to viewers in several states] cue=described as speaker=it')
  })
  it('"both of them said": a pronoun after "of" keeps the words before it', () => {
    const text = 'Both of them said the plan would fail.'
    expect(show(text, rules(text).quotes)).toContain('indirect [the plan would fail] cue=said speaker=Both of them')
  })
})

describe('a noun-phrase content ends before a lone dash', () => {
  it('"linked cybersecurity to her email server — an opportunity he missed …": the comment after the dash is out', () => {
    const text = 'Rubio linked cybersecurity to her use of a private email server — an opportunity he largely missed at the debate.'
    expect(show(text, analyse(text).quotes)).toEqual(['indirect [cybersecurity to her use of a private email server] cue=linked speaker=Rubio'])
  })
  it('not a pair of dashes around an aside', () => {
    // (The rules' reading; the tagger, where it finds the same attribution, bounds the content itself.)
    const text = 'Sanders talked about the first four states — Iowa, New Hampshire, Nevada and South Carolina — for an hour.'
    expect(show(text, rules(text).quotes)).toEqual(['indirect [the first four states — Iowa, New Hampshire, Nevada and South Carolina — for an hour] cue=talked about speaker=Sanders'])
  })
})

describe('a second past-tense predicate after the object of a cue and a comma', () => {
  it('"mocked his rivals, talked over them …": the object ends before the comma', () => {
    const text = 'Trump mocked his rivals, talked over them as they answered questions.'
    expect(show(text, rules(text).quotes)).toEqual(['indirect [his rivals] cue=mocked speaker=Trump'])
    expect(show(text, analyse(text).quotes)[0]).toBe('indirect [his rivals] cue=mocked speaker=Trump')
  })
  it('"joked about …, declined to affirm …": the second verb, a cue, is an attribution of its own', () => {
    const text = 'He joked about Jewish stereotypes, declined to affirm his support for a united Jerusalem.'
    expect(show(text, analyse(text).quotes)).toEqual([
      'indirect [Jewish stereotypes] cue=joked about speaker=He',
      'indirect [to affirm his support for a united Jerusalem] cue=declined speaker=He',
    ])
  })
  it('not a participle: "…, followed by Cruz at 17 percent"', () => {
    const text = 'The poll showed Trump leading with 31 percent, followed by Cruz at 17 percent.'
    expect(show(text, analyse(text).quotes)).toEqual(['indirect [Trump leading with 31 percent, followed by Cruz at 17 percent] cue=showed speaker=The poll'])
  })
  it('a name the tagger reads as a verb is no verb of the object: "the United States\' backing …, and railed …"', () => {
    const text = "He complained bitterly about the United States' backing independence for Kosovo, and railed about Washington's propensity to intervene in other countries."
    expect(show(text, analyse(text).quotes)).toContain("indirect [the United States' backing independence for Kosovo] cue=complained bitterly about speaker=He")
  })
})

describe('a spaced dash before a clause of its own', () => {
  it('"… -- even as Clinton closed in …": the content ends at the dash', () => {
    const text = 'Sanders is pledging to take his campaign to the convention floor -- even as Clinton closed in on the nomination.'
    expect(show(text, analyse(text).quotes)).toEqual(['indirect [to take his campaign to the convention floor] cue=is pledging speaker=Sanders'])
  })
  it('"— and the poll shows …": a clause with a cue of its own after "and" ends it too', () => {
    const text = 'Democrats insist the tide is turning their way — and the poll shows a shift.'
    expect(show(text, analyse(text).quotes)).toEqual(['indirect [the tide is turning their way] cue=insist speaker=Democrats', 'indirect [a shift] cue=shows speaker=the poll'])
  })
  it('not "- and many will wear shorts" (what was said going on) nor a pair of dashes around an aside', () => {
    const a = 'Police officials said officers will wear body cameras - and many will wear shorts.'
    expect(show(a, analyse(a).quotes)).toEqual(['indirect [officers will wear body cameras - and many will wear shorts] cue=said speaker=Police officials'])
    const b = 'Kaine now says that – in his professional life – he is a strong advocate for abortion rights.'
    expect(show(b, analyse(b).quotes)).toEqual(['indirect [that – in his professional life – he is a strong advocate for abortion rights] cue=now says speaker=Kaine'])
  })
})

describe('a noun phrase and "and" that open the clause before a source', () => {
  it('"Though media reports and party sources described …", "Still, both the United States and Russia have shown …": both conjuncts are the source', () => {
    const text = 'Though media reports and party sources described the push as nearly impossible, he went on.'
    expect(show(text, analyse(text).quotes)).toContain('indirect [the push as nearly impossible] cue=described speaker=media reports and party sources')
    const t2 = 'Still, both the United States and Russia have shown an inclination to dial back.'
    expect(show(t2, analyse(t2).quotes)).toContain('indirect [an inclination to dial back] cue=have shown speaker=both the United States and Russia')
  })
  it('not a clause before "and": "Trump stared down the camera and the hosts said …"', () => {
    const text = 'Donald Trump stared down the camera and the hosts said it was over.'
    expect(show(text, analyse(text).quotes)).toContain('indirect [it was over] cue=said speaker=the hosts')
  })
})

describe('a date after a short noun-phrase content', () => {
  it('"endorsed Trump in early June": the date is out of the content', () => {
    const text = 'Ryan endorsed Trump in early June.'
    expect(show(text, rules(text).quotes)).toEqual(['indirect [Trump] cue=endorsed speaker=Ryan'])
  })
  it('"announced his candidacy in June 2015", "on Dec. 3, 2015": month, day and year', () => {
    const text = 'Cruz announced his candidacy in June 2015.'
    expect(show(text, rules(text).quotes)).toEqual(['indirect [his candidacy] cue=announced speaker=Cruz'])
    const t2 = 'Ryan endorsed Trump on Dec. 3, 2015.'
    expect(show(t2, rules(t2).quotes)).toEqual(['indirect [Trump] cue=endorsed speaker=Ryan'])
  })
  it('a clause keeps its date: "said the vote was held in May"', () => {
    const text = 'Officials said the vote was held in May.'
    expect(show(text, rules(text).quotes)).toEqual(['indirect [the vote was held in May] cue=said speaker=Officials'])
  })
})

describe('a possessive determiner before a name in a source', () => {
  it('"Band and his Teneo co-founder declined": "his" is no plural noun that ends the phrase', () => {
    const text = 'Band and his Acme colleague declined to comment.'
    expect(show(text, rules(text).quotes)).toEqual(['indirect [to comment] cue=declined speaker=Band and his Acme colleague'])
    const t2 = 'Both of his GOP senators strongly supported him.'
    expect(show(t2, rules(t2).quotes)).toEqual(['indirect [him] cue=strongly supported speaker=Both of his GOP senators'])
  })
})

describe('a participle with its agent after a noun phrase', () => {
  it('"The Band memo disclosed by WikiLeaks …", "a practice criticized by …": the agent speaks, the noun phrase is the content', () => {
    const text = 'The Band memo disclosed by WikiLeaks on Wednesday made no direct reference to Clinton.'
    expect(show(text, rules(text).quotes)).toEqual(['indirect [The Band memo] cue=disclosed speaker=WikiLeaks'])
    const t2 = 'They combine those categories when reporting data, a practice criticized by Miller and some civil rights advocates.'
    expect(show(t2, rules(t2).quotes)).toContain('indirect [a practice] cue=criticized speaker=Miller and some civil rights advocates')
  })
  it('not a gerund after "by" ("responded by using …") nor a cause that is no speaker ("worried by the increase …")', () => {
    const text = 'Trump responded by using the example of Chicago.'
    expect(show(text, rules(text).quotes)).toEqual(['indirect [by using the example of Chicago] cue=responded speaker=Trump'])
    const t2 = 'German authorities worried by the increase in hate speech contacted Facebook.'
    expect(show(t2, analyse(t2).quotes).join('\n')).not.toContain('speaker=the increase')
  })
})

describe('"again" and "afterward" after a cue verb', () => {
  it('"vowed again on Wednesday that …", "noted afterward that …": the adverb is part of the cue, the time is not', () => {
    const text = 'Trump vowed again on Wednesday that he will put $100 million into the campaign.'
    expect(show(text, rules(text).quotes)).toEqual(['indirect [that he will put $100 million into the campaign] cue=vowed again speaker=Trump'])
    const t2 = 'He noted afterward that he would campaign later in the day.'
    expect(show(t2, rules(t2).quotes)).toEqual(['indirect [that he would campaign later in the day] cue=noted afterward speaker=He'])
  })
  it('"again" before a clause without "that" is left to the content ("said again the plan would fail")', () => {
    const text = 'She said again the plan would fail.'
    expect(show(text, rules(text).quotes).join('\n')).not.toContain('cue=said again')
  })
})

describe('a headline of a name, "on", a topic and a colon', () => {
  it('"Gillibrand on Hillary Releasing Her … Transcripts: \'That\'s Up to Her\'": the name speaks, not the topic', () => {
    const text = 'Gillibrand on Hillary Releasing Her Goldman Sachs Speech Transcripts: ‘That’s Up to Her’. The senator spoke on Monday.'
    const shown = show(text, analyse(text).quotes)
    expect(shown.join('\n')).not.toContain('speaker=Hillary Releasing')
    expect(shown).toContain('direct [‘That’s Up to Her’] cue=: speaker=Gillibrand')
  })
})

describe('a time phrase between the subject and its cue', () => {
  it('"Trump in the past has called out …", "Clinton in recent weeks has criticized …": the subject speaks, not the time', () => {
    const text = 'Trump in the past has called out Tur by name.'
    expect(show(text, rules(text).quotes)).toEqual(['indirect [Tur by name] cue=has called out speaker=Trump'])
    const t2 = 'Clinton in recent weeks has criticized the plan.'
    expect(show(t2, rules(t2).quotes)).toEqual(['indirect [the plan] cue=has criticized speaker=Clinton'])
  })
})

describe('a group and the names that are examples of it', () => {
  it('"upstart companies like Netflix and Amazon Prime have proven …": the group is part of the source', () => {
    const text = 'Still, upstart companies like Netflix and Amazon Prime have proven that it is possible.'
    expect(show(text, rules(text).quotes)).toEqual(['indirect [that it is possible] cue=have proven speaker=upstart companies like Netflix and Amazon Prime'])
  })
  it('a verb "like" introduces no example: "Voters like Trump, polls show."', () => {
    const text = 'Voters like Trump, polls show.'
    expect(show(text, rules(text).quotes).join('\n')).not.toContain('speaker=Voters like')
  })
})

describe('cue verbs PolNeAR marks that the lexicon lacked', () => {
  it('"railed against", "likened", "sided with"', () => {
    const text = 'Sanders railed against the trade deal. Trump likened the plan to a disaster. The senator sided with the president.'
    expect(show(text, rules(text).quotes)).toEqual([
      'indirect [the trade deal] cue=railed against speaker=Sanders',
      'indirect [the plan to a disaster] cue=likened speaker=Trump',
      'indirect [the president] cue=sided with speaker=The senator',
    ])
  })
  it('"posted", "identified … as"', () => {
    const text = 'Trump posted a message on Twitter. The police identified the man as a local resident.'
    expect(show(text, rules(text).quotes)).toEqual(['indirect [a message] cue=posted speaker=Trump', 'indirect [the man as a local resident] cue=identified speaker=The police'])
  })
  it('"side" as a noun is no cue: "on the other side of the aisle"', () => {
    const text = 'Republicans on the other side of the aisle were silent.'
    expect(show(text, rules(text).quotes).join('\n')).not.toContain('cue=side')
  })
})

describe('a "whose" clause with an appositive inside a source', () => {
  it('"Geneva Reed-Veal, whose daughter, Sandra Bland, died … last year, called on …": the clause\'s verb is no participle that ends the source', () => {
    const text = 'Geneva Reed-Veal, whose daughter, Sandra Bland, died in a Texas jail last year, called on the congregation to vote.'
    expect(show(text, rules(text).quotes)).toEqual(['indirect [the congregation to vote] cue=called on speaker=Geneva Reed-Veal, whose daughter, Sandra Bland, died in a Texas jail last year'])
  })
  it('a participle after a name still ends it: "Trump, speaking to a veterans group, said …"', () => {
    const text = 'Trump, speaking to a veterans group, said the plan was fine.'
    expect(show(text, rules(text).quotes)).toEqual(['indirect [the plan was fine] cue=said speaker=Trump'])
  })
})

describe('the tagger bounds a content the rules find too', () => {
  it('same cue, same attribution: the content ends where the tagger ends it', () => {
    const text = 'Sanders talked about the first four states — Iowa, New Hampshire, Nevada and South Carolina — for an hour.'
    expect(content(text, rules(text).quotes[0]!)).toContain('for an hour')
    expect(show(text, analyse(text).quotes)).toEqual(['indirect [the first four states] cue=talked about speaker=Sanders'])
  })
})

describe('a content before its cue with the source after it only after a verb that inverts', () => {
  it('"…, mocked the party and its leaders, and made it clear …": a list of the subject\'s deeds, not "…, said Hill"', () => {
    const text = 'The mayor praised the new budget but criticized the council as slow, mocked the party and its leaders, and made it clear that he would run again.'
    const found = show(text, rules(text).quotes)
    expect(found.join('\n')).not.toMatch(/cue=mocked speaker=the party/)
    expect(found.join('\n')).not.toMatch(/cue=criticized speaker=the/)
  })
  it('"…, predicted Kunin, the former governor": an inverted source after "predicted" as after "said"', () => {
    const text = 'The senator will back the nominee before the convention, predicted Madeleine Kunin, the former governor of Vermont.'
    expect(show(text, rules(text).quotes)).toEqual(['indirect [The senator will back the nominee before the convention] cue=predicted speaker=Madeleine Kunin, the former governor of Vermont'])
  })
})

describe('a "subject" before an inverted cue that has a finite verb of its own', () => {
  it('"In a year when …, candidates have more room …, said Steve Grubbs, an Iowa operative …": the name after the cue speaks', () => {
    const text = 'In a year when arguments against big government are resonating with voters, candidates have more room to walk away from the program, said Steve Grubbs, an Iowa operative.'
    const quotes = rules(text).quotes
    expect(quotes).toHaveLength(1)
    expect(quotes[0]!.speaker.text).toBe('Steve Grubbs, an Iowa operative')
    expect(content(text, quotes[0]!)).toBe('In a year when arguments against big government are resonating with voters, candidates have more room to walk away from the program')
  })
  it('a relative clause in the subject is still the subject\'s: "The mayor, who has led the city since 2010, said …"', () => {
    const text = 'The mayor, who has led the city since 2010, said the budget would pass.'
    expect(show(text, rules(text).quotes)).toEqual(['indirect [the budget would pass] cue=said speaker=The mayor, who has led the city since 2010'])
  })
})

describe('the tagger\'s short quotations beside their cue', () => {
  it('\'the sign read “Hispanics 4 Trump”\': a short quotation right after the cue the tagger found is no scare quote', () => {
    const text = 'He held up the sign — which read “Hispanics 4 Trump” — and waved it around. The crowd cheered.'
    expect(show(text, analyse(text).quotes).join('\n')).toContain('[“Hispanics 4 Trump”]')
  })
})

describe('tagger attributions and the rules\' contents as the tagger bounds them', () => {
  it('a rule content the tagger ends earlier no longer hides the attributions after that end', () => {
    const text = 'Biden complained about the dour tone of the Democratic presidential primary but defended Bernie Sanders as a mainstream candidate, mocked the Republican Party and its leading presidential contenders, and made it clear that the White House is not planning to replace Justice Antonin Scalia with a liberal.'
    const found = show(text, analyse(text).quotes)
    expect(found).toContain('indirect [Bernie Sanders as a mainstream candidate] cue=defended speaker=Biden')
    expect(found).toContain('indirect [the Republican Party and its leading presidential contenders] cue=mocked speaker=Biden')
  })
})

describe('a content that runs over "and" into another attribution', () => {
  it('"a woman asked for a photo and Clinton said, “…”": the request ends before the next speaker, and both stand', () => {
    const text = 'At one point, a woman asked for a photo and Clinton said, “as long as we are not violating any election laws.”'
    const found = show(text, rules(text).quotes)
    expect(found).toContain('indirect [a photo] cue=asked for speaker=a woman')
    expect(found.join('\n')).toContain('cue=said speaker=Clinton')
  })
  it('"One in three said … and one in four said …": two statements', () => {
    const text = 'One in three said the party does not care about the community and one in four said the party was hostile to it.'
    expect(show(text, rules(text).quotes)).toEqual([
      'indirect [the party does not care about the community] cue=said speaker=One in three',
      'indirect [the party was hostile to it] cue=said speaker=one in four',
    ])
  })
  it('not a short noun phrase that is the next source\'s first conjunct: "said his focus groups and other research show …"', () => {
    const text = 'Garin said his focus groups and other research show that voters like the plan.'
    expect(show(text, rules(text).quotes)[0]).not.toBe('indirect [his focus groups] cue=said speaker=Garin')
  })
  it('the tagger\'s content too: "continued to express doubts about her qualifications and made clear that he …"', () => {
    const text = 'But Mr. Sanders continued to express doubts about her qualifications and made clear that he did not intend to hold back.'
    const found = show(text, analyse(text).quotes).join('\n')
    expect(found).toContain('[her qualifications]')
    expect(found).toContain('[that he did not intend to hold back]')
  })
})

describe('the occasion of an act, with its place', () => {
  it('"thanking supporters at a victory rally in his home state of Vermont", "explained his reasoning in an appearance on CBS\'s Face the Nation"', () => {
    const a = 'Sanders is thanking supporters at a victory rally in his home state of Vermont.'
    expect(show(a, rules(a).quotes)).toEqual(['indirect [supporters] cue=is thanking speaker=Sanders'])
    const b = 'Trump explained his reasoning in an appearance on CBS’s Face the Nation.'
    expect(show(b, rules(b).quotes)).toEqual(['indirect [his reasoning] cue=explained speaker=Trump'])
  })
  it('not a clause after the occasion: "wrote that someone might get hurt at a Trump event before the campaign is over"', () => {
    const text = 'Sexton wrote that someone might get hurt at a Trump event before the campaign is over.'
    expect(show(text, rules(text).quotes)).toEqual(['indirect [that someone might get hurt at a Trump event before the campaign is over] cue=wrote speaker=Sexton'])
  })
})

describe('a content cut before a conjoined attribution, but not inside a subject', () => {
  it('"after he and Bernstein wrote about …", "that Mr. LaRue and Jeb Magruder told him …": the coordinated subject stays whole', () => {
    const a = 'Woodward said he turned to Felt after he and Bernstein wrote about the break-in.'
    expect(show(a, rules(a).quotes)[0]).toBe('indirect [he turned to Felt after he and Bernstein wrote about the break-in] cue=said speaker=Woodward')
    const b = 'Sloan said under oath that Mr. LaRue and Jeb Magruder told him he might have to commit perjury.'
    expect(show(b, rules(b).quotes)[0]).toBe('indirect [under oath that Mr. LaRue and Jeb Magruder told him he might have to commit perjury] cue=said speaker=Sloan')
  })
  it('a name that looks like a verb is no clause of its own: "Felt, an associate director at the FBI, said …"', () => {
    const text = 'In 2005, Mark Felt revealed his role. Felt, an associate director at the FBI, said he was unhappy with the way the administration meddled.'
    const { quotes } = analyseWithEntities(text)
    expect(show(text, quotes)).toContain('indirect [he was unhappy with the way the administration meddled] cue=said speaker=Felt, an associate director at the FBI')
  })
})
