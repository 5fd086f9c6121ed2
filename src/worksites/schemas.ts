import { z } from 'zod'
import {
  blankToUndefined,
  listFilter,
  optionalText,
  requiredText,
  searchFilter,
  versionField,
} from '../http/fields.js'
import { pageParam } from '../http/pagination.js'
import { DISTRICTS, SECTORS, WORKSITE_KINDS } from '../vocabulary.js'

// Lesotho lies within these bounds; a position outside them is a typing mistake (a sign lost,
// latitude and longitude swapped).
export const LESOTHO_BOUNDS = { latitude: [-30.7, -28.5], longitude: [27.0, 29.5] } as const

/** A latitude or longitude in Lesotho, typed or from a phone; blank is none. */
export const coordinateField = (name: 'latitude' | 'longitude') => {
  const [min, max] = LESOTHO_BOUNDS[name]
  const range = `A ${name} in Lesotho is between ${min} and ${max}`
  return z.preprocess(
    blankToUndefined,
    z.coerce
      .number({
        error: `Enter the ${name} as a decimal number, for example ${name === 'latitude' ? '-29.31' : '27.48'}`,
      })
      .superRefine((value, ctx) => {
        if (value >= min && value <= max) return
        // The commonest slip: the minus sign of a southern latitude left out.
        const signLost = name === 'latitude' && -value >= min && -value <= max
        ctx.addIssue({
          code: 'custom',
          message: signLost ? `${range}: it starts with a minus sign, -${value}` : range,
        })
      })
      .optional(),
  )
}

export const worksiteSchema = z
  .object({
    name: requiredText({ max: 200, messages: { required: 'Enter the name of the worksite' } }),
    kind: z.enum(WORKSITE_KINDS, { error: 'Choose what kind of worksite it is' }),
    sector: z.enum(SECTORS, { error: 'Choose the sector' }),
    operator: optionalText({ max: 200 }),
    district: z.enum(DISTRICTS, { error: 'Choose the district' }),
    village: requiredText({ max: 200, messages: { required: 'Enter the village or town' } }),
    latitude: coordinateField('latitude'),
    longitude: coordinateField('longitude'),
    approx_workers: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ error: 'Enter a whole number of workers' })
        .int('Enter a whole number of workers')
        .min(0, 'Cannot be negative')
        .max(100_000, 'Must be 100,000 or fewer')
        .optional(),
    ),
    // Present when editing: the version the form was opened at.
    version: z.preprocess(blankToUndefined, versionField.optional()),
  })
  .superRefine((v, ctx) => {
    if ((v.latitude === undefined) !== (v.longitude === undefined)) {
      const missing = v.latitude === undefined ? 'latitude' : 'longitude'
      ctx.addIssue({
        code: 'custom',
        path: [missing],
        message: 'Enter both latitude and longitude, or neither',
      })
    }
  })
export type WorksiteInput = z.output<typeof worksiteSchema>

export const WORKSITE_SORTS = ['name', 'district', 'workers', 'newest'] as const

export const worksiteFiltersSchema = z.object({
  q: searchFilter(100, 'Search must be 100 characters or fewer'),
  district: listFilter(DISTRICTS, 'a district'),
  kind: listFilter(WORKSITE_KINDS, 'a kind'),
  sector: listFilter(SECTORS, 'a sector'),
  sort: z.preprocess(blankToUndefined, z.enum(WORKSITE_SORTS, { error: 'Select a sort order' }).optional()),
  page: pageParam,
})
export type WorksiteFilters = z.output<typeof worksiteFiltersSchema>

export const worksiteIdParam = z.object({ id: z.uuid() })

/** A link may start the form with its district chosen (the due list of an empty district does). */
export const newWorksiteQuery = z.object({ district: z.enum(DISTRICTS).optional().catch(undefined) })
