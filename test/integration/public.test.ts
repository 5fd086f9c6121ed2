import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readOfferCode } from '../../src/job-offers/code.js'
import { addDays, todayInLesotho } from '../../src/time.js'
import { insertPublicFixture, PRIVATE_VALUES } from '../support/public-fixtures.js'
import { createTestRegistry, TestClient } from '../support/registry.js'

let registry: Awaited<ReturnType<typeof createTestRegistry>>
const numbers: Record<string, string> = {}
const suspendedUntil = addDays(todayInLesotho(), 30)

beforeAll(async () => {
  registry = await createTestRegistry()
  const db = registry.db
  numbers.licensed = (await insertPublicFixture(db, {
    name: 'Maluti Mountain Recruitment (Pty) Ltd',
    tradingNames: ['Maluti Jobs'],
    standing: 'licensed',
    district: 'Leribe',
    sectors: ['agriculture', 'mining'],
  }))!.licenceNumber!
  numbers.suspended = (await insertPublicFixture(db, {
    name: 'Senqu River Staffing',
    standing: 'suspended',
    suspendedUntil,
  }))!.licenceNumber!
  numbers.revoked = (
    await insertPublicFixture(db, { name: 'Thaba Bosiu Labour Brokers', standing: 'revoked' })
  ).licenceNumber!
  numbers.expired = (await insertPublicFixture(db, { name: 'Kopano Placements', standing: 'expired' }))
    .licenceNumber!
  await insertPublicFixture(db, { name: 'Lesedi Careers', standing: 'pending' })
  // Sorts before "Maluti ..." by name, and only its trading name resembles "maluti".
  await insertPublicFixture(db, {
    name: 'Aaba Placements',
    tradingNames: ['Maluti Express'],
    standing: 'none',
  })
  await insertPublicFixture(db, { name: '=HYPERLINK("http://evil.example","Click")', standing: 'none' })
})
afterAll(() => registry.close())

