import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertUser } from '../../src/auth/accounts.js'
import { hashPassword } from '../../src/auth/password.js'
import { insertWorksite } from '../../src/worksites/queries.js'
import { pngPicture } from '../support/photo-files.js'
import {
  browserAvailable,
  expectAccessible,
  launchChromiumProfile,
  signIn,
  startTestServer,
  watchForPageProblems,
} from './browser.js'

// Photos taken on a farm with no signal: kept on the phone through a reload and a dead battery,
// sent when the network returns, each stored once.

const run = browserAvailable()
const PASSWORD = 'a long test password'

describe.skipIf(!run)('photos taken for an inspection with no network', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let profile = ''
  let context: BrowserContext
  let page: Page
  let problems: string[]
  let worksiteId = ''

  const open = async () => {
    context = await launchChromiumProfile(profile)
    context.setDefaultTimeout(10_000)
    // Under trees on the farm: the phone's fix is rough.
    await context.grantPermissions(['geolocation'])
    await context.setGeolocation({ latitude: -28.95, longitude: 27.77, accuracy: 350 })
    page = context.pages()[0] ?? (await context.newPage())
    problems = watchForPageProblems(page)
  }

  beforeAll(async () => {
    server = await startTestServer()
    await insertUser(server.handle.db, {
      email: 'inspector@labour.gov.ls',
      name: 'Thabo Mokhethi',
      role: 'inspector',
      homeDistrict: 'Leribe',
      passwordHash: await hashPassword(PASSWORD),
      mustChangePassword: false,
    })
    worksiteId = (
      await insertWorksite(server.handle.db, {
        name: 'Ha Mokoena Orchards',
        kind: 'farm',
        sector: 'agriculture',
        district: 'Leribe',
        village: 'Peka',
      })
    ).id
    profile = mkdtempSync(join(tmpdir(), 'rr-phone-'))
    await open()
    await signIn(page, server.url, 'inspector@labour.gov.ls', PASSWORD)
  }, 60_000)
  afterAll(async () => {
    await context?.close()
    await server?.stop()
    if (profile) rmSync(profile, { recursive: true, force: true })
  })

  const stored = () =>
    server.handle.db
      .selectFrom('inspection_photos')
      .select(['sha256', 'attached_to', 'content_type', 'byte_size'])
      .orderBy('attached_to')
      .execute()

  it('keeps two photos through a reload and a restart, and sends each once when the network returns', async () => {
    await page.goto(`${server.url}/worksites/${worksiteId}`)
    await page.getByRole('link', { name: 'Record an inspection' }).click()
    await page.waitForURL(/#draft=/)
    await page.locator('html[data-offline="ready"]').waitFor({ state: 'attached' })
    // The service worker keeps the form, so that it opens again with no network.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready
      for (let i = 0; i < 50; i++) {
        for (const name of await caches.keys())
          if (await (await caches.open(name)).match(location.pathname + location.search)) return
        await new Promise((r) => setTimeout(r, 100))
      }
      throw new Error('the form was not kept')
    })
    await context.setOffline(true)

    await page.getByLabel('Type of inspection').selectOption('routine')
    await page.getByLabel('Workers present').fill('30')
    await page.getByLabel('Outcome', { exact: true }).selectOption('no_issue')
    await page.getByRole('button', { name: "Use this phone's position" }).click()
    await page.getByText('Rough position: only to within 350 m.').waitFor()
    const photos = page.getByRole('group', { name: 'Photos' })
    // A large photo, as a camera takes it: kept smaller.
    await photos.getByLabel('Or choose photos from the gallery').setInputFiles({
      name: 'dormitory.png',
      mimeType: 'image/png',
      buffer: pngPicture(2400, 1800, [200, 30, 30]),
    })
    await photos.getByText('The photo is kept on this device.').waitFor()
    await photos.getByLabel('What the next photos show evidence of').selectOption('indicator:debt_bondage')
    await photos.getByLabel('Or choose photos from the gallery').setInputFiles({
      name: 'payslip.png',
      mimeType: 'image/png',
      buffer: pngPicture(600, 800, [30, 30, 200]),
    })
    await expect.poll(() => photos.locator('img').count()).toBe(2)
    // Not a picture: said so, nothing kept.
    await photos.getByLabel('Or choose photos from the gallery').setInputFiles({
      name: 'contract.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.7 not a picture'),
    })
    await photos.getByText('“contract.pdf” is not a picture this phone can open.').waitFor()
    expect(await photos.locator('img').count()).toBe(2)

    // A reload with no network: the page and both photos come from the device.
    await page.reload()
    await page.locator('html[data-offline="ready"]').waitFor({ state: 'attached' })
    await expect.poll(() => photos.locator('img').count()).toBe(2)
    expect(await photos.innerText()).toContain('Indicator: Debt bondage. Kept on this device.')
    // The position, with how rough it is, came back with the rest of the record.
    expect(await page.getByLabel('Latitude (where you are)').inputValue()).toBe('-28.950000')
    await page.getByText('Rough position: only to within 350 m.').waitFor()
    await expectAccessible(page)

    await page.getByRole('button', { name: 'Submit the inspection' }).click()
    await page.locator('[data-device-state]').getByText('Submitted: waiting to be sent').waitFor()
    expect(await photos.getByRole('button', { name: 'Remove this photo' }).count()).toBe(0)

    // The battery dies; the phone starts again, still with no network.
    await context.close()
    await open()
    await context.setOffline(true)
    await page.goto(`${server.url}/inspections/device`).catch(() => undefined)
    const kept = page.locator('[data-device-drafts-list]')
    await kept.getByText('Submitted: waiting to be sent').waitFor()
    await kept.getByText('0 of 2 photos sent').waitFor()
    expect(await stored()).toEqual([])

    // The network returns: the record, then each photo, once.
    await context.setOffline(false)
    await kept.getByText('2 of 2 photos sent').waitFor({ timeout: 20_000 })
    const photosStored = await stored()
    expect(photosStored.map((p) => p.attached_to)).toEqual(['indicator:debt_bondage', 'inspection'])
    // Made smaller on the phone: JPEG, well under the registry's limit.
    for (const p of photosStored) {
      expect(p.content_type).toBe('image/jpeg')
      expect(p.byte_size).toBeLessThan(600_000)
    }
    const [record] = await server.handle.db.selectFrom('inspections').select('id').execute()
    // Sent again (a second tab, a lost reply): nothing new.
    await page.evaluate(() => window.dispatchEvent(new Event('online')))
    await kept.getByRole('link', { name: 'Open the record' }).click()
    await page.waitForURL(`${server.url}/inspections/${record!.id}`)
    const section = page.getByRole('region', { name: 'Photos' })
    await expect.poll(() => section.locator('img').count()).toBe(2)
    expect(await section.innerText()).not.toContain('still on the device')
    expect(await page.locator('main').innerText()).toContain('-28.95000, 27.77000 Rough: to within 350 m')
    // The larger one is 1600 px on its longest side.
    const widest = await section
      .locator('img')
      .evaluateAll((imgs) =>
        Math.max(
          ...imgs.map((i) =>
            Math.max((i as HTMLImageElement).naturalWidth, (i as HTMLImageElement).naturalHeight),
          ),
        ),
      )
    expect(widest).toBe(1600)
    expect(await stored()).toHaveLength(2)

    // Later, a photo is added to the submitted record from its page: one more, none taken off.
    await section.getByRole('heading', { name: 'Add photos to this record' }).waitFor()
    await section.getByLabel('Or choose photos from the gallery').setInputFiles({
      name: 'fees-notice.png',
      mimeType: 'image/png',
      buffer: pngPicture(800, 600, [30, 160, 30]),
    })
    await expect.poll(() => section.locator('.photo-grid img').count(), { timeout: 15_000 }).toBe(3)
    expect(await stored()).toHaveLength(3)
    expect(problems).toEqual([])
  })
})
