import { z } from 'zod'
import {
  blankToUndefined,
  cleanText,
  listFilter,
  optionalText,
  requiredText,
  searchFilter,
  versionField,
} from '../http/fields.js'
import { pageParam } from '../http/pagination.js'
import { DISTRICTS, SECTORS } from '../vocabulary.js'
import { COUNTRY_CODES } from './countries.js'

const asArray = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v])
const text = (max: number, empty: string) => requiredText({ max, messages: { required: empty } })
const optional = (max: number, multiline = false) => optionalText({ max, multiline })

/** "ab 123-45" and "AB12345" are the same document number. */
export function idNumberKey(value: string): string {
  return value.toUpperCase().replace(/[^A-Z0-9]/g, '')
}

export interface PersonInput {
  role: 'principal' | 'director'
  name: string
  id_number: string
}

/**
 * The principal and directors arrive as parallel lists (`person_role[]`, `person_name[]`,
 * `person_id_number[]`) so the form works without JavaScript; blank rows are ignored.
 */
const peopleField = z
  .object({
    roles: z.array(z.unknown()),
    names: z.array(z.unknown()),
    ids: z.array(z.unknown()),
  })
  .transform((v, ctx) => {
    const people: PersonInput[] = []
    const rows = Math.max(v.roles.length, v.names.length, v.ids.length)
    for (let i = 0; i < rows; i++) {
      const name = cleanText(v.names[i], {
        max: 120,
        messages: { tooLong: () => 'Names must be 120 characters or fewer' },
      })
      const id = cleanText(v.ids[i], {
        max: 40,
        messages: { tooLong: () => 'ID numbers must be 40 characters or fewer' },
      })
      const problem = !name.ok ? name.message : !id.ok ? id.message : null
      if (problem !== null || !name.ok || !id.ok) {
        ctx.addIssue({ code: 'custom', message: `Person ${i + 1}: ${problem}` })
        return z.NEVER
      }
      if (!name.value && !id.value) continue
      if (!name.value || !id.value) {
        ctx.addIssue({
          code: 'custom',
          message: `Person ${i + 1}: enter both the name and the ID or passport number`,
        })
        return z.NEVER
      }
      if (idNumberKey(id.value).length < 5) {
        ctx.addIssue({
          code: 'custom',
          message: `Person ${i + 1}: the ID or passport number looks too short`,
        })
        return z.NEVER
      }
      people.push({
        role: v.roles[i] === 'principal' ? 'principal' : 'director',
        name: name.value,
        id_number: id.value,
      })
    }
    if (!people.some((p) => p.role === 'principal')) {
      ctx.addIssue({ code: 'custom', message: 'Enter the principal: their name and ID or passport number' })
      return z.NEVER
    }
    return people
  })

export const agencySchema = z
  .object({
    legal_name: text(200, 'Enter the legal name'),
    trading_names: optionalText({
      max: 2000,
      multiline: true,
      messages: { tooLong: () => 'Trading names must be 2000 characters or fewer' },
    })
      .transform((v) =>
        (v ?? '')
          .split('\n')
          .map((n) => n.trim())
          .filter(Boolean),
      )
      .pipe(
        z
          .array(z.string().max(200, 'Each trading name must be 200 characters or fewer'))
          .max(20, 'At most 20 trading names'),
      ),
    registration_number: text(40, 'Enter the company registration number'),
    district: z.enum(DISTRICTS, { error: 'Select the district' }),
    physical_address: text(300, 'Enter the physical address'),
    phone: optional(40),
    email: z.preprocess(
      blankToUndefined,
      z.email('Enter an email address like office@agency.co.ls').max(254).optional(),
    ),
    sectors: z.preprocess(
      asArray,
      z
        .array(z.enum(SECTORS, { error: 'Select sectors from the list' }))
        .min(1, 'Select at least one sector'),
    ),
    destination_countries: z.preprocess(
      asArray,
      z
        .array(
          z
            .string({ error: 'Select countries from the list' })
            .refine((c) => COUNTRY_CODES.has(c), 'Select countries from the list'),
        )
        .min(1, 'Select at least one destination country'),
    ),
    notes: optional(4000, true),
    person_role: z.preprocess(asArray, z.array(z.unknown())),
    person_name: z.preprocess(asArray, z.array(z.unknown())),
    person_id_number: z.preprocess(asArray, z.array(z.unknown())),
    // Set once the officer has seen the possible duplicates and still wants to save.
    // The ids of the possible duplicates the officer was shown, comma-separated.
    duplicates_seen: optional(2000),
    phoenix_reason: optional(1000, true),
    bar_override_reason: optional(1000, true),
    version: z.preprocess(blankToUndefined, versionField.optional()),
  })
  .transform((v, ctx) => {
    const people = peopleField.safeParse({
      roles: v.person_role,
      names: v.person_name,
      ids: v.person_id_number,
    })
    if (!people.success) {
      ctx.addIssue({
        code: 'custom',
        path: ['people'],
        message: people.error.issues[0]?.message ?? 'Check the people',
      })
      return z.NEVER
    }
    const { person_role: _r, person_name: _n, person_id_number: _i, ...rest } = v
    return {
      ...rest,
      people: people.data,
      sectors: [...new Set(v.sectors)],
      destination_countries: orderCountries(v.destination_countries),
    }
  })

export type AgencyInput = z.output<typeof agencySchema>

function orderCountries(codes: string[]): string[] {
  const unique = [...new Set(codes)]
  return unique.sort((a, b) => (a === 'ZA' ? -1 : b === 'ZA' ? 1 : a.localeCompare(b)))
}

export const STANDING_FILTERS = [
  'licensed',
  'pending',
  'suspended',
  'revoked',
  'surrendered',
  'expired',
  'not_licensed',
] as const
export const AGENCY_SORTS = ['relevance', 'name', 'district', 'expiry', 'newest', 'points'] as const

export const agencyFiltersSchema = z.object({
  q: searchFilter(100, 'Search must be 100 characters or fewer'),
  district: listFilter(DISTRICTS, 'a district'),
  sector: listFilter(SECTORS, 'a sector'),
  standing: listFilter(STANDING_FILTERS, 'a status'),
  sort: z.preprocess(blankToUndefined, z.enum(AGENCY_SORTS, { error: 'Select a sort order' }).optional()),
  page: pageParam,
})
export type AgencyFilters = z.output<typeof agencyFiltersSchema>

export const agencyIdParam = z.object({ id: z.uuid() })
