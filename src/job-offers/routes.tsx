import { randomBytes } from 'node:crypto'
import { type Context, Hono } from 'hono'
import QRCode from 'qrcode'
import { z } from 'zod'
import {
  NewOfferPage,
  OfferDecisionPage,
  OfferListPage,
  OfferPage,
} from '../../views/job-offers/offer-pages.js'
import { AdvertSlipPage } from '../../views/job-offers/slip.js'
import { agencyNamed } from '../agencies/queries.js'
import { agencyIdValidator } from '../agencies/routes.js'
import { conflictPage } from '../audit/conflict.js'
import { actorOf, requireRole } from '../auth/guard.js'
import { formatDate } from '../format.js'
import type { AppEnv } from '../http/env.js'
import { PageError } from '../http/problems.js'
import { pageContext, renderPage } from '../http/render.js'
import { emptyForm, paramOr404, parseForm, typedValues } from '../http/validation.js'
import { canWriteLicensing, LICENSING_READERS, LICENSING_WRITERS } from '../licensing/access.js'
import { todayInLesotho } from '../time.js'
import { formatOfferCode } from './code.js'
import type { JobOfferDecision } from './lifecycle.js'
import {
  decideOffer,
  OFFERS_PER_PAGE,
  offerDetails,
  offerList,
  recordOffer,
  standingOfOffer,
} from './queries.js'
import {
  approveOfferSchema,
  endOfferSchema,
  jobOfferSchema,
  offerIdParam,
  offerListQuery,
} from './schemas.js'

// The licensing office records an agency's vacancies from its submissions and decides them;
// an approved offer gets the code a worker checks (public-routes.tsx).

const readers = requireRole(...LICENSING_READERS)
const writers = requireRole(...LICENSING_WRITERS)
const offerIdValidator = paramOr404(offerIdParam, 'There is no job offer at this address.')
const newKey = () => randomBytes(18).toString('base64url')

const NOTICES: Record<string, string> = {
  recorded: 'The job offer has been recorded. It is awaiting decision.',
  approve: 'The job offer has been approved and given its public code.',
  refuse: 'The job offer has been refused.',
  withdraw: 'The job offer has been withdrawn. Its code now says so.',
}

async function loadOffer(c: Context<AppEnv>, id: string) {
  const details = await offerDetails(c.get('db'), id)
  if (!details) throw new PageError(404, 'There is no job offer at this address.')
  return details
}

async function loadAgency(c: Context<AppEnv>, id: string) {
  const agency = await agencyNamed(c.get('db'), id)
  if (!agency) throw new PageError(404, 'There is no agency at this address.')
  return agency
}

/** Takes a decision at the version the officer saw, then shows the offer (or why not: 409). */
async function decide(c: Context<AppEnv>, id: string, decision: JobOfferDecision) {
  const details = await loadOffer(c, id)
  const parsed = await parseForm(c, decision === 'approve' ? approveOfferSchema : endOfferSchema)
  if (!parsed.ok)
    return renderPage(
      c,
      <OfferDecisionPage ctx={pageContext(c)} details={details} decision={decision} form={parsed.form} />,
      422,
    )
  const reason = 'reason' in parsed.data ? (parsed.data.reason as string) : null
  const result = await c
    .get('db')
    .transaction()
    .execute((trx) =>
      decideOffer(trx, actorOf(c), {
        id,
        version: parsed.data.version,
        decision,
        reason,
        today: todayInLesotho(),
      }),
    )
  if (!result.ok)
    return conflictPage(c, {
      what: 'job offer',
      entity: 'job_offer',
      entityId: id,
      backHref: `/job-offers/${id}`,
      refusal: result.conflict ? undefined : result.reason,
    })
  return c.redirect(`/job-offers/${id}?done=${decision}`, 303)
}

/** Before approving: a licence not in force (approval is refused), or one that ends before the offer. */
function approvalWarning(
  offer: { licence_status: string | null; licence_expires_on: string | null; open_until: string },
  today: string,
): string | undefined {
  if (offer.licence_status !== 'active' || !offer.licence_expires_on || offer.licence_expires_on < today)
    return 'The agency’s licence is not in force: approval will be refused until it is.'
  if (offer.licence_expires_on < offer.open_until)
    return `The licence expires on ${formatDate(offer.licence_expires_on)}, before the offer’s last day: after that, anyone who checks the code is told the offer is not valid unless the licence is renewed.`
  return undefined
}

const decisionParam = paramOr404(
  z.object({ id: z.uuid(), decision: z.enum(['approve', 'refuse', 'withdraw']) }),
  'There is no job offer at this address.',
)

