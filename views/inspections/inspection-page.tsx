import { formatDate, formatDateTime } from '../../src/format.js'
import { distanceLabel, isRoughFix } from '../../src/geo.js'
import type { PageContext } from '../../src/http/render.js'
import type { Confirmation } from '../../src/inspections/confirmations.js'
import type { InspectionDetails } from '../../src/inspections/queries.js'
import { totalVictims } from '../../src/inspections/rules.js'
import { formatMoney } from '../../src/money.js'
import { type CaseOf, CasesOpenedFrom } from '../cases/cases-of.js'
import { DataTable } from '../components/data-table.js'
import { LicenceNumber } from '../components/licence-number.js'
import { Layout } from '../layout.js'
import { ConfirmationNotice } from './confirm-page.js'
import {
  DESTINATION_LABELS,
  HEADCOUNT_LABELS,
  INDICATOR_LABELS,
  LABOUR_FINDING_LABELS,
  LEVEL_LABELS,
  OTHER_AGENCY_LABELS,
  OUTCOME_LABELS,
  photoSubjectLabel,
  TYPE_LABELS,
  VICTIM_GROUP_LABELS,
} from './labels.js'
import { PhotoInputs } from './photo-inputs.js'

/** Where the record was made, as a geo: link the phone's map opens, and how precise it is. */
function RecordedPosition(props: {
  latitude: number | null
  longitude: number | null
  accuracy: number | null
}) {
  const { latitude, longitude, accuracy } = props
  if (latitude === null || longitude === null) return <>Not recorded</>
  const rough = isRoughFix(accuracy)
  return (
    <>
      <a href={`geo:${latitude},${longitude}`}>{`${latitude.toFixed(5)}, ${longitude.toFixed(5)}`}</a>{' '}
      {accuracy === null ? (
        '(typed)'
      ) : rough ? (
        <span class="tag warn">{`Rough: to within ${distanceLabel(accuracy)}`}</span>
      ) : (
        `(from the phone, to within ${distanceLabel(accuracy)})`
      )}
    </>
  )
}

const FINDING_STATUS_LABELS = {
  unreviewed: 'awaiting review',
  substantiated: 'substantiated',
  dismissed: 'dismissed',
} as const

