import { COUNTRY_OPTIONS, countryName } from '../../src/agencies/countries.js'
import { formatDate, formatDateTime } from '../../src/format.js'
import type { PageContext } from '../../src/http/render.js'
import type { FormState } from '../../src/http/validation.js'
import { formatOfferCode } from '../../src/job-offers/code.js'
import {
  allowedOfferDecisions,
  COSTS_PAID_BY_CHOICES,
  type JobOfferDecision,
  type JobOfferStatus,
  type OfferStanding,
} from '../../src/job-offers/lifecycle.js'
import type { OfferDetails } from '../../src/job-offers/queries.js'
import { CURRENCIES, formatMoney } from '../../src/money.js'
import { SECTOR_LABELS } from '../../src/vocabulary.js'
import { STATUS_LABELS as COMPLAINT_STATUS_LABELS } from '../complaints/labels.js'
import { DataTable } from '../components/data-table.js'
import {
  CsrfField,
  ErrorSummary,
  hasErrors,
  SECTOR_OPTIONS,
  SelectField,
  TextAreaField,
  TextField,
} from '../components/forms.js'
import { Pagination, WhenNoneMatch } from '../components/pagination.js'
import { Layout } from '../layout.js'
import {
  DECISION_WORDS,
  OFFER_FIELD_LABELS,
  OFFER_STATUS_LABELS,
  PAID_BY_LABELS,
  staffOfferStatus,
} from './labels.js'

const PAID_BY_OPTIONS = COSTS_PAID_BY_CHOICES.map((v) => ({ value: v, label: PAID_BY_LABELS[v] }))
const CURRENCY_OPTIONS = CURRENCIES.map((c) => ({
  value: c,
  label: c === 'LSL' ? 'Maloti (LSL)' : 'Rand (ZAR)',
}))

/** The code as staff and the public see it, or why there is none yet. */
export function OfferCode(props: { code: string | null; status: JobOfferStatus }) {
  if (props.code) return <span class="offer-code">{formatOfferCode(props.code)}</span>
  return <span class="muted">{props.status === 'refused' ? 'None (refused)' : 'Given at approval'}</span>
}

