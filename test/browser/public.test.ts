import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DISTRICTS } from '../../src/vocabulary.js'
import { insertPublicFixture } from '../support/public-fixtures.js'
import {
  browserAvailable,
  expectAccessible,
  launchChromium,
  startTestServer,
  watchForPageProblems,
} from './browser.js'

const run = browserAvailable()

describe.skipIf(!run)('the public lookup in a real browser', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let browser: Browser
  const numbers: Record<string, string> = {}
  // Names, numbers and places are data, the same in both languages.
  const dataTexts = new Set<string>()

  beforeAll(async () => {
    server = await startTestServer()
    const db = server.handle.db
    const fixtures = [
      { key: 'licensed', name: 'Maluti Mountain Recruitment (Pty) Ltd', standing: 'licensed' },
      { key: 'suspended', name: 'Senqu River Staffing', standing: 'suspended' },
      { key: 'revoked', name: 'Thaba Bosiu Labour Brokers', standing: 'revoked' },
      { key: 'expired', name: 'Kopano Placements', standing: 'expired' },
    ] as const
    for (const f of fixtures) {
      const { licenceNumber } = await insertPublicFixture(db, { name: f.name, standing: f.standing })
      numbers[f.key] = licenceNumber!
      dataTexts.add(f.name).add(licenceNumber!)
    }
    // Enough agencies that a common word fills a page of results.
    for (let i = 0; i < 12; i++) {
      await insertPublicFixture(db, { name: `Maluti Placement Branch ${i + 1}`, standing: 'licensed' })
    }
    browser = await launchChromium()
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  async function newPage(options: { javaScriptEnabled: boolean; locale?: string }) {
    const context = await browser.newContext(options)
    context.setDefaultTimeout(8_000)
    const page = await context.newPage()
    return { context, page, problems: watchForPageProblems(page) }
  }

  describe('without JavaScript', () => {
    let context: BrowserContext
    let page: Page
    let problems: string[]

    beforeAll(async () => {
      ;({ context, page, problems } = await newPage({ javaScriptEnabled: false }))
    })
    afterAll(() => context.close())

    async function search(q: string) {
      await page.goto(`${server.url}/`)
      await page.getByLabel('Name of the recruiter or licence number').fill(q)
      await page.getByRole('button', { name: 'Check' }).click()
      await page.waitForURL(/\/lookup\?q=/)
    }

    it('finds an agency from a misspelt name', async () => {
      await search('malti mountin')
      const result = page.locator('.result', { hasText: 'Maluti Mountain Recruitment (Pty) Ltd' })
      expect(await result.locator('.tag').innerText()).toMatch(/Licensed until \d+ \w+ \d{4}/)
    })

    it('shows a suspended agency as suspended', async () => {
      await search('senqu')
      const result = page.locator('.result', { hasText: 'Senqu River Staffing' })
      expect(await result.locator('.tag').innerText()).toContain('Suspended')
      expect(await result.innerText()).toContain('Do not pay.')
    })

    it('warns that an unknown name is not in the registry', async () => {
      await search('Overseas Dream Jobs')
      const main = await page.locator('main').innerText()
      expect(main).toContain('is not in the registry.')
      expect(main).toContain('A recruiter who is not listed is not licensed. Do not pay.')
      await page.getByRole('link', { name: 'Report this recruiter' }).click()
      await page.waitForURL(/\/complaints\/new\?name=Overseas/)
      expect(await page.getByLabel('Name of the recruiter or the person').inputValue()).toBe(
        'Overseas Dream Jobs',
      )
    })

    it.each([
      ['licensed', /^✓ Licensed until \d+ \w+ \d{4}$/],
      ['suspended', /^! Suspended$/],
      ['revoked', /^✕ Revoked$/],
      ['expired', /^! Expired$/],
    ])('verifies a %s licence with its status first', async (key, status) => {
      await page.goto(`${server.url}/verify/${numbers[key]}`)
      // The status is the first thing in the page's main content.
      const first = page.locator('main > h1:first-child')
      expect((await first.innerText()).trim()).toMatch(status)
      expect(await page.locator('main').innerText()).toMatch(/Checked on \d+ \w+ \d{4} at \d{2}:\d{2}/)
    })

    it('warns about an unknown licence number', async () => {
      const res = await page.goto(`${server.url}/verify/LRA-2018-00001`)
      expect(res?.status()).toBe(404)
      expect(await page.locator('h1').innerText()).toContain('This licence number is not in the registry')
      expect(await page.locator('main').innerText()).toContain('The certificate may be forged')
      // The console reports that 404, which was meant.
      problems.splice(0)
    })

    it('changes every visible string when switched to Sesotho', async () => {
      // Each line of visible text (innerText leaves out what is hidden), without status symbols.
      const visibleTexts = async () =>
        (await page.locator('body').innerText())
          .split('\n')
          .map((line) => line.replace(/^[✓✕!…–·\s]+/, '').trim())
          .filter(Boolean)
      for (const path of [
        '/',
        '/lookup?q=senqu',
        '/lookup?q=nobody%20at%20all',
        `/verify/${numbers.licensed}`,
        '/complaints/new',
        '/complaints/track',
      ]) {
        await page.goto(`${server.url}${path}`)
        const english = await visibleTexts()
        await page.getByRole('link', { name: 'Bala ka Sesotho' }).click()
        await page.waitForURL(/lang=st/)
        expect(await page.getAttribute('html', 'lang')).toBe('st')
        const sesotho = new Set(await visibleTexts())
        expect(sesotho.size, path).toBeGreaterThan(3)
        const unchanged = english.filter((text) => sesotho.has(text) && !dataTexts.has(text))
        // Only data may stay the same: agency names, numbers, districts, what was searched for.
        expect(
          // Districts and the two language names are data too; "0 / 4000" counts letters.
          unchanged.filter(
            (t) =>
              !/^(LRA-\d{4}-\d{5}|Sesotho|English|\d+ \/ \d+)$/.test(t) && !DISTRICTS.includes(t as never),
          ),
          path,
        ).toEqual([])
        // Back to English for the next page (the choice is remembered in a cookie).
        await page.getByRole('link', { name: 'Read in English' }).click()
        await page.waitForURL(/lang=en/)
      }
      expect(problems).toEqual([])
    })
  })

  describe('with JavaScript', () => {
    it('shows results as the person types, without loading a new page', async () => {
      const { context, page, problems } = await newPage({ javaScriptEnabled: true })
      try {
        await page.goto(`${server.url}/`)
        await page.evaluate(() => {
          ;(window as unknown as { samePage: boolean }).samePage = true
        })
        await page
          .getByLabel('Name of the recruiter or licence number')
          .pressSequentially('senq', { delay: 40 })
        const result = page.locator('#lookup-results .result', { hasText: 'Senqu River Staffing' })
        await result.waitFor()
        expect(await result.locator('.tag').innerText()).toContain('Suspended')
        expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true)
        await page.waitForURL(/\/lookup\?q=senq/)
        await expectAccessible(page)
        expect(problems).toEqual([])
      } finally {
        await context.close()
      }
    })

    it('adds one history entry per search, not one per pause in typing', async () => {
      const { context, page, problems } = await newPage({ javaScriptEnabled: true })
      try {
        await page.goto(`${server.url}/`)
        const box = page.getByLabel('Name of the recruiter or licence number')
        const entries = () => page.evaluate(() => history.length)
        const start = await entries()
        // Three pauses while typing one name: each shows results, and the address follows.
        for (const part of ['sen', 'qu r', 'iver']) {
          await box.pressSequentially(part, { delay: 30 })
          await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(await box.inputValue())
        }
        expect(await entries()).toBe(start + 1)
        // Check pressed: that search is done; typing a new one adds its own entry.
        await page.getByRole('button', { name: 'Check' }).click()
        await box.fill('')
        await box.pressSequentially('kopano', { delay: 30 })
        await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('kopano')
        await page.locator('#lookup-results .result', { hasText: 'Kopano Placements' }).waitFor()
        expect(await entries()).toBe(start + 2)
        // Back goes to the previous search, then the empty home page.
        await page.goBack()
        await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('senqu river')
        await page.locator('#lookup-results .result', { hasText: 'Senqu River Staffing' }).waitFor()
        await page.goBack()
        await expect.poll(() => new URL(page.url()).pathname).toBe('/')
        expect(problems).toEqual([])
      } finally {
        await context.close()
      }
    })

    it('gives <html> the language of the page shown after a link swaps it in', async () => {
      const { context, page, problems } = await newPage({ javaScriptEnabled: true, locale: 'en-GB' })
      try {
        await page.goto(`${server.url}/lookup?q=kopano`)
        expect(await page.getAttribute('html', 'lang')).toBe('en')
        await page.evaluate(() => {
          ;(window as unknown as { samePage: boolean }).samePage = true
        })
        await page.getByRole('link', { name: /Sesotho/ }).click()
        await page.waitForURL(/lang=st/)
        await expect.poll(() => page.getAttribute('html', 'lang')).toBe('st')
        // Swapped by htmx, not loaded again: the document is the same.
        expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true)
        await page.getByRole('link', { name: /English/ }).click()
        await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en')
        expect(problems).toEqual([])
      } finally {
        await context.close()
      }
    })

    it('leads the lookup page with the same words whether loaded directly or swapped in', async () => {
      const { context, page } = await newPage({ javaScriptEnabled: true })
      try {
        await page.goto(`${server.url}/`)
        const lead = await page.locator('main .lead').innerText()
        expect(lead.length).toBeGreaterThan(20)
        await page.getByLabel('Name of the recruiter or licence number').fill('kopano')
        await page.getByRole('button', { name: 'Check' }).click()
        await page.locator('#lookup-results .result', { hasText: 'Kopano Placements' }).waitFor()
        expect(await page.locator('main .lead').innerText()).toBe(lead)
        await page.goto(`${server.url}/lookup?q=kopano`)
        expect(await page.locator('main .lead').innerText()).toBe(lead)
      } finally {
        await context.close()
      }
    })

    it.each([
      ['en-GB', 'en'],
      ['st-LS', 'st'],
    ])('passes axe on every public page for a browser asking for %s', async (locale, lang) => {
      const { context, page, problems } = await newPage({ javaScriptEnabled: true, locale })
      try {
        for (const path of [
          '/',
          '/lookup?q=maluti',
          '/lookup?q=malti%20mountin',
          '/lookup?q=nobody%20at%20all',
          `/verify/${numbers.licensed}`,
          `/verify/${numbers.suspended}`,
          '/verify/LRA-2018-00001',
          '/complaints/new?name=Overseas%20Dream%20Jobs',
          '/complaints/track?ref=C-2222-2222',
        ]) {
          await page.goto(`${server.url}${path}`)
          // The unknown licence answers 404 on purpose; the console reports that, nothing else may.
          if (path.includes('LRA-2018') || path.includes('C-2222')) problems.splice(0)
          expect(await page.getAttribute('html', 'lang')).toBe(lang)
          await expectAccessible(page)
        }
        expect(problems).toEqual([])
      } finally {
        await context.close()
      }
    })
  })

  describe('page weight', () => {
    /** Bytes that crossed the network (headers and compressed bodies) while `visit` ran, by resource type. */
    async function transferred(context: BrowserContext, page: Page, visit: () => Promise<unknown>) {
      const cdp = await context.newCDPSession(page)
      await cdp.send('Network.enable')
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: false })
      const types = new Map<string, string>()
      const bytes: { type: string; bytes: number }[] = []
      cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type))
      cdp.on('Network.loadingFinished', (e) => {
        if (e.encodedDataLength > 0)
          bytes.push({ type: types.get(e.requestId) ?? 'Other', bytes: e.encodedDataLength })
      })
      await visit()
      await page.waitForLoadState('networkidle')
      await cdp.detach()
      const total = bytes.reduce((sum, b) => sum + b.bytes, 0)
      const html = bytes.filter((b) => b.type === 'Document').reduce((sum, b) => sum + b.bytes, 0)
      return { total, html, types: bytes.map((b) => b.type) }
    }

    it.each(['/', '/lookup?q=maluti'])(
      'first visit to %s moves at most 60 KB (HTML at most 15 KB); later pages fetch only HTML',
      async (path) => {
        const context = await browser.newContext({ javaScriptEnabled: true })
        const page = await context.newPage()
        try {
          const first = await transferred(context, page, () => page.goto(`${server.url}${path}`))
          expect(first.types.sort()).toEqual(['Document', 'Script', 'Stylesheet'])
          expect(first.total, `first visit to ${path}: ${first.total} bytes`).toBeLessThanOrEqual(60 * 1024)
          expect(first.html, `HTML of ${path}: ${first.html} bytes`).toBeLessThanOrEqual(15 * 1024)
          const later = await transferred(context, page, () => page.goto(`${server.url}/lookup?q=senqu`))
          expect(later.types).toEqual(['Document'])
        } finally {
          await context.close()
        }
      },
    )
  })
})
