import { COUNTRY_OPTIONS } from '../../src/agencies/countries.js'
import type { BarredPerson, DuplicateMatch } from '../../src/agencies/queries.js'
import { formatDate } from '../../src/format.js'
import type { PageContext } from '../../src/http/render.js'
import type { FormState } from '../../src/http/validation.js'
import {
  CheckboxesField,
  CsrfField,
  DISTRICT_OPTIONS,
  ErrorSummary,
  HintAndError,
  hasErrors,
  listOf,
  MultiSelectField,
  SECTOR_OPTIONS,
  SelectField,
  TextAreaField,
  TextField,
} from '../components/forms.js'
import { Layout } from '../layout.js'

export const AGENCY_LABELS = {
  legal_name: 'Legal name',
  trading_names: 'Trading names',
  registration_number: 'Company registration number',
  district: 'District',
  physical_address: 'Physical address',
  phone: 'Phone',
  email: 'Email',
  people: 'Principal and directors',
  sectors: 'Sectors recruited for',
  destination_countries: 'Destination countries',
  notes: 'Notes',
  phoenix_reason: 'Reason for registering despite the match',
  bar_override_reason: 'Reason for overriding the bar',
  barred: 'Barred person',
} as const

/** Rows for the principal and directors: what was typed, plus blank rows to add more. */
function peopleRows(form: FormState) {
  const roles = listOf(form, 'person_role')
  const names = listOf(form, 'person_name')
  const ids = listOf(form, 'person_id_number')
  const rows = Array.from({ length: Math.max(roles.length, names.length, ids.length) }, (_, i) => ({
    role: roles[i] ?? 'director',
    name: names[i] ?? '',
    id: ids[i] ?? '',
  })).filter((r) => r.name || r.id)
  if (!rows.some((r) => r.role === 'principal')) rows.unshift({ role: 'principal', name: '', id: '' })
  while (rows.length < 4) rows.push({ role: 'director', name: '', id: '' })
  return rows
}

function PeopleFields(props: { form: FormState }) {
  const error = props.form.errors.people
  return (
    <div class={error ? 'field field-error' : 'field'} id="people" tabindex={-1}>
      <fieldset aria-describedby={error ? 'people-hint people-error' : 'people-hint'}>
        <legend>{AGENCY_LABELS.people}</legend>
        <HintAndError
          name="people"
          hint="The principal (the person responsible for the agency) is required. Leave unused rows empty."
          error={error}
        />
        {peopleRows(props.form).map((row, i) => (
          <div class="person-row">
            <div class="field">
              <label for={`person_role_${i}`}>Person {i + 1}: role</label>
              <select id={`person_role_${i}`} name="person_role">
                <option value="principal" selected={row.role === 'principal'}>
                  Principal
                </option>
                <option value="director" selected={row.role !== 'principal'}>
                  Director
                </option>
              </select>
            </div>
            <div class="field">
              <label for={`person_name_${i}`}>Person {i + 1}: full name</label>
              <input
                type="text"
                id={`person_name_${i}`}
                name="person_name"
                value={row.name}
                autocomplete="off"
              />
            </div>
            <div class="field">
              <label for={`person_id_number_${i}`}>Person {i + 1}: national ID or passport number</label>
              <input
                type="text"
                id={`person_id_number_${i}`}
                name="person_id_number"
                value={row.id}
                autocomplete="off"
              />
            </div>
          </div>
        ))}
      </fieldset>
    </div>
  )
}

