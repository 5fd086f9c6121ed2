import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  browserAvailable,
  expectAccessible,
  launchChromium,
  startTestServer,
  watchForPageProblems,
} from './browser.js'

const run = browserAvailable()

describe.skipIf(!run)('accounts in a real browser', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let problems: string[]
  const adminPassword = 'the first administrator password'
  let officerPassword = ''

  beforeAll(async () => {
    server = await startTestServer()
    browser = await launchChromium()
    context = await browser.newContext({ viewport: { width: 360, height: 740 } })
    page = await context.newPage()
    problems = watchForPageProblems(page)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('shows the public home page, readable on a small phone', async () => {
    await page.goto(`${server.url}/`)
    await expect.poll(() => page.locator('h1').textContent()).toBe('Is this recruiter licensed?')
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)
    expect(overflow).toBe(false)
    await expectAccessible(page)
  })

  it('creates the first administrator with the one-time setup link', async () => {
    expect(server.setupLink).toMatch(/\/setup\?token=/)
    await page.goto(server.setupLink!)
    await expectAccessible(page)
    await page.getByLabel('Full name').fill('Mpho Letsie')
    await page.getByLabel('Email address').fill('mpho.letsie@labour.gov.ls')
    await page.getByLabel('Home district').selectOption('Maseru')
    await page.getByLabel('Password', { exact: true }).fill(adminPassword)
    await page.getByLabel('Confirm password').fill('a different password entirely')
    await page.getByRole('button', { name: 'Create administrator account' }).click()
    await expect.poll(() => page.title()).toMatch(/^Error: /)
    await expect
      .poll(() => page.locator('.error-summary').textContent())
      .toContain('The passwords do not match')
    expect(await page.getByLabel('Full name').inputValue()).toBe('Mpho Letsie')
    await expectAccessible(page)

    await page.getByLabel('Password', { exact: true }).fill(adminPassword)
    await page.getByLabel('Confirm password').fill(adminPassword)
    await page.getByRole('button', { name: 'Create administrator account' }).click()
    await page.waitForURL(/\/staff/)
    await expect.poll(() => page.locator('h1').textContent()).toBe('Welcome, Mpho Letsie')
    await expectAccessible(page)

    await page.goto(server.setupLink!)
    await expect.poll(() => page.locator('h1').textContent()).toBe('This setup link no longer works')
  })

  it('lets the administrator create a licensing officer and see the one-time password', async () => {
    await page.getByRole('link', { name: 'Users' }).first().click()
    await page.waitForURL(/\/admin\/users$/)
    await expectAccessible(page)
    await page.getByRole('link', { name: 'Create a user' }).click()
    await page.waitForURL(/\/admin\/users\/new$/)
    await page.getByLabel('Full name').fill('Thabo Mokhethi')
    await page.getByLabel('Email address').fill('thabo.mokhethi@labour.gov.ls')
    await page.getByLabel('Role').selectOption('licensing_officer')
    await page.getByLabel('Home district').selectOption('Leribe')
    await page.getByRole('button', { name: 'Create user' }).click()
    await expect.poll(() => page.locator('h1').textContent()).toBe('User created: Thabo Mokhethi')
    officerPassword = (await page.locator('.secret').textContent()) ?? ''
    expect(officerPassword).toMatch(/^[a-z0-9]{4}(-[a-z0-9]{4}){3}$/)
    await expectAccessible(page)

    // The users list filters as one types, without reloading the page, and keeps the URL shareable.
    await page.getByRole('link', { name: 'Back to users' }).click()
    await page.waitForURL(/\/admin\/users$/)
    await expect.poll(() => page.locator('#users-results tbody tr').count()).toBe(2)
    await page.evaluate(() => {
      ;(window as unknown as { marker: boolean }).marker = true
    })
    await page.getByLabel('Name or email').fill('thabo')
    await expect.poll(() => page.locator('#users-results tbody tr').count()).toBe(1)
    await expect.poll(() => page.locator('#users-results').textContent()).toContain('Thabo Mokhethi')
    expect(await page.evaluate(() => (window as unknown as { marker?: boolean }).marker)).toBe(true)
    await expect.poll(() => page.url()).toContain('q=thabo')
    await expectAccessible(page)

    await page.getByRole('link', { name: 'Audit log' }).first().click()
    await page.waitForURL(/\/admin\/audit/)
    await expect
      .poll(() => page.locator('table').textContent())
      .toContain('Account created for Thabo Mokhethi')
    await expectAccessible(page)
  })

  it('signs out', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.waitForURL(/\/login\?signed_out=1/)
    await expect.poll(() => page.locator('[role=status]').textContent()).toContain('You have signed out.')
    await page.goto(`${server.url}/admin/users`)
    await page.waitForURL(/\/login\?next=/)
    await expectAccessible(page)
  })

  it('signs the new officer in and makes them choose their own password', async () => {
    await page.goto(`${server.url}/login`)
    await page.getByLabel('Email address').fill('thabo.mokhethi@labour.gov.ls')
    await page.getByLabel('Password').fill(officerPassword)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(/\/account\/password$/)
    await expectAccessible(page)
    await page.getByLabel('Current password').fill(officerPassword)
    await page.getByLabel('New password', { exact: true }).fill('river stone orchard lantern')
    await page.getByLabel('Confirm new password').fill('river stone orchard lantern')
    await page.getByRole('button', { name: 'Change password' }).click()
    await page.waitForURL(/\/staff/)
    await expect
      .poll(() => page.locator('[role=status]').textContent())
      .toContain('Your password has been changed.')
    // A licensing officer has no administration links.
    expect(await page.getByRole('link', { name: 'Users' }).count()).toBe(0)
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.waitForURL(/\/login/)
  })

  it('tells a person sign-in is paused after 5 wrong passwords, and until when', async () => {
    await page.goto(`${server.url}/login`)
    for (let i = 0; i < 5; i++) {
      await page.getByLabel('Email address').fill('mpho.letsie@labour.gov.ls')
      await page.getByLabel('Password').fill(`wrong password ${i}`)
      await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/login') && r.request().method() === 'POST'),
        page.getByRole('button', { name: 'Sign in' }).click(),
      ])
      // The refused form comes back with the password emptied: wait for it before typing again.
      await expect.poll(() => page.getByLabel('Password').inputValue()).toBe('')
      await expect.poll(() => page.locator('.error-summary').count()).toBe(1)
    }
    await expect
      .poll(() => page.locator('.error-summary').textContent())
      .toMatch(/Too many failed sign-in attempts.*paused until \d\d:\d\d/)
    await expectAccessible(page)
  })

  it('produced no script errors or Content-Security-Policy violations', () => {
    expect(problems.filter((p) => !/status of (401|403|404|409|422|429)/.test(p))).toEqual([])
  })
})

describe.skipIf(!run)('with JavaScript turned off', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let browser: Browser

  beforeAll(async () => {
    server = await startTestServer()
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('sets up the administrator and signs in and out with plain forms', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(server.setupLink!)
    await page.getByLabel('Full name').fill('Lerato Mohapi')
    await page.getByLabel('Email address').fill('lerato@labour.gov.ls')
    await page.getByLabel('Home district').selectOption('Berea')
    await page.getByLabel('Password', { exact: true }).fill('no javascript needed here')
    await page.getByLabel('Confirm password').fill('no javascript needed here')
    await page.getByRole('button', { name: 'Create administrator account' }).click()
    await page.waitForURL(/\/staff/)
    expect(await page.locator('h1').textContent()).toBe('Welcome, Lerato Mohapi')
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.waitForURL(/\/login/)
    await page.getByLabel('Email address').fill('lerato@labour.gov.ls')
    await page.getByLabel('Password').fill('no javascript needed here')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(/\/staff/)
    await context.close()
  })
})
