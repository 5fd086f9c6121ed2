import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertUser } from '../../src/auth/accounts.js'
import { hashPassword } from '../../src/auth/password.js'
import { insertWorksite } from '../../src/worksites/queries.js'
import { insertPublicFixture } from '../support/public-fixtures.js'
import {
  browserAvailable,
  expectAccessible,
  launchChromium,
  signIn,
  startTestServer,
  watchForPageProblems,
} from './browser.js'

const run = browserAvailable()
const PASSWORD = 'a long test password'

describe.skipIf(!run)('recording an inspection with no network', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let problems: string[]
  let worksiteId = ''
  let agency: { agencyId: string; licenceNumber: string | null }
  let firstInspectionId = ''

  const signInAs = (p: Page, email: string) => signIn(p, server.url, email, PASSWORD)

  beforeAll(async () => {
    server = await startTestServer()
    const db = server.handle.db
    for (const [email, name, role] of [
      ['inspector@labour.gov.ls', 'Thabo Mokhethi', 'inspector'],
      ['constable@police.org.ls', 'Palesa Ntsane', 'police_officer'],
    ] as const)
      await insertUser(db, {
        email,
        name,
        role,
        homeDistrict: 'Leribe',
        passwordHash: await hashPassword(PASSWORD),
        mustChangePassword: false,
      })
    worksiteId = (
      await insertWorksite(db, {
        name: 'Ha Mokoena Orchards',
        kind: 'farm',
        sector: 'agriculture',
        district: 'Leribe',
        village: 'Peka',
      })
    ).id
    agency = await insertPublicFixture(db, { name: 'Mohokare Farm Labour', standing: 'licensed' })
    browser = await launchChromium()
    context = await browser.newContext()
    context.setDefaultTimeout(8_000)
    page = await context.newPage()
    problems = watchForPageProblems(page)
    await signInAs(page, 'inspector@labour.gov.ls')
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  const inspections = () =>
    server.handle.db.selectFrom('inspections').select(['id', 'idempotency_key', 'status']).execute()

  it('keeps an inspection typed offline through a reload, and sends it once when the network returns', async () => {
    await page.goto(`${server.url}/worksites/${worksiteId}`)
    await page.getByRole('link', { name: 'Record an inspection' }).click()
    await page.waitForURL(/\/inspections\/new\?worksite=.*#draft=/)
    // Opened once online: the service worker keeps the page and its files for later.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready
      for (let i = 0; i < 50 && !(await caches.match(location.pathname + location.search)); i++)
        await new Promise((r) => setTimeout(r, 100))
    })
    await page.getByText('This form also works without a network').waitFor()

    await context.setOffline(true)
    await page.getByLabel('Type of inspection').selectOption('joint_operation')
    await page.getByLabel('Police officer 1: name').fill('Constable Palesa Ntsane')
    await page.getByLabel('Police officer 1: service number').fill('LMPS 40213')
    await page.getByLabel('Workers present').fill('40')
    await page.getByLabel('Workers interviewed').fill('12')
    await page
      .getByRole('combobox', { name: 'Retention of identity documents', exact: true })
      .selectOption('observed')
    await page
      .getByLabel('Retention of identity documents: evidence')
      .fill('Passports of 9 workers locked in the supervisor’s office.')
    await page.getByRole('combobox', { name: 'Deception', exact: true }).selectOption('suspected')
    await page.getByLabel('Recruiter 1: licence number').fill(agency.licenceNumber!)
    await page.getByLabel('Recruiter 1: fee each worker said they paid').fill('1500')
    await page.getByLabel('Recruiter 1: currency').selectOption('LSL')
    await page.getByLabel('Recruiter 1: workers who paid').fill('9')
    await page
      .getByRole('group', { name: 'Recruiter 1: indicators linked to this recruiter' })
      .getByLabel('Retention of identity documents')
      .check()
    await page.getByLabel('Outcome', { exact: true }).selectOption('compliance_order')
    await page.getByLabel('Comply by').fill('2026-12-15')
    const url = page.url()
    const key = url.split('#draft=')[1]!

    // A reload with no network: the page comes from the device, and so does what was typed.
    await page.reload()
    await page.locator('html[data-offline="ready"]').waitFor({ state: 'attached' })
    expect(page.url()).toBe(url)
    expect(await page.getByLabel('Workers present').inputValue()).toBe('40')
    expect(await page.getByLabel('Recruiter 1: licence number').inputValue()).toBe(agency.licenceNumber)
    expect(await page.getByLabel('Recruiter 1: fee each worker said they paid').inputValue()).toBe('1500')
    expect(
      await page.getByRole('combobox', { name: 'Retention of identity documents', exact: true }).inputValue(),
    ).toBe('observed')
    expect(
      await page
        .getByRole('group', { name: 'Recruiter 1: indicators linked to this recruiter' })
        .getByLabel('Retention of identity documents')
        .isChecked(),
    ).toBe(true)
    expect(await page.locator('input[name="idempotency_key"]').inputValue()).toBe(key)

    // Submitted offline: it waits on the device, and says so.
    await page.getByRole('button', { name: 'Submit the inspection' }).click()
    await page.getByText('No network: it is kept on this device').waitFor()
    expect(await inspections()).toEqual([])
    await page.goto(`${server.url}/inspections/device`)
    const kept = page.locator('[data-device-drafts-list]')
    await kept.getByText('Waiting to be sent').waitFor()
    expect(await kept.innerText()).toContain('Inspection of Ha Mokoena Orchards')
    await expectAccessible(page)

    // The network returns: the record is sent by itself, once.
    await context.setOffline(false)
    await kept.getByText('Sent', { exact: true }).waitFor({ timeout: 15_000 })
    const stored = await inspections()
    expect(stored).toHaveLength(1)
    expect(stored[0]).toMatchObject({ idempotency_key: key, status: 'submitted' })
    firstInspectionId = stored[0]!.id
    await kept.getByRole('link', { name: 'Open the record' }).click()
    await page.waitForURL(`${server.url}/inspections/${stored[0]!.id}`)
    expect(await page.locator('main').innerText()).toContain('Passports of 9 workers')

    // The recruiter now has an internal finding, waiting for a licensing officer.
    const findings = await server.handle.db
      .selectFrom('inspection_findings')
      .select(['agency_id', 'status', 'fee_reported'])
      .execute()
    expect(findings).toEqual([{ agency_id: agency.agencyId, status: 'unreviewed', fee_reported: true }])

    // A resend of the same key (a second tab, a lost reply) changes nothing.
    const resend = await page.evaluate(async (k) => {
      const token = (await (await fetch('/inspections/send-token')).json()).token as string
      const kept = JSON.parse(localStorage.getItem(`rr.inspection.${k}`)!)
      const body = new URLSearchParams(kept.fields)
      body.set('action', 'submit')
      const reply = await fetch('/inspections', { method: 'POST', headers: { 'x-csrf-token': token }, body })
      return { status: reply.status, url: reply.url }
    }, key)
    expect(resend).toEqual({ status: 200, url: `${server.url}/inspections/${stored[0]!.id}?done=unchanged` })
    expect(await inspections()).toHaveLength(1)
    expect(problems).toEqual([])
  }, 60_000)

  it('keeps a record the registry refused on the device, with the reason, until it is corrected', async () => {
    // Never opened before: the form for a new worksite was kept when the service worker arrived.
    await context.setOffline(true)
    await page.goto(`${server.url}/inspections/new`)
    await page.getByLabel('Name of the worksite').fill('Likhoele Poultry')
    await page.getByLabel('Kind').selectOption('farm')
    await page.getByLabel('Sector').selectOption('agriculture')
    await page.getByLabel('District', { exact: true }).selectOption('Mafeteng')
    await page.getByLabel('Village or town').fill('Ha Ramohapi')
    await page.getByLabel('Type of inspection').selectOption('routine')
    await page.getByLabel('Recruiter 1: licence number').fill('LRA-2019-99999')
    await page.getByLabel('Outcome', { exact: true }).selectOption('no_issue')
    await page.getByRole('button', { name: 'Submit the inspection' }).click()
    await page.getByText('No network: it is kept on this device').waitFor()

    await context.setOffline(false)
    await page.goto(`${server.url}/staff`)
    const kept = page.locator('[data-device-drafts-list]')
    await kept.getByText('Refused: needs correcting').waitFor({ timeout: 15_000 })
    expect(await kept.innerText()).toContain('No agency holds this licence number')
    expect(await inspections()).toHaveLength(1)
    // The console reports the refusal's 422, which is the point; nothing else may appear. (The
    // page left behind may have sent it too as the network returned: the registry stores nothing.)
    expect(problems.length).toBeGreaterThan(0)
    expect(new Set(problems)).toEqual(
      new Set(['Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)']),
    )
    problems.splice(0)

    await kept.getByRole('link', { name: 'Continue' }).click()
    await page.waitForURL(/\/inspections\/new#draft=/)
    // A whole page load (not an htmx swap), or the form's script would not run.
    await expect
      .poll(() => page.evaluate(() => performance.getEntriesByType('navigation')[0]?.name))
      .toContain('/inspections/new')
    await page.locator('html[data-offline="ready"]').waitFor({ state: 'attached' })
    expect(await page.getByLabel('Name of the worksite').inputValue()).toBe('Likhoele Poultry')
    expect(await page.locator('[data-offline-status]').innerText()).toContain('No agency holds this licence')
    await expectAccessible(page)
    await page.getByLabel('Recruiter 1: licence number').fill('')
    await page.getByLabel('Recruiter 1: name, if not registered').fill('Bra Tsietsi')
    await page.getByRole('button', { name: 'Submit the inspection' }).click()
    await page.getByText('The inspection has been submitted. It is now locked.').waitFor()
    expect(await page.locator('main').innerText()).toContain('Likhoele Poultry')
    expect(await inspections()).toHaveLength(2)
    expect(problems).toEqual([])
  }, 60_000)

  it('shows the inspection to a police officer', async () => {
    const police = await browser.newContext()
    const policePage = await police.newPage()
    await signInAs(policePage, 'constable@police.org.ls')
    await policePage.goto(`${server.url}/inspections/${firstInspectionId}`)
    const text = await policePage.locator('main').innerText()
    expect(text).toContain('Ha Mokoena Orchards')
    expect(text).toContain('Mohokare Farm Labour')
    expect(text).toContain('Constable Palesa Ntsane')
    await police.close()
  })
})