const get = (path: string, headers: Record<string, string> = {}) => registry.app.request(path, { headers })
const text = async (res: Response) => (await res.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')

describe('the public lookup', () => {
  it('finds an agency from a misspelt fragment and shows its public status', async () => {
    const res = await get('/lookup?q=malti%20mountin')
    expect(res.status).toBe(200)
    const body = await text(res)
    expect(body).toContain('Maluti Mountain Recruitment (Pty) Ltd')
    // Nothing matched as typed: the warning first, the look-alikes after it as other recruiters.
    expect(body.indexOf('“malti mountin” is not in the registry.')).toBeGreaterThan(-1)
    expect(body.indexOf('“malti mountin” is not in the registry.')).toBeLessThan(
      body.indexOf('Maluti Mountain'),
    )
    expect(body).toContain('Did you mean one of these? They are different recruiters.')
    expect(body).toMatch(/Licensed until \d{1,2} \w+ \d{4}/)
    expect(body).toContain(numbers.licensed)
    expect(body).toContain('Leribe')
    expect(body).toContain('Agriculture, Mining')
    expect(body).toContain('Maluti Jobs')
    // The only report link is about the name typed: a look-alike's would file it against an
    // agency the worker never met.
    const html = await (await get('/lookup?q=malti%20mountin')).text()
    expect(html).toContain('href="/complaints/new?name=malti%20mountin"')
    expect(html).not.toContain(`/complaints/new?licence=${numbers.licensed}`)
  })

  it.each(['Jobs4U', 'Thabo Jobs', 'Careers Agency', 'Best Recruitment Jobs'])(
    'warns that %s is not in the registry, showing no name that shares only a common word',
    async (q) => {
      for (const lang of ['en', 'st']) {
        const body = await text(await get(`/lookup?q=${encodeURIComponent(q)}&lang=${lang}`))
        expect(body, lang).toContain(
          lang === 'en' ? `“${q}” is not in the registry.` : `“${q}” ha a eo bukeng ea ngoliso.`,
        )
        expect(body, lang).not.toContain('Maluti Mountain')
        expect(body, lang).not.toContain('Lesedi Careers')
        expect(body, lang).not.toContain('recruiter found')
      }
    },
  )

  it('lists names matching in the legal name before those matching only in a trading name', async () => {
    for (const q of ['maluti', 'malti']) {
      const body = await text(await get(`/lookup?q=${q}`))
      expect(body.indexOf('Aaba Placements'), q).toBeGreaterThan(body.indexOf('Maluti Mountain Recruitment'))
      expect(body.indexOf('Maluti Mountain Recruitment'), q).toBeGreaterThan(0)
    }
  })

  it('finds by the start of a trading name, and by a licence number typed loosely', async () => {
    expect(await text(await get('/lookup?q=maluti%20jo'))).toContain('Maluti Mountain Recruitment')
    const [, year, seq] = numbers.suspended!.match(/LRA-(\d{4})-(\d{5})/)!
    const loose = `lra ${year} ${Number(seq)}`
    const body = await text(await get(`/lookup?q=${encodeURIComponent(loose)}`))
    expect(body).toContain('Senqu River Staffing')
    expect(body).toContain('Suspended until')
    expect(body).toContain('1 recruiter found')
    expect(body).not.toContain('Maluti Mountain')
  })

  it('needs every word typed to begin a word of the name, in any order', async () => {
    const found = await text(await get('/lookup?q=recr%20maluti%20mount'))
    expect(found).toContain('Maluti Mountain Recruitment')
    expect(found).toContain('1 recruiter found')
    // Each word is in some name, but no name has both.
    const none = await text(await get('/lookup?q=maluti%20senqu'))
    expect(none).toContain('“maluti senqu” is not in the registry.')
    expect(none).not.toContain('Senqu River Staffing')
  })

  it('shows each standing in words', async () => {
    expect(await text(await get('/lookup?q=thaba%20bosiu'))).toContain('Revoked')
    expect(await text(await get('/lookup?q=kopano'))).toContain('Expired')
    expect(await text(await get('/lookup?q=lesedi'))).toContain('Application pending, not yet licensed')
  })

  it('says plainly when a recruiter is not in the registry, with a link to report that name', async () => {
    const res = await get('/lookup?q=Quick%20Visa%20Jobs%20Abroad')
    const html = await res.text()
    expect(res.status).toBe(200)
    expect(html).toContain('“Quick Visa Jobs Abroad” is not in the registry.')
    expect(html).toContain('A recruiter who is not listed is not licensed. Do not pay.')
    expect(html).toContain('href="/complaints/new?name=Quick%20Visa%20Jobs%20Abroad"')
    const form = await (await get('/complaints/new?name=Quick%20Visa%20Jobs%20Abroad')).text()
    expect(form).toMatch(/name="recruiter_name"[^>]*value="Quick Visa Jobs Abroad"/)
    // Old links to the "how to report" page lead to the form.
    const old = await get('/report?name=Quick%20Visa%20Jobs%20Abroad')
    expect(old.status).toBe(301)
    expect(old.headers.get('location')).toBe('/complaints/new?name=Quick%20Visa%20Jobs%20Abroad')
  })

  it('answers an htmx search with the results fragment only', async () => {
    const res = await get('/lookup?q=senqu', { 'HX-Request': 'true', 'HX-Request-Type': 'partial' })
    const html = await res.text()
    expect(html.startsWith('<div id="lookup-results"')).toBe(true)
    expect(html).toContain('Senqu River Staffing')
    expect(html).not.toContain('<html')
  })

  it('refuses an over-long search with 422, the message beside the box and the text kept', async () => {
    const long = 'x'.repeat(150)
    const res = await get(`/lookup?q=${long}`)
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('<title>Error: ')
    expect(html).toContain('Type at most 100 letters.')
    expect(html).toContain(`value="${long}"`)
  })
})

describe('verifying a certificate', () => {
  it('puts the status first, then the agency, dates and the time of the check', async () => {
    const res = await get(`/verify/${numbers.licensed}`)
    expect(res.status).toBe(200)
    const html = await res.text()
    const main = html.slice(html.indexOf('<main'))
    expect(main).toMatch(
      /^<main[^>]*><h1 class="status-banner ok"><span aria-hidden="true">✓<\/span> Licensed until/,
    )
    const body = await text(new Response(html))
    expect(body).toContain('Maluti Mountain Recruitment (Pty) Ltd')
    expect(body).toMatch(/Checked on \d{1,2} \w+ \d{4} at \d{2}:\d{2}\./)
  })

  it.each([
    ['suspended', 'Suspended until'],
    ['revoked', 'Revoked'],
    ['expired', 'Expired'],
  ])('shows a %s licence as %s', async (key, words) => {
    const html = await (await get(`/verify/${numbers[key]}`)).text()
    expect(html).toMatch(
      new RegExp(`<h1 class="status-banner bad"><span aria-hidden="true">.</span> ${words}`),
    )
  })

  it('warns that a certificate with an unknown number may be forged (404)', async () => {
    for (const number of ['LRA-2019-00077', 'NOT-A-NUMBER']) {
      const res = await get(`/verify/${number}`)
      expect(res.status).toBe(404)
      const body = await text(res)
      expect(body).toContain('This licence number is not in the registry')
      expect(body).toContain('The certificate may be forged')
    }
  })
})

describe('languages', () => {
  it('switches to Sesotho with ?lang=st, remembers it in a cookie and sets <html lang>', async () => {
    const client = new TestClient(registry.app)
    const first = await client.get('/?lang=st')
    expect(first.headers.get('set-cookie')).toContain('rr_lang=st')
    const html = await (await client.get('/lookup?q=senqu')).text()
    expect(html).toContain('<html lang="st">')
    expect(html).toContain('Laesense e emisitsoe')
    expect(html).toContain('href="/lookup?q=senqu&amp;lang=en"')
    const back = await (await client.get('/?lang=en')).text()
    expect(back).toContain('<html lang="en">')
  })

  it('honours Accept-Language on a first visit', async () => {
    const st = await get('/', { 'Accept-Language': 'st-LS, st;q=0.9, en;q=0.8' })
    expect(await st.text()).toContain('Na moemeli enoa oa mesebetsi o na le laesense?')
    const en = await get('/', { 'Accept-Language': 'fr, en;q=0.5, st;q=0.4' })
    expect(await en.text()).toContain('<html lang="en">')
  })

  it('writes dates with Sesotho month names', async () => {
    const body = await text(await get(`/verify/${numbers.licensed}?lang=st`))
    expect(body).toMatch(
      /O na le laesense ho fihlela \d{1,2} (Pherekhong|Hlakola|Hlakubele|Mmesa|Motšeanong|Phupjane|Phupu|Phato|Loetse|Mphalane|Pulungoana|Tšitoe) \d{4}/,
    )
  })
})

describe('open data', () => {
  it('answers the JSON lookup with public fields only, open to any origin', async () => {
    const res = await get('/api/v1/agencies?q=senqu', { Origin: 'https://example.org' })
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    const body = await res.json()
    expect(body.agencies).toHaveLength(1)
    expect(Object.keys(body.agencies[0]).sort()).toEqual(
      [
        'district',
        'expires_on',
        'issued_on',
        'licence_number',
        'name',
        'sectors',
        'status',
        'status_text',
        'suspended_until',
        'status_since',
        'status_reason',
        'status_reason_text',
        'pending_investigation',
        'conditions',
        'trading_names',
        'convicted_on',
        'warnings',
      ].sort(),
    )
    expect(body.agencies[0]).toMatchObject({ status: 'suspended', suspended_until: suspendedUntil })
  })

  it('gives one licence by number, 404 for an unknown one, 422 without a query', async () => {
    const ok = await get(`/api/v1/licences/${numbers.revoked}`)
    expect(ok.status).toBe(200)
    expect(await ok.json()).toMatchObject({ licence_number: numbers.revoked, status: 'revoked' })
    expect((await get('/api/v1/licences/LRA-2019-00077')).status).toBe(404)
    const missing = await get('/api/v1/agencies')
    expect(missing.status).toBe(422)
    expect((await missing.json()).error).toMatch(/\?q=/)
  })

  it('exports the register as CSV with formulas neutralised', async () => {
    const res = await get('/register.csv')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/csv')
    expect(res.headers.get('content-disposition')).toMatch(
      /attachment; filename="recruiter-register-\d{4}-\d{2}-\d{2}\.csv"/,
    )
    const bytes = new Uint8Array(await res.arrayBuffer())
    // A byte-order mark first, so spreadsheets read UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const csv = new TextDecoder().decode(bytes)
    const lines = csv.trim().split('\r\n')
    expect(lines[0]).toBe(
      'name,trading_names,licence_number,status,status_text,issued_on,expires_on,suspended_until,district,sectors,warnings',
    )
    expect(lines).toHaveLength(8)
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""Click"")"`)
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m)
    expect(csv).toContain(`Senqu River Staffing,,${numbers.suspended},suspended,Suspended`)
  })
})

