import { formatDate, formatDateTime } from '../../src/format.js'
import type { PageContext } from '../../src/http/render.js'
import type { FormState } from '../../src/http/validation.js'
import { messagesFor } from '../../src/i18n/messages.js'
import { daysToRespond, type NoticeAction, type NoticeStatus } from '../../src/licensing/lifecycle.js'
import type { NoticeDetails, NoticeGrounds } from '../../src/licensing/notices.js'
import { DataTable } from '../components/data-table.js'
import {
  CsrfField,
  ErrorSummary,
  hasErrors,
  SelectField,
  TextAreaField,
  TextField,
} from '../components/forms.js'
import { Layout } from '../layout.js'
import { PUBLIC_REASON_OPTIONS } from './licence-action.js'

const ACTION_WORDS: Record<NoticeAction, string> = { suspend: 'suspension', revoke: 'revocation' }
const STATUS_WORDS: Record<NoticeStatus, string> = {
  open: 'Open: waiting for the agency’s representations or a decision',
  // (an answered open notice is said by openWords below)
  proceeded: 'Proceeded: the action took effect',
  withdrawn: 'Withdrawn',
}
const LABELS = {
  action: 'Intended action',
  grounds: 'Grounds',
  public_reason: 'What the public is told if it takes effect',
  suspended_until: 'Suspended until',
  respond_by: 'Last day for representations',
  answer: 'Representations',
  representations: 'What the agency said',
  received_on: 'Received on',
  reason: 'Reason',
}

/** "12 days left", "last day today", "time up 3 days ago". */
export function timeLeft(respondBy: string, today: string): string {
  const days = daysToRespond(respondBy, today)
  if (days > 1) return `${days} days left`
  if (days === 1) return '1 day left'
  if (days === 0) return 'last day today'
  return `time up ${-days === 1 ? 'yesterday' : `${-days} days ago`}`
}

/** Giving a notice of intended suspension or revocation: grounds, public reason, the date. */
/** The substantiated records a notice may rest on, as boxes to tick. */
function GroundsChoice(props: { grounds: NoticeGrounds; form: FormState }) {
  const chosen = (name: string) => {
    const v = props.form.values[name]
    return new Set(Array.isArray(v) ? v : v ? [v] : [])
  }
  const complaints = chosen('complaint_ids')
  const findings = chosen('finding_ids')
  if (props.grounds.complaints.length === 0 && props.grounds.findings.length === 0)
    return <p class="muted">The agency has no substantiated complaint or inspection finding to link.</p>
  return (
    <fieldset class="field">
      <legend>Substantiated complaints and inspection findings it rests on</legend>
      {props.grounds.complaints.map((c) => (
        <div class="checkbox">
          <input
            type="checkbox"
            id={`complaint-${c.id}`}
            name="complaint_ids"
            value={c.id}
            checked={complaints.has(c.id)}
          />
          <label for={`complaint-${c.id}`}>
            Complaint {c.reference}, found true {c.decided_at ? formatDate(c.decided_at) : ''}
          </label>
        </div>
      ))}
      {props.grounds.findings.map((f) => (
        <div class="checkbox">
          <input
            type="checkbox"
            id={`finding-${f.id}`}
            name="finding_ids"
            value={f.id}
            checked={findings.has(f.id)}
          />
          <label for={`finding-${f.id}`}>
            Inspection finding of {formatDate(f.visited_at)}, substantiated
          </label>
        </div>
      ))}
    </fieldset>
  )
}

export function NewNoticePage(props: {
  ctx: PageContext
  agency: { id: string; legal_name: string }
  licenceNumber: string
  form: FormState
  grounds: NoticeGrounds
}) {
  const { form } = props
  const action = form.values.action === 'revoke' ? 'revoke' : 'suspend'
  return (
    <Layout
      ctx={props.ctx}
      title={`Notice of intended ${ACTION_WORDS[action]}: ${props.agency.legal_name}`}
      hasErrors={hasErrors(form)}
    >
      <ErrorSummary form={form} labels={LABELS} />
      <p>
        <a href={`/agencies/${props.agency.id}`}>Back to {props.agency.legal_name}</a>
      </p>
      <h1>
        Give notice of intended {ACTION_WORDS[action]} of {props.licenceNumber}
      </h1>
      <p>
        Nothing changes for the licence yet. The agency is told the grounds and may make representations until
        the date below; then you record what it said (or that nothing came) and decide whether to proceed. The
        notice is not shown to the public.
      </p>
      <form method="post" action={`/agencies/${props.agency.id}/notices`} novalidate>
        <CsrfField token={props.ctx.csrfToken} />
        <input type="hidden" name="action" value={action} />
        <GroundsChoice grounds={props.grounds} form={form} />
        <TextAreaField
          form={form}
          name="grounds"
          label={LABELS.grounds}
          hint="The findings, complaints (by reference) and inspection findings the action rests on. Sent to the agency; not public."
          rows={5}
        />
        <SelectField
          form={form}
          name="public_reason"
          label={LABELS.public_reason}
          options={PUBLIC_REASON_OPTIONS}
          blank="Choose a reason"
        />
        {action === 'suspend' && (
          <TextField
            form={form}
            name="suspended_until"
            label={LABELS.suspended_until}
            hint="Leave empty if the suspension would have no set end."
            type="date"
            optional
          />
        )}
        <TextField
          form={form}
          name="respond_by"
          label={LABELS.respond_by}
          hint="21 days from today unless there is reason to give more."
          type="date"
        />
        <div class="actions">
          <button type="submit" class="danger">
            Give notice
          </button>
          <a href={`/agencies/${props.agency.id}`}>Cancel</a>
        </div>
      </form>
    </Layout>
  )
}

