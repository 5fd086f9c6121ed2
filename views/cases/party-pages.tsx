import type { Child } from 'hono/jsx'
import { COUNTRY_OPTIONS, countryName } from '../../src/agencies/countries.js'
import { caseNumberText } from '../../src/cases/case-number.js'
import {
  AGE_GROUP_LABELS,
  AGE_GROUPS,
  AGENCY_LINK_LABELS,
  AGENCY_LINKS,
  type AgeGroup,
  EXPLOITATION_FORMS,
  EXPLOITATION_LABELS,
  type ExploitationForm,
  SEX_LABELS,
  SEXES,
  type Sex,
  SUSPECT_KIND_LABELS,
  SUSPECT_KINDS,
  SUSPECT_ROLE_LABELS,
  SUSPECT_ROLES,
  standsConvicted,
  UNKNOWN_NATIONALITY,
  VERDICT_LABELS,
  VERDICTS,
} from '../../src/cases/parties.js'
import type { CaseSuspect, CaseVictims } from '../../src/cases/suspects.js'
import { formatDate } from '../../src/format.js'
import type { PageContext } from '../../src/http/render.js'
import type { FormState } from '../../src/http/validation.js'
import { formatMoney } from '../../src/money.js'
import { DataTable } from '../components/data-table.js'
import {
  CsrfField,
  ErrorSummary,
  hasErrors,
  RadiosField,
  SelectField,
  TextAreaField,
  TextField,
  textOf,
} from '../components/forms.js'
import { Layout } from '../layout.js'

// Suspects and potential victims of a case, and the court's ruling on each suspect.

interface CaseHead {
  id: string
  station: string
  case_number: number
  case_year: number
  version: number
}

const options = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((v) => ({ value: v, label: labels[v] }))
const NATIONALITY_OPTIONS = [
  { value: 'LS', label: countryName('LS') },
  { value: UNKNOWN_NATIONALITY, label: 'Not known' },
  ...COUNTRY_OPTIONS.filter((o) => o.value !== 'LS'),
]
export const nationalityText = (n: string | null) =>
  n === null ? '–' : n === UNKNOWN_NATIONALITY ? 'Not known' : countryName(n)

export const SUSPECT_FIELD_LABELS: Record<string, string> = {
  kind: 'Who the suspect is',
  agency: 'The agency',
  agency_link: 'How the person is linked to the agency',
  name: 'Name',
  role: 'Role in the offence',
  sex: 'Sex',
  age_group: 'Age group',
  nationality: 'Nationality',
  id_number: 'National ID or passport number',
  people: 'How many people',
  exploitation: 'Form of exploitation',
  referred_nrm: 'How many were referred for assistance (NRM)',
  verdict: 'The court’s ruling',
  verdict_on: 'Day of the ruling',
  prison_months: 'Prison term, in months',
  prison_suspended: 'The prison term is suspended',
  fine: 'Fine, in maloti',
  overturned_on: 'Day of the appeal judgment',
  reason: 'The appeal court and its judgment',
  version: 'Page',
  submission_key: 'Form',
}

/** Sex, age group and nationality: asked of a suspect who is a person, and of a group of victims. */
function PersonFacts(props: { form: FormState }) {
  return (
    <>
      <SelectField
        form={props.form}
        name="sex"
        label={SUSPECT_FIELD_LABELS.sex!}
        options={options(SEXES, SEX_LABELS)}
        blank="Choose"
      />
      <SelectField
        form={props.form}
        name="age_group"
        label={SUSPECT_FIELD_LABELS.age_group!}
        options={options(AGE_GROUPS, AGE_GROUP_LABELS)}
        blank="Choose"
      />
      <SelectField
        form={props.form}
        name="nationality"
        label={SUSPECT_FIELD_LABELS.nationality!}
        options={NATIONALITY_OPTIONS}
        blank="Choose"
      />
    </>
  )
}

function Shell(props: { ctx: PageContext; k: CaseHead; title: string; form: FormState; children: Child }) {
  return (
    <Layout
      ctx={props.ctx}
      title={`${props.title}: ${caseNumberText(props.k)}`}
      hasErrors={hasErrors(props.form)}
    >
      <ErrorSummary form={props.form} labels={SUSPECT_FIELD_LABELS} />
      <p>
        <a href={`/cases/${props.k.id}`}>Back to the case</a>
      </p>
      <h1>
        {props.title}: {caseNumberText(props.k)}
      </h1>
      {props.children}
    </Layout>
  )
}