describe('nothing internal reaches the public', () => {
  it('shows no ID numbers, contact details, addresses, notes or people on any public response', async () => {
    const paths = [
      '/lookup?q=maluti',
      '/lookup?q=senqu',
      '/lookup?q=malti%20mountin',
      `/verify/${numbers.licensed}`,
      `/verify/${numbers.suspended}`,
      '/api/v1/agencies?q=maluti',
      `/api/v1/licences/${numbers.licensed}`,
      '/register.csv',
    ]
    for (const path of paths) {
      const body = await (await get(path)).text()
      expect(body.length, path).toBeGreaterThan(100)
      for (const value of Object.values(PRIVATE_VALUES))
        expect(body, `${path} shows ${value}`).not.toContain(value)
    }
  })
})

describe('what search results and shared links say', () => {
  it('gives every public page a description in the reader’s language', async () => {
    const description = async (path: string) =>
      /<meta name="description" content="([^"]+)"/.exec(
        await (await registry.app.request(path)).text(),
      )?.[1] ?? ''
    expect(await description('/')).toContain('You never pay a recruiter for a job')
    expect(await description('/?lang=st')).toContain('Se lefe letho bakeng sa mosebetsi')
    expect(await description('/complaints/new')).toContain('register of licensed labour recruiters')
    expect(await description('/jobs')).toContain('check a recruiter or a job offer')
  })
})

