import { zValidator } from '@hono/zod-validator'
import type { Context } from 'hono'
import type { z } from 'zod'
import type { AppEnv } from './env.js'
import { PageError } from './problems.js'

/** What a form shows again after a refused submit: what was typed, and why it was refused. */
export type FormValue = string | string[] | undefined

export interface FormState {
  values: Record<string, FormValue>
  errors: Record<string, string | undefined>
}

export const emptyForm = (values: Record<string, FormValue> = {}): FormState => ({ values, errors: {} })

// Shown back without control characters (but line breaks and tabs): the field's message says
// they were taken out, and sending the form again then works.
const shownBack = (v: string) => v.replace(/[^\P{Cc}\t\n\r]/gu, '')

/** The raw form as strings and lists of strings, for showing back what the person typed. */
export function typedValues(data: unknown): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {}
  if (data && typeof data === 'object') {
    for (const [key, value] of Object.entries(data)) {
      if (typeof value === 'string') values[key] = shownBack(value)
      else if (Array.isArray(value))
        values[key] = value.filter((v): v is string => typeof v === 'string').map(shownBack)
    }
  }
  return values
}

/** The first message for each field. */
export function fieldErrors(error: {
  issues: readonly { path: readonly PropertyKey[]; message: string }[]
}): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form')
    errors[key] ??= issue.message
  }
  return errors
}

/** A posted form as its fields: one value, or a list for a repeated field (checkboxes). */
export type FormBody = Record<string, string | File | (string | File)[]>

/**
 * The posted form, read once per request and kept (the CSRF check and the route see the same).
 * Anything that is not a form, or a form that cannot be read, is an empty form, which every
 * schema then refuses with its own messages.
 */
export function formBody(c: Context<AppEnv>): Promise<FormBody> {
  // Hono types the cache as values but keeps promises in it (HonoRequest#cachedBody).
  const cache = c.req.bodyCache as { fields?: Promise<FormBody> }
  cache.fields ??= readFields(c)
  return cache.fields
}

async function readFields(c: Context<AppEnv>): Promise<FormBody> {
  const type = c.req.header('content-type') ?? ''
  // No prototype: a field named "__proto__" or "constructor" is just a field.
  const fields: FormBody = Object.create(null)
  const add = (name: string, value: string | File) => {
    const earlier = fields[name]
    fields[name] = earlier === undefined ? value : [...(Array.isArray(earlier) ? earlier : [earlier]), value]
  }
  try {
    // Read straight from the text: building a FormData for it costs more than the rest of a report.
    if (type.startsWith('application/x-www-form-urlencoded'))
      for (const [name, value] of new URLSearchParams(await c.req.text())) add(name, value)
    else if (type.startsWith('multipart/form-data'))
      for (const [name, value] of await c.req.formData()) add(name, value)
  } catch (error) {
    // A body over its size limit is answered with 413 (see limitBody); a malformed one is empty.
    if (c.get('bodyTooLarge')) throw error
    return Object.create(null)
  }
  return fields
}

export type ParsedForm<T> =
  | { ok: true; data: T; body: FormBody }
  | { ok: false; form: FormState; body: FormBody }

/**
 * The one way a route reads a form: the posted fields checked by a zod schema. Refused, it
 * gives the form to show again: what was typed and the first message for each field (the route
 * answers 422 with it).
 */
export async function parseForm<S extends z.ZodType>(
  c: Context<AppEnv>,
  schema: S,
): Promise<ParsedForm<z.output<S>>> {
  const body = await formBody(c)
  const parsed = schema.safeParse(body)
  if (parsed.success) return { ok: true, data: parsed.data, body }
  return { ok: false, form: { values: typedValues(body), errors: fieldErrors(parsed.error) }, body }
}

/**
 * Checks a route's path parameters (ids are UUIDs): anything else is a page that does not exist.
 * `c.req.valid('param')` then has them typed.
 */
export function paramOr404<S extends z.ZodType>(schema: S, detail?: string) {
  return zValidator('param', schema, (result) => {
    if (!result.success) throw new PageError(404, detail)
  })
}
