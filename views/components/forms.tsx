import type { Child } from 'hono/jsx'
import { CSRF_FIELD } from '../../src/http/csrf.js'
import type { FormState } from '../../src/http/validation.js'
import {
  DISTRICTS,
  SECTOR_LABELS,
  SECTORS,
  WORKSITE_KIND_LABELS,
  WORKSITE_KINDS,
} from '../../src/vocabulary.js'

// The shared vocabularies as choices of a select or a set of checkboxes.
export const DISTRICT_OPTIONS = DISTRICTS.map((d) => ({ value: d, label: d }))
export const SECTOR_OPTIONS = SECTORS.map((s) => ({ value: s, label: SECTOR_LABELS[s] }))
export const WORKSITE_KIND_OPTIONS = WORKSITE_KINDS.map((k) => ({ value: k, label: WORKSITE_KIND_LABELS[k] }))

/** One typed value as a string (lists joined by new lines). */
export function textOf(form: FormState, name: string): string {
  const v = form.values[name]
  return Array.isArray(v) ? v.join('\n') : (v ?? '')
}

/** A typed value as a list (for checkboxes and multiple selects). */
export function listOf(form: FormState, name: string): string[] {
  const v = form.values[name]
  return Array.isArray(v) ? v : v ? [v] : []
}

export function hasErrors(form: FormState): boolean {
  return Object.values(form.errors).some(Boolean)
}

export function CsrfField(props: { token: string }) {
  // autocomplete="off": a browser restoring the form (Back, reload) must not bring back an old token.
  return <input type="hidden" name={CSRF_FIELD} value={props.token} autocomplete="off" />
}

/** The list of problems at the top of a refused form, each linking to its field. */
export function ErrorSummary(props: {
  form: FormState
  labels: Record<string, string>
  /** False in a list's results: they are replaced as filters change, even while a date is typed. */
  takesFocus?: boolean
}) {
  const entries = Object.entries(props.form.errors).filter((e): e is [string, string] => Boolean(e[1]))
  if (entries.length === 0) return null
  return (
    <div
      class="error-summary"
      role="alert"
      tabindex={-1}
      autofocus={props.takesFocus !== false}
      aria-labelledby="error-summary-title"
    >
      <h2 id="error-summary-title">There is a problem</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li>
            {/* data-message: the filter forms mark the field with it when only the results are replaced. */}
            <a href={`#${field}`} data-message={message}>
              {props.labels[field] ? `${props.labels[field]}: ${message}` : message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  )
}

/** The words a field adds itself, for public forms in the reader's language. */
export interface FieldWords {
  optional: string
  errorPrefix: string
}
const ENGLISH: FieldWords = { optional: '(optional)', errorPrefix: 'Error: ' }

interface FieldProps {
  form: FormState
  name: string
  label: string
  hint?: string
  optional?: boolean
  words?: FieldWords
}

/** The hint under a label and the message for a refused value; `describedBy` points at both. */
export function HintAndError(props: {
  name: string
  hint?: string | undefined
  error?: string | undefined
  words?: FieldWords | undefined
}) {
  return (
    <>
      {props.hint && (
        <span class="hint" id={`${props.name}-hint`}>
          {props.hint}
        </span>
      )}
      {props.error && (
        <span class="error-message" id={`${props.name}-error`}>
          <span class="visually-hidden">{(props.words ?? ENGLISH).errorPrefix}</span>
          {props.error}
        </span>
      )}
    </>
  )
}

function FieldShell(props: FieldProps & { children: Child }) {
  const error = props.form.errors[props.name]
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={props.name}>
        {props.label}
        {props.optional && <span class="optional"> {(props.words ?? ENGLISH).optional}</span>}
      </label>
      <HintAndError name={props.name} hint={props.hint} error={error} words={props.words} />
      {props.children}
    </div>
  )
}

function describedBy(props: FieldProps): string | undefined {
  const ids = [
    props.hint ? `${props.name}-hint` : null,
    props.form.errors[props.name] ? `${props.name}-error` : null,
  ]
  return ids.filter(Boolean).join(' ') || undefined
}