describe('the home page', () => {
  it('tells people without internet the USSD code to dial, when the service has one', async () => {
    expect(await text(await get('/'))).not.toContain('No internet?')
    const withCode = await createTestRegistry({ USSD_CODE: '*120*55#' })
    try {
      const home = await text(await withCode.app.request('/'))
      expect(home).toContain('No internet? Dial *120*55# from any phone')
      const st = await text(await withCode.app.request('/?lang=st'))
      expect(st).toContain('Letsetsa *120*55# ka founo efe kapa efe')
    } finally {
      await withCode.close()
    }
  })
})

describe('names with "&"', () => {
  it('are found when "and" is typed, as it is on a keypad', async () => {
    await insertPublicFixture(registry.db, { name: 'Khaketla & Sons Recruitment', standing: 'licensed' })
    const body = await text(await get('/lookup?q=khaketla%20and%20sons'))
    expect(body).toContain('Khaketla &amp; Sons Recruitment')
    expect(body).not.toContain('is not in the registry')
  })
})

describe('namesakes', () => {
  it('lists the one whose licence is in force first, whatever was registered first', async () => {
    await insertPublicFixture(registry.db, { name: 'Mokhoro Farm Labour', standing: 'pending' })
    await insertPublicFixture(registry.db, { name: 'Mokhoro Farm Labour', standing: 'revoked' })
    const licensed = await insertPublicFixture(registry.db, {
      name: 'Mokhoro Farm Labour',
      standing: 'licensed',
    })
    const body = await text(await get('/lookup?q=mokhoro%20farm'))
    expect(body.indexOf(licensed.licenceNumber!)).toBeGreaterThan(-1)
    expect(body.indexOf(licensed.licenceNumber!)).toBeLessThan(body.indexOf('Application pending'))
    expect(body.indexOf(licensed.licenceNumber!)).toBeLessThan(body.indexOf('Revoked'))
  })
})

