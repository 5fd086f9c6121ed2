import type { TrackedStatus } from '../../src/complaints/rules.js'
import { COMPLAINT_CATEGORIES } from '../../src/complaints/rules.js'
import { LIMITS } from '../../src/complaints/schemas.js'
import type { FocalPoint } from '../../src/focal-points/queries.js'
import type { FormState } from '../../src/http/validation.js'
import { CURRENCIES } from '../../src/money.js'
import type { District } from '../../src/vocabulary.js'
import {
  CheckboxesField,
  CsrfField,
  DISTRICT_OPTIONS,
  type FieldWords,
  hasErrors,
  SelectField,
  TextAreaField,
  TextField,
  textOf,
} from '../components/forms.js'
import { LicenceNumber } from '../components/licence-number.js'
import { NoFeeNotice } from '../public/no-fee.js'
import { DistrictOffices } from '../public/offices.js'
import { type PublicContext, PublicLayout } from '../public/public-layout.js'

/** A recruiter chosen from the registry (by the link on a lookup or verify result). */
export interface ChosenRecruiter {
  name: string
  licenceNumber: string
}

function ErrorList(props: { pc: PublicContext; form: FormState }) {
  const entries = Object.entries(props.form.errors).filter((e): e is [string, string] => Boolean(e[1]))
  if (entries.length === 0) return null
  return (
    <div class="error-summary" role="alert" tabindex={-1} autofocus aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{props.pc.t.complaint.problem}</h2>
      <ul>
        {entries.map(([field, message]) => (
          // A problem with the whole form (too many reports from the network) has no field to go to.
          <li>{field === 'form' ? message : <a href={`#${field}`}>{message}</a>}</li>
        ))}
      </ul>
    </div>
  )
}

/** The public report form: plain HTML, works without JavaScript, in English or Sesotho. */
export function ReportFormPage(props: {
  pc: PublicContext
  form: FormState
  chosen: ChosenRecruiter | null
  submissionKey: string
}) {
  const { pc, form, chosen } = props
  const t = pc.t.complaint
  const words: FieldWords = { optional: t.optional, errorPrefix: pc.t.errorPrefix }
  const field = { form, words }
  return (
    <PublicLayout pc={pc} title={t.title} hasErrors={hasErrors(form)}>
      <h1>{t.title}</h1>
      <p class="lead">{t.lead}</p>
      <ErrorList pc={pc} form={form} />
      <form
        method="post"
        action="/complaints/new"
        class="report-form"
        novalidate
        // A plain post: a reload sends it again and shows the same answer with what was typed.
        hx-boost="false"
      >
        <CsrfField token={pc.page.csrfToken} />
        <input type="hidden" name="submission_key" value={props.submissionKey} />
        {/* People never see this field; scripts that fill every field do. */}
        <div class="hp" aria-hidden="true">
          <label for="website">Website</label>
          <input type="text" id="website" name="website" tabindex={-1} autocomplete="off" value="" />
        </div>

        <fieldset>
          <legend>
            <h2>{t.recruiterHeading}</h2>
          </legend>
          {chosen ? (
            <p class="chosen-recruiter">
              <strong>{chosen.name}</strong> (<LicenceNumber number={chosen.licenceNumber} />)
              <input type="hidden" name="licence" value={chosen.licenceNumber} />
            </p>
          ) : (
            <TextField {...field} name="licence" label={pc.t.licenceNumber} hint="LRA-2026-00042" optional />
          )}
          <TextField
            {...field}
            name="recruiter_name"
            label={t.recruiterName}
            hint={t.recruiterNameHint}
            optional={Boolean(chosen)}
          />
          <TextField {...field} name="recruiter_place" label={t.recruiterPlace} optional />
          <TextField {...field} name="recruiter_phone" label={t.recruiterPhone} type="tel" optional />
        </fieldset>

        <CheckboxesField
          {...field}
          name="categories"
          label={t.whatHappened}
          hint={t.whatHappenedHint}
          options={COMPLAINT_CATEGORIES.map((c) => ({ value: c, label: t.categories[c] }))}
        />
        <div class="field-row">
          <TextField {...field} name="fee_amount" label={t.feeAmount} hint={t.feeAmountHint} optional />
          <SelectField
            {...field}
            name="fee_currency"
            label={t.feeCurrency}
            blank=""
            options={CURRENCIES.map((c) => ({ value: c, label: t.currencies[c] }))}
            optional
          />
        </div>
        <TextField
          {...field}
          name="happened_on"
          label={t.happenedOn}
          hint={t.happenedOnHint}
          type="date"
          optional
        />
        <SelectField
          {...field}
          name="district"
          label={t.district}
          blank={t.districtNone}
          options={DISTRICT_OPTIONS}
          optional
        />
        <fieldset>
          <legend>
            <h2>{t.promisedHeading}</h2>
          </legend>
          <TextField
            {...field}
            name="job_offer_code"
            label={t.jobOfferCode}
            hint={t.jobOfferCodeHint}
            inputmode="numeric"
            optional
          />
          <TextField {...field} name="promised_job" label={t.promisedJob} optional />
          <TextField {...field} name="promised_employer" label={t.promisedEmployer} optional />
          <TextField {...field} name="promised_country" label={t.promisedCountry} optional />
        </fieldset>
        <TextAreaField
          {...field}
          name="description"
          label={t.description}
          hint={t.descriptionHint}
          rows={6}
        />
        <p class="hint">{`${textOf(form, 'description').length} / ${LIMITS.description}`}</p>

        <fieldset>
          <legend>
            <h2>{t.contactHeading}</h2>
          </legend>
          <p>{t.anonymous}</p>
          <TextField
            {...field}
            name="contact_phone"
            label={t.contactPhone}
            type="tel"
            autocomplete="tel"
            optional
          />
          <TextField
            {...field}
            name="contact_email"
            label={t.contactEmail}
            type="email"
            autocomplete="email"
            optional
          />
          <div class="checkbox">
            <input
              type="checkbox"
              id="may_contact"
              name="may_contact"
              value="yes"
              checked={textOf(form, 'may_contact') === 'yes'}
            />
            <label for="may_contact">{t.mayContact}</label>
          </div>
          <SelectField
            {...field}
            name="contact_language"
            label={t.contactLanguage}
            blank=""
            options={[
              { value: 'st', label: 'Sesotho' },
              { value: 'en', label: 'English' },
            ]}
            optional
          />
        </fieldset>
        <button type="submit">{t.submit}</button>
      </form>
      <h2>{pc.t.reportTitle}</h2>
      <ol class="steps">
        {pc.t.reportSteps.map((step) => (
          <li>{step}</li>
        ))}
      </ol>
      <p>
        <a href={langHref('/offices', pc)}>{pc.t.offices.link}</a>
      </p>
      <NoFeeNotice t={pc.t} />
    </PublicLayout>
  )
}

