import { z } from 'zod'
import { passwordProblem } from '../auth/password-strength.js'
import { districtField, emailField, nameField, newPasswordField } from '../auth/schemas.js'

export const setupSchema = z
  .object({
    token: z.string().min(1).max(200),
    name: nameField,
    email: emailField,
    home_district: districtField,
    password: newPasswordField,
    confirm_password: z.string({ error: 'Type the password again' }),
  })
  .refine((v) => v.password === v.confirm_password, {
    path: ['confirm_password'],
    message: 'The passwords do not match',
  })
  .superRefine((v, ctx) => {
    const problem = passwordProblem(v.password, { email: v.email, name: v.name })
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem })
  })
