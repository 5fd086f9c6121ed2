import type { Child } from 'hono/jsx'
import { countryName } from '../../src/agencies/countries.js'
import type { AgencyDetails } from '../../src/agencies/queries.js'
import { formatDate, formatDateTime } from '../../src/format.js'
import type { PageContext } from '../../src/http/render.js'
import type { FormState } from '../../src/http/validation.js'
import { canReadIdNumbers } from '../../src/licensing/access.js'
import {
  allowedLicenceActions,
  applicationKindFor,
  DIRECT_LICENCE_ACTIONS,
  type DirectLicenceAction,
  standing,
} from '../../src/licensing/lifecycle.js'
import { SECTOR_LABELS } from '../../src/vocabulary.js'
import { sentenceOf } from '../components/code-words.js'
import { DataTable } from '../components/data-table.js'
import { CsrfField, ErrorSummary, hasErrors, TextField } from '../components/forms.js'
import { LicenceNumber } from '../components/licence-number.js'
import { StandingTag } from '../components/standing.js'
import { Layout } from '../layout.js'

const ACTION_LABELS = {
  suspend: 'Suspend at once (urgent)',
  reinstate: 'Reinstate',
  revoke: 'Revoke',
  surrender: 'Record surrender',
}
// Licence and application statuses, as the history's Change column says them.
const STATUS_WORDS: Record<string, string> = {
  active: 'in force',
  suspended: 'suspended',
  revoked: 'revoked',
  surrendered: 'surrendered',
  submitted: 'awaiting decision',
  approved: 'approved',
  refused: 'refused',
  withdrawn: 'withdrawn',
}
const statusWords = (status: string) => STATUS_WORDS[status] ?? sentenceOf(status).toLowerCase()

function statusChange(from: string | null, to: string | null): string {
  if (!from && !to) return '–'
  if (!from) return `Now ${statusWords(to!)}`
  if (!to) return `Was ${statusWords(from)}`
  return `From ${statusWords(from)} to ${statusWords(to)}`
}

const EVENT_LABELS: Record<string, string> = {
  agency_registered: 'Agency registered',
  application_submitted: 'Application submitted',
  application_approved: 'Application approved',
  application_refused: 'Application refused',
  application_withdrawn: 'Application withdrawn',
  licence_issued: 'Licence issued',
  licence_renewed: 'Licence renewed',
  licence_suspended: 'Licence suspended',
  licence_reinstated: 'Licence reinstated',
  licence_revoked: 'Licence revoked',
  licence_surrendered: 'Licence surrendered',
  condition_added: 'Condition added',
  condition_met: 'Condition met',
  notice_suspend_given: 'Notice of intended suspension given',
  notice_revoke_given: 'Notice of intended revocation given',
  notice_representations: 'Representations recorded',
  notice_no_representations: 'No representations came by the date',
  notice_withdrawn: 'Notice withdrawn',
  appeal_lodged: 'Appeal recorded',
  appeal_upheld: 'Appeal dismissed: the decision stands',
  appeal_overturned: 'Appeal allowed: the decision undone',
  licence_restored: 'Licence restored on appeal',
}

export const eventLabel = (event: string) => EVENT_LABELS[event] ?? event