export const jobOfferRoutes = new Hono<AppEnv>()
  .get('/job-offers', readers, async (c) => {
    const parsed = offerListQuery.safeParse(c.req.query())
    const filters = parsed.success ? parsed.data : { status: undefined, page: 1 }
    const today = todayInLesotho()
    const listed = await offerList(c.get('db'), filters)
    const total = listed.total
    const rows = listed.rows.map((r) => ({ ...r, standing: standingOfOffer(r, today) }))
    return renderPage(
      c,
      <OfferListPage
        ctx={pageContext(c)}
        rows={rows}
        status={filters.status}
        paging={{ page: filters.page, perPage: OFFERS_PER_PAGE, total }}
        refused={!parsed.success}
      />,
      parsed.success ? 200 : 422,
    )
  })
  .get('/agencies/:id/job-offers/new', writers, agencyIdValidator, async (c) => {
    const agency = await loadAgency(c, c.req.valid('param').id)
    return renderPage(
      c,
      <NewOfferPage ctx={pageContext(c)} agency={agency} form={emptyForm({ submission_key: newKey() })} />,
    )
  })
  .post('/agencies/:id/job-offers', writers, agencyIdValidator, async (c) => {
    const agency = await loadAgency(c, c.req.valid('param').id)
    const parsed = await parseForm(c, jobOfferSchema)
    // An offer whose last day has passed is no vacancy: nothing to record.
    if (parsed.ok && parsed.data.open_until < todayInLesotho())
      return renderPage(
        c,
        <NewOfferPage
          ctx={pageContext(c)}
          agency={agency}
          form={{
            values: typedValues(parsed.body),
            errors: { open_until: 'The last day has passed: a closed offer cannot be recorded' },
          }}
        />,
        422,
      )
    if (!parsed.ok) {
      // A damaged key is replaced, so the form can still be sent once it is right.
      const key = parsed.form.values.submission_key
      if (typeof key !== 'string' || !/^[A-Za-z0-9_-]{16,64}$/.test(key))
        parsed.form.values.submission_key = newKey()
      return renderPage(c, <NewOfferPage ctx={pageContext(c)} agency={agency} form={parsed.form} />, 422)
    }
    const { id } = await c
      .get('db')
      .transaction()
      .execute((trx) => recordOffer(trx, actorOf(c), agency.id, parsed.data))
    return c.redirect(`/job-offers/${id}?done=recorded`, 303)
  })
  .get('/job-offers/:id', readers, offerIdValidator, async (c) => {
    const details = await loadOffer(c, c.req.valid('param').id)
    const done = c.req.query('done')
    return renderPage(
      c,
      <OfferPage
        ctx={pageContext(c)}
        details={details}
        canWrite={canWriteLicensing(c.get('user'))}
        notice={done ? NOTICES[done] : undefined}
        standing={standingOfOffer(details.offer, todayInLesotho())}
      />,
    )
  })
  // The printable slip: the offer's essentials, its code and a QR code that opens its public page.
  .get('/job-offers/:id/slip', writers, offerIdValidator, async (c) => {
    const details = await loadOffer(c, c.req.valid('param').id)
    const { offer } = details
    if (!offer.code || offer.status !== 'approved')
      throw new PageError(404, 'Only an approved offer has an advert slip.')
    const standing = standingOfOffer(offer, todayInLesotho())
    const base = c.get('config').PUBLIC_BASE_URL ?? new URL(c.req.url).origin
    const url = `${base}/jobs/${offer.code}`
    const qr = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
    return renderPage(
      c,
      <AdvertSlipPage
        ctx={pageContext(c)}
        details={details}
        url={url}
        code={formatOfferCode(offer.code)}
        qrSvg={qr}
        ussdCode={c.get('config').USSD_CODE}
        notValid={standing === 'open' || standing === 'not_yet_open' ? null : standing}
      />,
    )
  })
  .get('/job-offers/:id/:decision', writers, decisionParam, async (c) => {
    const { id, decision } = c.req.valid('param')
    const details = await loadOffer(c, id)
    return renderPage(
      c,
      <OfferDecisionPage
        ctx={pageContext(c)}
        details={details}
        decision={decision}
        form={emptyForm()}
        warning={approvalWarning(details.offer, todayInLesotho())}
      />,
    )
  })
  .post('/job-offers/:id/:decision', writers, decisionParam, (c) => {
    const { id, decision } = c.req.valid('param')
    return decide(c, id, decision)
  })
