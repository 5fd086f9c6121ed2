import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig, servesHttps } from '../../src/config.js'

describe('configuration', () => {
  it('has defaults that start an embedded registry on port 3000', () => {
    const config = loadConfig({})
    expect(config.PORT).toBe(3000)
    expect(config.DATABASE_URL).toBeUndefined()
    expect(config.DATA_DIR).toBe('./data')
    expect(servesHttps(config)).toBe(false)
  })

  it('names the variable that has a bad value', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError)
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/)
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must start with postgres/)
    expect(() => loadConfig({ SECRET_KEY: 'short' })).toThrow(/SECRET_KEY: must be at least 32 characters/)
    expect(() => loadConfig({ PUBLIC_BASE_URL: 'registry.gov.ls' })).toThrow(/PUBLIC_BASE_URL/)
    expect(() => loadConfig({ TRUST_PROXY: 'maybe' })).toThrow(/TRUST_PROXY/)
  })

  it('treats empty values as unset and reads HTTPS from the public address', () => {
    const config = loadConfig({
      DATABASE_URL: '',
      PUBLIC_BASE_URL: 'https://registry.labour.gov.ls',
      TRUST_PROXY: '1',
    })
    expect(config.DATABASE_URL).toBeUndefined()
    expect(servesHttps(config)).toBe(true)
    expect(config.TRUST_PROXY).toBe(true)
  })
})
