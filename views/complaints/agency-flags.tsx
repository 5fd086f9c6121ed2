import type { AgencyFlags, PublicFlag } from '../../src/complaints/rules.js'
import { formatDate } from '../../src/format.js'
import type { PageContext } from '../../src/http/render.js'
import type { FormState } from '../../src/http/validation.js'
import { messagesFor } from '../../src/i18n/messages.js'
import type { UnreviewedFinding } from '../../src/inspections/findings.js'
import { DataTable } from '../components/data-table.js'
import { CheckboxesField, CsrfField, SelectField, TextAreaField } from '../components/forms.js'
import { INDICATOR_LABELS } from '../inspections/labels.js'
import { CATEGORY_LABELS } from './labels.js'

const FLAG_LABELS: Record<PublicFlag, string> = {
  fee: 'Fee: charged workers a recruitment fee',
  fraud: 'Fraud: deception, contract substitution or documents retained',
}

/** The agency page's complaints and flags: what the public sees, the points, and why. */
export function AgencyFlagsSection(props: {
  ctx: PageContext
  agencyId: string
  flags: AgencyFlags
  canAct: boolean
  /** A refused "clear flag" form. */
  clearForm?: { flag: PublicFlag; form: FormState }
  /** Inspection findings waiting for a decision (shown to those who decide). */
  unreviewed: UnreviewedFinding[]
  /** A refused decision on the first of them. */
  findingForm?: FormState
}) {
  const { flags } = props
  const en = messagesFor('en')
  return (
    <section aria-labelledby="flags-title">
      <h2 id="flags-title">Complaints and flags</h2>
      {props.canAct && props.unreviewed.length > 0 && (
        <FindingsToReview findings={props.unreviewed} ctx={props.ctx} form={props.findingForm} />
      )}
      {props.canAct && (
        <p>
          <a href={`/complaints?agency=${props.agencyId}`}>
            {flags.openComplaints === 1 ? '1 open complaint' : `${flags.openComplaints} open complaints`}
          </a>{' '}
          · <a href={`/complaints?agency=${props.agencyId}&status=`}>all complaints about this agency</a>
        </p>
      )}
      <p>
        <strong>{flags.points} demerit points</strong> in the last 24 months
        {flags.forReview ? (
          <span class="tag bad"> For review</span>
        ) : flags.underWatch ? (
          <span class="tag warn"> Under watch (shown publicly)</span>
        ) : null}
      </p>
      {flags.recommendation && (
        <div class={`notice ${flags.forReview ? 'danger' : 'warning'}`}>
          <p>{flags.recommendation}</p>
        </div>
      )}
      {flags.counting.length > 0 && (
        <DataTable
          caption="Substantiated findings that count"
          headings={['Decided', 'From', 'Proven', 'Points']}
        >
          {flags.counting.map((f) => (
            <tr>
              <td>{formatDate(new Date(f.decidedAt))}</td>
              {/* A complaint's reference is the reporter's key to it: only those who triage see it. */}
              <td>{f.fromComplaint && !props.canAct ? 'A complaint' : f.reference}</td>
              <td>{f.proven.map((c) => CATEGORY_LABELS[c]).join(', ')}</td>
              <td>{f.points}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <h3>Public flags</h3>
      {flags.publicFlags.length === 0 ? (
        <p>None. The public lookup shows no warning{flags.underWatch ? ' other than "under watch"' : ''}.</p>
      ) : (
        <ul class="flags">
          {flags.publicFlags.map((flag) => (
            <li>
              <span class="tag bad">{FLAG_LABELS[flag]}</span>
              <span class="muted"> The public reads: “{en.warnings[flag]}”</span>
              {props.canAct && (
                <form
                  method="post"
                  action={`/agencies/${props.agencyId}/flags/${flag}/clear`}
                  class="step-form"
                >
                  <CsrfField token={props.ctx.csrfToken} />
                  <TextAreaField
                    form={props.clearForm?.flag === flag ? props.clearForm.form : { values: {}, errors: {} }}
                    name="reason"
                    label={`Reason for clearing the ${flag} flag`}
                    hint="For example: refunds to all workers verified. The points stay; they lapse after 24 months."
                    rows={2}
                  />
                  <button type="submit" class="secondary">
                    Clear the {flag} flag
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/** Inspection findings against the agency, the oldest with its decision form. */
function FindingsToReview(props: { findings: UnreviewedFinding[]; ctx: PageContext; form?: FormState }) {
  const [first, ...rest] = props.findings
  if (!first) return null
  const form = props.form ?? { values: {}, errors: {} }
  const what = (f: UnreviewedFinding) =>
    [
      ...(f.fee_reported ? ['workers said they paid it a fee'] : []),
      ...f.indicators.map((i) => INDICATOR_LABELS[i].toLowerCase()),
    ].join('; ')
  return (
    <div class="notice warning">
      <h3>
        {props.findings.length === 1
          ? '1 inspection finding to review'
          : `${props.findings.length} inspection findings to review`}
      </h3>
      <p>
        <a href={`/inspections/${first.inspection_id}`}>
          Inspection of {first.worksite_name} on {formatDate(first.visited_at)}
        </a>
        : {what(first)}. Substantiated, it counts like a substantiated complaint.
      </p>
      <form method="post" action={`/inspection-findings/${first.id}/decide`} class="step-form">
        <CsrfField token={props.ctx.csrfToken} />
        <input type="hidden" name="version" value={String(first.version)} />
        <SelectField
          form={form}
          name="outcome"
          label="Decision"
          blank="Choose"
          options={[
            { value: 'substantiated', label: 'Substantiated' },
            { value: 'dismissed', label: 'Dismissed' },
          ]}
        />
        <CheckboxesField
          form={form}
          name="proven"
          label="What was proven"
          hint="Needed when substantiated; leave empty when dismissed."
          options={first.categories.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
        />
        <TextAreaField form={form} name="reason" label="Finding, or why it is dismissed" rows={2} />
        <button type="submit">Record the decision</button>
      </form>
      {rest.length > 0 && (
        <p>Then: {rest.map((f) => `${f.worksite_name} on ${formatDate(f.visited_at)}`).join(', ')}.</p>
      )}
    </div>
  )
}

const SHORT_FLAG_LABELS: Record<PublicFlag, string> = { fee: 'Fee flag', fraud: 'Fraud flag' }

/** One cell of a list (agencies, applications): the flags, points and open complaints at a glance. */
export function FlagSummary(props: { flags: AgencyFlags | undefined }) {
  const flags = props.flags
  if (
    !flags ||
    (flags.points === 0 &&
      flags.publicFlags.length === 0 &&
      flags.openComplaints === 0 &&
      flags.unreviewedFindings === 0)
  )
    return <span class="muted">None</span>
  return (
    <span class="flag-summary">
      {flags.publicFlags.map((flag) => (
        <span class="tag bad">{SHORT_FLAG_LABELS[flag]}</span>
      ))}
      {flags.forReview ? (
        <span class="tag bad">For review</span>
      ) : flags.underWatch ? (
        <span class="tag warn">Under watch</span>
      ) : null}
      {flags.points > 0 && <span>{flags.points === 1 ? '1 point' : `${flags.points} points`}</span>}
      {flags.openComplaints > 0 && (
        <span class="muted">
          {flags.openComplaints === 1 ? '1 open complaint' : `${flags.openComplaints} open complaints`}
        </span>
      )}
      {flags.unreviewedFindings > 0 && (
        <span class="muted">
          {flags.unreviewedFindings === 1
            ? '1 inspection finding to review'
            : `${flags.unreviewedFindings} inspection findings to review`}
        </span>
      )}
    </span>
  )
}
