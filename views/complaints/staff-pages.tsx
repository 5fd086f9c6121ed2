import type { ComplaintDetails, QueueRow } from '../../src/complaints/queries.js'
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_STATUSES,
  type ComplaintCategory,
  type ComplaintStatus,
} from '../../src/complaints/rules.js'
import { formatDate, formatDateTime } from '../../src/format.js'
import type { Paging } from '../../src/http/pagination.js'
import type { PageContext } from '../../src/http/render.js'
import type { FormState } from '../../src/http/validation.js'
import { formatOfferCode, readOfferCode } from '../../src/job-offers/code.js'
import { formatMoney } from '../../src/money.js'
import { type CaseOf, CasesOpenedFrom } from '../cases/cases-of.js'
import { sentenceOf } from '../components/code-words.js'
import { DataTable } from '../components/data-table.js'
import { FilterForm, RefusedFilters } from '../components/filter-form.js'
import {
  CheckboxesField,
  CsrfField,
  DISTRICT_OPTIONS,
  hasErrors,
  SelectField,
  TextAreaField,
  TextField,
} from '../components/forms.js'
import { LicenceNumber } from '../components/licence-number.js'
import { Pagination, WhenNoneMatch } from '../components/pagination.js'
import { Layout } from '../layout.js'
import { CATEGORY_LABELS, complaintEventLabel, OUTCOME_LABELS, STATUS_LABELS } from './labels.js'

const categoryList = (categories: readonly ComplaintCategory[]) =>
  categories.map((c) => CATEGORY_LABELS[c]).join(', ')

const FILTER_LABELS = {
  status: 'Status',
  category: 'What happened',
  district: 'District',
  registered: 'Recruiter',
  assigned: 'Assigned to',
  agency: 'Agency',
}

