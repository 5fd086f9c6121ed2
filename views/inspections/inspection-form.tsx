import { positionFixText } from '../../src/geo.js'
import type { PageContext } from '../../src/http/render.js'
import type { FormState } from '../../src/http/validation.js'
import {
  INDICATOR_LEVELS,
  INDICATORS,
  INSPECTION_TYPES,
  LABOUR_FINDINGS,
  OTHER_AGENCIES,
  OUTCOMES,
  REFERRAL_DESTINATIONS,
} from '../../src/inspections/rules.js'
import {
  FOLLOW_UP_ROWS,
  HEADCOUNTS,
  NEW_WORKSITE_FIELDS,
  NEW_WORKSITE_PREFIX,
  POLICE_ROWS,
  RECRUITER_ROWS,
  VICTIM_GROUPS,
} from '../../src/inspections/schemas.js'
import {
  CheckboxesField,
  CsrfField,
  ErrorSummary,
  hasErrors,
  SelectField,
  TextAreaField,
  TextField,
} from '../components/forms.js'
import { Layout } from '../layout.js'
import { WORKSITE_LABELS, WorksiteFields } from '../worksites/worksite-form.js'
import { DeviceDrafts } from './device-drafts.js'
import {
  DESTINATION_LABELS,
  HEADCOUNT_LABELS,
  INDICATOR_LABELS,
  LABOUR_FINDING_LABELS,
  LEVEL_LABELS,
  OTHER_AGENCY_LABELS,
  OUTCOME_LABELS,
  TYPE_LABELS,
  VICTIM_GROUP_LABELS,
} from './labels.js'
import { PhotoInputs } from './photo-inputs.js'

const options = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((v) => ({ value: v, label: labels[v] }))

/** Every field's label, for the error summary at the top. */
function allLabels(): Record<string, string> {
  const labels: Record<string, string> = {
    worksite_id: 'Worksite',
    visited_at: 'Date and time of the visit',
    type: 'Type of inspection',
    complaint_references: 'Complaint references',
    lead_inspector: 'Lead labour inspector',
    other_agencies: 'Other agencies present',
    nationalities: 'Nationalities of foreign workers',
    labour_findings: 'Labour-standard findings',
    outcome: 'Outcome',
    compliance_due_on: 'Comply by',
    police_case_number: 'Police case number',
    amendment_reason: 'Reason for the amendment',
    position_latitude: 'Where you are: latitude',
    position_longitude: 'Where you are: longitude',
    position_accuracy: 'Where you are: position from the phone',
    ...HEADCOUNT_LABELS,
  }
  for (const f of NEW_WORKSITE_FIELDS)
    labels[`${NEW_WORKSITE_PREFIX}${f}`] = `New worksite: ${WORKSITE_LABELS[f]}`
  for (let i = 1; i <= POLICE_ROWS; i++) {
    labels[`police_${i}_name`] = `Police officer ${i}: name`
    labels[`police_${i}_service_number`] = `Police officer ${i}: service number`
  }
  for (let i = 1; i <= RECRUITER_ROWS; i++) {
    labels[`recruiter_${i}_licence`] = `Recruiter ${i}: licence number`
    labels[`recruiter_${i}_name`] = `Recruiter ${i}: name, if not registered`
    labels[`recruiter_${i}_fee`] = `Recruiter ${i}: fee each worker said they paid`
    labels[`recruiter_${i}_currency`] = `Recruiter ${i}: currency`
    labels[`recruiter_${i}_workers`] = `Recruiter ${i}: workers who paid`
    labels[`recruiter_${i}_indicators`] = `Recruiter ${i}: indicators linked to this recruiter`
  }
  for (const indicator of INDICATORS) {
    labels[`indicator_${indicator}`] = INDICATOR_LABELS[indicator]
    labels[`evidence_${indicator}`] = `${INDICATOR_LABELS[indicator]}: evidence`
  }
  for (const d of REFERRAL_DESTINATIONS)
    for (const g of VICTIM_GROUPS)
      labels[`referral_${d}_${g}`] = `${DESTINATION_LABELS[d]}: ${VICTIM_GROUP_LABELS[g]}`
  for (let i = 1; i <= FOLLOW_UP_ROWS; i++) {
    labels[`follow_up_${i}_action`] = `Follow-up ${i}: what must be done`
    labels[`follow_up_${i}_due`] = `Follow-up ${i}: due by`
  }
  return labels
}
export const INSPECTION_LABELS = allLabels()

