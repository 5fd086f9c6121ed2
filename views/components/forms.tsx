import type { Child } from 'hono/jsx'
import { CSRF_FIELD } from '../../src/http/csrf.js'

/** What a form shows again after a refused submit: what was typed, and why it was refused. */
export interface FormState {
  values: Record<string, string | undefined>
  errors: Record<string, string | undefined>
}

export const emptyForm = (values: Record<string, string | undefined> = {}): FormState => ({
  values,
  errors: {},
})

export function hasErrors(form: FormState): boolean {
  return Object.values(form.errors).some(Boolean)
}

export function CsrfField(props: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={props.token} />
}

/** The list of problems at the top of a refused form, each linking to its field. */
export function ErrorSummary(props: { form: FormState; labels: Record<string, string> }) {
  const entries = Object.entries(props.form.errors).filter((e): e is [string, string] => Boolean(e[1]))
  if (entries.length === 0) return null
  return (
    <div class="error-summary" role="alert" tabindex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">There is a problem</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li>
            <a href={`#${field}`}>{props.labels[field] ? `${props.labels[field]}: ${message}` : message}</a>
          </li>
        ))}
      </ul>
    </div>
  )
}

interface FieldProps {
  form: FormState
  name: string
  label: string
  hint?: string
  optional?: boolean
}

function FieldShell(props: FieldProps & { children: Child }) {
  const error = props.form.errors[props.name]
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={props.name}>
        {props.label}
        {props.optional && <span class="optional"> (optional)</span>}
      </label>
      {props.hint && (
        <span class="hint" id={`${props.name}-hint`}>
          {props.hint}
        </span>
      )}
      {error && (
        <span class="error-message" id={`${props.name}-error`}>
          <span class="visually-hidden">Error: </span>
          {error}
        </span>
      )}
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
    type?: 'text' | 'email' | 'password' | 'search' | 'date' | 'tel'
    autocomplete?: string
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
        value={isPassword ? undefined : (props.form.values[props.name] ?? '')}
        autocomplete={props.autocomplete}
        aria-describedby={describedBy(props)}
        aria-invalid={props.form.errors[props.name] ? 'true' : undefined}
        spellcheck={props.type === 'email' || isPassword ? false : undefined}
      />
    </FieldShell>
  )
}

export function SelectField(
  props: FieldProps & { options: readonly { value: string; label: string }[]; blank?: string },
) {
  const current = props.form.values[props.name] ?? ''
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
