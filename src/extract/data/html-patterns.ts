/**
 * Word lists and patterns used by the HTML extractor, kept as data so they can be tuned
 * without touching the algorithm. Most come from Mozilla Readability's and trafilatura's lists,
 * widened for the junk the Zyte benchmark pages carry (newsletter boxes, share bars, cookie banners).
 */

/** Elements dropped before scoring: never part of an article's text. */
export const DROP_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'nav', 'aside', 'footer', 'iframe', 'svg',
  'button', 'select', 'input', 'textarea', 'object', 'embed', 'canvas', 'head', 'title', 'meta',
  // `form` is not here: ASP.NET pages (aljazeera.com) wrap the whole body in one <form>.
  'link', 'map', 'audio', 'video', 'dialog', 'menu', 'math',
])

/** Block-level elements: each starts a new line of output text. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'html', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody',
  'thead', 'tfoot', 'tr', 'td', 'th', 'ul', 'caption', 'br', 'img',
])

/** Elements scored as paragraphs (Readability's DEFAULT_TAGS_TO_SCORE). */
export const SCORE_TAGS: ReadonlySet<string> = new Set(['p', 'pre', 'td', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote'])

/**
 * class/id of containers that are page furniture (comment threads, related links, share bars,
 * newsletter and subscription boxes, cookie banners, ads). Seen on nearly every news page in the
 * Zyte benchmark: WordPress `.comments-area`, `.related-posts`, `.share-buttons`, `.newsletter-signup`.
 */
export const UNLIKELY_CLASS =
  /-ad-|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|newsletter|subscri|cookie|consent|share|sharing|promo|signup|sign-up|paywall|recommend|trending|most-popular|mostpopular|outbrain|taboola|more-stories|next-article|author-bio|tags|toolbar|modal|overlay|masthead|navbar|topbar|donat|rollover|tooltip|hovercard|popover/i

/** class/id that rescues an element matching UNLIKELY_CLASS (e.g. `article-header-wrapper content`). */
export const MAYBE_CANDIDATE_CLASS = /and|article|body|column|content|main|mathjax|shadow|story|entry|post-text/i

/** Ad slots: `ad`, `ads`, `advert…` as a whole class/id word (not `head`, `read`, `shadow`). */
export const AD_CLASS = /(?:^|[\s_-])(?:ads?|adv|advert\w*|adslot|adunit|dfp|gpt-ad|sponsored)(?:[\s_-]|\d|$)/i

/** Negative class/id weight (Readability NEGATIVE). */
export const NEGATIVE_CLASS =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|caption|credit|byline|newsletter/i

/** Positive class/id weight (Readability POSITIVE). */
export const POSITIVE_CLASS = /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story/i

/** Byline / dateline elements inside the article (not part of the body in the Zyte truth). */
export const BYLINE_CLASS = /byline|author|dateline|writtenby|p-author|posted-on|entry-meta|article-meta|post-meta|publish|timestamp/i

/** Roles that mark page furniture (ARIA landmarks other than main/article). */
export const DROP_ROLES: ReadonlySet<string> = new Set([
  'navigation', 'banner', 'contentinfo', 'complementary', 'menu', 'menubar', 'search', 'dialog', 'alertdialog', 'toolbar',
])

/** Title separators in `<title>` ("Headline | Site", "Headline - Site"). */
export const TITLE_SEPARATOR = /\s+[|\-–—\\/>»·:]{1,2}\s+/

/** JSON-LD @type values that describe an article. */
export const ARTICLE_TYPES = /^(?:Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|SocialMediaPosting|LiveBlogPosting|TechArticle|ScholarlyArticle|Report|WebPage|Review|APIReference|MedicalScholarlyArticle)$/

/** Meta names/properties for the publication date, in order of trust. */
export const DATE_META = [
  'article:published_time', 'og:article:published_time', 'datepublished', 'parsely-pub-date', 'sailthru.date',
  'pubdate', 'publishdate', 'publish-date', 'publish_date', 'date', 'dc.date', 'dc.date.issued', 'dcterms.created',
  'dcterms.date', 'dcterms.issued', 'citation_publication_date', 'og:published_time', 'article.published',
  'published-date', 'release_date', 'cxenseparse:recs:publishtime', 'article_date_original', 'original-publish-date',
] as const

/** Meta names/properties for the author. */
export const AUTHOR_META = ['author', 'article:author', 'dc.creator', 'dcterm:creator', 'dcterms.creator', 'parsely-author', 'sailthru.author', 'byl', 'twitter:creator'] as const

/** Meta names/properties for the title. */
export const TITLE_META = ['og:title', 'twitter:title', 'dc.title', 'dcterm:title', 'dcterms.title', 'parsely-title', 'weibo:article:title', 'title', 'sailthru.title'] as const

/** Byline/dateline lines above the body: "By Justine Coleman - 11/18/19", "Updated at 1:23 p.m.", "Published 3 hours ago". */
export const LEADING_META = /^(?:by\s+\p{Lu}|(?:updated|published|posted|last (?:updated|modified))\b(?: on| at)?\s*[:\d\p{Lu}]|(?:mon|tue|wed|thu|fri|sat|sun)\w*,? \p{Lu}\w+ \d{1,2},? \d{4}|\p{Lu}\w+ \d{1,2},? \d{4}(?: at)? \d{1,2}:\d{2})/iu

/** A heading that starts the related-links block after an article ("You may also like...", "Related stories"). */
export const RELATED_HEADING = /^(?:you (?:may|might) (?:also )?(?:like|enjoy|be interested)|related(?: articles| stories| posts| content| coverage|:)?|more (?:from|on) |more stories|recommended(?: for you| stories)?|read (?:more|next|also)|also (?:read|on)|trending|most (?:popular|read)|further reading|see also|você (?:pode|também pode) gostar|veja também|leia também|te puede interesar|también te puede|lire aussi|à lire aussi|vous aimerez aussi|das könnte sie auch interessieren|mehr zum thema|leggi anche|potrebbe interessarti)(?![\p{L}\p{N}])/iu
