import { randomBytes } from 'node:crypto'
import { zValidator } from '@hono/zod-validator'
import { Hono } from 'hono'
import { z } from 'zod'
import { ReportFormPage, ReportSentPage, TrackPage } from '../../views/complaints/report-pages.js'
import type { Config } from '../config.js'
import { focalPoints } from '../focal-points/queries.js'
import type { AppEnv } from '../http/env.js'
import { searchText } from '../http/fields.js'
import { PageError } from '../http/problems.js'
import { RateLimiter } from '../http/rate-limit.js'
import { renderPage } from '../http/render.js'
import { fieldErrors, formBody, typedValues } from '../http/validation.js'
import { languageOf, publicLanguage } from '../i18n/language.js'
import { otherLanguage } from '../i18n/messages.js'
import { formatOfferCode, readOfferCode } from '../job-offers/code.js'
import { licenceNumberIn } from '../licence-number.js'
import { publicContext } from '../public/context.js'
import { findPublicLicence } from '../public/queries.js'
import { todayInLesotho } from '../time.js'
import { trackComplaint } from './queries.js'
import { normaliseReference, trackedStatus } from './rules.js'
import { complaintCrossFieldErrors, complaintSchema, trackQuery } from './schemas.js'
import { storeReport } from './store-report.js'

// Reporting a recruiter: public, no sign-in, English and Sesotho. What is reported never
// comes back out through a public page: after sending, the reporter sees only the reference
// and, later, the status.

const newSubmissionKey = () => randomBytes(18).toString('base64url')

export function complaintPublicRoutes(config: Config) {
  // Stored reports per address and hour: a refused one (a typing mistake) does not count. Mobile
  // networks put many people behind one address, so the default is generous (README).
  const reports = new RateLimiter({ limit: config.COMPLAINTS_PER_HOUR, windowMs: 3_600_000 })

  return (
    new Hono<AppEnv>()
      .get(
        '/complaints/new',
        publicLanguage,
        zValidator(
          'query',
          z.object({ licence: searchText(40), name: searchText(200), job: searchText(20) }),
          (r, c) => {
            if (!r.success) return c.redirect('/complaints/new', 303)
          },
        ),
        async (c) => {
          const { licence, name, job } = c.req.valid('query')
          const number = licence ? licenceNumberIn(licence) : null
          const agency = number ? await findPublicLicence(c.get('db'), number, todayInLesotho()) : null
          return renderPage(
            c,
            <ReportFormPage
              pc={publicContext(c)}
              form={{
                values: {
                  recruiter_name: name,
                  job_offer_code: readOfferCode(job).ok ? formatOfferCode(job.replace(/\D/g, '')) : '',
                },
                errors: {},
              }}
              chosen={agency && number ? { name: agency.name, licenceNumber: number } : null}
              submissionKey={newSubmissionKey()}
            />,
          )
        },
      )
      // The form posts to its own address: a reload sends it again (the browser asks first) and
      // shows the same answer; nothing typed is kept on the device, which may be shared.
      .post('/complaints/new', publicLanguage, async (c) => {
        // The form again, in the other language, if the reader switches.
        const pc = {
          ...publicContext(c),
          otherLanguageHref: `/complaints/new?lang=${otherLanguage(languageOf(c))}`,
        }
        const body = await formBody(c)
        const today = todayInLesotho()
        const parsed = complaintSchema(pc.t, today).safeParse(body)
        const values = typedValues(body)
        const refuse = (errors: Record<string, string>, status: 422 | 429 = 422) => {
          const licence = typeof values.licence === 'string' ? values.licence : ''
          delete values.website
          return renderPage(
            c,
            <ReportFormPage
              pc={pc}
              form={{ values: { ...values, licence }, errors }}
              chosen={null}
              submissionKey={
                typeof values.submission_key === 'string' &&
                /^[A-Za-z0-9_-]{16,64}$/.test(values.submission_key)
                  ? values.submission_key
                  : newSubmissionKey()
              }
            />,
            status,
          )
        }
        const address = c.get('clientAddress')
        const limited = address ? reports.check(address) : { allowed: true as const }
        if (!limited.allowed) {
          c.header('Retry-After', String(limited.retryAfter))
          return refuse({ form: pc.t.complaint.tooMany }, 429)
        }
        const crossErrors = complaintCrossFieldErrors(values, pc.t)
        if (!parsed.success) return refuse({ ...crossErrors, ...fieldErrors(parsed.error) })
        if (Object.keys(crossErrors).length > 0) return refuse(crossErrors)
        const input = parsed.data
        if (input.website) {
          // A script filled the hidden field. A person who somehow did can simply send again.
          c.get('logger').warn({ reqId: c.get('requestId') }, 'complaint honeypot filled')
          return refuse({ description: pc.t.complaint.problem })
        }
        const licenceNumber = input.licence ? licenceNumberIn(input.licence) : null
        if (input.licence && !licenceNumber) return refuse({ licence: pc.t.verifyUnknownTitle })
        const stored = await storeReport(c.get('db'), { ...input, licenceNumber }, languageOf(c))
        if ('unknownLicence' in stored) return refuse({ licence: pc.t.verifyUnknownTitle })
        if (stored.created && address) reports.take(address)
        return c.redirect(`/complaints/sent/${stored.reference}`, 303)
      })
      .get('/complaints/sent/:reference', publicLanguage, async (c) => {
        const reference = normaliseReference(c.req.param('reference'))
        const found = reference ? await trackComplaint(c.get('db'), reference) : null
        if (!found) throw new PageError(404)
        c.header('Cache-Control', 'no-store')
        // Where to go in person: the offices of the district the report named, else the agency's.
        const district = found.district ?? found.agency_district
        const offices = district ? await focalPoints(c.get('db'), district) : []
        return renderPage(
          c,
          <ReportSentPage
            pc={publicContext(c)}
            reference={found.reference}
            offices={district ? { district, points: offices } : null}
          />,
        )
      })
      .get('/complaints/track', publicLanguage, zValidator('query', trackQuery), async (c) => {
        const typed = c.req.valid('query').ref.trim()
        const reference = typed ? normaliseReference(typed) : null
        const found = reference ? await trackComplaint(c.get('db'), reference) : null
        const pc = publicContext(c)
        // Check pressed with nothing typed: say what to type (a first visit has no ref at all).
        const empty = typed === '' && c.req.query('ref') !== undefined
        const error = empty
          ? pc.t.complaint.trackEmpty
          : typed !== '' && !found
            ? pc.t.complaint.trackNotFound
            : null
        return renderPage(
          c,
          <TrackPage
            pc={pc}
            reference={found?.reference ?? typed}
            status={found ? trackedStatus(found) : null}
            error={error}
          />,
          empty ? 422 : error ? 404 : 200,
        )
      })
  )
}
