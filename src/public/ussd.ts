import { countryName } from '../agencies/countries.js'
import { normaliseReference, type TrackedStatus } from '../complaints/rules.js'
import { type Catalogue, type Language, messagesFor, otherLanguage } from '../i18n/messages.js'
import type { OfferStanding } from '../job-offers/lifecycle.js'
import type { PublicOffer } from '../job-offers/queries.js'
import type { PublicAgency } from './queries.js'
import { type ReportStep, reportQuestion, reportStep } from './ussd-report.js'

// The USSD menu for feature phones. African USSD gateways call back with every answer of the
// session so far in `text`, joined by "*" ("" at first, then "1", then "1*maluti"), and show
// our reply: "CON ..." waits for another answer, "END ..." closes the session. The whole
// conversation is therefore a pure function of `text`: no session state is kept.
//
//   (menu) 1 Check a recruiter -> type a name or licence number -> up to 3 matches, END
//          2 Report a recruiter -> recruiter, what, how much, where, may we call, confirm -> END
//            (ussd-report.ts) with the reference
//          4 Check my report -> type the reference -> its status in words, END
//          3 Check a job offer -> type the code on the advert -> the offer's status, END
//          0 switch Sesotho/English                                                  -> menu

export const USSD_MAX_LENGTH = 160
export const USSD_MATCHES = 3

export type UssdStep =
  | { kind: 'menu'; lang: Language; invalidChoice: boolean }
  | { kind: 'ask'; lang: Language }
  | { kind: 'search'; lang: Language; query: string }
  | { kind: 'report'; lang: Language; report: ReportStep }
  | { kind: 'trackAsk'; lang: Language }
  | { kind: 'track'; lang: Language; reference: string }
  | { kind: 'askCode'; lang: Language }
  | { kind: 'job'; lang: Language; code: string }

/** Where the conversation is, read from the answers so far. */
export function ussdStep(text: string, startLanguage: Language = 'en'): UssdStep {
  const answers = text === '' ? [] : text.split('*')
  let lang = startLanguage
  let invalidChoice = false
  for (let i = 0; i < answers.length; i++) {
    const answer = answers[i]!.trim()
    if (answer === '0') {
      lang = otherLanguage(lang)
      invalidChoice = false
    } else if (answer === '1') {
      // Everything after the choice is the name; a blank answer asks again.
      const query = answers
        .slice(i + 1)
        .map((a) => a.trim())
        .filter((a) => a !== '')
        .at(-1)
      return query ? { kind: 'search', lang, query } : { kind: 'ask', lang }
    } else if (answer === '2') {
      return { kind: 'report', lang, report: reportStep(answers.slice(i + 1)) }
    } else if (answer === '4') {
      const reference = answers
        .slice(i + 1)
        .map((a) => a.trim())
        .filter((a) => a !== '')
        .at(-1)
      return reference ? { kind: 'track', lang, reference } : { kind: 'trackAsk', lang }
    } else if (answer === '3') {
      const code = answers
        .slice(i + 1)
        .map((a) => a.trim())
        .filter((a) => a !== '')
        .at(-1)
      return code ? { kind: 'job', lang, code } : { kind: 'askCode', lang }
    } else {
      invalidChoice = true
    }
  }
  return { kind: 'menu', lang, invalidChoice }
}

/**
 * Text a basic phone shows whatever its character set: Sesotho's "š" and typographic quotes
 * would switch a screen to UCS-2 and halve what fits, so they are written plainly.
 */
export function plainText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/…/g, '...')
    .replace(/[^\x20-\x7E\n]/g, '')
}

const screen = (kind: 'CON' | 'END', body: string) => `${kind} ${plainText(body)}`

/** "3/3/2027": short enough for a USSD screen in either language. */
function shortDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number)
  return `${day}/${month}/${year}`
}