/** A notice: its grounds, the time left, the representations, and the decision. */
export function NoticePage(props: {
  ctx: PageContext
  notice: NoticeDetails
  /** The substantiated records the notice rests on. */
  linked: NoticeGrounds
  today: string
  canWrite: boolean
  representationsForm: FormState
  decisionForm: FormState
  notice_?: string | undefined
}) {
  const n = props.notice
  const answered = n.no_representations || n.representations !== null
  const open = n.status === 'open'
  const pastDate = props.today > n.respond_by
  return (
    <Layout
      ctx={props.ctx}
      title={`Notice of intended ${ACTION_WORDS[n.action]}: ${n.agency_name}`}
      hasErrors={hasErrors(props.representationsForm) || hasErrors(props.decisionForm)}
    >
      <ErrorSummary form={props.representationsForm} labels={LABELS} />
      <ErrorSummary form={props.decisionForm} labels={LABELS} />
      <p>
        <a href={`/agencies/${n.agency_id}`}>Back to {n.agency_name}</a>
      </p>
      {props.notice_ && (
        <p class="notice success" role="status">
          {props.notice_}
        </p>
      )}
      <h1>
        Notice of intended {ACTION_WORDS[n.action]}: {n.agency_name} ({n.licence_number})
      </h1>
      <dl class="summary">
        <dt>Status</dt>
        <dd>
          <strong>
            {open && answered
              ? 'Open: representations recorded, waiting for a decision'
              : STATUS_WORDS[n.status]}
          </strong>
        </dd>
        <dt>{LABELS.respond_by}</dt>
        <dd>
          {formatDate(n.respond_by)}
          {open && ` (${timeLeft(n.respond_by, props.today)})`}
        </dd>
        <dt>Given</dt>
        <dd>
          {formatDateTime(n.created_at)} by {n.given_by_label}
        </dd>
      </dl>
      <h2>{LABELS.grounds}</h2>
      <p class="prose">{n.grounds}</p>
      {(props.linked.complaints.length > 0 || props.linked.findings.length > 0) && (
        <ul>
          {props.linked.complaints.map((c) => (
            <li>
              {/* A complaint's reference is the reporter's key: only those who triage see it. */}
              {props.canWrite ? <a href={`/complaints/${c.id}`}>Complaint {c.reference}</a> : 'A complaint'},
              found true {c.decided_at ? formatDate(c.decided_at) : ''}
            </li>
          ))}
          {props.linked.findings.map((f) => (
            <li>
              <a href={`/inspections/${f.inspection_id}`}>Inspection of {formatDate(f.visited_at)}</a>:
              finding substantiated
            </li>
          ))}
        </ul>
      )}
      <dl class="facts">
        <dt>{LABELS.public_reason}</dt>
        <dd>{messagesFor('en').publicReasons[n.public_reason]}</dd>
        {n.suspended_until && (
          <>
            <dt>{LABELS.suspended_until}</dt>
            <dd>{formatDate(n.suspended_until)}</dd>
          </>
        )}
      </dl>

      <h2>Representations</h2>
      {n.representations !== null ? (
        <>
          <p>Received {n.representations_on ? formatDate(n.representations_on) : ''}:</p>
          <p class="prose">{n.representations}</p>
        </>
      ) : n.no_representations ? (
        <p>None received by {formatDate(n.respond_by)}.</p>
      ) : (
        <p class="muted">None recorded yet.</p>
      )}
      {open && props.canWrite && !answered && (
        <form method="post" action={`/notices/${n.id}/representations`} novalidate>
          <CsrfField token={props.ctx.csrfToken} />
          <input type="hidden" name="version" value={String(n.version)} />
          <fieldset class="field">
            <legend>Record the agency’s answer</legend>
            <div class="checkbox">
              <input
                type="radio"
                id="answer-received"
                name="answer"
                value="received"
                checked={props.representationsForm.values.answer !== 'none'}
              />
              <label for="answer-received">Representations were received</label>
            </div>
            <div class="checkbox">
              <input
                type="radio"
                id="answer-none"
                name="answer"
                value="none"
                checked={props.representationsForm.values.answer === 'none'}
                disabled={!pastDate}
              />
              <label for="answer-none">
                None came by {formatDate(n.respond_by)}
                {!pastDate && ' (possible after that day)'}
              </label>
            </div>
          </fieldset>
          <TextAreaField
            form={props.representationsForm}
            name="representations"
            label={LABELS.representations}
            hint="In brief, with where the full letter is kept. Not needed when none came."
            rows={4}
          />
          <TextField
            form={props.representationsForm}
            name="received_on"
            label={LABELS.received_on}
            hint="Between the day of the notice and today."
            type="date"
          />
          <button type="submit" class="secondary">
            Record
          </button>
        </form>
      )}

      {open && props.canWrite && (
        <>
          <h2>Decision</h2>
          {!answered && (
            <p>
              Proceeding needs the agency’s representations recorded, or, after {formatDate(n.respond_by)},
              that none came. The notice can be withdrawn at any time.
            </p>
          )}
          <form method="post" action={`/notices/${n.id}/decide`} novalidate>
            <CsrfField token={props.ctx.csrfToken} />
            <input type="hidden" name="version" value={String(n.version)} />
            <TextAreaField
              form={props.decisionForm}
              name="reason"
              label={LABELS.reason}
              hint="Why, having weighed the representations. Kept in the licence history and the audit log."
              rows={3}
            />
            <div class="actions">
              {answered && (
                <button type="submit" name="decision" value="proceed" class="danger">
                  Proceed: {n.action === 'suspend' ? 'suspend' : 'revoke'} the licence
                </button>
              )}
              <button type="submit" name="decision" value="withdraw" class="secondary">
                Withdraw the notice
              </button>
            </div>
          </form>
        </>
      )}
      {!open && n.decision_reason && (
        <>
          <h2>Decision</h2>
          <p class="prose">{n.decision_reason}</p>
          {n.decided_at && (
            <p class="muted">
              {n.status === 'withdrawn' ? 'Withdrawn' : 'Proceeded with'} {formatDateTime(n.decided_at)}
              {n.decided_by_name && ` by ${n.decided_by_name}`}. A later appeal, if any, is on the agency’s
              page.
            </p>
          )}
        </>
      )}
    </Layout>
  )
}