describe('reporting and tracking by USSD', () => {
  async function screen(sessionId: string, text: string, phoneNumber = '+26658001234') {
    const res = await registry.app.request('/ussd', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ sessionId, serviceCode: '*120*55#', phoneNumber, text }).toString(),
    })
    const reply = await res.text()
    expect(reply.length).toBeLessThanOrEqual(160)
    return reply
  }

  it('stores one report per session however often the last screen is sent, and tracks it', async () => {
    const answers = ['2', 'Ntate Sello', '1 2', 'M300', '3', '2', '1']
    for (let n = 1; n < answers.length; n++)
      expect(await screen('AT-report-1', answers.slice(0, n).join('*'))).toMatch(/^CON /)
    const sent = await screen('AT-report-1', answers.join('*'))
    const reference = /C-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(sent)?.[0]
    expect(sent).toMatch(/^END Report sent\. Your reference: C-/)
    // The gateway resends the last screen; the caller's phone shows it twice.
    expect(await screen('AT-report-1', answers.join('*'))).toBe(sent)
    // The session dropped before the reference was read: the caller redials and answers the
    // same, and is given the same reference, not a second report.
    expect(await screen('AT-report-1-redialled', answers.join('*'))).toBe(sent)
    // Another caller's same answers are their own report.
    expect(await screen('AT-report-2', answers.join('*'), '+26658009999')).not.toBe(sent)
    const stored = await registry.db
      .selectFrom('complaints')
      .select([
        'reference',
        'channel',
        'categories',
        'district',
        'fee_amount_minor',
        'contact_phone',
        'may_contact',
        'recruiter_name',
      ])
      .where('recruiter_name', '=', 'Ntate Sello')
      .where('reference', '=', reference!)
      .execute()
    expect(stored).toEqual([
      {
        reference,
        channel: 'ussd',
        categories: ['recruitment_fee', 'deception'],
        district: 'Leribe',
        fee_amount_minor: 30_000,
        // The caller said no: the number is not kept.
        contact_phone: null,
        may_contact: false,
        recruiter_name: 'Ntate Sello',
      },
    ])
    expect(await screen('AT-track-1', `4*${reference!.toLowerCase()}`)).toBe(
      `END ${reference}: Received: waiting to be read by an officer.`,
    )
    expect(await screen('AT-track-2', '4*C-0000-0000')).toBe(
      'CON No report has this reference. Check it and type it again:',
    )
  })

  it('keeps a job offer code typed as the recruiter, even one with a typing mistake, as the code', async () => {
    // 4821-5534: one digit off a valid code, so its check digit does not match.
    const typed = ['4821-5533', '4821-5534', '4821-5535'].find((c) => !readOfferCode(c).ok)!
    expect(await screen('AT-report-code', ['2', typed, '2', '0', '5', '2', '1'].join('*'))).toMatch(
      /^END Report sent/,
    )
    const stored = await registry.db
      .selectFrom('complaints')
      .select(['recruiter_name', 'job_offer_code'])
      .where('job_offer_code', '=', typed.replace(/\D/g, ''))
      .executeTakeFirstOrThrow()
    expect(stored).toEqual({ recruiter_name: null, job_offer_code: typed.replace(/\D/g, '') })
  })

  it('keeps the words of "Something else" and a place outside Lesotho', async () => {
    const answers = ['2', 'Ntate Lerato', '7', 'Took our passports at the border', '0', '0', '2', '1']
    expect(await screen('AT-report-other', answers.slice(0, 3).join('*'))).toBe(
      'CON Say in a few words what happened:',
    )
    expect(await screen('AT-report-other', answers.slice(0, 6).join('*'))).toMatch(
      /^CON May the labour office call you/,
    )
    expect(await screen('AT-report-other', answers.join('*'))).toMatch(/^END Report sent/)
    const stored = await registry.db
      .selectFrom('complaints')
      .select(['categories', 'district', 'outside_lesotho', 'description'])
      .where('recruiter_name', '=', 'Ntate Lerato')
      .executeTakeFirstOrThrow()
    expect(stored).toEqual({
      categories: ['other'],
      district: null,
      outside_lesotho: true,
      description: 'Took our passports at the border',
    })
  })

  it('takes a report in Sesotho to triage with its categories, district and the number the caller allowed', async () => {
    const sent = await screen(
      'AT-report-st',
      ['0', '2', 'Bra Tsietsi', '4', '0', '5', '1', '1'].join('*'),
      '+26659990000',
    )
    expect(sent).toMatch(/^END Tlaleho e rometsoe\. Nomoro ea tlaleho ea hao: C-/)
    const stored = await registry.db
      .selectFrom('complaints')
      .select(['language', 'categories', 'district', 'contact_phone', 'may_contact', 'channel'])
      .where('recruiter_name', '=', 'Bra Tsietsi')
      .executeTakeFirstOrThrow()
    expect(stored).toEqual({
      language: 'st',
      categories: ['documents_retained'],
      district: 'Maseru',
      contact_phone: '+26659990000',
      may_contact: true,
      channel: 'ussd',
    })
    // It reaches triage like any report, saying how it came.
    const officer = await registry.signedInAs('licensing_officer')
    const queue = await (await officer.client.get('/complaints')).text()
    expect(queue).toContain('Bra Tsietsi')
    const { id } = await registry.db
      .selectFrom('complaints')
      .select('id')
      .where('recruiter_name', '=', 'Bra Tsietsi')
      .executeTakeFirstOrThrow()
    expect(await (await officer.client.get(`/complaints/${id}`)).text()).toContain('By phone (USSD)')
    // Cancelled: nothing stored.
    expect(
      await screen('AT-report-cancel', ['2', 'Cancelled Recruiter', '1', '0', '5', '2', '2'].join('*')),
    ).toBe('END Nothing was sent.')
    expect(
      await registry.db
        .selectFrom('complaints')
        .select('id')
        .where('recruiter_name', '=', 'Cancelled Recruiter')
        .execute(),
    ).toEqual([])
  })
})