/** The status, then any public warning: never shortened, whatever happens to the name. */
function ussdStatus(agency: PublicAgency, t: Catalogue): string {
  const status =
    agency.standing === 'licensed' && agency.expires_on
      ? t.licensedUntil(shortDate(agency.expires_on))
      : `${t.standing[agency.standing]}. ${t.ussd.doNotPay}`
  // A court's conviction says more than any finding: on a screen this small it stands alone
  // (the web pages give the findings beside it).
  const said = agency.convicted_on
    ? [t.ussd.convicted(shortDate(agency.convicted_on))]
    : agency.warnings.map((w) => t.ussd.warnings[w])
  if (said.length === 0) return status
  return `${status}. ${t.ussd.warning}: ${said.join(', ')}`
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 3)).trimEnd()}...`
}

/** What a search found, as the lookup gives it. */
export interface UssdFound {
  results: PublicAgency[]
  /** Nothing matched as typed; these names only resemble it (other recruiters). */
  similar?: boolean
  /** More matched than are shown. */
  more?: boolean
}

/**
 * Up to three matches, each "1. Name LRA-2026-00042: status". A status is never shown without
 * the name it belongs to, nor cut; "more matched" is said whenever not all are shown (a
 * same-name recruiter that is not licensed may be among them). For names that only look like
 * the one typed, the not-registered warning comes first.
 */
function resultsScreen(found: UssdFound, t: Catalogue): string {
  const matches = found.results
  const header = found.similar ? `${t.ussd.notFoundSimilar}\n` : ''
  // Look-alikes are other recruiters: the warning needs the room more than their numbers.
  const number = (a: PublicAgency, numbers: boolean) =>
    numbers && a.licence_number && !found.similar ? ` ${a.licence_number}` : ''
  // Tried in order, the first that fits wins: names long enough to recognise, licence numbers,
  // more matches, the longer "more matched" and the no-fee reminder; names of six letters last.
  for (const shortest of [12, 6])
    for (const numbers of [true, false])
      for (let n = Math.min(USSD_MATCHES, matches.length); n >= 1; n--) {
        const hidden = found.more || n < matches.length
        const footers = hidden
          ? [`\n${t.ussd.moreMatches}`, `\n${t.ussd.moreMatchesShort}`]
          : [`\n${t.ussd.resultsFooter}`, '']
        for (const footer of footers) {
          const shown = matches.slice(0, n)
          const fixed = shown.map((a, i) => `${i + 1}. ${number(a, numbers)}: ${ussdStatus(a, t)}`)
          const room = USSD_MAX_LENGTH - 'END '.length - plainText(header + fixed.join('\n') + footer).length
          const perName = Math.floor(room / n)
          if (perName < shortest) continue
          const lines = shown.map(
            (a, i) =>
              `${i + 1}. ${truncate(plainText(a.name), perName)}${number(a, numbers)}: ${ussdStatus(a, t)}`,
          )
          return screen('END', header + lines.join('\n') + footer)
        }
      }
  // Nothing fits beside the warning: the warning alone (the recruiter typed is not registered).
  if (found.similar) return screen('END', t.ussd.notFound)
  // A status too long for any name beside it: the name first, and the status as far as it goes.
  const first = matches[0]!
  return screen(
    'END',
    truncate(`${truncate(plainText(first.name), 20)}: ${ussdStatus(first, t)}`, USSD_MAX_LENGTH - 4),
  )
}

/** What the code typed on a `job` step names. */
export type UssdJob =
  | { offer: PublicOffer; standing: OfferStanding }
  | { offer: null; problem: 'unknown' | 'mistyped' | 'not_a_code' }

/**
 * "Fruit picker (South Africa), Maluti Recruitment: Approved job offer until 3/3/2027. Pay no
 * fee for this job.": the status and the no-fee rule always whole, the names shortened to fit.
 */
function jobScreen(job: UssdJob, t: Catalogue): string {
  // A code that cannot be one is asked again; a code no approved offer has ends with the warning.
  if (!job.offer)
    return job.problem === 'unknown'
      ? screen('END', t.ussd.codeUnknown)
      : screen('CON', job.problem === 'mistyped' ? t.ussd.codeMistyped : t.ussd.codeNotACode)
  const { offer } = job
  const status =
    job.standing === 'open' ? t.ussd.jobOpenUntil(shortDate(offer.open_until)) : t.jobs.standing[job.standing]
  // The recruiter's warnings follow the status: all of them, or the first where room is short.
  const said = offer.agency.warnings.map((w) => t.ussd.warnings[w])
  // An offer not valid now already says not to pay: its warnings give way to the status.
  const warningsAs = said.length
    ? [
        `${t.ussd.warning}: ${said.join(', ')}. `,
        `${t.ussd.warning}: ${said[0]}. `,
        ...(job.standing === 'open' ? [] : ['']),
      ]
    : ['']
  const country = plainText(` (${countryName(offer.employer_country)})`)
  for (const warnings of warningsAs) {
    const tail = `: ${status}. ${warnings}${t.ussd.jobNoFee}`
    const room = USSD_MAX_LENGTH - 'END '.length - plainText(tail).length - country.length - 2
    // The country stays whole (where the job is); the position and the agency share the rest.
    if (room >= 16) {
      const position = truncate(plainText(offer.position), Math.floor(room * 0.5))
      const agency = truncate(plainText(offer.agency.name), room - position.length)
      return screen('END', `${position}${country}, ${agency}${tail}`)
    }
  }
  // Where even that is too long, the recruiter and the country, then what must be said.
  const tail = `: ${status}. ${warningsAs.at(-1)}${t.ussd.jobNoFee}`
  const room = USSD_MAX_LENGTH - 'END '.length - plainText(tail).length - country.length
  return screen('END', `${truncate(plainText(offer.agency.name), Math.max(4, room))}${country}${tail}`)
}

/** What a `report` or `track` step came to: the report's reference, or the report found. */
export type UssdOutcome =
  | { sent: string; police?: { district: string; phone: string } | null }
  | { tracked: TrackedStatus | null }

/** The reply to show for this step; `found` is what the search found, for a `search` step. */
export function ussdReply(
  step: UssdStep,
  found: UssdFound = { results: [] },
  job?: UssdJob,
  outcome?: UssdOutcome,
): string {
  const t = messagesFor(step.lang)
  switch (step.kind) {
    case 'menu':
      return screen('CON', step.invalidChoice ? `${t.ussd.unknownChoice}\n${t.ussd.menu}` : t.ussd.menu)
    case 'ask':
      return screen('CON', t.ussd.askName)
    case 'report':
      if (step.report.kind === 'ask') return screen('CON', reportQuestion(step.report, t))
      if (step.report.kind === 'cancelled') return screen('END', t.ussd.reportCancelled)
      if (!outcome || !('sent' in outcome)) return screen('END', t.ussd.reportCancelled)
      {
        // The district's police focal point after the reference, when the screen has room for it.
        const sent = t.ussd.reportSent(outcome.sent)
        const police = outcome.police
          ? `\n${t.ussd.policeLine(outcome.police.district, outcome.police.phone)}`
          : ''
        const withPolice = `${sent}${police}`
        return screen('END', plainText(`END ${withPolice}`).length <= USSD_MAX_LENGTH ? withPolice : sent)
      }
    case 'trackAsk':
      return screen('CON', t.ussd.trackAsk)
    case 'track': {
      const tracked = outcome && 'tracked' in outcome ? outcome.tracked : null
      // The reference as the registry writes it, whatever spacing or case was typed.
      const reference = normaliseReference(step.reference) ?? step.reference
      return tracked
        ? screen('END', `${reference}: ${t.ussd.trackStatus[tracked]}`)
        : screen('CON', t.ussd.trackNotFound)
    }
    case 'search':
      return found.results.length === 0 ? screen('END', t.ussd.notFound) : resultsScreen(found, t)
    case 'askCode':
      return screen('CON', t.ussd.askCode)
    case 'job':
      return jobScreen(job ?? { offer: null, problem: 'unknown' }, t)
  }
}
