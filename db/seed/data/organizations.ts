import type { OrganizationKind } from '@/lib/domain/people';

// Organizations, networks and public bodies named in ../shared/seeds (000, 002, 003), each once,
// by a stable key. Only what the texts say: a link only where they print one.
// A printed name ("IMT Atlantique campus de Brest", "Inno³") is matched to its key by
// `identityKey` (lib/domain/people.ts) and, when the spellings differ more, by ORG_ALIASES.

export type SeedOrganization = { key: string; name: string; kind: OrganizationKind; url?: string; description?: string };

const o = (key: string, name: string, kind: OrganizationKind, extra: Partial<SeedOrganization> = {}): SeedOrganization => ({ key, name, kind, ...extra });

export const ORGANIZATIONS: SeedOrganization[] = [
  // Forum des usages coopératifs 2018: organizers, supporters, partners (000), and coordinators' organizations.
  o('ville-de-brest', 'Ville de Brest', 'public_body'),
  o('imt-atlantique', 'IMT Atlantique campus de Brest', 'school'),
  o('region-bretagne', 'Région Bretagne', 'public_body'),
  o('departement-finistere', 'Département du Finistère', 'public_body'),
  o('brest-metropole', 'Brest métropole', 'public_body'),
  o('mission-societe-numerique', 'Mission Société Numérique', 'public_body'),
  o('megalis-bretagne', 'Mégalis Bretagne', 'public_body'),
  o('adeupa', 'L’Adeupa', 'public_body'),
  o('fing', 'FING', 'association'),
  o('french-tech-brest', 'French Tech Brest+', 'network'),
  o('nantes-metropole', 'Nantes métropole', 'public_body'),
  o('rennes-metropole', 'Rennes métropole', 'public_body'),
  o('cantine-numerique-brest', 'La cantine numérique de Brest', 'association'),
  o('marsouin', 'Marsouin', 'research'),
  o('ubo-gnusi', 'UBO - GNUSI', 'school'),
  o('la-carene', 'La Carène - salle de musiques actuelles', 'association'),
  o('ping', 'PING', 'association'),
  o('anact', 'ANACT', 'public_body'),
  o('cnfpt', 'CNFPT', 'public_body'),
  o('odenore', 'Odenore', 'research'),
  o('penn-ar-jazz', 'Penn ar Jazz', 'association'),
  o('ubo-open-factory', 'UBO Open Factory', 'school'),
  o('tiriad', 'Tiriad', 'association'),
  o('orange-labs', 'Orange Labs', 'company'),
  o('reconnaitre', 'Reconnaître - Open Recognition Alliance', 'network'),
  // Paths (002): networks coordinating as such.
  o('reseau-des-fab-cities', 'Réseau des Fab Cities', 'network'),
  o('reseau-prof-brest', 'Réseau Prof@brest', 'network'),
  o('cooperatives-pedagogiques-bretagne', 'Les coopératives pédagogiques de Bretagne', 'network'),
  o('reseau-francais-des-fablabs', 'Réseau Français des Fablabs', 'network'),
  o('covid-initiatives', 'covid-initiatives', 'collective'),
  // Numérique en Commun[s] 2018 (003).
  o('inno3', 'Inno³', 'company'),
  o('pop-up', 'POP Up', 'collective'),
  o('groupe-up', 'Groupe UP', 'company'),
  o('qwant', 'Qwant', 'company'),
  o('la-mednum', 'La MedNum', 'company'),
  o('etalab', 'Etalab', 'public_body'),
  o('datactivist', 'Datactivist', 'company'),
  o('vraiment-vraiment', 'Vraiment Vraiment', 'company'),
  o('chaire-innovation-publique', 'Chaire Innovation publique ENA-ENSCI', 'school'),
  o('open-source-politics', 'Open Source Politics', 'company'),
  o('cgdd', 'Commissariat général au développement durable (Ministère de la Transition écologique et solidaire)', 'public_body'),
  o('maif', 'MAIF', 'company'),
  o('reputation-squad', 'Reputation Squad', 'company'),
  o('oxamyne', 'OxaMYNE', 'research', { description: 'Coopérative de recherche basée à Lyon.' }),
  o('pix', 'PIX', 'public_body'),
  o('ici', 'ICI (Innovons pour la Citoyenneté sur Internet)', 'association'),
  o('alis44', 'ALIS44', 'association'),
  o('stereolux', 'Stereolux', 'association'),
  o('ensa-nantes', 'École Nationale Supérieure d’Architecture de Nantes', 'school'),
  o('ville-de-nantes', 'Ville de Nantes', 'public_body'),
  o('departement-loire-atlantique', 'Département de Loire-Atlantique', 'public_body'),
  o('region-pays-de-la-loire', 'Région Pays de la Loire', 'public_body'),
  o('secretariat-etat-numerique', 'Secrétariat d’État chargé du numérique', 'public_body'),
  o('nantes-digital-week', 'Nantes Digital Week', 'collective', { url: 'https://www.numerique-en-commun.fr' }),
  o('bnf', 'Bibliothèque nationale de France', 'public_body'),
  o('mise-a-jour', 'Mise à jour', 'association'),
  // The demo edition (./demo.ts).
  o('equipe-chemins', 'Équipe Chemins', 'collective'),
];

/** Printed spellings whose slug is not the key (lib/domain/people.ts identityKey of the printed name → key). */
export const ORG_ALIASES: Record<string, string> = {
  'imt-atlantique-campus-de-brest': 'imt-atlantique',
  'ubo-gnu-si': 'ubo-gnusi',
  'la-cantine-numerique-brest': 'cantine-numerique-brest',
  'cnfpt-inset-angers': 'cnfpt',
  'metropole-de-rennes': 'rennes-metropole',
  'association-tiriad': 'tiriad',
  'gis-marsouin': 'marsouin',
  'inno': 'inno3',
  'popup': 'pop-up',
  'le-groupe-up': 'groupe-up',
  'opensourcepolitics': 'open-source-politics',
  'la-mednum': 'la-mednum',
  'reconnaitre-open-reconnaissance-alliance': 'reconnaitre',
  'mise-a-jour': 'mise-a-jour',
};
