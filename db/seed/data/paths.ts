import type { SeedPath } from '../types';

// The seven "chemins de la coopération" launched on 8 July 2020 (../shared/seeds/002), with their
// coordination as printed (people, and sometimes organisations or networks). "Métropoles de Brest,
// Nantes, Rennes" is three public bodies, each an organization; initials ("JF Marchandise") are
// one person with the full name elsewhere (./people.ts PERSON_ALIASES).

export const paths: SeedPath[] = [
  {
    slug: 'lowtech-et-transitions',
    title: 'Lowtech et transitions : solutions, numérique, et technologies soutenables',
    summary: 'Des technologies sobres, réparables et partagées : fiches, visites et retours d’expérience pour des transitions à hauteur d’humain.',
    description: 'Des solutions lowtech, un numérique et des technologies soutenables pour les transitions.',
    coordinators: [
      { name: 'H. Aubin', organization: 'Métropole de Rennes' },
      { name: 'Y. Quere', organization: 'UBO Open Factory' },
    ],
  },
  {
    slug: 'fabcities-villes-resilientes',
    title: 'Fabcities, villes résilientes : la coopération, l’environnement et l’encapacitation des citoyens',
    summary: 'Produire localement, coopérer entre lieux de fabrication et donner aux habitants les moyens d’agir sur leur ville.',
    description: 'La coopération, l’environnement et l’encapacitation des citoyens dans des villes résilientes.',
    coordinators: [
      { name: 'Brest métropole', kind: 'organization', org: 'brest-metropole' },
      { name: 'Nantes métropole', kind: 'organization', org: 'nantes-metropole' },
      { name: 'Rennes métropole', kind: 'organization', org: 'rennes-metropole' },
      { name: 'Réseau des Fab Cities', kind: 'organization' },
    ],
  },
  {
    slug: 'circuits-courts-et-autonomie-alimentaire',
    title: 'Circuits courts et autonomie alimentaire',
    summary: 'Épiceries coopératives, cantines, cartes des producteurs : relier celles et ceux qui nourrissent le territoire.',
    description: 'Circuits courts, autonomie alimentaire et coopérations sur les territoires.',
    coordinators: [{ name: 'JF Marchandise', organization: 'Fing' }],
  },
  {
    slug: 'transitions-et-inclusions',
    title: 'Transitions & inclusions sociale et numérique',
    summary: 'Que personne ne reste à l’écart des transitions : médiation numérique, accès aux droits, coopérations de quartier.',
    description: 'Relier les transitions et l’inclusion sociale et numérique.',
    coordinators: [
      { name: 'Elisabeth Le Faucheur', organization: 'Brest métropole et ville' },
      { name: 'Géraldine Guérillot', organization: 'GIS Marsouin' },
    ],
  },
  {
    slug: 'enseigner-les-transitions',
    title: 'Enseigner les transitions et en transition',
    summary: 'Séquences, projets et retours d’enseignants pour enseigner les transitions, et enseigner autrement.',
    description: 'Enseigner les transitions, et enseigner en transition.',
    coordinators: [
      { name: 'JM Gilliot', organization: 'IMT Atlantique' },
      { name: 'Réseau Prof@brest', kind: 'organization' },
      { name: 'Les coopératives pédagogiques de Bretagne', kind: 'organization', org: 'cooperatives-pedagogiques-bretagne' },
    ],
  },
  {
    slug: 'vers-une-sante-ouverte',
    title: 'Vers une santé ouverte',
    summary: 'Makers, soignants et habitants : documenter et partager en ouvert ce qui soigne, depuis la conférence du 8 juillet 2020.',
    description: 'Santé ouverte : lancé par la conférence en ligne du 8 juillet 2020, 14 h, « L’action des makers français contre le coronavirus ».',
    coordinators: [{ name: 'Hugues Aubin', organization: 'Rennes métropole' }],
  },
  {
    slug: 'climat-et-biodiversite',
    title: 'Climat et biodiversité',
    summary: 'Atlas participatifs, zones humides, plans climat co-écrits : agir ensemble pour le climat et le vivant.',
    description: 'Climat et biodiversité : initiatives et coopérations.',
    coordinators: [{ name: 'Louis Julien de la Bouere' }],
  },
];

/** What the paths collect all year, as the launch text lists it. */
export const RESOURCE_FORMATS = [
  'Webinaires, conférences en ligne',
  'Fiches initiatives, inspirations, transformations créatives',
  'Compte-rendu de rencontres',
  'Partage de point de vue, interviews',
  'Présentation de stratégies territoriales et/ou de projet',
  'Créations littéraires artistiques, films',
  'Visites à distance',
];
