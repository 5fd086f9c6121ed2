import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import pino from 'pino'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { expect } from 'vitest'
import { loadConfig } from '../../src/config.js'
import { type RunningRegistry, startRegistry } from '../../src/start.js'
import { createTestDatabase } from '../support/database.js'
import { TEST_SECRET } from '../support/registry.js'

const require = createRequire(import.meta.url)
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * Whether browser tests can run here. Without Chromium they are skipped with the reason
 * printed, unless REQUIRE_BROWSER=1 (CI), where a missing browser fails the run.
 */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true
  const reason = `Chromium not found at ${CHROMIUM} (install Debian's chromium or set CHROMIUM_PATH)`
  if (process.env.REQUIRE_BROWSER === '1') throw new Error(`REQUIRE_BROWSER=1 but ${reason}`)
  console.warn(`Browser tests skipped: ${reason}.`)
  return false
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
}

/** Chromium with a profile kept in this folder: closed and opened again, as a phone restarted. */
export function launchChromiumProfile(folder: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(folder, { executablePath: CHROMIUM, args: CHROMIUM_ARGS })
}

/** The real server on a free port, on this file's own database; the setup link is captured. */
export async function startTestServer(): Promise<RunningRegistry & { setupLink: string | null }> {
  const handle = await createTestDatabase()
  let setupLink: string | null = null
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', SECRET_KEY: TEST_SECRET })
  const registry = await startRegistry(config, pino({ level: 'silent' }), {
    handle: { ...handle, close: handle.dispose },
    announceSetupLink: (link) => {
      setupLink = link
    },
  })
  return { ...registry, setupLink }
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

/** Runs axe-core on the page; fails on any serious or critical violation. */
export async function expectAccessible(page: Page) {
  // evaluate() runs through the DevTools protocol, so the page's CSP need not allow it.
  await page.evaluate(axeSource)
  const violations = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected at run time
    const result = await (window as any).axe.run(document, { resultTypes: ['violations'] })
    return result.violations.map((v: { id: string; impact: string; nodes: { target: string[] }[] }) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }))
  })
  const serious = violations.filter(
    (v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical',
  )
  expect(serious, `accessibility violations on ${page.url()}`).toEqual([])
}

/** Collects Content-Security-Policy violations and page errors, which must stay empty. */
export function watchForPageProblems(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text())
  })
  page.on('pageerror', (error) => problems.push(error.message))
  return problems
}

/** Signs in through the login form and waits for the staff home page. */
export async function signIn(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/login`)
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL(/\/staff/)
}
