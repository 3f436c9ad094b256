import { describe, expect, it } from 'vitest';
import { dataPackage, DEFAULT_OPEN_DATA_LICENCE, openDataLicence, openDataLicenceInput } from './open-data';

describe('the open-data package', () => {
  it('describes each CSV with its fields under the chosen licence, its name fit for the spec', () => {
    const pkg = dataPackage({
      name: 'Chemins Édition 2026!',
      title: 'Édition',
      description: 'd',
      licence: 'ODbL-1.0',
      created: new Date('2026-06-01T00:00:00Z'),
      resources: [{ name: 'programme', path: 'programme.csv', title: 'Programme', fields: [{ name: 'session', type: 'string', title: 'Session' }] }],
    });
    expect(pkg.name).toMatch(/^[a-z0-9._-]+$/);
    expect(pkg.licenses).toEqual([{ name: 'ODbL-1.0', path: 'https://opendatacommons.org/licenses/odbl/1-0/', title: 'Open Data Commons Open Database License 1.0' }]);
    expect(pkg.resources[0]).toMatchObject({ path: 'programme.csv', format: 'csv', schema: { fields: [{ name: 'session', type: 'string' }] } });
  });

  it('offers Licence Ouverte 2.0 by default, and refuses a licence it does not offer', () => {
    expect(DEFAULT_OPEN_DATA_LICENCE).toBe('etalab-2.0');
    expect(openDataLicence('unknown').id).toBe('etalab-2.0');
    expect(openDataLicenceInput.safeParse({ licence: 'CC-BY-NC-4.0' }).success).toBe(false);
    expect(openDataLicenceInput.safeParse({ licence: 'CC0-1.0' }).success).toBe(true);
  });
});
