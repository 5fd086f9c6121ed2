import { zValidator } from '@hono/zod-validator'
import { type Context, Hono } from 'hono'
import { cors } from 'hono/cors'
import { z } from 'zod'
import { JobCheckPage, JobOfferPage, JobUnknownPage } from '../../views/public/job.js'
import { TooManyRequestsPage } from '../../views/public/report.js'
import { countryName } from '../agencies/countries.js'
import type { Config } from '../config.js'
import { sendJson } from '../http/compression.js'
import { sendCsv } from '../http/csv.js'
import type { AppEnv } from '../http/env.js'
import { searchText } from '../http/fields.js'
import { keptResponses } from '../http/kept-responses.js'
import { RateLimiter, rateLimited } from '../http/rate-limit.js'
import { renderPage } from '../http/render.js'
import { publicLanguage } from '../i18n/language.js'
import { messagesFor } from '../i18n/messages.js'
import { publicContext } from '../public/context.js'
import { todayInLesotho } from '../time.js'
import { formatOfferCode, readOfferCode } from './code.js'
import { offerStanding } from './lifecycle.js'
import { findPublicOffer, openOffers, type PublicOffer } from './queries.js'

// "Is this job real?": the public side of job offers, in English and Sesotho, light and without
// JavaScript like the other public pages; the same answer as JSON and CSV. Only public fields
// leave through here: never the contract reference, the costs' wording or who recorded it.

// Whatever was typed is read, and shown back shortened.
const codeParam = z.object({ code: searchText(20_000).transform((s) => s.slice(0, 20)) })
const codeQuery = z.object({ code: searchText(20_000).transform((s) => s.slice(0, 20)) })

/** The public fields of an offer as the API and CSV give them. */
function apiOffer(offer: PublicOffer, today: string) {
  const en = messagesFor('en')
  const standing = offerStanding(offer, offer.agency.standing, today)
  return {
    code: formatOfferCode(offer.code),
    valid_now: standing === 'open',
    status: standing,
    status_text: en.jobs.standing[standing],
    position: offer.position,
    sector: offer.sector,
    employer: offer.employer_name,
    country: offer.employer_country,
    country_name: countryName(offer.employer_country),
    place: offer.employer_place,
    workers_wanted: offer.workers_wanted,
    wage_per_month: { amount_minor: offer.wage_minor, currency: offer.wage_currency },
    contract_months: offer.contract_months,
    hours_per_week: offer.hours_per_week,
    accommodation: offer.accommodation,
    open_from: offer.open_from,
    open_until: offer.open_until,
    worker_pays_nothing: true,
    agency: {
      name: offer.agency.name,
      licence_number: offer.agency.licence_number,
      status: offer.agency.standing,
      status_text: en.standing[offer.agency.standing],
      warnings: offer.agency.warnings,
    },
  }
}

export function jobOfferPublicRoutes(config: Config) {
  const lookups = new RateLimiter({ limit: config.PUBLIC_LOOKUPS_PER_MINUTE, windowMs: 60_000 })
  const downloads = new RateLimiter({ limit: config.REGISTER_DOWNLOADS_PER_HOUR, windowMs: 3_600_000 })
  const byAddress = (c: Context<AppEnv>) => c.get('clientAddress')
  const pageLimit = rateLimited(lookups, byAddress, (c) =>
    renderPage(c, <TooManyRequestsPage pc={publicContext(c)} />, 429),
  )
  const apiLimit = rateLimited(lookups, byAddress, (c) =>
    c.json({ error: 'Too many requests. Wait a minute, then try again.' }, 429),
  )
  const kept = keptResponses()

  /** The page for a code as typed: the offer, a typing mistake, or no such offer. */
  async function jobPage(c: Context<AppEnv>, typed: string) {
    const pc = publicContext(c)
    const now = new Date()
    const read = readOfferCode(typed)
    if (!read.ok)
      return renderPage(c, <JobUnknownPage pc={pc} typed={typed} problem={read.problem} now={now} />, 404)
    const today = todayInLesotho(now)
    const offer = await findPublicOffer(c.get('db'), read.code, today)
    if (!offer)
      return renderPage(c, <JobUnknownPage pc={pc} typed={read.code} problem="unknown" now={now} />, 404)
    const standing = offerStanding(offer, offer.agency.standing, today)
    return renderPage(c, <JobOfferPage pc={pc} offer={offer} standing={standing} now={now} />)
  }

  return (
    new Hono<AppEnv>()
      // The form; a code typed into it goes to the offer's own address (the one its QR code opens).
      .get('/jobs', publicLanguage, pageLimit, zValidator('query', codeQuery), async (c) => {
        const typed = c.req.valid('query').code
        const pc = publicContext(c)
        // Check pressed with nothing typed: say what to type (a first visit has no code at all).
        if (!typed)
          return c.req.query('code') === undefined
            ? renderPage(c, <JobCheckPage pc={pc} />)
            : renderPage(c, <JobCheckPage pc={pc} code="" error={pc.t.jobs.notACode} />, 422)
        const read = readOfferCode(typed)
        if (read.ok) {
          const lang = c.req.query('lang')
          return c.redirect(`/jobs/${read.code}${lang ? `?lang=${encodeURIComponent(lang)}` : ''}`, 303)
        }
        if (read.problem === 'mistyped') return jobPage(c, typed)
        return renderPage(c, <JobCheckPage pc={pc} code={typed} error={pc.t.jobs.notACode} />, 422)
      })
      .get('/jobs/:code', publicLanguage, pageLimit, kept, zValidator('param', codeParam), (c) =>
        jobPage(c, c.req.valid('param').code),
      )
      .use('/api/v1/job-offers/*', cors({ origin: '*', allowMethods: ['GET'], credentials: false }))
      .get('/api/v1/job-offers/:code', apiLimit, zValidator('param', codeParam), async (c) => {
        c.header('Cache-Control', 'no-store')
        const read = readOfferCode(c.req.valid('param').code)
        const today = todayInLesotho()
        const offer = read.ok ? await findPublicOffer(c.get('db'), read.code, today) : null
        if (!offer)
          return c.json(
            {
              error: read.ok
                ? 'No approved job offer has this code. The advert may be fake: do not pay anyone.'
                : read.problem === 'mistyped'
                  ? 'This code has a typing mistake: one digit is wrong or two are swapped.'
                  : 'This is not a job offer code: a code has eight digits, for example 4821-5533.',
            },
            404,
          )
        return sendJson(c, { ...apiOffer(offer, today), checked_at: new Date().toISOString() })
      })
      .get(
        '/job-offers.csv',
        rateLimited(downloads, byAddress, (c) => c.text('Too many downloads. Try again in an hour.', 429)),
        async (c) => {
          const today = todayInLesotho()
          const rows = await openOffers(c.get('db'), today)
          async function* batches() {
            yield rows.map((o) => [
              formatOfferCode(o.code!),
              o.position,
              o.sector,
              o.employer_name,
              o.employer_country,
              o.employer_place,
              o.workers_wanted,
              (o.wage_minor / 100).toFixed(2),
              o.wage_currency,
              o.contract_months,
              o.open_from,
              o.open_until,
              o.agency_name,
              o.licence_number,
            ])
          }
          return sendCsv(
            c,
            `open-job-offers-${today}.csv`,
            [
              'code',
              'position',
              'sector',
              'employer',
              'country',
              'place',
              'workers_wanted',
              'wage_per_month',
              'currency',
              'contract_months',
              'open_from',
              'open_until',
              'agency',
              'licence_number',
            ],
            batches(),
          )
        },
      )
  )
}