export function InspectionFormPage(props: {
  ctx: PageContext
  form: FormState
  /** Null when the worksite is added on the spot. */
  worksite: { id: string; name: string; district: string } | null
  /** Set when correcting a submitted record. */
  amend?: { id: string; version: number }
  /** A new form: with JavaScript, the device makes its own key (a kept copy is reused offline). */
  freshKey?: boolean
}) {
  const { form, amend, worksite } = props
  const title = worksite ? `Inspection of ${worksite.name}` : 'Inspection of a new worksite'
  const L = INSPECTION_LABELS
  const count = (name: string, optional = true) => (
    <TextField form={form} name={name} label={L[name]!} inputmode="numeric" optional={optional} />
  )
  return (
    <Layout
      ctx={props.ctx}
      title={amend ? `Amend the inspection of ${worksite?.name}` : title}
      hasErrors={hasErrors(form)}
    >
      <ErrorSummary form={form} labels={L} />
      <p>
        {worksite ? (
          <a href={`/worksites/${worksite.id}`}>Back to the worksite</a>
        ) : (
          <a href="/worksites">Back to worksites</a>
        )}
      </p>
      <h1>{amend ? `Amend the inspection of ${worksite?.name}` : title}</h1>
      <p>
        {amend
          ? 'The record as submitted is kept beside the correction, with your reason.'
          : `${worksite ? `${worksite.district}. ` : ''}Save a draft at any time; submit when the record is complete. A submitted record is locked: later corrections are amendments with a reason.`}
      </p>
      {!amend && (
        <>
          <p class="hint" data-offline-hint hidden>
            This form also works without a network: what you type is kept on this device, and a record
            submitted offline is sent when the network returns.
          </p>
          <DeviceDrafts />
        </>
      )}
      <form
        method="post"
        action={amend ? `/inspections/${amend.id}/amend` : '/inspections'}
        novalidate
        class="inspection-form"
        hx-boost="false"
        data-offline-form={amend ? undefined : ''}
        data-fresh-key={props.freshKey ? '' : undefined}
        data-worksite-name={worksite?.name ?? 'a new worksite'}
      >
        <CsrfField token={props.ctx.csrfToken} />
        {amend && (
          <>
            <input type="hidden" name="version" value={String(amend.version)} />
            <TextAreaField
              form={form}
              name="amendment_reason"
              label={L.amendment_reason!}
              hint="What was wrong in the submitted record, and how you know."
              rows={3}
            />
          </>
        )}
        <input type="hidden" name="idempotency_key" value={String(form.values.idempotency_key ?? '')} />
        {worksite ? (
          <input type="hidden" name="worksite_id" value={worksite.id} />
        ) : (
          <fieldset class="section">
            <legend>The worksite</legend>
            <p class="hint">
              For a worksite not yet in the register: it is added with this record. If it is in the register,
              open the form from <a href="/worksites">its page</a> instead.
            </p>
            <input type="hidden" name="worksite_id" value="" />
            <WorksiteFields form={form} prefix={NEW_WORKSITE_PREFIX} />
          </fieldset>
        )}

        <fieldset class="section">
          <legend>The visit</legend>
          <TextField form={form} name="visited_at" label={L.visited_at!} type="datetime-local" />
          <SelectField
            form={form}
            name="type"
            label={L.type!}
            blank="Choose"
            options={options(INSPECTION_TYPES, TYPE_LABELS)}
          />
          <TextField
            form={form}
            name="complaint_references"
            label={L.complaint_references!}
            hint="For an inspection following up complaints: their references, separated by commas."
            optional
          />
          <PositionFields form={form} amend={Boolean(amend)} />
        </fieldset>

        <fieldset class="section">
          <legend>The team</legend>
          <TextField form={form} name="lead_inspector" label={L.lead_inspector!} autocomplete="name" />
          {Array.from({ length: POLICE_ROWS }, (_, k) => k + 1).map((i) => (
            <div class="row-pair">
              <TextField form={form} name={`police_${i}_name`} label={L[`police_${i}_name`]!} optional />
              <TextField
                form={form}
                name={`police_${i}_service_number`}
                label={L[`police_${i}_service_number`]!}
                optional
              />
            </div>
          ))}
          <CheckboxesField
            form={form}
            name="other_agencies"
            label={L.other_agencies!}
            options={options(OTHER_AGENCIES, OTHER_AGENCY_LABELS)}
            optional
          />
          <TextField form={form} name="other_agencies_detail" label="Which other agency" optional />
        </fieldset>

        <fieldset class="section">
          <legend>Headcounts</legend>
          <p class="hint">Leave a count empty for none.</p>
          {HEADCOUNTS.map((h) => count(h))}
          <TextField
            form={form}
            name="nationalities"
            label={L.nationalities!}
            hint="Separated by commas, for example Mozambican, Zimbabwean."
            optional
          />
        </fieldset>

        <fieldset class="section">
          <legend>Forced-labour indicators (ILO)</legend>
          <p class="hint">
            For each indicator: not observed, suspected or observed. Say what shows an observed one.
          </p>
          {INDICATORS.map((indicator) => (
            <div class="indicator">
              <SelectField
                form={form}
                name={`indicator_${indicator}`}
                label={INDICATOR_LABELS[indicator]}
                options={options(INDICATOR_LEVELS, LEVEL_LABELS)}
              />
              <TextAreaField
                form={form}
                name={`evidence_${indicator}`}
                label={L[`evidence_${indicator}`]!}
                rows={2}
                optional
              />
            </div>
          ))}
        </fieldset>

        <fieldset class="section">
          <legend>Recruiters who supplied the workers</legend>
          <p class="hint">
            A registered agency by its licence number, or anyone else by the name workers use. Fees are what
            each worker said they paid.
          </p>
          {Array.from({ length: RECRUITER_ROWS }, (_, k) => k + 1).map((i) => (
            <fieldset class="recruiter">
              <legend>Recruiter {i}</legend>
              <TextField
                form={form}
                name={`recruiter_${i}_licence`}
                label={L[`recruiter_${i}_licence`]!}
                hint="LRA-2026-00042"
                optional
              />
              <TextField
                form={form}
                name={`recruiter_${i}_name`}
                label={L[`recruiter_${i}_name`]!}
                optional
              />
              <TextField
                form={form}
                name={`recruiter_${i}_fee`}
                label={L[`recruiter_${i}_fee`]!}
                hint="For example 1500, 1,500 or M1,500.50"
                optional
              />
              <SelectField
                form={form}
                name={`recruiter_${i}_currency`}
                label={L[`recruiter_${i}_currency`]!}
                blank=""
                options={[
                  { value: 'LSL', label: 'Maloti (LSL)' },
                  { value: 'ZAR', label: 'Rand (ZAR)' },
                ]}
                hint="Needed with a fee: an M or R typed before the fee is enough."
              />
              {count(`recruiter_${i}_workers`)}
              <CheckboxesField
                form={form}
                name={`recruiter_${i}_indicators`}
                label={L[`recruiter_${i}_indicators`]!}
                hint="Only indicators marked observed above."
                options={options(INDICATORS, INDICATOR_LABELS)}
                optional
              />
            </fieldset>
          ))}
        </fieldset>

        <fieldset class="section">
          <legend>Labour standards</legend>
          <CheckboxesField
            form={form}
            name="labour_findings"
            label={L.labour_findings!}
            options={options(LABOUR_FINDINGS, LABOUR_FINDING_LABELS)}
            optional
          />
          <TextAreaField form={form} name="labour_findings_detail" label="Details" rows={3} optional />
        </fieldset>

        <fieldset class="section">
          <legend>Potential victims referred (National Referral Mechanism)</legend>
          <p class="hint">Counts only: never write a victim's name here.</p>
          {REFERRAL_DESTINATIONS.map((d) => (
            <fieldset class="referral">
              <legend>{DESTINATION_LABELS[d]}</legend>
              {VICTIM_GROUPS.map((g) => count(`referral_${d}_${g}`))}
              <div class="checkbox">
                <input
                  type="checkbox"
                  id={`referral_${d}_consent`}
                  name={`referral_${d}_consent`}
                  value="yes"
                  checked={form.values[`referral_${d}_consent`] === 'yes'}
                />
                <label for={`referral_${d}_consent`}>Consent to the referral was recorded</label>
              </div>
            </fieldset>
          ))}
        </fieldset>

        <fieldset class="section">
          <legend>Outcome and follow-up</legend>
          <SelectField
            form={form}
            name="outcome"
            label={L.outcome!}
            blank="Choose"
            options={options(OUTCOMES, OUTCOME_LABELS)}
          />
          <TextField
            form={form}
            name="compliance_due_on"
            label={L.compliance_due_on!}
            type="date"
            hint="For a compliance order."
            optional
          />
          <TextField
            form={form}
            name="police_case_number"
            label={L.police_case_number!}
            hint="For a criminal investigation."
            optional
          />
          {Array.from({ length: FOLLOW_UP_ROWS }, (_, k) => k + 1).map((i) => (
            <div class="row-pair">
              <TextField
                form={form}
                name={`follow_up_${i}_action`}
                label={L[`follow_up_${i}_action`]!}
                optional
              />
              <TextField
                form={form}
                name={`follow_up_${i}_due`}
                label={L[`follow_up_${i}_due`]!}
                type="date"
                optional
              />
            </div>
          ))}
          <TextAreaField form={form} name="notes" label="Notes" rows={3} optional />
        </fieldset>

        {!amend && <PhotoFields />}

        <p class="offline-status" data-offline-status role="status" />
        {amend ? (
          <div class="actions">
            <button type="submit" name="action" value="submit">
              Save the amendment
            </button>
          </div>
        ) : (
          <div class="actions">
            <button type="submit" name="action" value="submit">
              Submit the inspection
            </button>{' '}
            <button type="submit" name="action" value="draft" class="secondary">
              Save as draft
            </button>
          </div>
        )}
      </form>
    </Layout>
  )
}

