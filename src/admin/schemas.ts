import { z } from 'zod'
import { districtField, emailField, nameField, roleField } from '../auth/schemas.js'
import { blankToUndefined, requiredText, searchFilter, versionField } from '../http/fields.js'
import { pageParam } from '../http/pagination.js'
import { ROLES } from '../vocabulary.js'

export const userIdParam = z.object({ id: z.uuid() })

export const userFiltersSchema = z.object({
  q: searchFilter(100, 'Search must be 100 characters or fewer'),
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
const version = versionField

export const roleChangeSchema = z.object({ role: roleField, version })
export const versionOnlySchema = z.object({ version })
export const deactivateSchema = z.object({
  version,
  reason: requiredText({
    max: 500,
    multiline: true,
    messages: {
      required: 'Enter why this account is being deactivated',
      tooLong: () => 'Reason must be 500 characters or fewer',
    },
  }),
})