export function SuspectFormPage(props: { ctx: PageContext; k: CaseHead; form: FormState }) {
  const { form, k } = props
  return (
    <Shell ctx={props.ctx} k={k} title="Add a suspect" form={form}>
      <p>
        Suspects’ names and ID numbers are seen by the police, prosecutors and administrators only. A
        licensing officer sees that a case names an agency, and its stage; analysts see counts.
      </p>
      <form method="post" action={`/cases/${k.id}/suspects/new`} novalidate>
        <CsrfField token={props.ctx.csrfToken} />
        <input type="hidden" name="version" value={String(form.values.version ?? k.version)} />
        <input type="hidden" name="submission_key" value={textOf(form, 'submission_key')} />
        <RadiosField
          form={form}
          name="kind"
          label={SUSPECT_FIELD_LABELS.kind!}
          options={options(SUSPECT_KINDS, SUSPECT_KIND_LABELS)}
        />
        <TextField
          form={form}
          name="agency"
          label={SUSPECT_FIELD_LABELS.agency!}
          hint="For an agency or a person of one: its licence number (for example LRA-2024-00123) or its registered name exactly"
          optional
        />
        <SelectField
          form={form}
          name="agency_link"
          label={SUSPECT_FIELD_LABELS.agency_link!}
          hint="For a person of an agency"
          options={options(AGENCY_LINKS, AGENCY_LINK_LABELS)}
          blank="Choose"
          optional
        />
        <TextField
          form={form}
          name="name"
          label={SUSPECT_FIELD_LABELS.name!}
          hint="The person’s or the employer’s name, as on the docket. Not needed for an agency."
          optional
        />
        <SelectField
          form={form}
          name="role"
          label={SUSPECT_FIELD_LABELS.role!}
          options={options(SUSPECT_ROLES, SUSPECT_ROLE_LABELS)}
          blank="Choose a role"
        />
        <fieldset class="field">
          <legend>For a person</legend>
          <span class="hint">Not asked of an agency or a company. “Not known” is an answer.</span>
          <PersonFacts form={form} />
          <TextField
            form={form}
            name="id_number"
            label={SUSPECT_FIELD_LABELS.id_number!}
            hint="When known. A person convicted is barred from an agency’s licence by this number."
            optional
          />
        </fieldset>
        <div class="actions">
          <button type="submit">Add the suspect</button>
          <a href={`/cases/${k.id}`}>Cancel</a>
        </div>
      </form>
    </Shell>
  )
}

export function VictimsFormPage(props: {
  ctx: PageContext
  k: CaseHead
  form: FormState
  fromInspection: boolean
}) {
  const { form, k } = props
  return (
    <Shell ctx={props.ctx} k={k} title="Add potential victims" form={form}>
      <p>
        Counts only, one group at a time (for example: 12 adult women from Lesotho, forced labour). Never a
        name.
      </p>
      {props.fromInspection && (
        <p class="notice warning">
          This case was opened from an inspection: the people that inspection referred are already counted.
          Add only others.
        </p>
      )}
      <form method="post" action={`/cases/${k.id}/victims/new`} novalidate>
        <CsrfField token={props.ctx.csrfToken} />
        <input type="hidden" name="version" value={String(form.values.version ?? k.version)} />
        <input type="hidden" name="submission_key" value={textOf(form, 'submission_key')} />
        <TextField form={form} name="people" label={SUSPECT_FIELD_LABELS.people!} inputmode="numeric" />
        <PersonFacts form={form} />
        <SelectField
          form={form}
          name="exploitation"
          label={SUSPECT_FIELD_LABELS.exploitation!}
          options={options(EXPLOITATION_FORMS, EXPLOITATION_LABELS)}
          blank="Choose"
        />
        <TextField
          form={form}
          name="referred_nrm"
          label={SUSPECT_FIELD_LABELS.referred_nrm!}
          hint="Through the National Referral Mechanism to shelter, health or social welfare. 0 if none."
          inputmode="numeric"
        />
        <div class="actions">
          <button type="submit">Add the group</button>
          <a href={`/cases/${k.id}`}>Cancel</a>
        </div>
      </form>
    </Shell>
  )
}