/**
 * Where the record is made: the device script offers the phone's position (with its accuracy,
 * views/browser/position.ts); without it, or when the fix is rough, the coordinates are typed.
 */
function PositionFields(props: { form: FormState; amend: boolean }) {
  const { form } = props
  const accuracy = String(form.values.position_accuracy ?? '')
  return (
    <fieldset class="position" data-position>
      <legend>{props.amend ? 'Where the inspection was recorded' : 'Where you are recording this'}</legend>
      <p class="hint">
        {props.amend
          ? 'As it was recorded at the visit. Correct it only if it was wrong, in decimal degrees (for example -29.31 and 27.48).'
          : 'The coordinates from a GPS in decimal degrees (for example -29.31 and 27.48), or this phone’s position where the button below is offered. Leave both blank if you have neither.'}
      </p>
      {!props.amend && (
        <p data-position-offer hidden>
          <button type="button" class="secondary" data-position-button>
            Use this phone's position
          </button>
        </p>
      )}
      <p role="status" data-position-status>
        {accuracy ? positionFixText(Number(accuracy)) : ''}
      </p>
      <TextField
        form={form}
        name="position_latitude"
        label={props.amend ? 'Latitude' : 'Latitude (where you are)'}
        optional
      />
      <TextField
        form={form}
        name="position_longitude"
        label={props.amend ? 'Longitude' : 'Longitude (where you are)'}
        optional
      />
      <input type="hidden" name="position_accuracy" value={accuracy} data-kept />
    </fieldset>
  )
}

/**
 * Photos as evidence, taken with the camera or chosen from the gallery. The device script shows
 * this section (views/browser/offline.tsx): photos are made smaller and kept on the device, then
 * sent one by one after the record. The inputs have no name: the form sends only the list of
 * photos the script adds as `photo` fields, never a file.
 */
function PhotoFields() {
  return (
    <fieldset class="section" data-photos hidden>
      <legend>Photos</legend>
      <p class="hint">
        A locked dormitory, a pay slip, a notice of fees, a passport held by the employer. Photos are kept on
        this device and sent after the record, each on its own, when there is a network.
      </p>
      <PhotoInputs />
      <p role="status" data-photo-status />
      <ul class="photo-grid" data-photo-list />
    </fieldset>
  )
}
