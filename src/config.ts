import { isIP } from 'node:net'
import { z } from 'zod'

// Every setting the server reads, in one place. Parsed once at start; a bad value stops
// the server with a message naming the variable (see loadConfig).
export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    // Unset: embedded PostgreSQL (PGlite) in DATA_DIR. Set: a real PostgreSQL server.
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    DATA_DIR: z.string().min(1).default('./data'),
    DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
    // A query that has had no answer by then is given up (the server may be frozen): the request
    // gets a 503 instead of hanging. Migrations are not bound by it.
    DB_QUERY_TIMEOUT_MS: z.coerce.number().int().min(500).max(600_000).default(5000),
    // The address people use, for links printed by the server and the Secure cookie flag.
    PUBLIC_BASE_URL: z.url().optional(),
    // How many proxies in front of the server append to X-Forwarded-For (a load balancer: 1; a
    // CDN in front of it: 2). 0: none, the socket's address is the client's. 'true' means 1.
    TRUST_PROXY: z.preprocess(
      (v) => (typeof v === 'string' ? ({ true: '1', yes: '1', false: '0', no: '0' }[v] ?? v) : v),
      z.coerce.number().int().min(0).max(5).default(0),
    ),
    // Signs CSRF tokens. Unset: one is generated and kept in the database, so every
    // instance sharing the database agrees on it.
    SECRET_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
    SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .min(5)
      .max(24 * 60)
      .default(120),
    SESSION_ABSOLUTE_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 14)
      .default(12),
    // How long a licence runs from issue or renewal.
    LICENCE_VALIDITY_MONTHS: z.coerce.number().int().min(1).max(60).default(12),
    // The USSD code people dial (for example *120*55#), printed on advert slips; unset, not printed.
    USSD_CODE: z
      .string()
      .regex(/^\*[0-9*]+#$/, 'USSD_CODE looks like *120*55#')
      .optional(),
    // Years the principal and directors of a revoked agency are barred from registering a new one.
    BAR_YEARS: z.coerce.number().int().min(0).max(50).default(5),
    // Days after a refusal, suspension or revocation within which the agency may appeal.
    APPEAL_DAYS: z.coerce.number().int().min(1).max(90).default(14),
    // Days an agency has to make representations against a notice of intended action.
    REPRESENTATION_DAYS: z.coerce.number().int().min(1).max(90).default(21),
    // Per client address (per phone number for USSD): generous for people, a brake on scripts.
    PUBLIC_LOOKUPS_PER_MINUTE: z.coerce.number().int().min(1).default(120),
    USSD_SCREENS_PER_MINUTE: z.coerce.number().int().min(1).default(30),
    // All USSD screens together, whatever phone numbers they claim: a brake on a flood.
    USSD_SCREENS_PER_MINUTE_TOTAL: z.coerce.number().int().min(1).default(3000),
    // Only the USSD gateway may call /ussd: it proves it with this secret in the callback address
    // (/ussd/<secret>), and/or by calling from one of these addresses (comma-separated).
    USSD_GATEWAY_SECRET: z
      .string()
      .regex(/^[A-Za-z0-9_-]{24,200}$/, 'must be 24 or more letters, digits, - or _ (it goes in a URL)')
      .optional(),
    USSD_GATEWAY_ADDRESSES: z
      .string()
      .transform((v) =>
        v
          .split(',')
          .map((a) => a.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().refine((a) => isIP(a) !== 0, 'must be IP addresses, comma-separated')).min(1))
      .optional(),
    REGISTER_DOWNLOADS_PER_HOUR: z.coerce.number().int().min(1).default(20),
    COMPLAINTS_PER_HOUR: z.coerce.number().int().min(1).default(60),
    // The largest inspection photo taken, in bytes: the phone makes them 150-400 KB.
    PHOTO_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(64 * 1024)
      .max(50 * 1024 * 1024)
      .default(5 * 1024 * 1024),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .superRefine((config, ctx) => {
    if (config.NODE_ENV === 'production' && !config.USSD_GATEWAY_SECRET && !config.USSD_GATEWAY_ADDRESSES)
      ctx.addIssue({
        code: 'custom',
        path: ['USSD_GATEWAY_SECRET'],
        message:
          'set USSD_GATEWAY_SECRET or USSD_GATEWAY_ADDRESSES (or both) in production, so that only the USSD gateway can call /ussd',
      })
  })

export type Config = z.infer<typeof configSchema>

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings count as unset, as they do in most deployment tools.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const result = configSchema.safeParse(cleaned)
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new ConfigError(`Invalid environment configuration:\n${lines.join('\n')}`)
  }
  return result.data
}

/** True when cookies must carry the Secure flag (the public address is HTTPS). */
export function servesHttps(config: Pick<Config, 'PUBLIC_BASE_URL'>): boolean {
  return config.PUBLIC_BASE_URL?.startsWith('https://') ?? false
}