export function SuspectVerdictPage(props: {
  ctx: PageContext
  k: CaseHead
  suspect: CaseSuspect
  form: FormState
}) {
  const { form, k, suspect } = props
  return (
    <Shell ctx={props.ctx} k={k} title={`The court’s ruling on ${suspect.name}`} form={form}>
      <form method="post" action={`/cases/${k.id}/suspects/${suspect.id}/verdict`} novalidate>
        <CsrfField token={props.ctx.csrfToken} />
        <input type="hidden" name="version" value={String(k.version)} />
        <RadiosField
          form={form}
          name="verdict"
          label={SUSPECT_FIELD_LABELS.verdict!}
          options={options(VERDICTS, VERDICT_LABELS)}
        />
        <TextField form={form} name="verdict_on" label={SUSPECT_FIELD_LABELS.verdict_on!} type="date" />
        <fieldset class="field">
          <legend>The sentence, for a conviction</legend>
          <TextField
            form={form}
            name="prison_months"
            label={SUSPECT_FIELD_LABELS.prison_months!}
            inputmode="numeric"
            optional
          />
          <div class="checkbox">
            <input
              type="checkbox"
              id="prison_suspended"
              name="prison_suspended"
              value="yes"
              checked={form.values.prison_suspended === 'yes'}
            />
            <label for="prison_suspended">{SUSPECT_FIELD_LABELS.prison_suspended}</label>
          </div>
          <TextField
            form={form}
            name="fine"
            label={SUSPECT_FIELD_LABELS.fine!}
            hint="For example 5,000"
            inputmode="decimal"
            optional
          />
        </fieldset>
        <div class="actions">
          <button type="submit">Record the ruling</button>
          <a href={`/cases/${k.id}`}>Cancel</a>
        </div>
      </form>
    </Shell>
  )
}

export function OverturnPage(props: {
  ctx: PageContext
  k: CaseHead
  suspect: CaseSuspect
  form: FormState
}) {
  const { form, k, suspect } = props
  return (
    <Shell ctx={props.ctx} k={k} title={`Conviction of ${suspect.name} overturned on appeal`} form={form}>
      <p>
        The conviction of {formatDate(suspect.verdict_on!)} no longer stands once this is recorded
        {suspect.kind === 'agency'
          ? ': it stops showing at once on the agency’s page, in the licensing office’s review list and on the public pages.'
          : suspect.kind === 'agency_person'
            ? ': it stops counting against the agency and no longer bars the person from an agency.'
            : suspect.kind === 'unlisted_recruiter'
              ? ': it no longer bars the person from an agency.'
              : '.'}{' '}
        The case’s history keeps both.
      </p>
      <form method="post" action={`/cases/${k.id}/suspects/${suspect.id}/overturn`} novalidate>
        <CsrfField token={props.ctx.csrfToken} />
        <input type="hidden" name="version" value={String(k.version)} />
        <TextField form={form} name="overturned_on" label={SUSPECT_FIELD_LABELS.overturned_on!} type="date" />
        <TextAreaField form={form} name="reason" label={SUSPECT_FIELD_LABELS.reason!} rows={3} />
        <div class="actions">
          <button type="submit" class="danger">
            Record the appeal
          </button>
          <a href={`/cases/${k.id}`}>Cancel</a>
        </div>
      </form>
    </Shell>
  )
}

/** The court's ruling on one suspect, as the case page says it. */
export function verdictText(s: CaseSuspect): string {
  if (!s.verdict) return 'No ruling yet'
  const base = `${VERDICT_LABELS[s.verdict]} on ${formatDate(s.verdict_on!)}`
  if (s.verdict !== 'convicted') return base
  const sentence = [
    s.prison_months !== null &&
      `${s.prison_months === 1 ? '1 month' : `${s.prison_months} months`} in prison${s.prison_suspended ? ' (suspended)' : ''}`,
    s.fine_minor !== null && `a fine of ${formatMoney(s.fine_minor, 'LSL')}`,
  ].filter(Boolean)
  const overturned = s.overturned_on
    ? `; overturned on appeal on ${formatDate(s.overturned_on)}${s.overturned_reason ? ` (${s.overturned_reason})` : ''}`
    : ''
  return `${base}${sentence.length > 0 ? `: ${sentence.join(' and ')}` : ''}${overturned}`
}

