import { zValidator } from '@hono/zod-validator'
import type { Context } from 'hono'
import type { z } from 'zod'
import type { AppEnv } from './env.js'

/** What a form shows again after a refused submit: what was typed, and why it was refused. */
export type FormValue = string | string[] | undefined

export interface FormState {
  values: Record<string, FormValue>
  errors: Record<string, string | undefined>
}

export const emptyForm = (values: Record<string, FormValue> = {}): FormState => ({ values, errors: {} })

/** The raw form as strings and lists of strings, for showing back what the person typed. */
export function typedValues(data: unknown): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {}
  if (data && typeof data === 'object') {
    for (const [key, value] of Object.entries(data)) {
      if (typeof value === 'string') values[key] = value
      else if (Array.isArray(value)) values[key] = value.filter((v): v is string => typeof v === 'string')
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

/**
 * Validates a submitted form with zod. When it is refused, `onInvalid` renders the form again
 * with the person's values and a message per field; it should answer 422.
 */
export function formValidator<S extends z.ZodType>(
  schema: S,
  onInvalid: (c: Context<AppEnv>, form: FormState) => Response | Promise<Response>,
) {
  return zValidator('form', schema, async (result, c) => {
    if (!result.success) {
      return onInvalid(c as unknown as Context<AppEnv>, {
        values: typedValues(result.data),
        errors: fieldErrors(result.error),
      })
    }
  })
}
