import { timingSafeEqual } from 'node:crypto'
import { zValidator } from '@hono/zod-validator'
import { type Context, Hono } from 'hono'
import { cors } from 'hono/cors'
import { z } from 'zod'
import { LookupPage, LookupResults } from '../../views/public/lookup.js'
import { TooManyRequestsPage } from '../../views/public/report.js'
import { VerifyPage, VerifyUnknownPage } from '../../views/public/verify.js'
import { trackComplaint } from '../complaints/queries.js'
import { normaliseReference, type TrackedStatus, trackedStatus } from '../complaints/rules.js'
import type { Config } from '../config.js'
import type { Database } from '../db/database.js'
import { focalPointOf } from '../focal-points/queries.js'
import { sendJson } from '../http/compression.js'
import { sendCsv } from '../http/csv.js'
import type { AppEnv } from '../http/env.js'
import { optionalText, requiredText, searchText } from '../http/fields.js'
import { keptResponses } from '../http/kept-responses.js'
import { RateLimiter, rateLimited } from '../http/rate-limit.js'
import { renderPage, renderPageOrPartial } from '../http/render.js'
import { parseForm } from '../http/validation.js'
import { publicLanguage } from '../i18n/language.js'
import { messagesFor } from '../i18n/messages.js'
import { readOfferCode } from '../job-offers/code.js'
import { offerStanding } from '../job-offers/lifecycle.js'
import { findPublicOffer } from '../job-offers/queries.js'
import { licenceNumberIn } from '../licence-number.js'
import { todayInLesotho } from '../time.js'
import type { District } from '../vocabulary.js'
import { publicContext } from './context.js'
import { findPublicLicence, lookupAgencies, type PublicAgency, publicRegister } from './queries.js'
import { plainText, type UssdJob, type UssdOutcome, ussdReply, ussdStep } from './ussd.js'
import { storeUssdReport } from './ussd-store.js'

// The public side of the registry: no sign-in, English and Sesotho, light enough for a cheap
// phone on a weak signal. Only public fields leave through here (see queries.ts).

const MAX_QUERY = 100

// Too long is the only way to fail; the page says so in the reader's language.
const lookupQuery = z.object({ q: searchText(MAX_QUERY) })
// Whatever was printed on a paper is shown back (shortened), even when it is no licence number.
const verifyParam = z.object({
  // Bounded by the longest address Node takes; whatever it is, it is shown back shortened.
  number: searchText(20_000).transform((s) => s.slice(0, 40)),
})
const ussdCallback = z.object({
  sessionId: requiredText({ max: 100, messages: { required: 'sessionId is required' } }),
  serviceCode: optionalText({ max: 40 }),
  phoneNumber: requiredText({ max: 40, messages: { required: 'phoneNumber is required' } }),
  text: searchText(500),
})

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}
const apiLookupQuery = z.object({ q: searchText(MAX_QUERY).pipe(z.string().min(1, 'q is required')) })

/** The public fields of an agency as the API gives them. */
function apiAgency(agency: PublicAgency) {
  const en = messagesFor('en')
  return {
    name: agency.name,
    trading_names: agency.trading_names,
    licence_number: agency.licence_number,
    status: agency.standing,
    status_text: en.standing[agency.standing],
    issued_on: agency.issued_on,
    expires_on: agency.expires_on,
    suspended_until: agency.suspended_until,
    status_since: agency.status_since,
    // Why a suspended or revoked licence is so, as a category (never officers' words).
    status_reason: agency.public_reason,
    status_reason_text: agency.public_reason ? en.publicReasons[agency.public_reason] : null,
    pending_investigation: agency.pending_investigation,
    conditions: agency.public_conditions,
    district: agency.district,
    sectors: agency.sectors,
    // Substantiated fee or fraud findings, and "under_watch" (demerit points).
    warnings: agency.warnings,
    // The day the agency was convicted of a recruitment offence, while the conviction stands.
    convicted_on: agency.convicted_on,
  }
}

/** A report's status in words, as /complaints/track gives it, or null for no such report. */
async function trackedByReference(db: Database, typed: string): Promise<TrackedStatus | null> {
  const reference = normaliseReference(typed)
  const found = reference ? await trackComplaint(db, reference) : undefined
  return found ? trackedStatus(found) : null
}

/** The police focal point of the district a USSD report named, for the screen that closes it. */
async function policeLineOf(db: Database, district: District | null) {
  if (!district) return null
  const point = await focalPointOf(db, district, 'police')
  return point ? { district, phone: point.phone } : null
}

