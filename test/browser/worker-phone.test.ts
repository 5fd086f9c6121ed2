import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LANGUAGES, type Language, messagesFor } from '../../src/i18n/messages.js'
import { addDays, todayInLesotho } from '../../src/time.js'
import { insertPublicFixture } from '../support/public-fixtures.js'
import {
  browserAvailable,
  expectAccessible,
  launchChromium,
  startTestServer,
  watchForPageProblems,
} from './browser.js'

const run = browserAvailable()

// A migrant worker on a cheap phone, in each language: checks a recruiter who is not in the
// registry, reports them, keeps the reference and checks the report; then opens the QR code on
// a certificate a recruiter showed them. Every page is checked with axe and for sideways
// scrolling at 360 px; every text comes from the catalogue, so both languages walk the same path.

const PHONE = { width: 320, height: 640 }
const startsWith = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)

/** What a person on this phone sees of the page: it fits the screen and passes axe. */
async function checkPage(page: Page, lang: Language) {
  expect(await page.getAttribute('html', 'lang')).toBe(lang)
  // Nothing reaches past the screen's edge (a clipped licence number misleads as much as a
  // scrolling page), except inside a region made to scroll.
  // The screen's width, not innerWidth: a phone widens its layout to fit what overflows.
  const outside = await page.evaluate(
    (width) =>
      [...document.querySelectorAll('body *')]
        .filter((e) => !e.closest('.table-scroll, .visually-hidden, .skip-link'))
        .filter((e) => e.getBoundingClientRect().right > width + 1)
        .map(
          (e) => `${e.tagName.toLowerCase()}.${e.className}: ${(e.textContent ?? '').trim().slice(0, 40)}`,
        ),
    PHONE.width,
  )
  expect(outside, `past the edge of the screen on ${page.url()}`).toEqual([])
  await expectAccessible(page)
}

