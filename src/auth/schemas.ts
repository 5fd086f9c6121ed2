import { z } from 'zod'
import { requiredText } from '../http/fields.js'
import { DISTRICTS, ROLES } from '../vocabulary.js'

// Form rules shared by sign-in, first-run setup, password change and administration.

export const emailField = z
  .string()
  .trim()
  .min(1, 'Enter an email address')
  .max(254, 'Email address must be 254 characters or fewer')
  .pipe(z.email('Enter an email address in the correct format, like name@example.org'))

export const nameField = requiredText({
  max: 120,
  messages: { required: 'Enter a full name', tooLong: () => 'Name must be 120 characters or fewer' },
})

export const MIN_PASSWORD_LENGTH = 12

// Length protects better than forced symbols; the hint tells people so.
export const newPasswordField = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Password must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(256, 'Password must be 256 characters or fewer')

export const roleField = z.enum(ROLES, { error: 'Select a role' })
export const districtField = z.enum(DISTRICTS, { error: 'Select a home district' })

/**
 * Where to go after signing in: a path on this site, never another host. Browsers drop tabs and
 * line breaks from a URL and read a backslash as a slash, so "/\t/evil.example" would leave the
 * site: a path holding any of them, or any control character, is refused, and what remains must
 * resolve to this site's own origin.
 */
export function safeNextPath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 2000) return null
  if (!value.startsWith('/') || /[\p{Cc}\\]/u.test(value)) return null
  const here = 'http://registry.invalid'
  try {
    const url = new URL(value, here)
    // "/..//evil.example" resolves to the path "//evil.example", which a browser reads as a host.
    if (url.origin !== here || url.pathname.startsWith('//')) return null
    return `${url.pathname}${url.search}${url.hash}`
  } catch {
    return null
  }
}

export const loginSchema = z.object({
  email: emailField,
  password: z.string().min(1, 'Enter your password').max(256, 'Password must be 256 characters or fewer'),
  // A bad "next" is dropped, not refused: the person still signs in, and lands on the home page.
  next: z
    .unknown()
    .transform((v) => safeNextPath(v) ?? undefined)
    .optional(),
})

export const passwordChangeSchema = z
  .object({
    current_password: z.string().min(1, 'Enter your current password').max(256),
    new_password: newPasswordField,
    confirm_password: z.string({ error: 'Type the new password again' }),
  })
  .refine((v) => v.new_password === v.confirm_password, {
    path: ['confirm_password'],
    message: 'The passwords do not match',
  })
  .refine((v) => v.new_password !== v.current_password, {
    path: ['new_password'],
    message: 'Choose a password different from your current one',
  })