/** Recording a vacancy from the agency's submission. */
export function NewOfferPage(props: {
  ctx: PageContext
  agency: { id: string; legal_name: string }
  form: FormState
}) {
  const { form } = props
  return (
    <Layout
      ctx={props.ctx}
      title={`Record a job offer: ${props.agency.legal_name}`}
      hasErrors={hasErrors(form)}
    >
      <ErrorSummary form={form} labels={OFFER_FIELD_LABELS} />
      <p>
        <a href={`/agencies/${props.agency.id}`}>Back to {props.agency.legal_name}</a>
      </p>
      <h1>Record a job offer from {props.agency.legal_name}</h1>
      <p>
        Copy the vacancy from the agency’s submission and the contract or demand letter it rests on. It is
        recorded as awaiting decision; it gets its public code when it is approved.
      </p>
      <form method="post" action={`/agencies/${props.agency.id}/job-offers`} novalidate>
        <CsrfField token={props.ctx.csrfToken} />
        <input type="hidden" name="submission_key" value={String(form.values.submission_key ?? '')} />
        <fieldset class="field">
          <legend>The employer</legend>
          <TextField form={form} name="employer_name" label={OFFER_FIELD_LABELS.employer_name!} />
          <SelectField
            form={form}
            name="employer_country"
            label={OFFER_FIELD_LABELS.employer_country!}
            options={[
              { value: 'LS', label: countryName('LS') },
              ...COUNTRY_OPTIONS.filter((o) => o.value !== 'LS'),
            ]}
            blank="Choose a country"
          />
          <TextField
            form={form}
            name="employer_place"
            label={OFFER_FIELD_LABELS.employer_place!}
            hint="For example: Ficksburg, Free State; or Maputsoe"
          />
        </fieldset>
        <fieldset class="field">
          <legend>The job</legend>
          <TextField form={form} name="position" label={OFFER_FIELD_LABELS.position!} />
          <SelectField
            form={form}
            name="sector"
            label={OFFER_FIELD_LABELS.sector!}
            options={SECTOR_OPTIONS}
            blank="Choose a sector"
          />
          <TextField
            form={form}
            name="workers_wanted"
            label={OFFER_FIELD_LABELS.workers_wanted!}
            inputmode="numeric"
          />
          <TextField
            form={form}
            name="wage"
            label={OFFER_FIELD_LABELS.wage!}
            hint="Before deductions, for example 4,500"
            inputmode="decimal"
          />
          <SelectField
            form={form}
            name="wage_currency"
            label={OFFER_FIELD_LABELS.wage_currency!}
            options={CURRENCY_OPTIONS}
            blank="Choose a currency"
          />
          <TextField
            form={form}
            name="contract_months"
            label={OFFER_FIELD_LABELS.contract_months!}
            inputmode="numeric"
          />
          <TextField
            form={form}
            name="hours_per_week"
            label={OFFER_FIELD_LABELS.hours_per_week!}
            inputmode="numeric"
          />
          <TextAreaField
            form={form}
            name="accommodation"
            label={OFFER_FIELD_LABELS.accommodation!}
            hint="For example: hostel on the farm, free of charge"
            rows={2}
          />
        </fieldset>
        <fieldset class="field">
          <legend>Costs</legend>
          <span class="hint">
            The worker pays nothing to get the job. An offer that makes the worker pay recruitment or travel
            costs is refused.
          </span>
          <SelectField
            form={form}
            name="recruitment_costs_paid_by"
            label={OFFER_FIELD_LABELS.recruitment_costs_paid_by!}
            options={PAID_BY_OPTIONS}
            blank="Choose who pays"
          />
          <SelectField
            form={form}
            name="travel_costs_paid_by"
            label={OFFER_FIELD_LABELS.travel_costs_paid_by!}
            options={PAID_BY_OPTIONS}
            blank="Choose who pays"
          />
        </fieldset>
        <fieldset class="field">
          <legend>Dates and papers</legend>
          <TextField form={form} name="open_from" label={OFFER_FIELD_LABELS.open_from!} type="date" />
          <TextField
            form={form}
            name="open_until"
            label={OFFER_FIELD_LABELS.open_until!}
            hint="After this day, a worker who checks the code is told the offer has closed."
            type="date"
          />
          <TextField form={form} name="contract_reference" label={OFFER_FIELD_LABELS.contract_reference!} />
        </fieldset>
        <div class="actions">
          <button type="submit">Record job offer</button>
          <a href={`/agencies/${props.agency.id}`}>Cancel</a>
        </div>
      </form>
    </Layout>
  )
}

const EVENT_WORDS: Record<string, string> = {
  recorded: 'Recorded from the agency’s submission',
  approved: 'Approved',
  refused: 'Refused',
  withdrawn: 'Withdrawn',
}

