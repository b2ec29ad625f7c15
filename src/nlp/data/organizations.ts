/** Organisation kinds for entity subtypes (GOVERNMENT_BODY, INTERNATIONAL_ORG, THINK_TANK). */

export const internationalOrgs: readonly string[] = `UN|U.N.|United Nations|UN Security Council|U.N. Security Council|Security Council|UN General Assembly|General Assembly|NATO|EU|European Union|European Commission|European Parliament|European Council|IAEA|International Atomic Energy Agency|WHO|World Health Organization|IMF|International Monetary Fund|World Bank|WTO|World Trade Organization|OSCE|OPEC|G7|G20|G-7|G-20|BRICS|ASEAN|African Union|Arab League|Interpol|UNESCO|UNICEF|UNHCR|ICC|International Criminal Court|ICJ|International Court of Justice|Red Cross|International Committee of the Red Cross|CSTO|SCO|Council of Europe|OECD`.split('|')

/** Acronyms and names of government bodies that do not carry a tell-tale word. */
export const governmentBodies: readonly string[] = `CIA|FBI|NSA|DOJ|DHS|DoD|Pentagon|White House|Kremlin|State Department|Congress|Senate|House of Representatives|Duma|State Duma|Bundestag|Knesset|Rada|Verkhovna Rada|Downing Street|Whitehall|Élysée|Elysee|KGB|FSB|SVR|GRU|SBU|MI5|MI6|Mossad|Politburo|Supreme Court|Federal Reserve|Fed|Treasury|NASA|EPA|FDA|CDC|IRS|SEC|FCC|FTC|Border Patrol|ICE|National Guard|Army|Navy|Air Force|Marines|Armed Forces`.split('|')

/** A word in an organisation's name that makes it a government body. */
export const governmentWords = /\b(?:Ministry|Ministries|Department|Dept\.|Agency|Parliament|Cabinet|Government|Administration|Office of|National Security Council|Security Service|Intelligence|Armed Forces|Army|Navy|Police|Court|Commission|Committee|Assembly|Senate|Congress|Council of Ministers|Prosecutor|Embassy|Consulate)\b/

/** Words that make an organisation a think tank or research institute. */
export const thinkTankWords = /\b(?:Institute|Institution|Council on|Center for|Centre for|Foundation|Endowment|Think Tank|RAND|Brookings|Heritage)\b/
