import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertUser } from '../../src/auth/accounts.js'
import { hashPassword } from '../../src/auth/password.js'
import {
  browserAvailable,
  expectAccessible,
  launchChromium,
  signIn,
  startTestServer,
  watchForPageProblems,
} from './browser.js'

const run = browserAvailable()

describe.skipIf(!run)('the worksite register in a real browser', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let browser: Browser
  let page: Page
  let problems: string[]

  beforeAll(async () => {
    server = await startTestServer()
    await insertUser(server.handle.db, {
      email: 'inspector@labour.gov.ls',
      name: 'Thabo Mokhethi',
      role: 'inspector',
      homeDistrict: 'Leribe',
      passwordHash: await hashPassword('a long test password'),
      mustChangePassword: false,
    })
    await insertUser(server.handle.db, {
      email: 'police@police.gov.ls',
      name: 'Palesa Ntsane',
      role: 'police_officer',
      homeDistrict: 'Leribe',
      passwordHash: await hashPassword('the police officer password'),
      mustChangePassword: false,
    })
    browser = await launchChromium()
    // The phone stands about a kilometre south of the orchard, its fix good to 8 m.
    const context = await browser.newContext({
      permissions: ['geolocation'],
      geolocation: { latitude: -28.96, longitude: 27.77, accuracy: 8 },
    })
    context.setDefaultTimeout(8_000)
    page = await context.newPage()
    problems = watchForPageProblems(page)
    await signIn(page, server.url, 'inspector@labour.gov.ls', 'a long test password')
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('adds a worksite after correcting a mistake, then finds it by typing part of the village', async () => {
    await page.getByRole('navigation').first().getByRole('link', { name: 'Worksites' }).click()
    // A click does not wait for the next page: read it only once it is there.
    await page.waitForURL(/\/worksites$/)
    expect(await page.locator('main').innerText()).toContain('No worksites are registered yet.')
    await expectAccessible(page)
    await page.getByRole('link', { name: 'Add a worksite' }).click()
    await page.getByLabel('Name of the worksite').fill('Ha Mokoena Orchards')
    await page.getByLabel('Kind').selectOption('farm')
    await page.getByLabel('Sector').selectOption('agriculture')
    await page.getByLabel('District').selectOption('Leribe')
    await page.getByLabel('Village or town').fill('Peka')
    await page.getByLabel('Latitude').fill('28.95')
    await page.getByLabel('Longitude').fill('27.77')
    await page.getByRole('button', { name: 'Add the worksite' }).click()
    // Refused: the sign of the latitude was lost. The message sits beside the field.
    const error = page.locator('#latitude-error')
    expect(await error.innerText()).toContain('A latitude in Lesotho is between -30.7 and -28.5')
    expect(await page.getByLabel('Village or town').inputValue()).toBe('Peka')
    await expectAccessible(page)
    // The console reports the refusal's 422, which is the point; nothing else may appear.
    expect(problems).toEqual([
      'Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)',
    ])
    problems.splice(0)
    await page.getByLabel('Latitude').fill('-28.95')
    await page.getByRole('button', { name: 'Add the worksite' }).click()
    await page.getByText('The worksite has been added.').waitFor()
    await expectAccessible(page)

    await page.goto(`${server.url}/worksites`)
    await page.getByRole('searchbox', { name: 'Search' }).fill('pek')
    // htmx replaces the results as the inspector types, and the URL follows.
    await page.waitForURL(/q=pek/)
    const results = page.locator('#worksite-results')
    expect(await results.innerText()).toContain('Ha Mokoena Orchards')
    // A screen reader hears what the results now are from the status line beside the form,
    // not the whole list read out again.
    await page
      .locator('[data-results-status="worksite-results"]')
      .filter({ hasText: /^1 worksite$/ })
      .waitFor()
    expect(await results.getAttribute('aria-live')).toBeNull()
    // Asked, the list says how far each worksite is from where the inspector stands.
    await results.getByRole('button', { name: 'Show how far each worksite is from me' }).click()
    // Waited for, not read at once: a search answer still on its way may replace the results
    // (distances and all are then shown again on the new ones).
    await results.getByText('1.1 km away').waitFor()
    await results
      .getByRole('status')
      .filter({ hasText: 'Distances in a straight line from where you are' })
      .waitFor()
    expect(problems).toEqual([])
  })

  it('records an inspection of the worksite from its page, and reads it back', async () => {
    await page.locator('#worksite-results').getByRole('link', { name: 'Ha Mokoena Orchards' }).click()
    await page.getByRole('link', { name: 'Record an inspection' }).click()
    expect(await page.getByLabel('Lead labour inspector').inputValue()).toBe('Thabo Mokhethi')
    await expectAccessible(page)
    await page.getByLabel('Type of inspection').selectOption('routine')
    // The police came along: the record can be confirmed by both services.
    await page.getByLabel('Police officer 1: name').fill('Sgt Palesa Ntsane')
    await page.getByLabel('Police officer 1: service number').fill('LMPS 40213')
    await page.getByLabel('Workers present').fill('40')
    await page
      .getByRole('combobox', { name: 'Retention of identity documents', exact: true })
      .selectOption('observed')
    await page
      .getByLabel('Retention of identity documents: evidence')
      .fill('Passports kept in the office safe.')
    await page.getByLabel('Outcome', { exact: true }).selectOption('advice_given')
    await page.getByRole('button', { name: "Use this phone's position" }).click()
    await page.getByText('Position from this phone, to within 8 m.').waitFor()
    expect(await page.getByLabel('Latitude (where you are)').inputValue()).toBe('-28.960000')
    await page.getByRole('button', { name: 'Submit the inspection' }).click()
    await page.getByText('The inspection has been submitted. It is now locked.').waitFor()
    const record = await page.locator('main').innerText()
    expect(record).toContain('Passports kept in the office safe.')
    expect(record).toContain('Advice given')
    expect(record).toContain('-28.96000, 27.77000 (from the phone, to within 8 m)')
    await expectAccessible(page)
    expect(problems).toEqual([])
  })

  it('has the record confirmed by the police officer on the team, with their password on this phone', async () => {
    expect(await page.locator('[data-confirmation]').innerText()).toContain(
      'Not yet confirmed by the other service on the team',
    )
    await page.getByRole('link', { name: 'Confirm it with the other service' }).click()
    await page.getByRole('heading', { name: 'The police officer on the team confirms here' }).waitFor()
    await expectAccessible(page)
    await page.getByLabel("The police officer's email address").fill('police@police.gov.ls')
    await page.getByLabel("The police officer's password").fill('the police officer password')
    await page.getByRole('button', { name: 'Confirm this record' }).click()
    await page.getByText('The record has been confirmed by both services.').waitFor()
    expect(await page.locator('[data-confirmation]').innerText()).toContain(
      'Confirmed by Thabo Mokhethi (labour) and Palesa Ntsane (police)',
    )
    // The phone is still signed in as the inspector.
    expect(await page.locator('header').innerText()).toContain('Thabo Mokhethi (Labour inspector)')
    await expectAccessible(page)
    expect(problems).toEqual([])
  })

  it('merges a farm added twice into the one kept, from the warning on its page', async () => {
    await page.goto(`${server.url}/worksites/new`)
    await page.getByLabel('Name of the worksite').fill('Mokoena Orchard')
    await page.getByLabel('Kind').selectOption('farm')
    await page.getByLabel('Sector').selectOption('agriculture')
    await page.getByLabel('District').selectOption('Leribe')
    await page.getByLabel('Village or town').fill('Peka')
    await page.getByRole('button', { name: 'Add the worksite' }).click()
    await page.getByText('Another worksite of this district looks like this one:').waitFor()
    await page.getByRole('link', { name: 'If it was added twice, merge it' }).click()
    await page.getByRole('heading', { name: 'Merge Mokoena Orchard into another worksite' }).waitFor()
    await expectAccessible(page)
    await page.getByRole('radio', { name: /Ha Mokoena Orchards/ }).check()
    await page.getByLabel('Why they are the same worksite').fill('The same farm, added twice.')
    await page.getByRole('button', { name: 'Merge Mokoena Orchard into the chosen worksite' }).click()
    await page.getByText('The duplicate has been merged into this worksite.').waitFor()
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Ha Mokoena Orchards')
    await expectAccessible(page)
    expect(problems).toEqual([])
  })
})