function DuplicatesWarning(props: { matches: DuplicateMatch[]; form: FormState }) {
  const phoenix = props.matches.some((m) => m.phoenix)
  return (
    <section class="duplicates" aria-labelledby="duplicates-title" role="alert">
      <h2 id="duplicates-title">Possible duplicates: check before saving</h2>
      <p>
        {props.matches.length === 1
          ? 'One agency in the registry looks'
          : `${props.matches.length} agencies look`}{' '}
        like this one. Open each to compare. If this is a different agency, save it anyway.
      </p>
      <ul>
        {props.matches.map((m) => (
          <li>
            <a href={`/agencies/${m.id}`} target="_blank" rel="noopener">
              {m.legal_name}
            </a>{' '}
            (registration {m.registration_number})
            <ul>
              {m.reasons.map((r) => (
                <li class={m.phoenix && /revoked|refused/.test(r) ? 'phoenix' : undefined}>{r}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <input type="hidden" name="duplicates_seen" value={props.matches.map((m) => m.id).join(',')} />
      {phoenix && (
        <TextAreaField
          form={props.form}
          name="phoenix_reason"
          label={AGENCY_LABELS.phoenix_reason}
          hint="A person here is linked to an agency whose licence was revoked or whose application was refused. Say why this registration should go ahead. It is kept in the audit log."
          rows={3}
        />
      )}
    </section>
  )
}

/** A barred person: refused, unless an administrator overrides the bar with a reason. */
function BarredWarning(props: { barred: BarredPerson[]; form: FormState; canOverride: boolean }) {
  return (
    <section class="notice danger" id="barred" aria-labelledby="barred-title">
      <h2 id="barred-title">Barred from a new agency</h2>
      <ul>
        {props.barred.map((b) => (
          <li>
            {b.because === 'revocation' ? (
              <>
                {b.name} was a principal or director of{' '}
                <a href={`/agencies/${b.agency_id}`}>{b.agency_name}</a>, whose licence was revoked on{' '}
                {formatDate(b.revoked_on)}
              </>
            ) : (
              <>
                {b.name} was convicted of a recruitment offence on {formatDate(b.convicted_on)} (criminal case{' '}
                {b.case_number})
              </>
            )}
            : barred until {formatDate(b.barred_until)}.
          </li>
        ))}
      </ul>
      {props.canOverride ? (
        <TextAreaField
          form={props.form}
          name="bar_override_reason"
          label={AGENCY_LABELS.bar_override_reason!}
          hint="Only an administrator can override the bar. The reason is kept in the audit log."
          rows={3}
        />
      ) : (
        <p>
          Remove the barred person, or ask an administrator: only an administrator can register an agency with
          a barred person, with a reason.
        </p>
      )}
    </section>
  )
}

export function AgencyFormPage(props: {
  ctx: PageContext
  form: FormState
  /** Set when editing. */
  agency?: { id: string; legal_name: string; version: number }
  duplicates?: DuplicateMatch[]
  /** The agency already registered under this registration number. */
  taken?: { id: string; legal_name: string; registration_number: string }
  /** People barred from a new agency (a revoked agency's principal or directors). */
  barred?: BarredPerson[]
}) {
  const { form, agency, taken } = props
  const title = agency ? `Edit ${agency.legal_name}` : 'Register an agency'
  return (
    <Layout ctx={props.ctx} title={title} hasErrors={hasErrors(form)}>
      <ErrorSummary form={form} labels={AGENCY_LABELS} />
      <p>
        <a href={agency ? `/agencies/${agency.id}` : '/agencies'}>
          {agency ? 'Back to the agency' : 'Back to agencies'}
        </a>
      </p>
      <h1>{title}</h1>
      {taken && (
        <div class="notice danger">
          <p>
            This company registration number is already in the registry, for{' '}
            <a href={`/agencies/${taken.id}`}>{taken.legal_name}</a> (registered as{' '}
            {taken.registration_number}). Open that agency to change it, or check the number on the company's
            papers.
          </p>
        </div>
      )}
      <form method="post" action={agency ? `/agencies/${agency.id}/edit` : '/agencies'} novalidate>
        <CsrfField token={props.ctx.csrfToken} />
        {agency && <input type="hidden" name="version" value={String(agency.version)} />}
        {props.barred && props.barred.length > 0 && (
          <BarredWarning barred={props.barred} form={form} canOverride={props.ctx.user?.role === 'admin'} />
        )}
        {props.duplicates && props.duplicates.length > 0 && (
          <DuplicatesWarning matches={props.duplicates} form={form} />
        )}
        <TextField form={form} name="legal_name" label={AGENCY_LABELS.legal_name} autocomplete="off" />
        <TextAreaField
          form={form}
          name="trading_names"
          label={AGENCY_LABELS.trading_names}
          hint="Other names the agency uses with workers, one per line."
          optional
          rows={3}
        />
        <TextField
          form={form}
          name="registration_number"
          label={AGENCY_LABELS.registration_number}
          hint="As on the certificate of incorporation."
        />
        <SelectField
          form={form}
          name="district"
          label={AGENCY_LABELS.district}
          blank="Select a district"
          options={DISTRICT_OPTIONS}
        />
        <TextAreaField form={form} name="physical_address" label={AGENCY_LABELS.physical_address} rows={2} />
        <TextField form={form} name="phone" label={AGENCY_LABELS.phone} type="tel" optional />
        <TextField form={form} name="email" label={AGENCY_LABELS.email} type="email" optional />
        <PeopleFields form={form} />
        <CheckboxesField form={form} name="sectors" label={AGENCY_LABELS.sectors} options={SECTOR_OPTIONS} />
        <MultiSelectField
          form={form}
          name="destination_countries"
          label={AGENCY_LABELS.destination_countries}
          hint="Hold Ctrl (or Cmd) to choose more than one."
          options={COUNTRY_OPTIONS}
        />
        <TextAreaField form={form} name="notes" label={AGENCY_LABELS.notes} optional />
        <button type="submit">
          {agency
            ? 'Save changes'
            : props.duplicates?.length && !props.barred?.length
              ? 'Register anyway'
              : 'Register agency'}
        </button>
      </form>
    </Layout>
  )
}