export function AgencyPage(props: {
  ctx: PageContext
  details: AgencyDetails
  today: string
  canWrite: boolean
  conditionForm: FormState
  notice?: string
  /** The complaints and flags section. */
  flags?: Child
  /** The job offers section. */
  jobOffers?: Child
  /** Notices of intended action, under the licence. */
  notices?: Child
  /** Decisions that may be appealed, and the way to record an appeal. */
  appeals?: Child
  /** Standing convictions of the agency or its people, said at the top. */
  conviction?: Child
  /** The criminal cases naming it (for the licensing office, the police and the DPP). */
  cases?: Child
}) {
  const { agency, people, licence, applications, events, conditions } = props.details
  const pending = applications.find((a) => a.status === 'submitted')
  const next = applicationKindFor(licence)
  const current = standing(licence, Boolean(pending), props.today)
  const showIds = canReadIdNumbers(props.ctx.user)
  return (
    <Layout ctx={props.ctx} title={agency.legal_name} hasErrors={hasErrors(props.conditionForm)}>
      <ErrorSummary
        form={props.conditionForm}
        labels={{ condition: 'Condition', due_on: 'Due date', public_wording: 'Wording for the public' }}
      />
      <p>
        <a href="/agencies">Back to agencies</a>
      </p>
      {props.notice && (
        <p class="notice success" role="status">
          {props.notice}
        </p>
      )}
      <h1>{agency.legal_name}</h1>
      <p>
        <StandingTag standing={current} expiresOn={licence?.expires_on} />
        {licence && (
          <strong>
            {' '}
            <LicenceNumber number={licence.licence_number} />
          </strong>
        )}
      </p>
      {props.canWrite && (
        <p class="actions">
          <a class="button secondary" href={`/agencies/${agency.id}/edit`}>
            Edit details
          </a>
          {next.ok && !pending && (
            <a class="button" href={`/agencies/${agency.id}/applications/new`}>
              {next.kind === 'new' ? 'Record a licence application' : 'Record a renewal application'}
            </a>
          )}
        </p>
      )}
      {props.conviction}

      <h2>Details</h2>
      <dl class="summary">
        <dt>Trading names</dt>
        <dd>{agency.trading_names.length ? agency.trading_names.join(', ') : 'None'}</dd>
        <dt>Registration number</dt>
        <dd>{agency.registration_number}</dd>
        <dt>District</dt>
        <dd>{agency.district}</dd>
        <dt>Physical address</dt>
        <dd>{agency.physical_address}</dd>
        <dt>Phone</dt>
        <dd>{agency.phone ?? 'Not given'}</dd>
        <dt>Email</dt>
        <dd>{agency.email ?? 'Not given'}</dd>
        <dt>Sectors</dt>
        <dd>{agency.sectors.map((s) => SECTOR_LABELS[s]).join(', ')}</dd>
        <dt>Destination countries</dt>
        <dd>{agency.destination_countries.map(countryName).join(', ')}</dd>
        {agency.notes && (
          <>
            <dt>Notes</dt>
            <dd>{agency.notes}</dd>
          </>
        )}
      </dl>

      <h2>Principal and directors</h2>
      <DataTable caption="Principal and directors" headings={['Role', 'Name', 'ID or passport number']}>
        {people.map((p) => (
          <tr>
            <td>{p.role === 'principal' ? 'Principal' : 'Director'}</td>
            <td>{p.name}</td>
            <td>
              {showIds ? p.id_number : <span class="muted">Shown to licensing officers and police</span>}
            </td>
          </tr>
        ))}
      </DataTable>

      <h2>Licence</h2>
      {licence ? (
        <>
          <dl class="summary">
            <dt>Licence number</dt>
            <dd>
              <LicenceNumber number={licence.licence_number} />
            </dd>
            <dt>Status</dt>
            <dd>
              <StandingTag standing={current} expiresOn={licence.expires_on} />
            </dd>
            <dt>First issued</dt>
            <dd>{formatDate(licence.issued_on)}</dd>
            <dt>Valid until</dt>
            <dd>{formatDate(licence.expires_on)}</dd>
            {licence.suspended_until && (
              <>
                <dt>Suspended until</dt>
                <dd>{formatDate(licence.suspended_until)}</dd>
              </>
            )}
          </dl>
          <p class="actions">
            {current === 'licensed' && props.canWrite && (
              <a class="button secondary" href={`/agencies/${agency.id}/certificate`}>
                Print the certificate
              </a>
            )}
            {props.canWrite &&
              allowedLicenceActions(licence.status)
                .filter((a): a is DirectLicenceAction =>
                  (DIRECT_LICENCE_ACTIONS as readonly string[]).includes(a),
                )
                .map((action) => (
                  <a
                    class={action === 'reinstate' ? 'button' : 'button danger'}
                    href={`/agencies/${agency.id}/licence/${action}`}
                  >
                    {ACTION_LABELS[action]}
                  </a>
                ))}
          </p>
          {props.notices}
        </>
      ) : (
        <p>
          {pending
            ? 'An application is awaiting a decision.'
            : 'This agency has no licence. It may not recruit.'}
        </p>
      )}

      {licence && (
        <>
          <h2>Additional licence conditions</h2>
          {conditions.length === 0 ? (
            <p>No conditions.</p>
          ) : (
            <DataTable caption="Additional licence conditions" headings={['Condition', 'Due', 'Met']}>
              {conditions.map((cond) => (
                <tr>
                  <td>{cond.condition}</td>
                  <td>
                    {formatDate(cond.due_on)}
                    {!cond.met_on && cond.due_on < props.today && <div class="tag bad">! Overdue</div>}
                  </td>
                  <td>
                    {cond.met_on ? (
                      formatDate(cond.met_on)
                    ) : props.canWrite ? (
                      <form method="post" action={`/agencies/${agency.id}/conditions/${cond.id}/met`}>
                        <CsrfField token={props.ctx.csrfToken} />
                        <input type="hidden" name="version" value={String(cond.version)} />
                        <button type="submit" class="secondary">
                          Mark as met
                        </button>
                      </form>
                    ) : (
                      'Not yet'
                    )}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
          {props.canWrite && (licence.status === 'active' || licence.status === 'suspended') && (
            <form method="post" action={`/agencies/${agency.id}/conditions`} novalidate>
              <CsrfField token={props.ctx.csrfToken} />
              <h3>Add a condition</h3>
              <TextField
                form={props.conditionForm}
                name="condition"
                label="Condition"
                hint="What the agency must do."
              />
              <TextField form={props.conditionForm} name="due_on" label="Due date" type="date" />
              <TextField
                form={props.conditionForm}
                name="public_wording"
                label="Wording for the public"
                hint="Shown on the public register and certificate check while the condition is in force, for example “May recruit only for farms in the Free State”. Leave empty to keep the condition internal."
                optional
              />
              <button type="submit" class="secondary">
                Add condition
              </button>
            </form>
          )}
        </>
      )}

      {props.jobOffers}
      {props.appeals}

      <h2>Applications</h2>
      {applications.length === 0 ? (
        <p>No applications recorded.</p>
      ) : (
        <DataTable caption="Applications" headings={['Application', 'Submitted', 'Decision']}>
          {applications.map((a) => (
            <tr>
              <td>
                <a href={`/applications/${a.id}`}>{a.kind === 'new' ? 'First licence' : 'Renewal'}</a>
              </td>
              <td>
                {formatDate(a.submitted_at)}
                {a.submitted_by_name && <div class="muted">by {a.submitted_by_name}</div>}
              </td>
              <td>
                {a.status === 'submitted'
                  ? 'Awaiting decision'
                  : a.status[0]!.toUpperCase() + a.status.slice(1)}
                {a.decided_at && (
                  <div class="muted">
                    {formatDate(a.decided_at)}
                    {a.decided_by_name && ` by ${a.decided_by_name}`}
                  </div>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}

      <h2>History</h2>
      <DataTable
        caption="Licence history, newest first"
        headings={['When', 'What', 'Change', 'Reason', 'Who']}
      >
        {events.map((e) => (
          <tr>
            <td>{formatDateTime(e.at)}</td>
            <td>{eventLabel(e.event)}</td>
            <td>{statusChange(e.from_status, e.to_status)}</td>
            <td>{e.reason ?? '–'}</td>
            <td>{e.actor_label}</td>
          </tr>
        ))}
      </DataTable>

      {props.cases}
      {props.flags}
    </Layout>
  )
}