describe.skipIf(!run)('a worker on a 320 px phone, in both languages', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let browser: Browser
  const numbers: Record<string, string> = {}

  beforeAll(async () => {
    server = await startTestServer()
    const db = server.handle.db
    for (const [key, standing] of [
      ['licensed', 'licensed'],
      ['suspended', 'suspended'],
      ['revoked', 'revoked'],
    ] as const) {
      const { licenceNumber } = await insertPublicFixture(db, {
        name: `Maloti ${key} Recruitment (Pty) Ltd`,
        tradingNames: ['Lesotho Jobs'],
        standing,
        // The longest labels a verify page has: "suspended since" and "suspended until".
        suspendedUntil: standing === 'suspended' ? addDays(todayInLesotho(), 60) : undefined,
      })
      numbers[key] = licenceNumber!
    }
    browser = await launchChromium()
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  for (const lang of LANGUAGES) {
    describe(lang === 'en' ? 'in English' : 'in Sesotho', () => {
      const t = messagesFor(lang)
      let page: Page
      let problems: string[]
      let reference = ''

      beforeAll(async () => {
        const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true })
        context.setDefaultTimeout(8_000)
        page = await context.newPage()
        problems = watchForPageProblems(page)
      })

      it('is told first and loudest that an unknown recruiter is not in the registry', async () => {
        await page.goto(`${server.url}/?lang=${lang}`)
        expect(await page.locator('h1').innerText()).toBe(t.homeTitle)
        await checkPage(page, lang)
        await page.getByLabel(startsWith(t.searchLabel)).fill('Thabo Jobs')
        await page.getByLabel(startsWith(t.searchLabel)).press('Enter')
        const warning = page.getByRole('heading', { name: t.notFoundTitle('Thabo Jobs') })
        await warning.waitFor()
        const main = await page.locator('main').innerText()
        expect(main).toContain(t.notFoundText)
        // A recruiter sharing only the word "Jobs" is not offered as a match.
        expect(main).not.toContain('Maloti licensed Recruitment')
        expect(await page.locator('.result').count()).toBe(0)
        await checkPage(page, lang)
      })

      it('reports the recruiter, the name already filled in, with the fee as people write it', async () => {
        await page.getByRole('link', { name: t.notFoundReport }).click()
        await page.waitForURL(/\/complaints\/new/)
        expect(await page.getByLabel(startsWith(t.complaint.recruiterName)).inputValue()).toBe('Thabo Jobs')
        await checkPage(page, lang)
        await page.getByLabel(t.complaint.categories.recruitment_fee).check()
        await page.getByLabel(startsWith(t.complaint.feeAmount)).fill('M1,500')
        // Sent without saying what happened: refused, and a reload asks the same again, with
        // what was typed (a plain form post to a public address, never a staff page).
        await page.getByRole('button', { name: t.complaint.submit }).click()
        await expect
          .poll(() => page.locator('.error-summary').innerText())
          .toContain(t.complaint.errors.description)
        await page.reload()
        await expect
          .poll(() => page.locator('.error-summary').innerText())
          .toContain(t.complaint.errors.description)
        expect(page.url()).toMatch(/\/complaints\/new$/)
        expect(await page.getByLabel(startsWith(t.complaint.feeAmount)).inputValue()).toBe('M1,500')
        expect(await page.getByLabel(startsWith(t.complaint.recruiterName)).inputValue()).toBe('Thabo Jobs')
        await checkPage(page, lang)
        await page
          .getByLabel(startsWith(t.complaint.description))
          .fill('He took M1,500 from each of us at the taxi rank in Maputsoe and promised farm work.')
        await page.getByRole('button', { name: t.complaint.submit }).click()
        await page.waitForURL(/\/complaints\/sent\//)
        expect(await page.locator('h1').innerText()).toBe(t.complaint.sentTitle)
        reference = (await page.locator('.reference').innerText()).trim()
        expect(reference).toMatch(/^C-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/)
        await checkPage(page, lang)
      })

      it('checks the report with the reference and is told where it stands in words', async () => {
        await page.getByRole('link', { name: t.complaint.trackLink }).first().click()
        await page.waitForURL(/\/complaints\/track/)
        // The link from the sent page carries the reference: the status shows at once.
        expect(await page.locator('main').innerText()).toContain(t.complaint.trackStatus.received)
        await checkPage(page, lang)
        await page.getByLabel(startsWith(t.complaint.trackLabel)).fill('')
        await page.getByRole('button', { name: t.complaint.trackButton }).click()
        await expect.poll(() => page.locator('main').innerText()).toContain(t.complaint.trackEmpty)
        await page.getByLabel(startsWith(t.complaint.trackLabel)).fill(reference.toLowerCase())
        await page.getByRole('button', { name: t.complaint.trackButton }).click()
        await page.waitForURL(/\/complaints\/track\?ref=c-/i)
        await expect.poll(() => page.locator('main').innerText()).toContain(t.complaint.trackStatus.received)
        // The worker's own words never come back out through a public page.
        expect(await page.content()).not.toContain('taxi rank')
        await checkPage(page, lang)
      })

      it('opens the QR code of a certificate: a licence in force shows until when, others never do', async () => {
        await page.goto(`${server.url}/verify/${numbers.licensed}`)
        const licensed = await page.locator('main').innerText()
        expect(licensed).toContain(t.standing.licensed)
        expect(licensed).toContain(t.verifyExpires)
        await checkPage(page, lang)
        for (const key of ['suspended', 'revoked'] as const) {
          await page.goto(`${server.url}/verify/${numbers[key]}`)
          const main = await page.locator('main').innerText()
          expect(main).toContain(t.standing[key])
          expect(main).toContain(t.verifySince[key])
          expect(main).not.toContain(t.verifyExpires)
          await checkPage(page, lang)
        }
        // The empty check above answered 422 on purpose; the browser logs that, nothing else.
        expect(problems.filter((p) => !p.includes('status of 422'))).toEqual([])
      })
    })
  }
})
