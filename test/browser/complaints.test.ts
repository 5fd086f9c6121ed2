import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertUser } from '../../src/auth/accounts.js'
import { hashPassword } from '../../src/auth/password.js'
import { insertPublicFixture } from '../support/public-fixtures.js'
import {
  browserAvailable,
  expectAccessible,
  launchChromium,
  startTestServer,
  watchForPageProblems,
} from './browser.js'

const run = browserAvailable()

// The whole story of a complaint: a worker reports a fee in Sesotho and tracks the report, an
// officer substantiates it, the public lookup warns about the agency, the officer clears the
// flag after a refund and the warning goes; a report about an unlisted recruiter reaches the
// list the police follow up.
describe.skipIf(!run)('a complaint from report to flag, in a real browser', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let browser: Browser
  let worker: { context: BrowserContext; page: Page; problems: string[] }
  let officer: { context: BrowserContext; page: Page; problems: string[] }
  let reference = ''
  let agencyId = ''
  const AGENCY = 'Letsatsi Farm Recruitment (Pty) Ltd'
  const FEE_WARNING = 'Found to have charged workers a recruitment fee.'

  async function open(locale: string) {
    const context = await browser.newContext({ locale })
    // A missing label fails in seconds, naming the locator, not at the test's own timeout.
    context.setDefaultTimeout(8_000)
    const page = await context.newPage()
    return { context, page, problems: watchForPageProblems(page) }
  }

  /** The public lookup's result for the agency, in English. */
  async function lookupResult() {
    await worker.page.goto(`${server.url}/lookup?q=${encodeURIComponent('letsatsi farm')}&lang=en`)
    return worker.page.locator('.result', { hasText: AGENCY })
  }

  beforeAll(async () => {
    server = await startTestServer()
    ;({ agencyId } = await insertPublicFixture(server.handle.db, { name: AGENCY, standing: 'licensed' }))
    await insertUser(server.handle.db, {
      email: 'officer@labour.gov.ls',
      name: 'Lerato Mohapi',
      role: 'licensing_officer',
      homeDistrict: 'Leribe',
      passwordHash: await hashPassword('a long test password'),
      mustChangePassword: false,
    })
    browser = await launchChromium()
    worker = await open('st-LS')
    officer = await open('en-GB')
    await officer.page.goto(`${server.url}/login`)
    await officer.page.getByLabel('Email address').fill('officer@labour.gov.ls')
    await officer.page.getByLabel('Password').fill('a long test password')
    await officer.page.getByRole('button', { name: 'Sign in' }).click()
    await officer.page.waitForURL(/\/staff/)
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('a worker reports a fee in Sesotho from the lookup result, keeps the reference and tracks it', async () => {
    const { page } = worker
    await page.goto(`${server.url}/lookup?q=${encodeURIComponent('letsatsi farm')}`)
    expect(await page.getAttribute('html', 'lang')).toBe('st')
    await page.locator('.result', { hasText: AGENCY }).getByRole('link', { name: 'Tlaleha moemeli' }).click()
    await page.waitForURL(/\/complaints\/new\?licence=/)
    expect(await page.locator('main').innerText()).toContain(AGENCY)
    await page.getByLabel('Ke kopiloe ho lefa chelete bakeng sa mosebetsi').check()
    await page.getByLabel('U lefile bokae?').fill('1500')
    await page.getByRole('combobox', { name: /^Mofuta oa chelete/ }).selectOption('LSL')
    await page.getByLabel('Setereke moo ho etsahetseng teng').selectOption('Leribe')
    await page
      .getByLabel('Re bolelle se etsahetseng')
      .fill('Ntate o re lefisitse M1500 e mong le e mong pele re palama bese ea ho ea polasing.')
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Romela tlaleho' }).click()
    await page.waitForURL(/\/complaints\/sent\//)
    expect(await page.locator('h1').innerText()).toBe('Tlaleho ea hao e rometsoe')
    reference = (await page.locator('.reference').innerText()).trim()
    expect(reference).toMatch(/^C-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/)
    await expectAccessible(page)

    await page.getByRole('link', { name: 'Sheba tlaleho' }).first().click()
    await page.getByLabel('Nomoro ea tlaleho').fill(reference.toLowerCase().replace(/-/g, ' '))
    await page.getByRole('button', { name: 'Sheba' }).click()
    await page.waitForURL(/\/complaints\/track\?ref=/)
    expect(await page.locator('main').innerText()).toContain('E amohetsoe: e emetse ho baloa.')
    // What was reported never comes back out through a public page.
    expect(await page.content()).not.toContain('M1500')
    expect(worker.problems).toEqual([])
  })

  it('an officer substantiates it, and the public lookup warns about the fee', async () => {
    expect((await (await lookupResult()).innerText()).includes(FEE_WARNING)).toBe(false)
    const { page } = officer
    await page.goto(`${server.url}/complaints`)
    await page.getByRole('link', { name: reference }).click()
    await page.getByRole('button', { name: 'Assign to me' }).click()
    await page.getByText('The complaint is assigned to you.').waitFor()
    await page.getByLabel('Outcome').selectOption('substantiated')
    await page
      .getByRole('group', { name: /What was proven/ })
      .getByLabel(/fee/i)
      .check()
    await page
      .getByLabel('Finding, or the reason it is unsubstantiated')
      .fill('Three workers showed receipts for M1500 each, signed by the agency.')
    await page.getByRole('button', { name: 'Record the decision' }).click()
    await page.getByText('The decision has been recorded.').waitFor()
    const decided = await page.locator('main').innerText()
    expect(decided).toContain('The decision has been recorded.')
    expect(decided).toContain('Decided: substantiated')
    expect(decided).toContain('History')
    expect(
      await page.locator('table:has(caption:text("History of this complaint")) tbody').innerText(),
    ).toContain('Decided: substantiated')
    await page.goto(`${server.url}/complaints`)
    expect(await page.locator('#complaint-results').innerText()).toContain('Decided: substantiated')
    await page.goBack()
    await expectAccessible(page)

    const result = await lookupResult()
    expect(await result.innerText()).toContain(FEE_WARNING)
    // The worker's tracking now says, in their language, that it was found to be true.
    await worker.page.goto(`${server.url}/complaints/track?ref=${reference}&lang=st`)
    expect(await worker.page.locator('main').innerText()).toContain("E fumanoe e le 'nete")
  })

  it('the officer clears the fee flag with a reason; the warning goes, the points stay', async () => {
    const { page } = officer
    await page.goto(`${server.url}/agencies/${agencyId}`)
    const flags = page.locator('section', {
      has: page.getByRole('heading', { name: 'Complaints and flags' }),
    })
    expect(await flags.innerText()).toContain('12 demerit points')
    await page
      .getByLabel('Reason for clearing the fee flag')
      .fill('Refunds of M1500 to all three workers verified at the Leribe office.')
    await page.getByRole('button', { name: 'Clear the fee flag' }).click()
    await page.getByText('The flag has been cleared.').waitFor()
    expect(await page.locator('main').innerText()).toContain('The flag has been cleared.')
    expect(await page.locator('main').innerText()).toContain('Refunds of M1500 to all three workers verified')
    await expectAccessible(page)

    const result = await lookupResult()
    const text = await result.innerText()
    expect(text).not.toContain(FEE_WARNING)
    // 12 points remain for 24 months: the agency stays under watch, publicly.
    expect(text).toContain('Under watch by the licensing office: found at fault in the last two years.')
    expect(officer.problems).toEqual([])
  })

  it('a report about an unlisted recruiter reaches the unlicensed-recruiters list', async () => {
    const { page } = worker
    await page.goto(`${server.url}/complaints/new?name=${encodeURIComponent('Lucky Jobs Overseas')}&lang=en`)
    await page.getByLabel('Where you met them').fill('Maputsoe bus rank')
    await page.getByLabel('I was asked to pay a fee for the job').check()
    await page
      .getByLabel('Tell us what happened')
      .fill('A man with a blue car promised farm work in Ceres for M800.')
    await page.getByRole('button', { name: 'Send the report' }).click()
    await page.waitForURL(/\/complaints\/sent\//)
    const unlisted = (await page.locator('.reference').innerText()).trim()

    const staff = officer.page
    await staff.goto(`${server.url}/complaints?registered=no`)
    await staff.getByRole('link', { name: unlisted }).click()
    expect(await staff.getByLabel('Name the recruiter uses').inputValue()).toBe('Lucky Jobs Overseas')
    await staff.getByRole('button', { name: 'Record in the unlicensed recruiters list' }).click()
    await staff.getByText('The recruiter is recorded in the unlicensed recruiters list.').waitFor()
    await staff.goto(`${server.url}/unlicensed-recruiters`)
    const row = staff.locator('tr', { hasText: 'Lucky Jobs Overseas' })
    expect(await row.innerText()).toContain('Maputsoe bus rank')
    await expectAccessible(staff)
    expect(worker.problems).toEqual([])
    expect(officer.problems).toEqual([])
  })
})
