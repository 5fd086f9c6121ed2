import { z } from 'zod'

// Every setting the server reads, in one place. Parsed once at start; a bad value stops
// the server with a message naming the variable (see loadConfig).
const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes')

export const configSchema = z.object({
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
  // The address people use, for links printed by the server and the Secure cookie flag.
  PUBLIC_BASE_URL: z.url().optional(),
  // Behind a load balancer, read the client address from X-Forwarded-For.
  TRUST_PROXY: booleanFlag.default(false),
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
  // Per client address (per phone number for USSD): generous for people, a brake on scripts.
  PUBLIC_LOOKUPS_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  USSD_SCREENS_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  REGISTER_DOWNLOADS_PER_HOUR: z.coerce.number().int().min(1).default(20),
  COMPLAINTS_PER_HOUR: z.coerce.number().int().min(1).default(5),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
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
