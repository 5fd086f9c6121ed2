import jsQRModule from 'jsqr'
import type { Browser, Page } from 'playwright-core'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertUser } from '../../src/auth/accounts.js'
import { hashPassword } from '../../src/auth/password.js'
import { todayInLesotho } from '../../src/time.js'
import {
  browserAvailable,
  expectAccessible,
  launchChromium,
  signIn as signInAs,
  startTestServer,
  watchForPageProblems,
} from './browser.js'

// jsqr is CommonJS with a declared default export: under NodeNext the function is the module.
const jsQR = jsQRModule as unknown as (typeof jsQRModule)['default']

const run = browserAvailable()

describe.skipIf(!run)('the licensing office in a real browser', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let browser: Browser
  let page: Page
  let problems: string[]
  let agencyUrl = ''
  let licenceNumber = ''

  const signIn = (email: string, password: string) => signInAs(page, server.url, email, password)

  async function fillAgency(name: string, registration: string, principalId: string) {
    await page.getByLabel('Legal name').fill(name)
    await page.getByLabel('Company registration number').fill(registration)
    await page.getByLabel('District').selectOption('Leribe')
    await page.getByLabel('Physical address').fill('Plot 4, Main North 1, Maputsoe')
    await page.getByLabel('Person 1: full name').fill('Limpho Seeiso')
    await page.getByLabel('Person 1: national ID or passport number').fill(principalId)
    await page.getByLabel('Agriculture').check()
    await page.getByLabel('Destination countries').selectOption(['ZA'])
  }

  beforeAll(async () => {
    server = await startTestServer()
    for (const [role, email] of [
      ['licensing_officer', 'officer@labour.gov.ls'],
      ['admin', 'admin@labour.gov.ls'],
    ] as const) {
      await insertUser(server.handle.db, {
        email,
        name: role === 'admin' ? 'Mpho Letsie' : 'Lerato Mohapi',
        role,
        homeDistrict: 'Leribe',
        passwordHash: await hashPassword('a long test password'),
        mustChangePassword: false,
      })
    }
    browser = await launchChromium()
    page = await (await browser.newContext({ viewport: { width: 1024, height: 900 } })).newPage()
    problems = watchForPageProblems(page)
    await signIn('officer@labour.gov.ls', 'a long test password')
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('registers an agency, refusing bad input first', async () => {
    await page.getByRole('link', { name: 'Agencies' }).first().click()
    await page.getByRole('link', { name: 'Register an agency' }).click()
    await page.waitForURL(/\/agencies\/new/)
    await expectAccessible(page)
    await page.getByLabel('Legal name').fill('Hlotse Harvest Recruiters (Pty) Ltd')
    await page.getByRole('button', { name: 'Register agency' }).click()
    await expect.poll(() => page.title()).toMatch(/^Error: /)
    await expect
      .poll(() => page.locator('.error-summary').textContent())
      .toContain('Enter the company registration number')
    expect(await page.getByLabel('Legal name').inputValue()).toBe('Hlotse Harvest Recruiters (Pty) Ltd')
    await expectAccessible(page)

    await fillAgency('Hlotse Harvest Recruiters (Pty) Ltd', '2019/004411', '010203040506')
    await page.getByRole('button', { name: 'Register agency' }).click()
    await page.waitForURL(/\/agencies\/[0-9a-f-]{36}\?done=registered/)
    agencyUrl = page.url().split('?')[0]!
    await expect.poll(() => page.locator('h1').textContent()).toBe('Hlotse Harvest Recruiters (Pty) Ltd')
    await expectAccessible(page)
  })

  it('warns about a near-identical name, then registers it once the officer confirms', async () => {
    await page.goto(`${server.url}/agencies/new`)
    await fillAgency('Hlotse Harvest Recruiters Pty Ltd', '2021/009988', '998877665544')
    await page.getByRole('button', { name: 'Register agency' }).click()
    await expect.poll(() => page.locator('.duplicates').count()).toBe(1)
    const warning = (await page.locator('.duplicates').textContent()) ?? ''
    expect(warning).toContain('Hlotse Harvest Recruiters (Pty) Ltd')
    expect(warning).toMatch(/Name resembles .*% alike/)
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Register anyway' }).click()
    await page.waitForURL(/done=registered/)
  })

  it('records an application and approves it, issuing a licence number', async () => {
    await page.goto(agencyUrl)
    await page.getByRole('link', { name: 'Record a licence application' }).click()
    await page.getByLabel('Company registration certificate seen').check()
    await page.getByLabel('Office visited').check()
    await page.getByLabel('Declaration signed that workers are charged no recruitment fee').check()
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Record application' }).click()
    await page.waitForURL(/\/applications\/[0-9a-f-]{36}/)
    await page.getByRole('link', { name: 'Applications awaiting decision' }).click()
    await expect
      .poll(() => page.locator('#queue-results').textContent())
      .toContain('Hlotse Harvest Recruiters (Pty) Ltd')
    await expectAccessible(page)
    await page.getByRole('link', { name: 'Hlotse Harvest Recruiters (Pty) Ltd' }).click()
    await page.waitForURL(/\/applications\/[0-9a-f-]{36}/)
    // The fit-and-proper check was not ticked: approving needs the officer to say so, the check named.
    expect(await page.locator('main').innerText()).toContain('One check is not done:')
    await page.getByRole('button', { name: 'Approve and issue the licence' }).click()
    const summary = page.locator('.error-summary')
    await summary.waitFor()
    expect(await summary.innerText()).toContain('Fit-and-proper checks of the principal and directors done')
    await expectAccessible(page)
    await summary.getByRole('link').click()
    await page.getByLabel('Approve although this check is not done').check()
    await page.getByRole('button', { name: 'Approve and issue the licence' }).click()
    await expect.poll(() => page.locator('[role=status]').textContent()).toContain('approved')
    await page.goto(agencyUrl)
    licenceNumber = (await page.locator('h1 + p strong').textContent())?.trim() ?? ''
    expect(licenceNumber).toMatch(/^LRA-\d{4}-00001$/)
  })

  it('prints a certificate whose QR code opens the verify page for the licence', async () => {
    await page.getByRole('link', { name: 'Print the certificate' }).click()
    await page.waitForURL(/\/certificate$/)
    await expectAccessible(page)
    const png = PNG.sync.read(await page.locator('.qr').screenshot())
    const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
    expect(code?.data).toBe(`${server.url}/verify/${licenceNumber}`)
    const pdf = await page.pdf({ format: 'A4' })
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF')
  })

  it('records a job offer, approves it, and prints an advert slip whose QR code opens the job page', async () => {
    await page.goto(agencyUrl)
    await page.getByRole('link', { name: 'Record a job offer' }).click()
    await expectAccessible(page)
    await page.getByLabel('Employer', { exact: true }).fill('Wepener Fruit Farms (Pty) Ltd')
    await page.getByLabel('Country').selectOption('ZA')
    await page.getByLabel('Town, farm or district').fill('Ficksburg, Free State')
    await page.getByLabel('Position').fill('Fruit picker')
    await page.getByLabel('Sector').selectOption('agriculture')
    await page.getByLabel('Workers wanted').fill('40')
    await page.getByLabel('Wage per month').fill('R4,500')
    await page.getByLabel('Currency of the wage').selectOption('ZAR')
    await page.getByLabel('Contract length (months)').fill('9')
    await page.getByLabel('Working hours per week').fill('45')
    await page.getByLabel('Accommodation').fill('Hostel on the farm, free of charge')
    await page.getByLabel('Who pays the recruitment costs').selectOption('employer')
    // The worker paying is refused, with the reason beside the field.
    await page.getByLabel('Who pays the travel costs').selectOption('worker')
    // Lesotho's date: between 22:00 and midnight UTC it is already tomorrow there.
    const today = todayInLesotho()
    await page.getByLabel('Open from').fill(today)
    await page.getByLabel('Open until').fill(`${Number(today.slice(0, 4)) + 1}${today.slice(4)}`)
    await page.getByLabel('Contract or demand letter reference').fill('DL/2026/0042')
    await page.getByRole('button', { name: 'Record job offer' }).click()
    await expect
      .poll(() => page.locator('.error-summary').textContent())
      .toContain('the worker may not pay any travel costs')
    expect(await page.getByLabel('Position').inputValue()).toBe('Fruit picker')
    await page.getByLabel('Who pays the travel costs').selectOption('employer')
    await page.getByRole('button', { name: 'Record job offer' }).click()
    await page.waitForURL(/done=recorded/)
    await page.getByRole('link', { name: 'Approve' }).click()
    await page.getByRole('button', { name: 'Approve and give it a code' }).click()
    await page.waitForURL(/done=approve/)
    const code = (await page.locator('.offer-code').first().textContent())?.trim() ?? ''
    expect(code).toMatch(/^\d{4}-\d{4}$/)

    await page.getByRole('link', { name: /Print the advert slip/ }).click()
    await page.waitForURL(/\/slip$/)
    await expectAccessible(page)
    const png = PNG.sync.read(await page.locator('.qr').screenshot())
    const scanned = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? ''
    expect(scanned).toBe(`${server.url}/jobs/${code.replace('-', '')}`)
    const pdf = await page.pdf({ format: 'A5' })
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF')

    // As a worker's phone opens it: no session, a narrow screen.
    const phone = await browser.newContext({ viewport: { width: 360, height: 740 } })
    const worker = await phone.newPage()
    await worker.goto(scanned)
    await expect.poll(() => worker.locator('h1').textContent()).toContain('Approved job offer')
    expect(await worker.locator('main').textContent()).toContain('You must not pay any fee to get this job.')
    await expectAccessible(worker)
    await worker.getByRole('link', { name: 'Sesotho' }).click()
    await expect.poll(() => worker.locator('h1').textContent()).toContain('Mosebetsi o lumelletsoe')
    await phone.close()
  })

  it('suspends at once and reinstates the licence, each with a reason and a confirmation', async () => {
    await page.goto(agencyUrl)
    await page.getByRole('link', { name: 'Suspend at once (urgent)' }).click()
    await expect.poll(() => page.locator('main').textContent()).toContain('may not recruit while suspended')
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Suspend licence now' }).click()
    await expect.poll(() => page.locator('.error-summary').textContent()).toContain('Enter the reason')
    expect(await page.locator('.error-summary').textContent()).toContain('Choose what the public is told')
    await page.getByLabel('Reason').fill('Workers said they paid M 1,500 each')
    await page.getByLabel('What the public is told').selectOption('recruitment_fees')
    await page.getByRole('button', { name: 'Suspend licence now' }).click()
    await page.waitForURL(/done=licence_suspend/)
    await expect.poll(() => page.locator('h1 + p').textContent()).toContain('Suspended')

    await page.getByRole('link', { name: 'Reinstate' }).click()
    await page.getByLabel('Reason').fill('Fees refunded, receipts seen')
    await page.getByRole('button', { name: 'Reinstate licence' }).click()
    await page.waitForURL(/done=licence_reinstate/)
    await expect.poll(() => page.locator('h1 + p').textContent()).toContain('Licensed until')
    await expectAccessible(page)
  })

  it('shows every step in the licence history', async () => {
    const history =
      (await page.locator('table:has(caption:text("Licence history")) tbody').textContent()) ?? ''
    for (const step of [
      'Agency registered',
      'Application submitted',
      'Application approved',
      'Licence issued',
      'Licence suspended',
      'From in force to suspended',
      'Workers said they paid M 1,500 each',
      'Licence reinstated',
      'Fees refunded, receipts seen',
    ]) {
      expect(history).toContain(step)
    }
    expect(history).toContain('Lerato Mohapi')
  })

  it('gives notice of an intended revocation, records the answer, and withdraws it', async () => {
    await page.goto(agencyUrl)
    await page.getByRole('link', { name: 'Give notice of intended revocation' }).click()
    await expectAccessible(page)
    await page.getByLabel('Grounds').fill('Two substantiated complaints of M300 induction fees')
    await page.getByLabel('What the public is told if it takes effect').selectOption('recruitment_fees')
    await page.getByRole('button', { name: 'Give notice' }).click()
    await page.waitForURL(/done=given/)
    await expect.poll(() => page.locator('main').textContent()).toContain('days left')
    await expectAccessible(page)
    // "None came" waits for the date; representations can be recorded at once.
    expect(await page.getByLabel(/None came by/).isDisabled()).toBe(true)
    await page.getByLabel('What the agency said').fill('The fees were refunded; receipts attached')
    await page.getByLabel('Received on').fill(todayInLesotho())
    await page.getByRole('button', { name: 'Record' }).click()
    await page.waitForURL(/done=representations/)
    await page.getByLabel('Reason').fill('Refunds confirmed with six workers')
    await page.getByRole('button', { name: 'Withdraw the notice' }).click()
    await page.waitForURL(/done=withdrawn/)
    await page.goto(agencyUrl)
    await expect.poll(() => page.locator('h1 + p').textContent()).toContain('Licensed until')
  })

  it('shows every step in the audit log to an administrator', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.waitForURL(/\/login/)
    await signIn('admin@labour.gov.ls', 'a long test password')
    await page.goto(`${server.url}/admin/audit`)
    const log = (await page.locator('#audit-results').innerText()).replaceAll(/\s+/g, ' ')
    const agency = 'Hlotse Harvest Recruiters (Pty) Ltd'
    for (const words of [
      `Agency ${agency} registered`,
      'Agency Hlotse Harvest Recruiters Pty Ltd registered though a similar agency is in the registry',
      `Licence application recorded for ${agency}`,
      `Licence application approved for ${agency}`,
      `Licence ${licenceNumber} issued`,
      `Licence ${licenceNumber} suspended`,
      `Licence ${licenceNumber} reinstated`,
      `Notice of intended revocation given on licence ${licenceNumber}`,
      `Notice on licence ${licenceNumber} withdrawn`,
      'Job offer Fruit picker, Wepener Fruit Farms (Pty) Ltd',
    ]) {
      expect(log).toContain(words)
    }
    expect(log).not.toMatch(/licence\.suspend|agency\.registered/)
    await page.locator('#audit-results a[href^="/agencies/"]', { hasText: licenceNumber }).first().click()
    await page.waitForURL(/\/agencies\/[0-9a-f-]{36}$/)
    expect(await page.locator('h1').innerText()).toContain(agency)
    await page.goBack()
    await page.waitForURL(/\/admin\/audit/)
    await expectAccessible(page)
    expect(log).toContain('Lerato Mohapi <officer@labour.gov.ls>')
  })

  it('produced no script errors or Content-Security-Policy violations', () => {
    expect(problems.filter((p) => !/status of (401|403|404|409|422|429)/.test(p))).toEqual([])
  })
})
