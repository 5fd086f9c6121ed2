import { z } from 'zod'
import { districtField, emailField, nameField, roleField } from '../auth/schemas.js'
import { pageParam } from '../http/pagination.js'
import { blankToUndefined } from '../http/validation.js'
import { ROLES } from '../vocabulary.js'

export const userIdParam = z.object({ id: z.uuid() })

export const userFiltersSchema = z.object({
  q: z.string().trim().max(100, 'Search must be 100 characters or fewer').optional(),
  role: z.preprocess(blankToUndefined, z.enum(ROLES, { error: 'Select a role from the list' }).optional()),
  status: z.preprocess(
    blankToUndefined,
    z.enum(['active', 'inactive'], { error: 'Select a status' }).optional(),
  ),
  page: pageParam,
})

export const newUserSchema = z.object({
  name: nameField,
  email: emailField,
  role: roleField,
  home_district: districtField,
})

/** `version` is the one the officer saw; a different current version means someone else changed it. */
const version = z.coerce.number().int().min(1)

export const roleChangeSchema = z.object({ role: roleField, version })
export const versionOnlySchema = z.object({ version })
export const deactivateSchema = z.object({
  version,
  reason: z
    .string()
    .trim()
    .min(1, 'Enter why this account is being deactivated')
    .max(500, 'Reason must be 500 characters or fewer'),
})