export function ComplaintResults(props: {
  rows: QueueRow[]
  paging: Paging
  filters: FormState
  counts: Partial<Record<ComplaintStatus, number>>
  notYetLinked: number
}) {
  if (hasErrors(props.filters))
    return <RefusedFilters resultsId="complaint-results" form={props.filters} labels={FILTER_LABELS} />
  return (
    <div id="complaint-results">
      <ul class="counts">
        {COMPLAINT_STATUSES.map((s) => (
          <li>
            {STATUS_LABELS[s]}: <strong>{props.counts[s] ?? 0}</strong>
          </li>
        ))}
        <li>
          Open and not yet linked to an agency or an unlicensed recruiter:{' '}
          <strong>{props.notYetLinked}</strong>
        </li>
      </ul>
      <p data-summary>
        {props.paging.total === 1
          ? '1 complaint matches'
          : `${props.paging.total.toLocaleString('en')} complaints match`}
      </p>
      {props.rows.length === 0 ? (
        <WhenNoneMatch paging={props.paging}>
          <p>No complaints match these filters.</p>
        </WhenNoneMatch>
      ) : (
        <DataTable
          caption="Complaints, newest first"
          headings={[
            'Reference',
            'Recruiter',
            'What happened',
            'District',
            'Status',
            'Assigned to',
            'Received',
          ]}
        >
          {props.rows.map((r) => (
            <tr>
              <td>
                <a href={`/complaints/${r.id}`}>{r.reference}</a>
              </td>
              <td>
                {r.agency_name ?? (
                  <>
                    {r.recruiter_name ?? 'Not named'} <span class="tag neutral">not linked to an agency</span>
                  </>
                )}
              </td>
              <td>{categoryList(r.categories)}</td>
              <td>{r.district ?? '—'}</td>
              <td>
                {STATUS_LABELS[r.status]}
                {r.outcome && `: ${OUTCOME_LABELS[r.outcome]}`}
                {r.police_case_number && ' · referred to police'}
              </td>
              <td>{r.assigned_name ?? 'Nobody'}</td>
              <td>{formatDate(r.created_at)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination paging={props.paging} baseUrl="/complaints" query={props.filters.values} />
    </div>
  )
}

export function ComplaintQueuePage(props: {
  ctx: PageContext
  rows: QueueRow[]
  paging: Paging
  filters: FormState
  counts: Partial<Record<ComplaintStatus, number>>
  notYetLinked: number
}) {
  const f = props.filters
  return (
    <Layout ctx={props.ctx} title="Complaints" hasErrors={hasErrors(f)}>
      <h1>Complaints</h1>
      <p>
        <a href="/unlicensed-recruiters">Reported unlicensed recruiters</a>
      </p>
      <FilterForm
        action="/complaints"
        resultsId="complaint-results"
        label="Filter complaints"
        button="Filter"
      >
        <SelectField
          form={f}
          name="status"
          label={FILTER_LABELS.status}
          blank="Any"
          options={[
            { value: 'open', label: 'Open (received or under review)' },
            ...COMPLAINT_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
          ]}
        />
        <SelectField
          form={f}
          name="category"
          label={FILTER_LABELS.category}
          blank="Any"
          options={COMPLAINT_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
        />
        <SelectField
          form={f}
          name="district"
          label={FILTER_LABELS.district}
          blank="Any"
          options={DISTRICT_OPTIONS}
        />
        <SelectField
          form={f}
          name="registered"
          label={FILTER_LABELS.registered}
          blank="Any"
          options={[
            { value: 'yes', label: 'Registered agency' },
            { value: 'no', label: 'Not linked to an agency' },
          ]}
        />
        <SelectField
          form={f}
          name="assigned"
          label={FILTER_LABELS.assigned}
          blank="Anyone"
          options={[
            { value: 'me', label: 'Me' },
            { value: 'nobody', label: 'Nobody yet' },
          ]}
        />
        {typeof f.values.agency === 'string' && <input type="hidden" name="agency" value={f.values.agency} />}
      </FilterForm>
      <ComplaintResults {...props} />
    </Layout>
  )
}

/** One step's form: a POST with the version the officer saw. */
function StepForm(props: {
  ctx: PageContext
  action: string
  version: number
  button: string
  secondary?: boolean
  children?: unknown
}) {
  return (
    <form method="post" action={props.action} class="step-form">
      <CsrfField token={props.ctx.csrfToken} />
      <input type="hidden" name="version" value={String(props.version)} />
      {props.children as never}
      <button type="submit" class={props.secondary ? 'secondary' : undefined}>
        {props.button}
      </button>
    </form>
  )
}

export interface ContactShown {
  contact_phone: string | null
  contact_email: string | null
  may_contact: boolean
  contact_language: string | null
}

export function ComplaintPage(props: {
  ctx: PageContext
  details: ComplaintDetails
  contact?: ContactShown | null
  /** A refused step's form, shown again under its heading. */
  step?: { name: 'link' | 'unlicensed' | 'decide' | 'refer' | 'note'; form: FormState }
  suggestions: { id: string; legal_name: string; licence_number: string | null }[]
  notice?: string
  /** The criminal cases the police opened from it (a referred complaint). */
  cases?: CaseOf[]
  canReadCases?: boolean
}) {
  const { ctx, details } = props
  const c = details.complaint
  const formFor = (name: NonNullable<typeof props.step>['name'], values: FormState['values'] = {}) =>
    props.step?.name === name ? props.step.form : { values, errors: {} }
  // As reported, until the officer's own refused values replace it.
  const unlicensedForm = formFor('unlicensed', {
    name: c.recruiter_name ?? '',
    place: c.recruiter_place ?? '',
    phone: c.recruiter_phone ?? '',
    district: c.district ?? '',
  })
  const open = c.status === 'received' || c.status === 'under_review'
  const linked = c.agency_id !== null || c.unlicensed_recruiter_id !== null
  return (
    <Layout ctx={ctx} title={`Complaint ${c.reference}`} hasErrors={Boolean(props.step)}>
      <p>
        <a href="/complaints">Back to complaints</a>
      </p>
      <h1>Complaint {c.reference}</h1>
      {props.notice && (
        <div class="notice success" role="status">
          <p>{props.notice}</p>
        </div>
      )}
      <p>
        <span class={`tag ${c.outcome === 'substantiated' ? 'bad' : 'neutral'}`}>
          {STATUS_LABELS[c.status]}
          {c.outcome && `: ${OUTCOME_LABELS[c.outcome]}`}
        </span>
        {c.police_case_number && <span class="tag warn"> Referred to police: {c.police_case_number}</span>}{' '}
        Assigned to {c.assigned_name ?? 'nobody'}. Received {formatDateTime(c.created_at)}, written in{' '}
        {c.language === 'st' ? 'Sesotho' : 'English'}.
      </p>
      {c.police_case_number && (
        <CasesOpenedFrom cases={props.cases ?? []} canRead={props.canReadCases ?? false} openHref={null} />
      )}

      <h2>What was reported</h2>
      <dl class="facts">
        <dt>Recruiter</dt>
        <dd>
          {c.agency_id ? (
            <a href={`/agencies/${c.agency_id}`}>
              {c.agency_name}{' '}
              {c.licence_number && (
                <>
                  (<LicenceNumber number={c.licence_number} />)
                </>
              )}
            </a>
          ) : c.unlicensed_name ? (
            <>
              {c.unlicensed_name} <a href="/unlicensed-recruiters">(reported unlicensed recruiter)</a>
            </>
          ) : (
            'Not linked yet'
          )}
        </dd>
        <dt>Name, place and phone as reported</dt>
        <dd>{[c.recruiter_name, c.recruiter_place, c.recruiter_phone].filter(Boolean).join(' · ') || '—'}</dd>
        <dt>What happened</dt>
        <dd>{categoryList(c.categories)}</dd>
        {/* The USSD question is "how much did they ask or take"; the web form asks what was paid. */}
        <dt>{c.channel === 'ussd' ? 'Asked or taken' : 'Paid'}</dt>
        <dd>
          {c.fee_amount_minor !== null && !c.fee_currency
            ? `${formatMoney(c.fee_amount_minor, null)} (currency not said)`
            : (formatMoney(c.fee_amount_minor, c.fee_currency) ?? 'Nothing reported')}
        </dd>
        <dt>When and where</dt>
        <dd>
          {c.happened_on ? formatDate(c.happened_on) : 'Date not given'} ·{' '}
          {c.district ?? (c.outside_lesotho ? 'outside Lesotho' : 'district not given')}
        </dd>
        {c.channel === 'ussd' && (
          <>
            <dt>Sent</dt>
            <dd>By phone (USSD): the reporter answered numbered questions</dd>
          </>
        )}
        <dt>Promised</dt>
        <dd>
          {[c.promised_job, c.promised_employer, c.promised_country].filter(Boolean).join(' · ') || '—'}
        </dd>
        {c.job_offer_code && (
          <>
            <dt>Job offer code on the advert</dt>
            <dd>
              {formatOfferCode(c.job_offer_code)}:{' '}
              {c.job_offer_id ? (
                <a href={`/job-offers/${c.job_offer_id}`}>the job offer it names</a>
              ) : readOfferCode(c.job_offer_code).ok ? (
                'no job offer has this code (the advert may be fake)'
              ) : (
                'its check digit does not match: probably mistyped, or a made-up code'
              )}
            </dd>
          </>
        )}
        <dt>In their words</dt>
        <dd class="prose">{c.description}</dd>
        <dt>Contact</dt>
        <dd>
          {!c.has_contact ? (
            'Anonymous: no contact given.'
          ) : props.contact ? (
            <>
              {[props.contact.contact_phone, props.contact.contact_email].filter(Boolean).join(' · ')}.{' '}
              {props.contact.may_contact ? 'May be contacted' : 'Did not agree to be contacted'}
              {props.contact.contact_language &&
                `, in ${props.contact.contact_language === 'st' ? 'Sesotho' : 'English'}`}
              .
            </>
          ) : (
            <form method="post" action={`/complaints/${c.id}/contact`}>
              <CsrfField token={ctx.csrfToken} />
              <button type="submit" class="secondary">
                Show contact
              </button>{' '}
              <span class="hint">Showing it is recorded in the audit log.</span>
            </form>
          )}
        </dd>
      </dl>

      {c.outcome && (
        <>
          <h2>Decision</h2>
          <dl class="facts">
            <dt>Outcome</dt>
            <dd>
              {sentenceOf(OUTCOME_LABELS[c.outcome])}
              {c.outcome === 'substantiated' &&
                `: ${categoryList(c.proven_categories)} (${c.demerit_points} points)`}
            </dd>
            <dt>{c.outcome === 'substantiated' ? 'Finding' : 'Reason'}</dt>
            <dd class="prose">{c.finding}</dd>
            <dt>Decided</dt>
            <dd>
              {c.decided_at && formatDateTime(c.decided_at)} by {c.decided_by_name ?? 'unknown'}
            </dd>
          </dl>
        </>
      )}

      {c.status !== 'closed' && (
        <>
          <h2>Act on it</h2>
          {c.assigned_to !== ctx.user?.id && (
            <StepForm
              ctx={ctx}
              action={`/complaints/${c.id}/assign`}
              version={c.version}
              button="Assign to me"
            />
          )}
          {!linked && (
            <>
              <h3>Link to a registered agency</h3>
              {props.suggestions.length > 0 && (
                <ul class="suggestions">
                  {props.suggestions.map((s) => (
                    <li>
                      <StepForm
                        ctx={ctx}
                        action={`/complaints/${c.id}/link`}
                        version={c.version}
                        button={`Link to ${s.legal_name}${s.licence_number ? ` (${s.licence_number})` : ''}`}
                        secondary
                      >
                        <input type="hidden" name="agency_id" value={s.id} />
                      </StepForm>
                    </li>
                  ))}
                </ul>
              )}
              <StepForm ctx={ctx} action={`/complaints/${c.id}/link`} version={c.version} button="Link">
                <TextField
                  form={formFor('link')}
                  name="agency"
                  label="Licence number, registration number or name"
                  hint="For example LRA-2026-00042, 2013/000032 or the agency's name as registered"
                />
              </StepForm>
              <h3>Or record as an unlicensed recruiter</h3>
              <StepForm
                ctx={ctx}
                action={`/complaints/${c.id}/unlicensed`}
                version={c.version}
                button="Record in the unlicensed recruiters list"
              >
                <TextField form={unlicensedForm} name="name" label="Name the recruiter uses" />
                <TextField form={unlicensedForm} name="place" label="Place" optional />
                <TextField form={unlicensedForm} name="phone" label="Phone" optional />
                <SelectField
                  form={unlicensedForm}
                  name="district"
                  label="District"
                  blank="Not known"
                  options={DISTRICT_OPTIONS}
                  optional
                />
              </StepForm>
            </>
          )}
          {open && (
            <>
              <h3>Decide</h3>
              <StepForm
                ctx={ctx}
                action={`/complaints/${c.id}/decide`}
                version={c.version}
                button="Record the decision"
              >
                <SelectField
                  form={formFor('decide')}
                  name="outcome"
                  label="Outcome"
                  blank="Choose"
                  options={[
                    { value: 'substantiated', label: 'Substantiated' },
                    { value: 'unsubstantiated', label: 'Unsubstantiated' },
                  ]}
                />
                <CheckboxesField
                  form={formFor('decide')}
                  name="proven"
                  label="What was proven"
                  hint="Needed when substantiated; leave empty when unsubstantiated. Proven fees raise the public fee flag; deception, contract substitution or retained documents raise the fraud flag."
                  options={COMPLAINT_CATEGORIES.map((v) => ({ value: v, label: CATEGORY_LABELS[v] }))}
                />
                <TextAreaField
                  form={formFor('decide')}
                  name="finding"
                  label="Finding, or the reason it is unsubstantiated"
                />
              </StepForm>
            </>
          )}
          {!c.police_case_number && (
            <>
              <h3>Refer to the police</h3>
              <StepForm
                ctx={ctx}
                action={`/complaints/${c.id}/refer`}
                version={c.version}
                button="Record the referral"
              >
                <TextField form={formFor('refer')} name="police_case_number" label="Police case number" />
              </StepForm>
            </>
          )}
          <h3>Add a note</h3>
          <StepForm ctx={ctx} action={`/complaints/${c.id}/notes`} version={c.version} button="Add note">
            <TextAreaField
              form={formFor('note')}
              name="note"
              label="Note"
              hint="Seen by licensing officers only."
            />
          </StepForm>
          {c.status === 'decided' && (
            <StepForm
              ctx={ctx}
              action={`/complaints/${c.id}/close`}
              version={c.version}
              button="Close the complaint"
              secondary
            />
          )}
        </>
      )}

      <h2>History</h2>
      {details.events.length === 0 ? (
        <p>Nothing has been done yet.</p>
      ) : (
        <DataTable
          caption="History of this complaint, newest first"
          headings={['When', 'What', 'Status', 'Note', 'Who']}
        >
          {details.events.map((e) => (
            <tr>
              <td>{formatDateTime(e.created_at)}</td>
              <td>{complaintEventLabel(e.event)}</td>
              <td>
                {e.from_status === e.to_status
                  ? STATUS_LABELS[e.to_status as ComplaintStatus]
                  : `${STATUS_LABELS[e.from_status as ComplaintStatus]} → ${STATUS_LABELS[e.to_status as ComplaintStatus]}`}
              </td>
              <td class="prose">{e.detail ?? ''}</td>
              <td>{e.actor_label}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </Layout>
  )
}

export function UnlicensedRecruitersPage(props: {
  ctx: PageContext
  rows: {
    id: string
    name: string
    place: string | null
    phone: string | null
    district: string | null
    reports: number
    last_report: Date | null
  }[]
  paging: Paging
}) {
  return (
    <Layout ctx={props.ctx} title="Reported unlicensed recruiters">
      <h1>Reported unlicensed recruiters</h1>
      <p>
        People and businesses reported as recruiting without a licence, most reported first, for police
        follow-up.
      </p>
      {props.rows.length === 0 ? (
        <p>No unlicensed recruiter has been recorded yet. They are recorded from a complaint's page.</p>
      ) : (
        <DataTable
          caption="Reported unlicensed recruiters, most reported first"
          headings={['Name', 'Place', 'Phone', 'District', 'Reports', 'Last report']}
        >
          {props.rows.map((r) => (
            <tr>
              <td>{r.name}</td>
              <td>{r.place ?? '—'}</td>
              <td>{r.phone ?? '—'}</td>
              <td>{r.district ?? '—'}</td>
              <td>{r.reports}</td>
              <td>{r.last_report ? formatDate(r.last_report) : '—'}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination paging={props.paging} baseUrl="/unlicensed-recruiters" query={{}} />
    </Layout>
  )
}
