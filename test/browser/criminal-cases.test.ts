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

describe.skipIf(!run)('criminal cases in a real browser, on a phone', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let browser: Browser

  beforeAll(async () => {
    server = await startTestServer()
    await seedDemoData(server.handle.db, { agencies: 60 })
    browser = await launchChromium()
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('lets a police officer open a case, name a suspect and send it to the DPP, and the prosecutor find it', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } })
    context.setDefaultTimeout(8_000)
    const page = await context.newPage()
    const problems = watchForPageProblems(page)
    const police = user('police_officer')
    await signIn(page, server.url, police.email, police.password)
    await page.getByRole('heading', { name: 'Open investigations in Leribe' }).waitFor()
    await page.getByRole('link', { name: 'Open a criminal case' }).first().click()
    await page.getByRole('heading', { name: 'Open a criminal case' }).waitFor()
    await expectAccessible(page)

    // Sent empty: each field says what it needs, and nothing is opened.
    await page.getByRole('button', { name: 'Open the case' }).click()
    await page.getByText('There is a problem').waitFor()
    expect(await page.locator('main').innerText()).toContain('Enter the police station')
    await page.getByLabel('Police station').fill('Hlotse')
    await page.getByLabel('Case number', { exact: true }).fill('4711')
    await page.getByLabel('Year of the case number').fill('2026')
    await page.getByLabel('District').selectOption('Leribe')
    await page.getByLabel('Investigating officer').fill('D/Sgt M. Lebona')
    await page.getByLabel('Fraud').check()
    await page.getByLabel('Day the offence was reported').fill('2026-11-02')
    await page.getByLabel('Day the investigation was opened').fill('2026-11-03')
    await page.getByRole('button', { name: 'Open the case' }).click()
    await page.getByRole('heading', { name: 'Criminal case Hlotse CR 4711/2026' }).waitFor()
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    await expectAccessible(page)

    await page.getByRole('link', { name: 'Add a suspect' }).click()
    await page.getByLabel('A recruiter not in the register (a person)').check()
    await page.getByRole('textbox', { name: 'Name (optional)' }).fill('Ntate Sello')
    await page.getByLabel('Role in the offence').selectOption('recruiter')
    await page.getByLabel('Sex').selectOption('male')
    await page.getByLabel('Age group').selectOption('adult')
    await page.getByLabel('Nationality').selectOption('LS')
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Add the suspect' }).click()
    await page.getByText('The suspect has been added.').waitFor()
    expect(await page.getByRole('table', { name: 'Suspects in this case' }).innerText()).toContain(
      'Ntate Sello',
    )

    await page.getByRole('link', { name: 'Send to the Director of Public Prosecutions' }).click()
    await page.getByRole('button', { name: 'Send to the DPP' }).click()
    await page.getByText('The case has been sent to the Director of Public Prosecutions.').waitFor()
    await context.close()

    const prosecutorContext = await browser.newContext({ viewport: { width: 360, height: 740 } })
    prosecutorContext.setDefaultTimeout(8_000)
    const desk = await prosecutorContext.newPage()
    const prosecutor = user('prosecutor')
    await signIn(desk, server.url, prosecutor.email, prosecutor.password)
    await desk.getByRole('heading', { name: 'Cases sent to the DPP, not yet charged' }).waitFor()
    await desk.getByRole('link', { name: 'Hlotse CR 4711/2026' }).click()
    await desk.getByRole('link', { name: 'Record the charge in court' }).waitFor()
    await expectAccessible(desk)
    // The backlog list filters as the prosecutor chooses, without reloading the page.
    await desk.goto(`${server.url}/cases`)
    await desk.getByRole('combobox', { name: 'Stage' }).selectOption('sent_to_dpp')
    await desk.waitForURL(/stage=sent_to_dpp/)
    expect(
      await desk.getByRole('table', { name: 'Criminal cases, longest waiting first' }).innerText(),
    ).toContain('Hlotse CR 4711/2026')
    expect(await desk.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    await expectAccessible(desk)
    // The one 422 is the form sent empty on purpose.
    expect(problems.filter((p) => !p.includes('status of 422'))).toEqual([])
    await prosecutorContext.close()
  })
})