describe('USSD', () => {
  async function dial(text: string, phoneNumber = '+26650001111') {
    const res = await registry.app.request('/ussd', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        sessionId: 'ATUid_1',
        serviceCode: '*120*55#',
        phoneNumber,
        text,
      }).toString(),
    })
    expect(res.headers.get('content-type')).toContain('text/plain')
    const reply = await res.text()
    expect(reply.length).toBeLessThanOrEqual(160)
    return { status: res.status, reply }
  }

  it('checks a recruiter: menu, then a name, then the matches with their status', async () => {
    expect((await dial('')).reply).toBe(
      'CON Never pay for a job.\n1 Check a recruiter\n2 Report a recruiter\n3 Check a job offer\n4 Check my report\n0 Sesotho',
    )
    expect((await dial('1')).reply).toBe('CON Type the recruiter name or licence number:')
    const found = await dial('1*maluti mountain')
    expect(found.status).toBe(200)
    expect(found.reply).toMatch(
      /^END 1\. Maluti Mountain Recruitment \(Pty\) Ltd LRA-\d{4}-\d{5}: Licensed until \d+\/\d+\/\d{4}/,
    )
    // A name only resembling: the warning first, then the other recruiters.
    const resembling = await dial('1*malti mountin')
    expect(resembling.reply).toMatch(/^END NOT in the registry: not licensed\. Do not pay\./)
    expect(resembling.reply).toContain('Maluti Mountain')
    expect((await dial('1*Jobs4U')).reply).toMatch(/^END Not in the registry\./)
    expect((await dial('1*senqu')).reply).toMatch(/Senqu River Staffing LRA-\d{4}-\d{5}: Suspended/)
  })

  it('says when a recruiter is not in the registry, and how to report', async () => {
    expect((await dial('1*Quick Visa Jobs Abroad')).reply).toMatch(
      /^END Not in the registry\. .*Do not pay\./,
    )
    expect((await dial('2')).reply).toMatch(/^CON Report a recruiter\. Type their name/)
  })

  it('switches to Sesotho with 0 and back', async () => {
    expect((await dial('0')).reply).toBe(
      'CON Se lefe letho bakeng sa mosebetsi.\n1 Sheba moemeli\n2 Tlaleha moemeli\n3 Sheba mosebetsi\n4 Sheba tlaleho\n0 English',
    )
    expect((await dial('0*1*senqu')).reply).toMatch(
      /^END 1\. Senqu River Staffing LRA-\d{4}-\d{5}: Laesense e emisitsoe/,
    )
    expect((await dial('0*0')).reply).toMatch(/^CON Never pay for a job/)
  })

  it('needs no CSRF token (a gateway posts it) but refuses a malformed callback with 422', async () => {
    const res = await registry.app.request('/ussd', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'text=1',
    })
    expect(res.status).toBe(422)
    expect(await res.text()).toMatch(/^END /)
  })
})