/** One offer as the licensing office sees it: the facts, its code, decisions, history, reports. */
export function OfferPage(props: {
  ctx: PageContext
  details: OfferDetails
  canWrite: boolean
  notice?: string | undefined
  standing: OfferStanding | null
}) {
  const { offer, events, complaints } = props.details
  const validNow = props.standing === 'open' || props.standing === 'not_yet_open'
  const decisions = props.canWrite ? allowedOfferDecisions(offer.status) : []
  return (
    <Layout ctx={props.ctx} title={`Job offer: ${offer.position}, ${offer.employer_name}`}>
      <p>
        <a href={`/agencies/${offer.agency_id}`}>Back to {offer.agency_name}</a>
      </p>
      {props.notice && (
        <p class="notice success" role="status">
          {props.notice}
        </p>
      )}
      <h1>
        {offer.position}, {offer.employer_name}
      </h1>
      <dl class="summary">
        <dt>Status</dt>
        <dd>
          <strong>{staffOfferStatus(offer.status, props.standing)}</strong>
        </dd>
        <dt>Public code</dt>
        <dd>
          <OfferCode code={offer.code} status={offer.status} />
        </dd>
        <dt>Agency</dt>
        <dd>
          <a href={`/agencies/${offer.agency_id}`}>{offer.agency_name}</a>
          {offer.licence_number && ` (${offer.licence_number})`}
        </dd>
      </dl>
      {offer.code && offer.status === 'approved' && !validNow && (
        <p class="notice warning">
          Anyone who checks its code is told it is not valid now
          {props.standing === 'closed'
            ? ': its last day has passed.'
            : ': the agency’s licence is not in force.'}{' '}
          <a href={`/jobs/${offer.code}`}>Open the public page</a>
        </p>
      )}
      {offer.code && offer.status === 'approved' && validNow && (
        <p>
          <a href={`/job-offers/${offer.id}/slip`}>Print the advert slip with its code and QR code</a> ·{' '}
          <a href={`/jobs/${offer.code}`}>Open the public page</a>
        </p>
      )}
      {decisions.length > 0 && (
        <div class="actions">
          {decisions.map((d) => (
            <a class={d === 'approve' ? 'button' : 'button secondary'} href={`/job-offers/${offer.id}/${d}`}>
              {d === 'approve' ? 'Approve' : d === 'refuse' ? 'Refuse' : 'Withdraw'}
            </a>
          ))}
        </div>
      )}

      <h2>The offer</h2>
      <dl class="facts">
        <dt>{OFFER_FIELD_LABELS.employer_name}</dt>
        <dd>{offer.employer_name}</dd>
        <dt>Place</dt>
        <dd>
          {offer.employer_place}, {countryName(offer.employer_country)}
        </dd>
        <dt>{OFFER_FIELD_LABELS.sector}</dt>
        <dd>{SECTOR_LABELS[offer.sector]}</dd>
        <dt>{OFFER_FIELD_LABELS.workers_wanted}</dt>
        <dd>{offer.workers_wanted}</dd>
        <dt>{OFFER_FIELD_LABELS.wage}</dt>
        <dd>{formatMoney(offer.wage_minor, offer.wage_currency)}</dd>
        <dt>Contract</dt>
        <dd>
          {offer.contract_months} months, {offer.hours_per_week} hours a week
        </dd>
        <dt>{OFFER_FIELD_LABELS.accommodation}</dt>
        <dd>{offer.accommodation}</dd>
        <dt>Recruitment costs paid by</dt>
        <dd>{PAID_BY_LABELS[offer.recruitment_costs_paid_by]}</dd>
        <dt>Travel costs paid by</dt>
        <dd>{PAID_BY_LABELS[offer.travel_costs_paid_by]}</dd>
        <dt>Open</dt>
        <dd>
          {formatDate(offer.open_from)} to {formatDate(offer.open_until)}
        </dd>
        <dt>{OFFER_FIELD_LABELS.contract_reference}</dt>
        <dd>{offer.contract_reference}</dd>
      </dl>

      <h2>Reports that name this offer</h2>
      {complaints.length === 0 ? (
        <p class="muted">No report has named this offer’s code.</p>
      ) : (
        <DataTable caption="Reports that name this offer" headings={['Reference', 'Received', 'Status']}>
          {complaints.map((c) => (
            <tr>
              <td>
                <a href={`/complaints/${c.id}`}>{c.reference}</a>
              </td>
              <td>{formatDateTime(c.created_at)}</td>
              <td>{COMPLAINT_STATUS_LABELS[c.status]}</td>
            </tr>
          ))}
        </DataTable>
      )}

      <h2>History</h2>
      <DataTable caption="History of this offer" headings={['When', 'What', 'Who', 'Reason']}>
        {events.map((e) => (
          <tr>
            <td>{formatDateTime(e.at)}</td>
            <td>{EVENT_WORDS[e.event] ?? e.event}</td>
            <td>{e.actor_label}</td>
            <td>{e.reason ?? '–'}</td>
          </tr>
        ))}
      </DataTable>
    </Layout>
  )
}