/** The offer a code typed on USSD names, and what it means today. */
async function ussdJob(c: Context<AppEnv>, typed: string, today: string): Promise<UssdJob> {
  const read = readOfferCode(typed)
  if (!read.ok) return { offer: null, problem: read.problem }
  const offer = await findPublicOffer(c.get('db'), read.code, today)
  if (!offer) return { offer: null, problem: 'unknown' }
  return { offer, standing: offerStanding(offer, offer.agency.standing, today) }
}

export function publicRoutes(config: Config, secret: string) {
  const lookups = new RateLimiter({ limit: config.PUBLIC_LOOKUPS_PER_MINUTE, windowMs: 60_000 })
  const downloads = new RateLimiter({ limit: config.REGISTER_DOWNLOADS_PER_HOUR, windowMs: 3_600_000 })
  const ussdScreens = new RateLimiter({ limit: config.USSD_SCREENS_PER_MINUTE, windowMs: 60_000 })
  const ussdAllScreens = new RateLimiter({ limit: config.USSD_SCREENS_PER_MINUTE_TOTAL, windowMs: 60_000 })
  const fromGateway = (c: Context<AppEnv>) => {
    const secret = config.USSD_GATEWAY_SECRET
    const addresses = config.USSD_GATEWAY_ADDRESSES
    if (secret && !sameSecret(c.req.param('secret') ?? '', secret)) return false
    if (addresses && !addresses.includes(c.get('clientAddress') ?? '')) return false
    // Neither set: open, as in the demo and the tests (production refuses to start so).
    return secret !== undefined || addresses !== undefined || c.req.param('secret') === undefined
  }

  const byAddress = (c: Context<AppEnv>) => c.get('clientAddress')
  const tooManyPage = (c: Context<AppEnv>) =>
    renderPage(c, <TooManyRequestsPage pc={publicContext(c)} />, 429)
  const pageLimit = rateLimited(lookups, byAddress, tooManyPage)
  const apiLimit = rateLimited(lookups, byAddress, (c) =>
    c.json({ error: 'Too many requests. Wait a minute, then try again.' }, 429),
  )
  // Open to any site: the register is public, and no cookie is ever read or sent for it.
  const openCors = cors({ origin: '*', allowMethods: ['GET'], credentials: false })
  const kept = keptResponses()

  return (
    new Hono<AppEnv>()
      // The home page is the lookup before a search: one view, so the two never drift apart.
      .get('/', publicLanguage, kept, (c) =>
        renderPage(c, <LookupPage pc={publicContext(c)} q="" found={null} />),
      )

      .get(
        '/lookup',
        publicLanguage,
        pageLimit,
        kept,
        zValidator('query', lookupQuery, (result, c) => {
          if (result.success) return
          const ctx = c as unknown as Context<AppEnv>
          const pc = publicContext(ctx)
          const q = ctx.req.query('q') ?? ''
          return renderPageOrPartial(
            ctx,
            <LookupPage pc={pc} q={q} found={null} error={pc.t.lookupTooLong} />,
            <LookupResults q={q} found={null} t={pc.t} />,
            422,
          )
        }),
        async (c) => {
          const { q } = c.req.valid('query')
          const pc = publicContext(c)
          const found = q ? await lookupAgencies(c.get('db'), q, todayInLesotho()) : null
          return renderPageOrPartial(
            c,
            <LookupPage pc={pc} q={q} found={found} />,
            <LookupResults q={q} found={found} t={pc.t} />,
          )
        },
      )

      .get(
        '/verify/:number',
        publicLanguage,
        pageLimit,
        kept,
        zValidator('param', verifyParam),
        async (c) => {
          const { number: typed } = c.req.valid('param')
          const wellFormed = licenceNumberIn(typed)
          const number = wellFormed ?? typed.toUpperCase()
          const pc = publicContext(c)
          const now = new Date()
          const agency = wellFormed
            ? await findPublicLicence(c.get('db'), wellFormed, todayInLesotho(now))
            : null
          if (!agency) return renderPage(c, <VerifyUnknownPage pc={pc} number={number} now={now} />, 404)
          return renderPage(c, <VerifyPage pc={pc} number={number} agency={agency} now={now} />)
        },
      )

      // The old "how to report" page: the report form replaced it.
      .get('/report', (c) => {
        const name = c.req.query('name')?.slice(0, MAX_QUERY)
        return c.redirect(name ? `/complaints/new?name=${encodeURIComponent(name)}` : '/complaints/new', 301)
      })

      // Open data: JSON for other services, CSV for spreadsheets.
      .use('/api/v1/*', openCors)
      .get(
        '/api/v1/agencies',
        apiLimit,
        kept,
        zValidator('query', apiLookupQuery, (result, c) => {
          if (!result.success)
            return c.json(
              { error: 'Give the name or licence number to look for as ?q=, at most 100 characters.' },
              422,
            )
        }),
        async (c) => {
          const { q } = c.req.valid('query')
          const found = await lookupAgencies(c.get('db'), q, todayInLesotho())
          c.header('Cache-Control', 'no-store')
          return sendJson(c, {
            query: q,
            similar_names_only: found.similar,
            more_not_shown: found.more,
            agencies: found.results.map(apiAgency),
          })
        },
      )
      .get('/api/v1/licences/:number', apiLimit, zValidator('param', verifyParam), async (c) => {
        const number = licenceNumberIn(c.req.valid('param').number)
        c.header('Cache-Control', 'no-store')
        const agency = number ? await findPublicLicence(c.get('db'), number, todayInLesotho()) : null
        if (!agency)
          return c.json(
            { error: 'No licence has this number. A certificate that shows it may be forged.' },
            404,
          )
        return sendJson(c, { ...apiAgency(agency), checked_at: new Date().toISOString() })
      })
      .get(
        '/register.csv',
        rateLimited(downloads, byAddress, (c) => c.text('Too many downloads. Try again in an hour.', 429)),
        (c) => {
          const today = todayInLesotho()
          const en = messagesFor('en')
          async function* rows() {
            for await (const batch of publicRegister(c.get('db'), today)) {
              yield batch.map((a) => [
                a.name,
                a.trading_names.join('; '),
                a.licence_number,
                a.standing,
                en.standing[a.standing],
                a.issued_on,
                a.expires_on,
                a.suspended_until,
                a.district,
                a.sectors.join('; '),
                a.warnings.join('; '),
              ])
            }
          }
          return sendCsv(
            c,
            `recruiter-register-${today}.csv`,
            [
              'name',
              'trading_names',
              'licence_number',
              'status',
              'status_text',
              'issued_on',
              'expires_on',
              'suspended_until',
              'district',
              'sectors',
              'warnings',
            ],
            rows(),
          )
        },
      )

      // USSD gateways post each step of a session here (see ussd.ts). With a secret set, the
      // gateway calls /ussd/<secret>; with addresses set, it must call from one of them.
      .post('/ussd/:secret?', async (c) => {
        c.set('loggedPath', '/ussd')
        c.header('Cache-Control', 'no-store')
        if (!fromGateway(c))
          return c.text('END This service is available only through the USSD gateway.', 403)
        // A refusal the caller must read is a 200 "END ...": gateways end a session on any
        // 4xx without showing what it says.
        const overall = ussdAllScreens.take('all')
        if (!overall.allowed) {
          c.header('Retry-After', String(overall.retryAfter))
          return c.text(plainText(`END ${messagesFor('en').ussd.busy}\n${messagesFor('st').ussd.busy}`))
        }
        const parsed = await parseForm(c, ussdCallback)
        if (!parsed.ok) return c.text('END Sorry, the request was not understood.', 422)
        const { text, phoneNumber } = parsed.data
        // Gateways share a few addresses: the limit is per phone instead (the gateway check makes
        // the number the network's, not one the caller chose).
        const verdict = ussdScreens.take(`phone:${phoneNumber}`)
        const step = ussdStep(text)
        if (!verdict.allowed) {
          c.header('Retry-After', String(verdict.retryAfter))
          return c.text(plainText(`END ${messagesFor(step.lang).ussd.tooMany}`))
        }
        const today = todayInLesotho()
        const found =
          step.kind === 'search'
            ? await lookupAgencies(c.get('db'), step.query.slice(0, MAX_QUERY), today)
            : undefined
        const db = c.get('db')
        const job = step.kind === 'job' ? await ussdJob(c, step.code, today) : undefined
        const outcome: UssdOutcome | undefined =
          step.kind === 'report' && step.report.kind === 'send'
            ? {
                sent: await storeUssdReport(db, step.report.report, {
                  phoneNumber,
                  lang: step.lang,
                  day: today,
                  secret,
                }),
                police: await policeLineOf(db, step.report.report.district),
              }
            : step.kind === 'track'
              ? { tracked: await trackedByReference(db, step.reference) }
              : undefined
        return c.text(ussdReply(step, found, job, outcome))
      })
  )
}
