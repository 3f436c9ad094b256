import { z } from 'zod';

/**
 * The event's open-data package (`GET /api/events/{event}/open-data.zip`, docs/report.md): the
 * public programme, the calls' public decision trail and the report's aggregated figures as CSV,
 * described by a Frictionless Data Package (`datapackage.json`, https://specs.frictionlessdata.io/data-package/)
 * under the licence the organizers chose.
 */

/** Licences for data, as the open-data portals name them (SPDX ids where there is one). Licence Ouverte 2.0 first: what French public bodies publish under. */
export const OPEN_DATA_LICENCES = [
  { id: 'etalab-2.0', title: 'Licence Ouverte / Open Licence 2.0', path: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/' },
  { id: 'ODbL-1.0', title: 'Open Data Commons Open Database License 1.0', path: 'https://opendatacommons.org/licenses/odbl/1-0/' },
  { id: 'CC-BY-4.0', title: 'Creative Commons Attribution 4.0', path: 'https://creativecommons.org/licenses/by/4.0/' },
  { id: 'CC-BY-SA-4.0', title: 'Creative Commons Attribution-ShareAlike 4.0', path: 'https://creativecommons.org/licenses/by-sa/4.0/' },
  { id: 'CC0-1.0', title: 'Creative Commons Zero 1.0', path: 'https://creativecommons.org/publicdomain/zero/1.0/' },
] as const;
export type OpenDataLicenceId = (typeof OPEN_DATA_LICENCES)[number]['id'];
export const OPEN_DATA_LICENCE_IDS = OPEN_DATA_LICENCES.map((l) => l.id) as [OpenDataLicenceId, ...OpenDataLicenceId[]];
export const DEFAULT_OPEN_DATA_LICENCE: OpenDataLicenceId = 'etalab-2.0';

/** The organizer's form: the licence of the event's open data. */
export const openDataLicenceInput = z.object({ licence: z.enum(OPEN_DATA_LICENCE_IDS) }).strict();

/** A licence by id; an unknown id (never stored: the form checks) reads as the default. */
export function openDataLicence(id: string) {
  return OPEN_DATA_LICENCES.find((l) => l.id === id) ?? OPEN_DATA_LICENCES[0];
}

/** Frictionless Table Schema field types used here. */
export type FieldType = 'string' | 'integer' | 'number' | 'date' | 'datetime';
export type PackageField = { name: string; type: FieldType; title: string };
export type PackageResource = { name: string; path: string; title: string; fields: PackageField[] };

/** `datapackage.json`: name (lower-case, `-`/`_`/`.` only), title, licences, and each CSV with its schema. */
export function dataPackage(opts: { name: string; title: string; description: string; licence: string; created: Date; resources: PackageResource[] }) {
  const licence = openDataLicence(opts.licence);
  return {
    profile: 'tabular-data-package',
    name: opts.name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-'),
    title: opts.title,
    description: opts.description,
    created: opts.created.toISOString(),
    licenses: [{ name: licence.id, path: licence.path, title: licence.title }],
    resources: opts.resources.map((r) => ({
      profile: 'tabular-data-resource',
      name: r.name,
      path: r.path,
      title: r.title,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      dialect: { delimiter: ',', header: true },
      schema: { fields: r.fields },
    })),
  };
}
