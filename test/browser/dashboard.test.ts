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
    // On a desk's screen the closed Period list shows a TIP year's whole name.
    const period = page.getByRole('combobox', { name: 'Period' })
    const longest = await period.evaluate((select: HTMLSelectElement) => {
      const option = [...select.options].find((o) => o.text.includes('TIP report year'))!
      const probe = document.createElement('span')
      probe.style.font = getComputedStyle(select).font
      probe.textContent = option.text
      document.body.append(probe)
      const needed = probe.getBoundingClientRect().width
      probe.remove()
      return { needed, room: select.clientWidth - 40 }
    })
    expect(longest.room).toBeGreaterThanOrEqual(longest.needed)

    // Choosing a district redraws the figures (htmx) and puts the filter in the address.
    await page.getByRole('combobox', { name: 'District' }).selectOption('Leribe')
    await page.waitForURL(/district=Leribe/)
    await page.locator('#dashboard-figures').getByText(', Leribe, all sectors.').waitFor()
    // The status line beside the form says the same in a sentence, for a screen reader.
    await page.getByRole('status').filter({ hasText: ', Leribe, all sectors.' }).waitFor()
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
      'District,Inspections,With an indicator observed,Complaints received,Potential victims referred at inspections,Criminal investigations opened at inspections',
    )
    expect(first).toMatch(/^Leribe,\d+,/)
    expect(rest).toEqual([])
    expect(problems).toEqual([])
    await context.close()
  })

  it('reads well on a 360 px phone: words not codes, tables that scroll by keyboard, charts not cut', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } })
    context.setDefaultTimeout(8_000)
    const page = await context.newPage()
    const problems = watchForPageProblems(page)
    await signIn(page, server.url, user('analyst').email, user('analyst').password)
    expect(await page.locator('main').innerText()).toContain('You are signed in as an analyst')
    // One month only: the month charts are narrow, their legends must still show whole.
    await page.goto(`${server.url}/dashboard?from=2026-10-01&to=2026-10-31`)
    await page.getByRole('heading', { name: 'Districts compared' }).waitFor()
    const groups = await page
      .getByRole('table', { name: 'Potential victims referred, by sex and age' })
      .innerText()
    expect(groups).toContain('Girls under 18')
    expect(groups).toContain('Boys under 18')
    expect(groups).not.toContain('Women and girls')
    // Months in words, in the table and under the chart's bars.
    expect(await page.getByRole('table', { name: 'Month by month' }).innerText()).toContain('October 2026')
    expect(await page.locator('svg.chart text').allTextContents()).toEqual(
      expect.arrayContaining(['Oct', '2026']),
    )
    await expectAccessible(page)

    // A table wider than the phone scrolls within its own region, which the keyboard reaches.
    const region = page.getByRole('region', { name: 'Table: Districts compared' })
    expect(await region.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true)
    await region.focus()
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => region.evaluate((e) => e.scrollLeft)).toBeGreaterThan(0)
    // Scrolled to its far end, each row still shows its district beside the last column.
    const labelsInView = await region.evaluate((e) => {
      e.scrollLeft = e.scrollWidth
      const box = e.getBoundingClientRect()
      return [...e.querySelectorAll('tbody tr')].map((row) => {
        const label = row.firstElementChild!.getBoundingClientRect()
        const last = row.lastElementChild!.getBoundingClientRect()
        return label.left >= box.left - 1 && label.right <= last.left + 1
      })
    })
    expect(labelsInView.length).toBeGreaterThan(0)
    expect(labelsInView.every(Boolean)).toBe(true)

    // Every chart's words lie inside its picture.
    const cut = await page.evaluate(() =>
      [...document.querySelectorAll<SVGSVGElement>('svg.chart')].flatMap((svg) => {
        const box = svg.viewBox.baseVal
        return [...svg.querySelectorAll<SVGTextElement>('text')]
          .map((t) => ({ text: t.textContent, b: t.getBBox() }))
          .filter(
            ({ b }) =>
              b.x < box.x - 0.5 ||
              b.y < box.y - 0.5 ||
              b.x + b.width > box.width + 0.5 ||
              b.y + b.height > box.height + 0.5,
          )
          .map(({ text }) => text)
      }),
    )
    expect(cut).toEqual([])

    // Words in the charts stay about their 11 px, for one month as for ten years.
    const wordHeights = () =>
      page.evaluate(() =>
        [...document.querySelectorAll<SVGTextElement>('svg.chart text')].map(
          (t) => t.getBoundingClientRect().height,
        ),
      )
    for (const period of [
      'from=2026-10-01&to=2026-10-31',
      'from=2024-12-01&to=2026-11-30',
      'from=2017-01-01&to=2026-11-30',
    ]) {
      await page.goto(`${server.url}/dashboard?${period}`)
      await page.getByRole('heading', { name: 'Districts compared' }).waitFor()
      const heights = await wordHeights()
      expect(Math.min(...heights), period).toBeGreaterThanOrEqual(8)
      expect(Math.max(...heights), period).toBeLessThanOrEqual(15)
    }
    expect(problems).toEqual([])
    await context.close()
  })

  it('sends a typed date when the box is left, and shows the last of quick changes', async () => {
    const context = await browser.newContext({ locale: 'en-US' })
    context.setDefaultTimeout(8_000)
    const page = await context.newPage()
    const problems = watchForPageProblems(page)
    await signIn(page, server.url, user('analyst').email, user('analyst').password)
    await page.goto(`${server.url}/dashboard?from=2026-01-01&to=2026-10-31`)
    await page.getByRole('heading', { name: 'Districts compared' }).waitFor()
    const asked: string[] = []
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/dashboard')
        asked.push(new URL(r.url()).searchParams.get('from') ?? '')
    })

    // Typed part by part, month, day, year ("0002", "0020", "0202", then "2025"), nothing goes until the box is left.
    const from = page.getByLabel('From', { exact: true })
    await from.focus()
    await page.keyboard.type('03152025', { delay: 30 })
    await page.waitForTimeout(300)
    expect(asked).toEqual([])
    expect(await from.inputValue()).toBe('2025-03-15')
    await page.getByLabel('To', { exact: true }).focus()
    await page.waitForURL(/from=2025-03-15/)
    expect(asked).toEqual(['2025-03-15'])
    await page.locator('#dashboard-figures').getByText('From 15 March 2025').waitFor()

    // Left for the form's own button, the button sends it, once (one answer, one history entry);
    // the button left without being pressed sends it then. Enter, then leaving, asks once too.
    const to = page.getByLabel('To', { exact: true })
    const show = page.getByRole('button', { name: 'Show' })
    await to.fill('2026-06-30')
    await show.focus()
    await page.waitForTimeout(300)
    expect(asked).toHaveLength(1)
    await show.press('Enter')
    await page.waitForURL(/to=2026-06-30/)
    await to.fill('2026-05-31')
    await show.focus()
    await page.getByRole('combobox', { name: 'District' }).focus()
    await page.waitForURL(/to=2026-05-31/)
    await to.focus()
    await to.fill('2026-07-31')
    await to.press('Enter')
    await page.waitForURL(/to=2026-07-31/)
    await show.focus()
    await page.waitForTimeout(300)
    expect(asked).toHaveLength(4)
    // Back goes to the dates before, in one press each.
    await page.goBack()
    await page.waitForURL(/to=2026-05-31/)
    await page.goForward()
    await page.waitForURL(/to=2026-07-31/)
    await page.locator('#dashboard-figures').getByText('to 31 July 2026').waitFor()
    // Settled first: a swap landing between the focus and the key press took the focus away.
    await page.waitForLoadState('networkidle')
    const before = asked.length
    await to.focus()
    await expect.poll(() => to.evaluate((e) => e === document.activeElement)).toBe(true)
    await page.keyboard.press('Backspace')
    expect(await to.evaluate((e: HTMLInputElement) => e.validity.badInput)).toBe(true)
    await page.getByRole('combobox', { name: 'District' }).focus()
    await page.waitForTimeout(300)
    expect(asked).toHaveLength(before)
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('district')
    await to.fill('2026-07-31')

    // Three districts chosen while the first answer is slow: the last one chosen is shown.
    await page.route(
      (url) => url.pathname === '/dashboard' && url.searchParams.get('district') === 'Leribe',
      async (route) => {
        await new Promise((done) => setTimeout(done, 1_500))
        await route.continue().catch(() => {})
      },
    )
    const district = page.getByRole('combobox', { name: 'District' })
    await district.selectOption('Leribe')
    await district.selectOption('Berea')
    await district.selectOption('Mafeteng')
    await page.locator('#dashboard-figures').getByText(', Mafeteng, all sectors.').waitFor()
    await page.waitForTimeout(2_000)
    expect(await page.locator('#dashboard-figures').innerText()).toContain(', Mafeteng, all sectors.')
    await page.getByRole('status').filter({ hasText: ', Mafeteng, all sectors.' }).waitFor()
    expect(page.url()).toMatch(/district=Mafeteng/)

    // A refused date is marked at its field, not only in the summary, and cleared once put right.
    await to.fill('2025-01-31')
    await district.focus()
    await page.getByRole('alert').getByText('To: Choose a date on or after the From date').waitFor()
    expect(await to.getAttribute('aria-invalid')).toBe('true')
    expect(await page.locator('#to-error').textContent()).toBe(
      'Error: Choose a date on or after the From date',
    )
    await expect.poll(() => to.evaluate((e) => e.getAttribute('aria-describedby'))).toContain('to-error')
    await to.fill('2025-12-31')
    await district.focus()
    await page.locator('#dashboard-figures').getByText('From 15 March 2025 to 31 December 2025').waitFor()
    expect(await to.getAttribute('aria-invalid')).toBeNull()
    expect(await page.locator('#to-error').count()).toBe(0)

    // A named period sets the dates aside at once, and choosing the dates again brings them back.
    const period = page.getByRole('combobox', { name: 'Period' })
    await period.selectOption({ index: 1 })
    await page.waitForURL(/period=[a-z]/)
    expect(page.url()).not.toMatch(/from=/)
    expect(await to.isDisabled()).toBe(true)
    const fromBox = page.getByLabel('From', { exact: true })
    expect(await fromBox.isDisabled()).toBe(true)
    // The boxes set aside show the period's own dates (a TIP year starts on 1 April).
    await expect.poll(() => fromBox.inputValue()).toMatch(/^\d{4}-04-01$/)
    await expect.poll(() => to.inputValue()).toMatch(/^\d{4}-03-31$/)
    await period.selectOption('')
    expect(await to.isDisabled()).toBe(false)
    await page.waitForURL(/from=\d{4}-04-01&to=\d{4}-03-31/)
    expect(problems.filter((p) => !/abort|cancel|422/i.test(p))).toEqual([])
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