export function TextField(
  props: FieldProps & {
    type?: 'text' | 'email' | 'password' | 'search' | 'date' | 'datetime-local' | 'tel'
    autocomplete?: string
    /** Which keyboard a phone shows: digits for counts, digits and a point for amounts. */
    inputmode?: 'numeric' | 'decimal'
    /** Not in use now (another choice replaces it): not sent, and passed over by Tab. */
    disabled?: boolean
  },
) {
  const isPassword = props.type === 'password'
  return (
    <FieldShell {...props}>
      <input
        id={props.name}
        name={props.name}
        type={props.type ?? 'text'}
        // Passwords are never sent back to the browser, even after a refused submit.
        value={isPassword ? undefined : textOf(props.form, props.name)}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        aria-describedby={describedBy(props)}
        aria-invalid={props.form.errors[props.name] ? 'true' : undefined}
        disabled={props.disabled}
        spellcheck={props.type === 'email' || isPassword ? false : undefined}
      />
    </FieldShell>
  )
}

export function SelectField(
  props: FieldProps & { options: readonly { value: string; label: string }[]; blank?: string },
) {
  const current = textOf(props.form, props.name)
  return (
    <FieldShell {...props}>
      <select
        id={props.name}
        name={props.name}
        aria-describedby={describedBy(props)}
        aria-invalid={props.form.errors[props.name] ? 'true' : undefined}
      >
        {props.blank !== undefined && <option value="">{props.blank}</option>}
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === current}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  )
}

export function TextAreaField(props: FieldProps & { rows?: number }) {
  return (
    <FieldShell {...props}>
      <textarea
        id={props.name}
        name={props.name}
        rows={props.rows ?? 4}
        aria-describedby={describedBy(props)}
        aria-invalid={props.form.errors[props.name] ? 'true' : undefined}
      >
        {textOf(props.form, props.name)}
      </textarea>
    </FieldShell>
  )
}

/** Several choices as checkboxes in a fieldset; each ticked box posts `name=value`. */
export function CheckboxesField(
  props: FieldProps & { options: readonly { value: string; label: string }[] },
) {
  const chosen = new Set(listOf(props.form, props.name))
  const error = props.form.errors[props.name]
  return (
    <div class={error ? 'field field-error' : 'field'} id={props.name} tabindex={-1}>
      <fieldset aria-describedby={describedBy(props)}>
        <legend>
          {props.label}
          {props.optional && <span class="optional"> {(props.words ?? ENGLISH).optional}</span>}
        </legend>
        <HintAndError name={props.name} hint={props.hint} error={error} words={props.words} />
        <div class="checkboxes">
          {props.options.map((o) => (
            <div class="checkbox">
              <input
                type="checkbox"
                id={`${props.name}-${o.value}`}
                name={props.name}
                value={o.value}
                checked={chosen.has(o.value)}
              />
              <label for={`${props.name}-${o.value}`}>{o.label}</label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  )
}

/** One choice among a few, each option's label possibly several lines (a worksite and why). */
export function RadiosField(props: FieldProps & { options: readonly { value: string; label: Child }[] }) {
  const chosen = textOf(props.form, props.name)
  const error = props.form.errors[props.name]
  return (
    <div class={error ? 'field field-error' : 'field'} id={props.name} tabindex={-1}>
      <fieldset aria-describedby={describedBy(props)}>
        <legend>{props.label}</legend>
        <HintAndError name={props.name} hint={props.hint} error={error} words={props.words} />
        <div class="checkboxes">
          {props.options.map((o) => (
            <div class="checkbox">
              <input
                type="radio"
                id={`${props.name}-${o.value}`}
                name={props.name}
                value={o.value}
                checked={chosen === o.value}
              />
              <label for={`${props.name}-${o.value}`}>{o.label}</label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  )
}

export function MultiSelectField(
  props: FieldProps & { options: readonly { value: string; label: string }[] },
) {
  const chosen = new Set(listOf(props.form, props.name))
  return (
    <FieldShell {...props}>
      <select
        id={props.name}
        name={props.name}
        multiple
        aria-describedby={describedBy(props)}
        aria-invalid={props.form.errors[props.name] ? 'true' : undefined}
      >
        {props.options.map((o) => (
          <option value={o.value} selected={chosen.has(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  )
}
