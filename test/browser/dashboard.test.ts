import { readFile } from 'node:fs/promises'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoUsers } from '../../src/demo/generate.js'
import { seedDemoData } from '../../src/demo/seed.js'
import {
  browserAvailable,
  expectAccessible,
  launchChromium,
  signIn,
  startTestServer,
  watchForPageProblems,
} from './browser.js'

const run = browserAvailable()
const user = (role: string) => demoUsers().find((u) => u.role === role)!

describe.skipIf(!run)('the dashboard in a real browser', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let browser: Browser

  beforeAll(async () => {
    server = await startTestServer()
    await seedDemoData(server.handle.db, { agencies: 200 })
    browser = await launchChromium()
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('lets an analyst narrow the figures to a district and download a table', async () => {
    const context = await browser.newContext({ acceptDownloads: true })
    context.setDefaultTimeout(8_000)
    const page = await context.newPage()
    const problems = watchForPageProblems(page)
    await signIn(page, server.url, user('analyst').email, user('analyst').password)
    await page.getByRole('navigation').first().getByRole('link', { name: 'Dashboard' }).click()
    await page.waitForURL(/\/dashboard$/)
    await page.getByRole('heading', { name: 'Districts compared' }).waitFor()
    const districts = page.getByRole('table', { name: 'Districts compared' })
    expect(await districts.getByRole('row').count()).toBeGreaterThan(3)
    await expectAccessible(page)

    // Choosing a district redraws the figures (htmx) and puts the filter in the address.
    await page.getByRole('combobox', { name: 'District' }).selectOption('Leribe')
    await page.waitForURL(/district=Leribe/)
    await page.getByText(', Leribe, all sectors.').waitFor()
    const rows = await districts.getByRole('row').allInnerTexts()
    expect(rows.slice(1).map((r) => r.split('\t')[0])).toEqual(['Leribe'])
    await expectAccessible(page)

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download “Districts compared” (CSV)' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/^districts_.*Leribe.*\.csv$/)
    const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '')
    const [header, first, ...rest] = csv.split('\r\n').filter(Boolean)
    expect(header).toBe(
      'District,Inspections,With an indicator observed,Complaints received,Potential victims referred,Criminal investigations opened',
    )
    expect(first).toMatch(/^Leribe,\d+,/)
    expect(rest).toEqual([])
    expect(problems).toEqual([])
    await context.close()
  })

  it('refuses an inspector, and does not offer the dashboard in the menu', async () => {
    const context = await browser.newContext()
    context.setDefaultTimeout(8_000)
    const page = await context.newPage()
    await signIn(page, server.url, user('inspector').email, user('inspector').password)
    expect(await page.getByRole('navigation').first().getByRole('link', { name: 'Dashboard' }).count()).toBe(
      0,
    )
    const res = await page.goto(`${server.url}/dashboard`)
    expect(res?.status()).toBe(403)
    expect(await page.locator('main').innerText()).toContain('You do not have access to this page')
    await context.close()
  })
})