/** After sending: the reference, large, and what to do with it. */
export function ReportSentPage(props: {
  pc: PublicContext
  reference: string
  /** The offices of the district the report named, to go to in person. */
  offices: { district: District; points: FocalPoint[] } | null
}) {
  const t = props.pc.t.complaint
  return (
    <PublicLayout pc={props.pc} title={t.sentTitle}>
      <h1>{t.sentTitle}</h1>
      <p>{t.sentReference}:</p>
      <p class="reference" id="reference">
        <strong>{props.reference}</strong>
      </p>
      <p>{t.sentKeep}</p>
      <p>
        <a href={`/complaints/track?ref=${encodeURIComponent(props.reference)}`}>{t.trackLink}</a> ·{' '}
        <a href="/">{props.pc.t.backToSearch}</a>
      </p>
      {props.offices && (
        <DistrictOffices district={props.offices.district} points={props.offices.points} t={props.pc.t} />
      )}
      <p>
        <a href={langHref('/offices', props.pc)}>{props.pc.t.offices.link}</a>
      </p>
      <NoFeeNotice t={props.pc.t} />
    </PublicLayout>
  )
}

/** Tracking by reference: the status only, nothing else about the report. */
export function TrackPage(props: {
  pc: PublicContext
  reference: string
  status: TrackedStatus | null
  /** Nothing typed, or no report with that reference. */
  error: string | null
}) {
  const { pc, error } = props
  const t = pc.t.complaint
  return (
    <PublicLayout pc={pc} title={t.trackTitle} hasErrors={error !== null}>
      <h1>{t.trackTitle}</h1>
      <form method="get" action="/complaints/track" class="lookup">
        <div class={error ? 'field field-error' : 'field'}>
          <label for="ref">{t.trackLabel}</label>
          <span class="hint" id="ref-hint">
            {t.trackHint}
          </span>
          {error && (
            <span class="error-message" id="ref-error">
              <span class="visually-hidden">{pc.t.errorPrefix}</span>
              {error}
            </span>
          )}
          <div class="lookup-row">
            <input
              id="ref"
              name="ref"
              value={props.reference}
              maxlength={40}
              autocomplete="off"
              autocapitalize="characters"
              spellcheck={false}
              aria-describedby={error ? 'ref-hint ref-error' : 'ref-hint'}
              aria-invalid={error ? 'true' : undefined}
            />
            <button type="submit">{t.trackButton}</button>
          </div>
        </div>
      </form>
      {props.status && (
        <div class="notice" role="status">
          <p>
            {t.trackStatusLabel}: <strong>{t.trackStatus[props.status]}</strong>
          </p>
        </div>
      )}
      <p>
        <a href="/complaints/new">{t.link}</a> · <a href="/">{pc.t.backToSearch}</a>
      </p>
    </PublicLayout>
  )
}

/** A public page's address in the reader's language. */
const langHref = (path: string, pc: PublicContext) => (pc.lang === 'en' ? path : `${path}?lang=${pc.lang}`)
