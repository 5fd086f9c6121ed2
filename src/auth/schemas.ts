import { z } from 'zod'
import { DISTRICTS, ROLES } from '../vocabulary.js'

// Form rules shared by sign-in, first-run setup, password change and administration.

export const emailField = z
  .string()
  .trim()
  .min(1, 'Enter an email address')
  .max(254, 'Email address must be 254 characters or fewer')
  .pipe(z.email('Enter an email address in the correct format, like name@example.org'))

export const nameField = z
  .string()
  .trim()
  .min(1, 'Enter a full name')
  .max(120, 'Name must be 120 characters or fewer')

export const MIN_PASSWORD_LENGTH = 12

// Length protects better than forced symbols; the hint tells people so.
export const newPasswordField = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Password must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(256, 'Password must be 256 characters or fewer')

export const roleField = z.enum(ROLES, { error: 'Select a role' })
export const districtField = z.enum(DISTRICTS, { error: 'Select a home district' })

/** Where to go after signing in: only paths on this site, never another host. */
export function safeNextPath(value: string | undefined): string | null {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null
  return value
}

export const loginSchema = z.object({
  email: emailField,
  password: z.string().min(1, 'Enter your password').max(256, 'Password must be 256 characters or fewer'),
  next: z.string().max(2000).optional(),
})

export const passwordChangeSchema = z
  .object({
    current_password: z.string().min(1, 'Enter your current password').max(256),
    new_password: newPasswordField,
    confirm_password: z.string(),
  })
  .refine((v) => v.new_password === v.confirm_password, {
    path: ['confirm_password'],
    message: 'The passwords do not match',
  })
  .refine((v) => v.new_password !== v.current_password, {
    path: ['new_password'],
    message: 'Choose a password different from your current one',
  })