export function InspectionPage(props: {
  ctx: PageContext
  details: InspectionDetails
  notice?: string
  /** The viewer may continue a draft or amend a submitted record. */
  canChange: boolean
  confirmation: Confirmation | null
  /** The record names someone of the other service on its team, who may confirm it. */
  confirmable: boolean
  /** The viewer may see the photos (field teams and the licensing office, not analysts). */
  canSeePhotos: boolean
  /** For a record that opened a criminal investigation: the cases opened from it. */
  cases: CaseOf[]
  canReadCases: boolean
  canOpenCase: boolean
}) {
  const { inspection: i, indicators, recruiters, referrals, followUps, findings } = props.details
  const title = `Inspection of ${i.worksite_name}, ${formatDate(i.visited_at)}`
  return (
    <Layout ctx={props.ctx} title={title}>
      <p>
        <a href={`/worksites/${i.worksite_id}`}>Back to {i.worksite_name}</a>
      </p>
      {props.notice && (
        <p class="notice success" role="status">
          {props.notice}
        </p>
      )}
      <h1>{title}</h1>
      <p>
        <span class={`tag ${i.status === 'submitted' ? 'ok' : 'warn'}`}>
          {i.status === 'submitted' ? 'Submitted' : 'Draft'}
        </span>{' '}
        {i.status === 'submitted' && i.submitted_at
          ? `on ${formatDateTime(i.submitted_at)}; locked.`
          : 'Not yet submitted.'}
      </p>
      <ConfirmationNotice
        inspectionId={i.id}
        status={i.status}
        confirmation={props.confirmation}
        confirmable={props.confirmable}
        canConfirm={props.canChange}
      />
      {props.canChange && (
        <p>
          {i.status === 'draft' ? (
            <a class="button" href={`/inspections/${i.id}/edit`}>
              Continue the draft
            </a>
          ) : (
            <a class="button secondary" href={`/inspections/${i.id}/amend`}>
              Amend the record
            </a>
          )}
        </p>
      )}
      {props.details.amendments.length > 0 && (
        <div class="notice">
          <p>
            <strong>Amended.</strong> The record as first submitted is kept beside the correction.
          </p>
          <ul>
            {props.details.amendments.map((a) => (
              <li>
                {formatDateTime(a.amended_at)}, {a.amended_by_label}: {a.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      <dl class="summary">
        <dt>Visited</dt>
        <dd>{formatDateTime(i.visited_at)}</dd>
        <dt>Recorded at</dt>
        <dd>
          <RecordedPosition
            latitude={i.recorded_latitude}
            longitude={i.recorded_longitude}
            accuracy={i.recorded_accuracy_m}
          />
        </dd>
        <dt>Type</dt>
        <dd>
          {TYPE_LABELS[i.type]}
          {i.complaint_references.length > 0 && ` (${i.complaint_references.join(', ')})`}
        </dd>
        <dt>Lead labour inspector</dt>
        <dd>{i.lead_inspector || 'Not recorded'}</dd>
        <dt>Police officers</dt>
        <dd>
          {i.police_officers.length === 0
            ? 'None recorded'
            : i.police_officers.map((p) => `${p.name} (${p.service_number})`).join(', ')}
        </dd>
        <dt>Other agencies</dt>
        <dd>
          {i.other_agencies.length === 0
            ? 'None'
            : i.other_agencies.map((a) => OTHER_AGENCY_LABELS[a]).join(', ')}
          {i.other_agencies_detail && ` (${i.other_agencies_detail})`}
        </dd>
        <dt>Outcome</dt>
        <dd>
          {i.outcome ? OUTCOME_LABELS[i.outcome] : 'Not yet recorded'}
          {i.compliance_due_on && `, comply by ${formatDate(i.compliance_due_on)}`}
          {i.police_case_number && `, police case ${i.police_case_number}`}
        </dd>
      </dl>

      {i.outcome === 'criminal_investigation' && i.status === 'submitted' && (
        <CasesOpenedFrom
          cases={props.cases}
          canRead={props.canReadCases}
          openHref={props.canOpenCase && i.police_case_number ? `/cases/new?inspection=${i.id}` : null}
        />
      )}

      <h2>Headcounts</h2>
      <dl class="summary">
        {(Object.keys(HEADCOUNT_LABELS) as (keyof typeof HEADCOUNT_LABELS)[]).map((h) => (
          <>
            <dt>{HEADCOUNT_LABELS[h]}</dt>
            <dd>{i[h]}</dd>
          </>
        ))}
        {i.nationalities.length > 0 && (
          <>
            <dt>Nationalities</dt>
            <dd>{i.nationalities.join(', ')}</dd>
          </>
        )}
      </dl>

      <h2>Forced-labour indicators</h2>
      {indicators.length === 0 ? (
        <p>None observed or suspected.</p>
      ) : (
        <DataTable caption="Indicators observed or suspected" headings={['Indicator', 'Level', 'Evidence']}>
          {indicators.map((row) => (
            <tr>
              <td>{INDICATOR_LABELS[row.indicator]}</td>
              <td>{LEVEL_LABELS[row.level]}</td>
              <td>{row.evidence ?? '—'}</td>
            </tr>
          ))}
        </DataTable>
      )}

      <h2>Recruiters who supplied the workers</h2>
      {recruiters.length === 0 ? (
        <p>None recorded.</p>
      ) : (
        <DataTable
          caption="Recruiters and the fees workers said they paid"
          headings={['Recruiter', 'Fee each', 'Workers who paid', 'Indicators linked']}
        >
          {recruiters.map((r) => (
            <tr>
              <td>
                {r.agency_id ? (
                  <a href={`/agencies/${r.agency_id}`}>
                    {r.legal_name}
                    {r.licence_number && (
                      <>
                        {' '}
                        (<LicenceNumber number={r.licence_number} />)
                      </>
                    )}
                  </a>
                ) : (
                  <>
                    {r.unlisted_name} <span class="tag neutral">not registered</span>
                  </>
                )}
              </td>
              <td>{formatMoney(r.fee_amount_minor, r.fee_currency) ?? '—'}</td>
              <td>{r.workers_paying}</td>
              <td>
                {r.indicators.length === 0 ? '—' : r.indicators.map((x) => INDICATOR_LABELS[x]).join(', ')}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {findings.length > 0 && (
        <p>
          Internal findings raised for the licensing office:{' '}
          {findings.map((f) => `${f.legal_name} (${FINDING_STATUS_LABELS[f.status]})`).join(', ')}.
        </p>
      )}

      <h2>Labour standards</h2>
      <p>
        {i.labour_findings.length === 0
          ? 'No finding recorded.'
          : i.labour_findings.map((f) => LABOUR_FINDING_LABELS[f]).join(', ')}
        {i.labour_findings_detail && `. ${i.labour_findings_detail}`}
      </p>

      <h2>Potential victims referred</h2>
      {referrals.length === 0 ? (
        <p>None.</p>
      ) : (
        <DataTable
          caption="Referrals through the National Referral Mechanism (counts only)"
          headings={['Referred to', ...Object.values(VICTIM_GROUP_LABELS), 'Total', 'Consent recorded']}
        >
          {referrals.map((r) => (
            <tr>
              <td>{DESTINATION_LABELS[r.destination]}</td>
              <td>{r.female_under_18}</td>
              <td>{r.female_adult}</td>
              <td>{r.male_under_18}</td>
              <td>{r.male_adult}</td>
              <td>{totalVictims(r)}</td>
              <td>{r.consent_recorded ? 'Yes' : 'No'}</td>
            </tr>
          ))}
        </DataTable>
      )}

      <h2>Follow-up</h2>
      {followUps.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul>
          {followUps.map((f) => (
            <li>
              {f.action}: due {formatDate(f.due_on)}
              {f.done_at ? `, done ${formatDate(f.done_at)}` : ''}
            </li>
          ))}
        </ul>
      )}
      {i.notes && (
        <>
          <h2>Notes</h2>
          <p>{i.notes}</p>
        </>
      )}
      <InspectionPhotos
        details={props.details}
        canSee={props.canSeePhotos}
        canAdd={props.canChange && i.status === 'submitted'}
      />
    </Layout>
  )
}

/**
 * The photos that have arrived, small (each opens whole, and each opening is audited), and those
 * the record was submitted with that are still on the device that took them.
 */
function InspectionPhotos(props: { details: InspectionDetails; canSee: boolean; canAdd: boolean }) {
  const { photos, inspection } = props.details
  const arrived = new Set(photos.map((p) => p.sha256))
  const waiting = inspection.expected_photos.filter((p) => !arrived.has(p.sha256))
  if (photos.length === 0 && waiting.length === 0 && !props.canAdd) return null
  return (
    <section aria-labelledby="photos-title">
      <h2 id="photos-title">Photos</h2>
      {waiting.length > 0 && (
        <p class="notice warning" data-photos-waiting>
          {photos.length} of {photos.length + waiting.length} photos have arrived. {waiting.length}{' '}
          {waiting.length === 1 ? 'is' : 'are'} still on the device that took{' '}
          {waiting.length === 1 ? 'it' : 'them'} (
          {waiting.map((p) => photoSubjectLabel(p.attached_to)).join('; ')}): sent when it has a network.
        </p>
      )}
      {photos.length === 0 && waiting.length === 0 && <p>No photos were taken for this record.</p>}
      {!props.canSee ? (
        <p>
          {photos.length === 1 ? '1 photo' : `${photos.length} photos`}. Photos are shown only to inspectors,
          police officers and the licensing office.
        </p>
      ) : (
        <ul class="photo-grid">
          {photos.map((p, n) => (
            <li>
              <a href={`/inspections/photos/${p.id}`}>
                <img
                  src={`/inspections/photos/${p.id}`}
                  alt={`Evidence ${n + 1}: ${photoSubjectLabel(p.attached_to)}`}
                  width="160"
                  loading="lazy"
                />
              </a>
              <p class="hint">
                {photoSubjectLabel(p.attached_to)}
                {p.taken_at && `. Taken ${formatDateTime(p.taken_at)}`}
                {p.latitude !== null && p.longitude !== null && (
                  <>
                    {' '}
                    at <a href={`geo:${p.latitude},${p.longitude}`}>{`${p.latitude}, ${p.longitude}`}</a>
                  </>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
      {props.canAdd && (
        // Shown by the device script, which keeps each photo on this phone until it is sent.
        <div class="add-photos" data-add-photos={inspection.idempotency_key} hidden>
          <h3>Add photos to this record</h3>
          <p class="hint">
            Photos are added to a submitted record, never taken off it. Each is kept on this phone until it
            has been sent, and the addition is in the audit log.
          </p>
          <PhotoInputs />
          <p role="status" data-photo-status />
        </div>
      )}
    </section>
  )
}

/**
 * The answer to a record sent again under its key with other content (409): the registry keeps
 * what it was first sent; corrections are amendments. The device reads the record's address
 * from `data-stored-record`.
 */
export function AlreadySubmittedPage(props: { ctx: PageContext; id: string }) {
  return (
    <Layout ctx={props.ctx} title="This inspection was already submitted">
      <h1>This inspection was already submitted</h1>
      <p>
        The registry already holds this record, submitted earlier with other content. Nothing you sent now was
        saved. To correct the record, amend it: the record as first submitted is kept beside the correction.
      </p>
      <p class="actions">
        <a href={`/inspections/${props.id}`} data-stored-record>
          Open the record
        </a>{' '}
        <a href={`/inspections/${props.id}/amend`}>Amend it</a>
      </p>
    </Layout>
  )
}
