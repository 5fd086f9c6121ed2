import { describe, expect, it } from 'vitest'
import { duplicateReasons, metresApart } from '../../src/worksites/duplicates.js'

const farm = { name: 'Ha Mokoena Orchards', village: 'Peka', latitude: -28.95, longitude: 27.77 }

describe('likely duplicate worksites', () => {
  it('calls the same name, whatever its case and punctuation, the same name', () => {
    expect(duplicateReasons(farm, { ...farm, name: 'ha mokoena  orchards.' }, 1)).toContain('The same name')
  })

  it('takes alike names (trigram similarity from 0.3) or positions within 500 m, and nothing else', () => {
    const nowhere = { ...farm, latitude: null, longitude: null }
    expect(duplicateReasons(nowhere, { ...nowhere, name: 'Mokoena Orchard' }, 0.55)).toEqual([
      'Names alike',
      'The same village',
    ])
    expect(duplicateReasons(nowhere, { ...nowhere, name: 'Peka Poultry' }, 0.29)).toEqual([])
    // Another name, 300 m away: the same place, added under another name.
    const near = { name: 'Peka Fruit Packers', village: 'Ha Mokoena', latitude: -28.9527, longitude: 27.77 }
    expect(duplicateReasons(farm, near, 0.1)).toEqual(['300 m apart'])
    // 600 m away, another name: two farms side by side.
    expect(duplicateReasons(farm, { ...near, latitude: -28.9554 }, 0.1)).toEqual([])
    // Alike names 20 km apart are two places; the same name that far apart is said, to judge.
    expect(duplicateReasons(farm, { ...farm, name: 'Mokoena Orchard', latitude: -29.13 }, 0.5)).toEqual([])
    expect(duplicateReasons(farm, { ...farm, latitude: -29.13 }, 1)).toEqual([
      'The same name',
      'The same village',
      'But 20 km apart',
    ])
    // Alike names 2 km apart (a position taken at the gate, another at the fields): said.
    expect(duplicateReasons(farm, { ...farm, name: 'Mokoena Orchard', latitude: -28.968 }, 0.5)).toEqual([
      'Names alike',
      'The same village',
      'But 2.0 km apart',
    ])
  })

  it('measures only between two worksites that both have coordinates', () => {
    expect(metresApart(farm, { ...farm, latitude: null })).toBeNull()
    expect(metresApart(farm, farm)).toBe(0)
  })
})