export interface NoticeRow {
  id: string
  action: NoticeAction
  respond_by: string
  representations?: string | null
  no_representations?: boolean
  agency_name?: string
  licence_number?: string
  status?: NoticeStatus
}

/** Open notices on /licensing: days left, or that the time is up. */
export function OpenNoticesTable(props: { rows: NoticeRow[]; today: string }) {
  return (
    <DataTable
      caption="Notices of intended action, the time up first"
      headings={['Agency', 'Intended', 'Representations', 'Time']}
    >
      {props.rows.map((r) => (
        <tr>
          <td>
            <a href={`/notices/${r.id}`}>{r.agency_name}</a>{' '}
            <span class="licence-number">{r.licence_number}</span>
          </td>
          <td>{ACTION_WORDS[r.action]}</td>
          <td>{r.representations ? 'Received' : r.no_representations ? 'None came' : 'Not yet recorded'}</td>
          <td>
            {timeLeft(r.respond_by, props.today)}
            {props.today > r.respond_by && <div class="tag warn">! Ready to decide</div>}
          </td>
        </tr>
      ))}
    </DataTable>
  )
}

/** The notices section of an agency page. */
export function AgencyNotices(props: {
  agencyId: string
  rows: NoticeRow[]
  today: string
  /** The notices that may be given now. */
  canGive: NoticeAction[]
}) {
  if (props.rows.length === 0 && props.canGive.length === 0) return null
  return (
    <>
      <h3>Notices of intended action</h3>
      {props.rows.length === 0 ? (
        <p class="muted">No notice has been given.</p>
      ) : (
        <ul>
          {props.rows.map((r) => (
            <li>
              <a href={`/notices/${r.id}`}>Intended {ACTION_WORDS[r.action]}</a>:{' '}
              {r.status === 'open' ? `open, ${timeLeft(r.respond_by, props.today)}` : r.status}
            </li>
          ))}
        </ul>
      )}
      {props.canGive.length > 0 && !props.rows.some((r) => r.status === 'open') && (
        <p class="actions">
          {props.canGive.map((a) => (
            <a class="button danger" href={`/agencies/${props.agencyId}/notices/new?action=${a}`}>
              Give notice of intended {ACTION_WORDS[a]}
            </a>
          ))}
        </p>
      )}
    </>
  )
}