/** Approve, refuse or withdraw: what follows, and a reason where the decision ends the offer. */
export function OfferDecisionPage(props: {
  ctx: PageContext
  details: OfferDetails
  decision: JobOfferDecision
  form: FormState
  /** What the officer should know before approving (the licence not in force, or ending first). */
  warning?: string | undefined
}) {
  const { offer } = props.details
  const words =
    props.decision === 'withdraw' && !offer.code
      ? {
          ...DECISION_WORDS.withdraw,
          consequence: 'This cannot be undone. The offer was never approved, so it has no code to check.',
        }
      : DECISION_WORDS[props.decision]
  return (
    <Layout ctx={props.ctx} title={`${words.title}: ${offer.position}`} hasErrors={hasErrors(props.form)}>
      <ErrorSummary form={props.form} labels={OFFER_FIELD_LABELS} />
      <h1>
        {words.title}: {offer.position}, {offer.employer_name} ({offer.agency_name})?
      </h1>
      <p>{words.consequence}</p>
      {props.decision === 'approve' && props.warning && <p class="notice warning">{props.warning}</p>}
      <form method="post" action={`/job-offers/${offer.id}/${props.decision}`} novalidate>
        <CsrfField token={props.ctx.csrfToken} />
        <input type="hidden" name="version" value={String(offer.version)} />
        {props.decision !== 'approve' && (
          <TextAreaField
            form={props.form}
            name="reason"
            label="Reason"
            hint="Kept in the offer’s history and the audit log. Not shown to the public."
            rows={3}
          />
        )}
        <div class="actions">
          <button type="submit" class={props.decision === 'approve' ? undefined : 'danger'}>
            {words.button}
          </button>
          <a href={`/job-offers/${offer.id}`}>Cancel</a>
        </div>
      </form>
    </Layout>
  )
}

export interface OfferRow {
  id: string
  code: string | null
  status: JobOfferStatus
  position: string
  employer_name: string
  open_until: string
  agency_name?: string
  /** Whether an approved offer is valid today, as the public is told. */
  standing: OfferStanding | null
}

/** Offers in a table: an agency's on its page, all of them on /job-offers. */
export function OffersTable(props: { rows: OfferRow[]; caption: string; withAgency?: boolean }) {
  const headings = [
    'Position',
    'Employer',
    ...(props.withAgency ? ['Agency'] : []),
    'Status',
    'Code',
    'Open until',
  ]
  return (
    <DataTable caption={props.caption} headings={headings}>
      {props.rows.map((o) => (
        <tr>
          <td>
            <a href={`/job-offers/${o.id}`}>{o.position}</a>
          </td>
          <td>{o.employer_name}</td>
          {props.withAgency && <td>{o.agency_name}</td>}
          <td>{staffOfferStatus(o.status, o.standing)}</td>
          <td>
            <OfferCode code={o.code} status={o.status} />
          </td>
          <td>{formatDate(o.open_until)}</td>
        </tr>
      ))}
    </DataTable>
  )
}

/** The job offers section of an agency's page. */
export function AgencyOffers(props: { agencyId: string; rows: OfferRow[]; canWrite: boolean }) {
  return (
    <>
      <h2>Job offers</h2>
      {props.rows.length === 0 ? (
        <p class="muted">No job offer has been recorded for this agency.</p>
      ) : (
        <OffersTable rows={props.rows} caption="Job offers of this agency" />
      )}
      {props.canWrite && (
        <p>
          <a href={`/agencies/${props.agencyId}/job-offers/new`}>Record a job offer</a>
        </p>
      )}
    </>
  )
}

/** All offers, those awaiting a decision first. */
export function OfferListPage(props: {
  ctx: PageContext
  rows: OfferRow[]
  paging: { page: number; perPage: number; total: number }
  status: JobOfferStatus | undefined
  /** The status asked for is not one of the list: nothing is listed under it. */
  refused?: boolean
}) {
  return (
    <Layout ctx={props.ctx} title="Job offers">
      <h1>Job offers</h1>
      <p>
        Offers are recorded from an agency’s page. Those awaiting a decision come first.{' '}
        {(['submitted', 'approved', 'refused', 'withdrawn'] as const).map((s) => (
          <>
            <a href={`/job-offers?status=${s}`} aria-current={props.status === s ? 'true' : undefined}>
              {OFFER_STATUS_LABELS[s]}
            </a>{' '}
            ·{' '}
          </>
        ))}
        <a href="/job-offers">All</a>
      </p>
      {props.refused ? (
        <p class="error-message" role="alert">
          That is not a status of job offers. Choose one of the statuses above, or All.
        </p>
      ) : props.rows.length === 0 ? (
        <WhenNoneMatch paging={props.paging}>
          <p class="muted">No job offer matches.</p>
        </WhenNoneMatch>
      ) : (
        <OffersTable rows={props.rows} caption="Job offers" withAgency />
      )}
      {!props.refused && (
        <Pagination paging={props.paging} baseUrl="/job-offers" query={{ status: props.status }} />
      )}
    </Layout>
  )
}