/** The suspects section of a case's page, with the prosecutor's ruling links. */
export function SuspectsSection(props: {
  caseId: string
  suspects: CaseSuspect[]
  canAdd: boolean
  canRule: boolean
  canOverturn: boolean
}) {
  return (
    <section aria-labelledby="suspects-title">
      <h2 id="suspects-title">Suspects</h2>
      {props.suspects.length === 0 ? (
        <p class="muted">No suspect has been recorded.</p>
      ) : (
        <DataTable
          caption="Suspects in this case"
          headings={['Suspect', 'Role', 'Sex, age, nationality', 'ID number', 'Ruling']}
        >
          {props.suspects.map((s) => (
            <tr>
              <td>
                {s.kind === 'agency' ? <a href={`/agencies/${s.agency_id}`}>{s.name}</a> : s.name}
                <div class="muted">
                  {s.kind === 'agency' ? (
                    'Registered agency'
                  ) : s.kind === 'agency_person' ? (
                    <>
                      {AGENCY_LINK_LABELS[s.agency_link!]} of{' '}
                      <a href={`/agencies/${s.agency_id}`}>{s.agency_name}</a>
                    </>
                  ) : (
                    SUSPECT_KIND_LABELS[s.kind]
                  )}
                </div>
              </td>
              <td>{SUSPECT_ROLE_LABELS[s.role]}</td>
              <td>
                {s.sex
                  ? `${SEX_LABELS[s.sex as Sex]}, ${AGE_GROUP_LABELS[s.age_group as AgeGroup]}, ${nationalityText(s.nationality)}`
                  : '–'}
              </td>
              <td>{s.id_number ?? '–'}</td>
              <td>
                {verdictText(s)}
                {props.canRule && (
                  <div>
                    <a href={`/cases/${props.caseId}/suspects/${s.id}/verdict`}>
                      {s.verdict ? 'Correct the ruling' : 'Record the ruling'}
                    </a>
                  </div>
                )}
                {props.canOverturn && standsConvicted(s) && (
                  <div>
                    <a href={`/cases/${props.caseId}/suspects/${s.id}/overturn`}>Overturned on appeal?</a>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {props.canAdd && (
        <p>
          <a href={`/cases/${props.caseId}/suspects/new`}>Add a suspect</a>
        </p>
      )}
    </section>
  )
}

/** The potential victims section: counts by group, never names. */
export function VictimsSection(props: {
  caseId: string
  victims: CaseVictims[]
  fromInspection: { people: number; href: string } | null
  canAdd: boolean
}) {
  const total = props.victims.reduce((n, v) => n + v.people, 0)
  return (
    <section aria-labelledby="victims-title">
      <h2 id="victims-title">Potential victims</h2>
      {props.fromInspection && (
        <p>
          <a href={props.fromInspection.href}>The inspection this case came from</a>{' '}
          {props.fromInspection.people === 0
            ? 'referred nobody.'
            : `referred ${props.fromInspection.people === 1 ? '1 person' : `${props.fromInspection.people} people`}; they are counted with it, once.`}
        </p>
      )}
      {props.victims.length === 0 ? (
        <p class="muted">
          No group of potential victims has been recorded{props.fromInspection ? ' besides them' : ''}.
        </p>
      ) : (
        <DataTable
          caption={`Potential victims in this case: ${total}`}
          headings={['People', 'Sex', 'Age group', 'Nationality', 'Exploitation', 'Referred (NRM)']}
        >
          {props.victims.map((v) => (
            <tr>
              <td>{v.people}</td>
              <td>{SEX_LABELS[v.sex]}</td>
              <td>{AGE_GROUP_LABELS[v.age_group]}</td>
              <td>{nationalityText(v.nationality)}</td>
              <td>{EXPLOITATION_LABELS[v.exploitation as ExploitationForm]}</td>
              <td>{v.referred_nrm}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {props.canAdd && (
        <p>
          <a href={`/cases/${props.caseId}/victims/new`}>Add potential victims</a>
        </p>
      )}
    </section>
  )
}
