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
    expect(config.TRUST_PROXY).toBe(1)
  })

  it('counts the trusted proxies in front of the server', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(0)
    expect(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(1)
    expect(loadConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(0)
    expect(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2)
    expect(() => loadConfig({ TRUST_PROXY: '-1' })).toThrow(/TRUST_PROXY/)
  })

  it('refuses to start in production with /ussd open to anyone, naming the settings that close it', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /USSD_GATEWAY_SECRET or USSD_GATEWAY_ADDRESSES/,
    )
    expect(
      loadConfig({ NODE_ENV: 'production', USSD_GATEWAY_ADDRESSES: '196.201.214.10, 196.201.214.11' }),
    ).toMatchObject({ USSD_GATEWAY_ADDRESSES: ['196.201.214.10', '196.201.214.11'] })
    expect(
      loadConfig({ NODE_ENV: 'production', USSD_GATEWAY_SECRET: 'k'.repeat(32) }).USSD_GATEWAY_SECRET,
    ).toBe('k'.repeat(32))
    expect(() => loadConfig({ USSD_GATEWAY_ADDRESSES: 'gateway.example' })).toThrow(/USSD_GATEWAY_ADDRESSES/)
    expect(() => loadConfig({ USSD_GATEWAY_SECRET: 'short' })).toThrow(/USSD_GATEWAY_SECRET/)
    // The demo and the tests run open.
    expect(loadConfig({ NODE_ENV: 'test' }).USSD_GATEWAY_SECRET).toBeUndefined()
  })
})