describe('rate limits', () => {
  it('answers 429 with a friendly page after too many lookups from one address', async () => {
    const limited = await createTestRegistry({ TRUST_PROXY: 'true', PUBLIC_LOOKUPS_PER_MINUTE: '3' })
    try {
      const from = (address: string) => ({ 'X-Forwarded-For': address })
      for (let i = 0; i < 3; i++)
        expect((await limited.app.request('/lookup?q=a', { headers: from('10.0.0.1') })).status).toBe(200)
      const refused = await limited.app.request('/lookup?q=a', { headers: from('10.0.0.1') })
      expect(refused.status).toBe(429)
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(await refused.text()).toContain('Please wait a moment')
      const api = await limited.app.request('/api/v1/agencies?q=a', { headers: from('10.0.0.1') })
      expect(api.status).toBe(429)
      // Another address is not affected.
      expect((await limited.app.request('/lookup?q=a', { headers: from('10.0.0.2') })).status).toBe(200)
    } finally {
      await limited.close()
    }
  })

  it('limits USSD per phone number, not per gateway address', async () => {
    const limited = await createTestRegistry({ USSD_SCREENS_PER_MINUTE: '2' })
    try {
      const dial = (phoneNumber: string, text = '') =>
        limited.app.request('/ussd', {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ sessionId: 's', phoneNumber, text }).toString(),
        })
      expect(await (await dial('+26650000001')).text()).toMatch(/^CON Never pay/)
      expect((await dial('+26650000001')).status).toBe(200)
      // The refusal is a screen the caller reads (a gateway ends a session on a 4xx without
      // showing it), in the language the caller chose.
      const refused = await dial('+26650000001', '0*1')
      expect(refused.status).toBe(200)
      expect(refused.headers.get('retry-after')).toBeTruthy()
      expect(await refused.text()).toBe(
        'END Ho na le likopo tse ngata haholo ho tsoa founong ena. Ema motsotso ebe u letsetsa hape.',
      )
      expect(await (await dial('+26650000002')).text()).toMatch(/^CON Never pay/)
    } finally {
      await limited.close()
    }
  })
})

describe('a renamed agency', () => {
  let renamed: Awaited<ReturnType<typeof createTestRegistry>>
  beforeAll(async () => {
    renamed = await createTestRegistry()
  })
  afterAll(() => renamed.close())

  it('finds a renamed agency by its new name, and no longer by a word only its old name had', async () => {
    const { agencyId: id } = await insertPublicFixture(renamed.db, {
      name: 'Qacha Harvest Hands',
      standing: 'licensed',
    })
    expect(await text(await renamed.app.request('/lookup?q=harvest'))).toContain('Qacha Harvest Hands')
    await renamed.db
      .updateTable('agencies')
      .set({ legal_name: 'Qacha Orchard Hands' })
      .where('id', '=', id)
      .execute()
    expect(await text(await renamed.app.request('/lookup?q=orchard'))).toContain('Qacha Orchard Hands')
    const old = await text(await renamed.app.request('/lookup?q=harvest'))
    expect(old).not.toContain('Qacha')
    expect(await text(await renamed.app.request('/lookup?q=qacha%20hand'))).toContain('Qacha Orchard Hands')
  })
})
