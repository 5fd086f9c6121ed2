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
  let inspectorId = ''
  let agency: { agencyId: string; licenceNumber: string | null }
  let firstInspectionId = ''

  const signInAs = (p: Page, email: string) => signIn(p, server.url, email, PASSWORD)

  beforeAll(async () => {
    server = await startTestServer()
    const db = server.handle.db
    for (const [email, name, role] of [
      ['inspector@labour.gov.ls', 'Thabo Mokhethi', 'inspector'],
      ['second.inspector@labour.gov.ls', 'Lineo Sefali', 'inspector'],
      ['constable@police.org.ls', 'Palesa Ntsane', 'police_officer'],
    ] as const) {
      const user = await insertUser(db, {
        email,
        name,
        role,
        homeDistrict: 'Leribe',
        passwordHash: await hashPassword(PASSWORD),
        mustChangePassword: false,
      })
      if (email === 'inspector@labour.gov.ls') inspectorId = user.id
    }
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
    server.handle.db
      .selectFrom('inspections')
      .select(['id', 'idempotency_key', 'status', 'workers_present', 'notes'])
      .orderBy('created_at')
      .execute()

  /** Waits until the service worker holds this page (it keeps the pages opened online). */
  const untilKept = (p: Page) =>
    p.evaluate(async () => {
      await navigator.serviceWorker.ready
      for (let i = 0; i < 50; i++) {
        const names = (await caches.keys()).filter((n) => n.startsWith('rr-pages-'))
        for (const name of names)
          if (await (await caches.open(name)).match(location.pathname + location.search)) return
        await new Promise((r) => setTimeout(r, 100))
      }
      throw new Error(`${location.pathname} was not kept`)
    })

  /** Opens the worksite's inspection form online and waits for the device to take it over. */
  async function openWorksiteForm() {
    await page.goto(`${server.url}/worksites/${worksiteId}`)
    await page.getByRole('link', { name: 'Record an inspection' }).click()
    await page.waitForURL(/\/inspections\/new\?worksite=.*#draft=/)
    await page.locator('html[data-offline="ready"]').waitFor({ state: 'attached' })
    await untilKept(page)
    return page.url().split('#draft=')[1]!
  }

  async function fillShortInspection(workers: string) {
    await page.getByLabel('Type of inspection').selectOption('routine')
    await page.getByLabel('Workers present').fill(workers)
    await page.getByLabel('Outcome', { exact: true }).selectOption('no_issue')
  }

  const banner = () => page.locator('[data-device-state]')

  it('keeps an inspection typed offline through a reload, and sends it once when the network returns', async () => {
    const key = await openWorksiteForm()
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

    // Submitted offline: it waits on the device, as submitted, and the form is locked.
    await page.getByRole('button', { name: 'Submit the inspection' }).click()
    await banner().getByText('Submitted: waiting to be sent').waitFor()
    expect(await banner().innerText()).toContain('No network: it is kept on this device')
    expect(await page.getByLabel('Workers present').isDisabled()).toBe(true)
    expect(await inspections()).toEqual([])

    // Correcting it is an explicit step; until submitted again, the first version is the one waiting.
    await page.getByRole('button', { name: 'Change before sending' }).click()
    await page.getByLabel('Workers present').fill('41')
    await banner().getByText('You are changing a record that waits to be sent').waitFor()
    await page.getByRole('button', { name: 'Submit the inspection' }).click()
    await banner().getByText('Submitted: waiting to be sent').waitFor()
    await expectAccessible(page)

    await page.goto(`${server.url}/inspections/device`)
    const kept = page.locator('[data-device-drafts-list]')
    await kept.getByText('Submitted: waiting to be sent').waitFor()
    expect(await kept.innerText()).toContain('Inspection of Ha Mokoena Orchards')
    await expectAccessible(page)

    // The network returns: the record is sent by itself, once, as last submitted.
    await context.setOffline(false)
    await kept.getByText('Sent', { exact: true }).waitFor({ timeout: 15_000 })
    const stored = await inspections()
    expect(stored).toHaveLength(1)
    expect(stored[0]).toMatchObject({ idempotency_key: key, status: 'submitted', workers_present: 41 })
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

    // A resend of the same record under its key (a second tab, a lost reply) changes nothing.
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

  it('keeps a version the registry did not store, when an earlier one arrived and its reply was lost', async () => {
    const key = await openWorksiteForm()
    await context.setOffline(true)
    await fillShortInspection('30')
    await page.getByRole('button', { name: 'Submit the inspection' }).click()
    await banner().getByText('Submitted: waiting to be sent').waitFor()

    // The first version reaches the registry; its reply never reaches the phone.
    const first = await page.evaluate(
      (k) => JSON.parse(localStorage.getItem(`rr.inspection.${k}`)!).fields,
      key,
    )
    const token = (await (await context.request.get(`${server.url}/inspections/send-token`)).json()).token
    const body = new URLSearchParams(first)
    body.set('action', 'submit')
    const arrived = await context.request.post(`${server.url}/inspections`, {
      headers: { 'x-csrf-token': token, 'content-type': 'application/x-www-form-urlencoded' },
      data: body.toString(),
      maxRedirects: 0,
    })
    expect(arrived.status()).toBe(303)

    await page.getByRole('button', { name: 'Change before sending' }).click()
    await page.getByLabel('Workers present').fill('32')
    await page.getByRole('button', { name: 'Submit the inspection' }).click()
    await banner().getByText('Submitted: waiting to be sent').waitFor()

    // The network returns: the registry holds the key with other content (409); never "Sent".
    await context.setOffline(false)
    await banner()
      .getByText('Already in the registry: record the changes as an amendment')
      .waitFor({ timeout: 15_000 })
    const stored = (await inspections()).filter((i) => i.idempotency_key === key)
    expect(stored).toEqual([expect.objectContaining({ workers_present: 30 })])
    expect(await banner().getByRole('link', { name: 'Amend it' }).getAttribute('href')).toBe(
      `/inspections/${stored[0]!.id}/amend`,
    )
    // What was not stored is still on the device, as it was typed.
    expect(await page.getByLabel('Workers present').inputValue()).toBe('32')
    await expectAccessible(page)
    await page.goto(`${server.url}/inspections/device`)
    const kept = page.locator('[data-device-drafts-list]')
    await kept.getByText('Already in the registry').waitFor()
    expect(await kept.getByRole('link', { name: 'Amend the record' }).getAttribute('href')).toBe(
      `/inspections/${stored[0]!.id}/amend`,
    )
    expect(problems).toEqual([
      'Failed to load resource: the server responded with a status of 409 (Conflict)',
    ])
    problems.splice(0)
    // Once amended (or if not worth it), the inspector removes it, after a confirmation.
    page.once('dialog', (dialog) => void dialog.accept())
    await kept
      .getByRole('listitem')
      .filter({ hasText: 'Already in the registry' })
      .getByRole('button', { name: 'Remove from this device' })
      .click()
    await expect.poll(() => kept.getByText('Already in the registry').count()).toBe(0)
  }, 60_000)

  it('says an ended session is an ended session, and sends at once after signing in again', async () => {
    const key = await openWorksiteForm()
    await context.setOffline(true)
    await fillShortInspection('25')
    await page.getByRole('button', { name: 'Submit the inspection' }).click()
    await banner().getByText('Submitted: waiting to be sent').waitFor()

    // The session ends while the phone is offline (it expired, or an administrator ended it).
    await server.handle.db.deleteFrom('sessions').where('user_id', '=', inspectorId).execute()
    await context.setOffline(false)
    await banner().getByText('Your session has ended: sign in again, and it will be sent at once.').waitFor({
      timeout: 15_000,
    })
    expect(await banner().innerText()).not.toContain('No network')
    expect((await inspections()).filter((i) => i.idempotency_key === key)).toEqual([])

    await banner().getByRole('link', { name: 'Sign in again' }).click()
    await page.waitForURL(/\/login\?next=/)
    await page.getByLabel('Email address').fill('inspector@labour.gov.ls')
    await page.getByLabel('Password').fill(PASSWORD)
    await page.getByRole('button', { name: 'Sign in' }).click()
    // Back on the form, the record is sent at once and the stored record opens.
    await page.waitForURL(/\/inspections\/[0-9a-f-]{36}\?done=submitted/, { timeout: 15_000 })
    await page.getByText('The inspection has been submitted. It is now locked.').waitFor()
    expect((await inspections()).filter((i) => i.idempotency_key === key)).toEqual([
      expect.objectContaining({ status: 'submitted', workers_present: 25 }),
    ])
    expect(problems).toEqual([])
  }, 60_000)

  it('lists and sends what waits as soon as the inspector signs in on the home page', async () => {
    const key = await openWorksiteForm()
    await context.setOffline(true)
    await fillShortInspection('18')
    await page.getByRole('button', { name: 'Submit the inspection' }).click()
    await banner().getByText('Submitted: waiting to be sent').waitFor()
    await server.handle.db.deleteFrom('sessions').where('user_id', '=', inspectorId).execute()
    await context.setOffline(false)
    await banner().getByText('Your session has ended').waitFor({ timeout: 15_000 })

    // Signing in the usual way lands on the home page, a whole page load with the device's list.
    await signInAs(page, 'inspector@labour.gov.ls')
    await expect
      .poll(async () => (await inspections()).filter((i) => i.idempotency_key === key), { timeout: 15_000 })
      .toEqual([expect.objectContaining({ status: 'submitted', workers_present: 18 })])
    const kept = page.locator('[data-device-drafts-list]')
    await expect.poll(() => kept.getByText('Submitted: waiting to be sent').count()).toBe(0)
    expect(await kept.getByText('Sent', { exact: true }).count()).toBeGreaterThan(0)
    expect(problems).toEqual([])
  }, 60_000)

  it('keeps a record the registry refused on the device, with its reasons at the top, until it is corrected', async () => {
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
    await banner().getByText('No network: it is kept on this device').waitFor()

    await context.setOffline(false)
    await page.goto(`${server.url}/staff`)
    const kept = page.locator('[data-device-drafts-list]')
    await kept.getByText('Refused: needs correcting').waitFor({ timeout: 15_000 })
    expect(await kept.innerText()).toContain('No agency holds this licence number')
    const before = await inspections()
    // The console reports the refusal's 422, which is the point; nothing else may appear. (The
    // page left behind may have sent it too as the network returned: the registry stores nothing.)
    expect(problems.length).toBeGreaterThan(0)
    expect(new Set(problems)).toEqual(
      new Set(['Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)']),
    )
    problems.splice(0)

    await kept.getByRole('link', { name: 'Correct it' }).click()
    await page.waitForURL(/\/inspections\/new#draft=/)
    // A whole page load (not an htmx swap), or the form's script would not run.
    await expect
      .poll(() => page.evaluate(() => performance.getEntriesByType('navigation')[0]?.name))
      .toContain('/inspections/new')
    await page.locator('html[data-offline="ready"]').waitFor({ state: 'attached' })
    expect(await page.getByLabel('Name of the worksite').inputValue()).toBe('Likhoele Poultry')
    // The reasons lead the page, as on the online form, each linking to its field, which is marked.
    const summary = page.locator('main > .error-summary:first-child')
    expect(await summary.innerText()).toContain('The registry refused this record')
    const link = summary.getByRole('link', { name: /No agency holds this licence number/ })
    expect(await link.getAttribute('href')).toBe('#recruiter_1_licence')
    const field = page.getByLabel('Recruiter 1: licence number')
    expect(await field.getAttribute('aria-invalid')).toBe('true')
    expect(await summary.evaluate((e) => e.getBoundingClientRect().top < window.innerHeight)).toBe(true)
    await expectAccessible(page)
    // The link leads to the field and keeps the record's address, so a reload still finds it.
    const address = page.url()
    await link.click()
    expect(await field.evaluate((e) => e === document.activeElement)).toBe(true)
    expect(page.url()).toBe(address)

    await field.fill('')
    await page.getByLabel('Recruiter 1: name, if not registered').fill('Bra Tsietsi')
    await page.getByRole('button', { name: 'Submit the inspection' }).click()
    await page.getByText('The inspection has been submitted. It is now locked.').waitFor()
    expect(await page.locator('main').innerText()).toContain('Likhoele Poultry')
    expect(await inspections()).toHaveLength(before.length + 1)
    expect(problems).toEqual([])
  }, 60_000)

  it('ignores a second tap on Submit once a record waits, and takes the inspector to what happened', async () => {
    const key = await openWorksiteForm()
    await context.setOffline(true)
    await fillShortInspection('25')
    await page.getByRole('button', { name: 'Submit the inspection' }).click()
    await banner().getByText('Submitted: waiting to be sent').waitFor()
    // The foot of a long form is far from the banner: focus and the view move to it.
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-device-state'))).toBe(true)
    expect(await page.getByRole('button', { name: 'Submit the inspection' }).isVisible()).toBe(false)
    // A second tap (or Enter in a field) submits the locked form: what waits must not change.
    await page.evaluate(() =>
      document.querySelector<HTMLFormElement>('form[data-offline-form]')!.requestSubmit(),
    )
    const workers = await page.evaluate(
      (k) =>
        (JSON.parse(localStorage.getItem(`rr.inspection.${k}`)!).fields as [string, string][]).find(
          ([name]) => name === 'workers_present',
        )?.[1],
      key,
    )
    expect(workers).toBe('25')
    await context.setOffline(false)
    // Sent from the form page, the record opens once the registry has it.
    await page.waitForURL(/\/inspections\/[0-9a-f-]{36}\?done=submitted/, { timeout: 15_000 })
    const stored = await server.handle.db
      .selectFrom('inspections')
      .select('workers_present')
      .where('idempotency_key', '=', key)
      .executeTakeFirstOrThrow()
    expect(stored.workers_present).toBe(25)
  }, 60_000)

  it('opens a kept form hours later with the visit starting now, and says the page is a kept copy', async () => {
    await openWorksiteForm()
    const formPath = new URL(page.url()).pathname + new URL(page.url()).search
    await page.goto(`${server.url}/staff`)
    await untilKept(page)
    await context.setOffline(true)
    const later = new Date(Date.now() + 3 * 3600_000)
    await page.clock.setFixedTime(later)
    await page.goto(`${server.url}${formPath}`)
    await page.locator('html[data-offline="ready"]').waitFor({ state: 'attached' })
    // In Lesotho's time, whatever zone the phone is set to (this browser runs in UTC).
    const expected = await page.evaluate(() => {
      const parts = new Intl.DateTimeFormat('sv-SE', {
        timeZone: 'Africa/Maseru',
        dateStyle: 'short',
        timeStyle: 'short',
      }).format(new Date())
      return parts.replace(' ', 'T')
    })
    expect(await page.getByLabel('Date and time of the visit').inputValue()).toBe(expected)
    const notice = page.locator('[data-kept-copy-notice]')
    expect(await notice.innerText()).toContain('No network.')
    expect(await notice.innerText()).toContain('This is the copy kept on this device, from')
    await page.goto(`${server.url}/staff`)
    expect(await page.locator('[data-kept-copy-notice]').innerText()).toContain(
      'other changes need the network',
    )
    await context.setOffline(false)
    // Fresh from the network, however long ago the clock says it was kept: no notice.
    await page.goto(`${server.url}/staff`)
    await page.locator('html[data-offline="ready"]').waitFor({ state: 'attached' })
    expect(await page.locator('[data-kept-copy-notice]').count()).toBe(0)
  }, 60_000)

  it('opens the home page and the worksites opened before without a network, for their user only', async () => {
    await page.goto(`${server.url}/worksites/${worksiteId}`)
    await untilKept(page)
    await page.goto(`${server.url}/staff`)
    await untilKept(page)
    await context.setOffline(true)
    await page.goto(`${server.url}/staff`)
    expect(await page.locator('h1').innerText()).not.toBe('No network')
    expect(await page.locator('.site-user').innerText()).toContain('Thabo Mokhethi')
    await page.goto(`${server.url}/worksites/${worksiteId}`)
    expect(await page.locator('h1').innerText()).toContain('Ha Mokoena Orchards')
    await context.setOffline(false)

    // Signing out removes them from the device.
    await page.goto(`${server.url}/staff`)
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.waitForURL(/\/login\?signed_out/)
    await expect
      .poll(() => page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith('rr-pages-'))))
      .toEqual([])

    // Another inspector on the same phone sees none of them, only their own home page.
    await signInAs(page, 'second.inspector@labour.gov.ls')
    await untilKept(page)
    await context.setOffline(true)
    await page.goto(`${server.url}/worksites/${worksiteId}`)
    expect(await page.locator('h1').innerText()).toBe('No network')
    expect(await page.locator('main').innerText()).not.toContain('Ha Mokoena Orchards')
    await page.goto(`${server.url}/staff`)
    expect(await page.locator('.site-user').innerText()).toContain('Lineo Sefali')
    await context.setOffline(false)
    await page.goto(`${server.url}/staff`)
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
