// People named in ../shared/seeds, where a text says more than a name: their display name, a
// short biography taken from the text (never invented), and their affiliations (organization keys
// of ./organizations.ts). Everyone else is created from the programmes as printed.
// A person's key (identity) is the slug of their name (lib/domain/people.ts identityKey); the
// aliases below join the spellings a slug cannot (initials).

export type SeedPerson = { key: string; name: string; bio?: string; affiliations?: { org: string; title?: string }[] };

export const PEOPLE: SeedPerson[] = [
  // Forum des usages coopératifs 2018 (000, 001)
  {
    key: 'isabelle-delannoy',
    name: 'Isabelle Delannoy',
    bio: 'Ingénieure agronome, conseillère spécialisée dans le développement durable et la nouvelle économie, fondatrice de l’agence de développement économique Do Green - Économie de la symbiose.',
  },
  {
    key: 'ange-ansour',
    name: 'Ange Ansour',
    bio: 'Traductrice, puis professeure des écoles, co-fondatrice et dirigeante de Savanturiers - École de la recherche au centre de recherches interdisciplinaires.',
  },
  {
    key: 'aymeric-poulain-maubant',
    name: 'Aymeric Poulain Maubant',
    bio: 'Nereÿs, accompagnateur des transitions cognitives et prospectiviste. Membre actif du Hub France IA.',
  },
  { key: 'serge-ravet', name: 'Serge Ravet', bio: 'Reconnaître - Open Recognition Alliance.', affiliations: [{ org: 'reconnaitre' }] },
  { key: 'jacques-francois-marchandise', name: 'Jacques-François Marchandise', affiliations: [{ org: 'fing' }] },
  { key: 'jean-marie-gilliot', name: 'Jean-Marie Gilliot', affiliations: [{ org: 'imt-atlantique' }] },
  { key: 'hugues-aubin', name: 'Hugues Aubin', affiliations: [{ org: 'rennes-metropole' }] },
  { key: 'louis-julien-de-la-bouere', name: 'Louis Julien de la Bouëre', affiliations: [{ org: 'tiriad' }] },
  { key: 'julie-boiveau', name: 'Julie Boiveau', bio: 'Facilitation graphique du Forum des usages coopératifs 2018.' },
  // 2020 (002)
  {
    key: 'catherine-dufour',
    name: 'Catherine Dufour',
    bio: 'Ingénieure en informatique, chroniqueuse au Monde Diplomatique et chargée de cours à Sciences Po Paris, autrice de science-fiction (« Ada ou la beauté des nombres », Fayard, 2019 ; « Danse avec les lutins », L’Atalante, Grand prix des Imaginales), membre du collectif Zanzibar.',
  },
  // Numérique en Commun[s] 2018 (003): the plenary, round tables and "20 minutes avec" print a line on each.
  { key: 'laurent-pretrot', name: 'Laurent Prétrot', bio: 'Conseiller régional en charge de la croissance numérique.', affiliations: [{ org: 'region-pays-de-la-loire' }] },
  {
    key: 'david-martineau',
    name: 'David Martineau',
    bio: 'Conseiller départemental, en charge de l’open data et des territoires connectés.',
    affiliations: [{ org: 'departement-loire-atlantique' }],
  },
  { key: 'johanna-rolland', name: 'Johanna Rolland', bio: 'Maire de Nantes et Présidente de Nantes Métropole.', affiliations: [{ org: 'ville-de-nantes' }, { org: 'nantes-metropole' }] },
  { key: 'antoinette-rouvroy', name: 'Antoinette Rouvroy', bio: 'Chercheuse au FNRS, juriste et philosophe du droit à l’Université de Namur.' },
  { key: 'dominique-pasquier', name: 'Dominique Pasquier', bio: 'Sociologue de la culture et des médias.' },
  { key: 'maia-dereva', name: 'Maia Dereva', bio: 'Contributrice à la P2P Fondation.' },
  {
    key: 'mounir-mahjoubi',
    name: 'Mounir Mahjoubi',
    bio: 'Secrétaire d’État auprès du Premier ministre, chargé du Numérique.',
    affiliations: [{ org: 'secretariat-etat-numerique' }],
  },
  { key: 'alain-giffard', name: 'Alain Giffard', bio: 'Ex-Président de la Mission interministérielle pour l’accès public à l’Internet.' },
  { key: 'emma-ghariani', name: 'Emma Ghariani', bio: 'Directrice de La MedNum.', affiliations: [{ org: 'la-mednum', title: 'directrice' }] },
  { key: 'herve-groleas', name: 'Hervé Groléas' },
  { key: 'didier-louvet', name: 'Didier Louvet', bio: 'Directeur de la Confiance numérique du Groupe La Poste.' },
  { key: 'christel-vignau', name: 'Christel Vignau', bio: 'Directrice de TelaBotanica.' },
  { key: 'mahaut-de-moulins', name: 'Mahaut de Moulins', bio: 'Responsable du programme Voyageurs du Numérique chez Bibliothèques Sans Frontières.' },
  { key: 'jean-baptiste-labrune', name: 'Jean-Baptiste Labrune', bio: 'Chercheur.' },
  { key: 'camille-bosque', name: 'Camille Bosqué', bio: 'Designer.' },
  { key: 'rieul-techer', name: 'Rieul Techer', bio: 'Entrepreneur-chercheur de la coopérative de recherche OxaMYNE, basée à Lyon.', affiliations: [{ org: 'oxamyne' }] },
  { key: 'nicolas-loubet', name: 'Nicolas Loubet', bio: 'Entrepreneur-chercheur de la coopérative de recherche OxaMYNE, basée à Lyon.', affiliations: [{ org: 'oxamyne' }] },
  { key: 'christophe-apprill', name: 'Christophe Apprill', bio: 'Chercheur indépendant & formateur Centre Norbert Elias - Marseille.' },
  { key: 'mathieu-delalle', name: 'Mathieu Delalle', bio: 'Enseignant à l’École Supérieure d’Art et de Design TALM-Angers.' },
  { key: 'marjolaine-girard', name: 'Marjolaine Girard', bio: 'Innov’Avenir / Les Entreprises pour la Cité – Paris.' },
  { key: 'fabien-millet', name: 'Fabien Millet', bio: 'Coordinateur à la Maison de l’emploi de la métropole nantaise.' },
  { key: 'irene-gillardot', name: 'Irène Gillardot', bio: 'Chargée de coordination du patrimoine à la Ville de Nantes.', affiliations: [{ org: 'ville-de-nantes' }] },
  { key: 'colin-de-la-higuera', name: 'Colin de la Higuera', bio: 'Porteur de la Chaire Unesco en Ressources Éducatives Libres à l’Université de Nantes.' },
  {
    key: 'bruno-louis-seguin',
    name: 'Bruno-Louis Séguin',
    bio: 'Chef de projet Transition Numérique au Conseil régional de Bourgogne-Franche-Comté - Dijon.',
  },
  { key: 'rafik-djedjig', name: 'Rafik Djedjig', bio: 'Directeur de l’innovation chez Open Digital Education - Paris.' },
  { key: 'samia-ghozlane', name: 'Samia Ghozlane', bio: 'Directrice de la Grande École du Numérique - Paris.' },
  { key: 'julien-paris', name: 'Julien Paris', bio: 'Développeur web au Carrefour des innovations sociales (CGET/Fonda) - Paris.' },
  { key: 'caroline-corbal', name: 'Caroline Corbal', bio: 'Consultante chez Inno3 - Paris.', affiliations: [{ org: 'inno3', title: 'consultante' }] },
  { key: 'medhi-serdidi', name: 'Medhi Serdidi', bio: 'Directeur de l’Association Science Technologie Société - Paris.' },
  { key: 'norbert-friant', name: 'Norbert Friant', bio: 'Animateur du réseau Bretagne créative et membre de Vecam - Rennes.' },
  { key: 'laure-patillot-heinemann', name: 'Laure Patillot-Heinemann', bio: 'Déléguée Solidarité et Mécénat à la Fondation Orange - Nantes.' },
  { key: 'victoria-mandefield', name: 'Victoria Mandefield', bio: 'Fondatrice de Soliguide - Paris.' },
  { key: 'julien-maudet', name: 'Julien Maudet', bio: 'Association DCALK et éditions Les Chiens de l’enfer - Tours.' },
  { key: 'nicolas-patard', name: 'Nicolas Patard', bio: 'Développeur chez Artefacts - Nantes.' },
  { key: 'jean-guo', name: 'Jean Guo', bio: 'Cofondatrice de Konexio - Paris.' },
  {
    key: 'virgile-deville',
    name: 'Virgile Deville',
    bio: 'Co-fondateur d’OpenSourcePolitics - Paris.',
    affiliations: [{ org: 'open-source-politics', title: 'co-fondateur' }],
  },
  { key: 'emmanuel-revah', name: 'Emmanuel Revah', bio: 'Entrepreneur en informatique Libre - Granville.' },
  { key: 'chloe-lailic', name: 'Chloé Lailic', bio: 'INSA & IMT Atlantique - Rennes.' },
  { key: 'mathieu-goessens', name: 'Mathieu Goessens', bio: 'INSA & IMT Atlantique - Rennes.' },
];

/** Printed spellings that are one of the people above (identityKey of the printed name → key). */
export const PERSON_ALIASES: Record<string, string> = {
  'jf-marchandise': 'jacques-francois-marchandise',
  'jm-gilliot': 'jean-marie-gilliot',
  'h-aubin': 'hugues-aubin',
};
