import { z } from 'zod'
import { optionalText, requiredText, versionField } from '../http/fields.js'
import { DISTRICTS } from '../vocabulary.js'
import { FOCAL_SERVICES } from './services.js'

const text = (max: number, required: string) =>
  requiredText({ max, messages: { required, tooLong: (n) => `Must be ${n} characters or fewer` } })

/** A focal point: an office, its office or service line and its address. */
export const focalPointSchema = z.object({
  // 0 when there is none yet.
  version: z.coerce.number({ error: 'The page is out of date: reload it' }).int().min(0).max(2_147_483_647),
  office: text(
    200,
    'Enter the office, for example “Maseru Central Police Station, Child and Gender Protection Unit”',
  ),
  phone: text(40, 'Enter the office’s phone number').pipe(
    z
      .string()
      .regex(/^\+?[0-9][0-9 ()-]{2,38}$/, 'Enter a phone number in digits, for example +266 2231 7262'),
  ),
  address: text(300, 'Enter where the office is, for example “Kingsway, next to the Post Office”'),
  hours: optionalText({ max: 100 }),
  office_line: z.literal('yes', {
    error: 'Confirm that this is an office or service line, not a person’s own number',
  }),
})
export type FocalPointInput = z.infer<typeof focalPointSchema>

export const removeFocalPointSchema = z.object({ version: versionField })

export const focalPointParam = z.object({ district: z.enum(DISTRICTS), service: z.enum(FOCAL_SERVICES) })
