import type { SeedEvent, SeedPersonRef, SeedSession } from '../types';

// Forum des usages coopératifs 2018, Brest, 3–6 July 2018, transcribed from ../shared/seeds/000 (and 001).
// The printed programme is in columns; reconstructed as: Tuesday 3/07 the Off (from 14:00) and the
// 18:30 apéro; Wednesday to Friday a plenary 9:00–10:00, the six thematic sessions 10:30–12:30 (one
// séance of each theme a day, in the printed order); Wednesday and Thursday the "pratiques
// coopératives" 14:00–15:00 and the workshops 15:30–17:00 (programmed workshops 1–5 on Wednesday,
// 6–10 on Thursday, "5 par jour" open to proposals); Wednesday 19:00 reception, 20:00 evening;
// Thursday "soirée libre à Brest" (no time printed). The programme prints no rooms: `room` is left
// out. Printed times without an end (the Off, the apéro, the evening) carry a `timeNote` saying so.
// The Open Badges talk of 001 (Serge Ravet) is the education theme's second séance, on badges.

const coordination = (list: [string, string?][]): SeedPersonRef[] =>
  list.map(([name, organization]) => ({ name, organization, role: 'host' as const }));

type Theme = { key: string; name: string; description: string; coordinators: SeedPersonRef[]; seances: [string, string, string] };

const themes: Theme[] = [
  {
    key: 'education',
    name: 'Favoriser les coopérations ouvertes en éducation',
    description:
      'Autour du thème « coopérations ouvertes », nous nous intéressons en éducation à des dynamiques permettant de favoriser les partages entre personnes. Les 3 séances de la session éducation permettront de découvrir de nombreuses initiatives de coopérations ouvertes : entre formateur.rice.s autour des coopératives pédagogiques et autres réseaux coopératifs, avec les apprenant.e.s en explicitant et reconnaissant les apprentissages ouverts, et en permettant de co-apprendre ensemble en proposant de nouvelles formes d’ouverture. Nous échangerons pour proposer ensemble de nouvelles perspectives de coopération et d’ouverture.',
    coordinators: coordination([['Jean-Marie Gilliot', 'IMT Atlantique campus de Brest']]),
    seances: [
      'Les coopératives et laboratoires pédagogiques ouverts',
      'La reconnaissance des apprentissages ouverts, les badges',
      'Co-apprendre en donnant la parole aux apprenant.e.s - en format remix',
    ],
  },
  {
    key: 'culture',
    name: 'Culture ouverte : interconnexion des réseaux, des thématiques et des milieux',
    description:
      'Le secteur musical, et plus largement culturel, est fortement impacté, voire bouleversé depuis quelques années sous l’impulsion du numérique : création artistique, économie, usages et comportements des publics sont en mutation. Comment les acteur.rice.s culturel.le.s et du numérique peuvent-ils se rencontrer, se connaître pour œuvrer autour de dynamiques communes ? Dans quels domaines, sur quelles valeurs et à quelle échelle de territoire ?',
    coordinators: coordination([
      ['Gwenn Potard', 'La Carène'],
      ['Pauline Uchard', 'La Carène'],
      ['Janick Tilly', 'Penn ar Jazz'],
      ['Frédéric Roy', 'Penn ar Jazz'],
      ['Julien Bellanger', 'Ping'],
      ['Vincent Cabioch', 'UBO - GNU-SI'],
      ['Jessica Pin', 'la cantine numérique - Brest'],
    ]),
    seances: [
      'Comment faire le lien entre les deux mondes de la culture et du numérique, coopérer sur le territoire ?',
      'Quelles synergies économiques pour la culture et le secteur numérique ?',
      'Création artistique et numérique',
    ],
  },
  {
    key: 'inclusion',
    name: 'L’ouverture pour inclure',
    description:
      'L’inclusion numérique participe de l’inclusion sociale. Aujourd’hui dans un contexte de dématérialisation des services, l’urgence est là. Question d’accès, d’usages, d’accompagnement, de compréhension de ses droits, de peurs… Les acteur.rice.s de l’action sociale, les médiateur.rice.s des quartiers… tirent la sonnette d’alarme. L’issue serait-elle dans le croisement des réseaux autour de l’e-inclusion, du non recours aux droits, de l’action sociale, du numérique, de la formation... ? Quels liens entre accès aux droits, culture numérique et citoyenneté ? Et si le numérique était plutôt appris par plaisir que par contrainte ? Un chantier de taille : quelles coopérations sur les territoires ?',
    coordinators: coordination([
      ['Annabelle Boutet-Diéye', 'IMT Atlantique campus de Brest'],
      ['Amandine Robin', 'CNFPT-Inset Angers'],
      ['Pierre Mazet', 'Odenore'],
      ['Elisabeth Le Faucheur', 'ville de Brest'],
    ]),
    seances: [
      'Accès aux droits, culture numérique et citoyenneté : les 3 ou rien !',
      'Faire du numérique comme Monsieur Jourdain fait de la prose !',
      'Comment partager ces principes à l’échelle d’un territoire. Suivez la check-list !',
    ],
  },
  {
    key: 'organisations',
    name: 'Organisations ouvertes',
    description:
      'L’informatique, puis le numérique ont reconfiguré depuis plus de 30 ans déjà le visage des organisations : nouveaux contenus de travail (plus dématérialisés, processurisés, interfacés par des écrans, contrôlés, tracés), nouvelles organisations du travail (éclatement de l’unité de temps et de lieu), nouvelles formes d’interdépendance (écosystèmes étendus, surtraitance, branches), nouvelles entités productives et business model (économie des plateformes). Une des caractéristiques principales de ces transformations est l’ouverture. Une session qui propose d’explorer 3 formes d’ouverture des organisations de travail. L’ouverture : des formes de gouvernance (entreprise libérée) ; des modes de collaborations et des modèles productifs (les communs) ; des espaces (tiers-lieux).',
    coordinators: coordination([
      ['Amandine Brugière', 'ANACT'],
      ['Denis Pansu', 'FING'],
      ['Jessica Pin', 'la cantine numérique - Brest'],
    ]),
    seances: ['Entreprises libérées', 'Travail et communs', 'Quelle qualité de vie au travail dans les tiers lieux'],
  },
  {
    key: 'territoires',
    name: 'Territoires ouverts',
    description:
      'L’émergence de nouvelles formes de collaborations s’appuyant sur un numérique ouvert impactent fortement les relations entre institutions publiques, organismes privés, collectif d’habitant.e.s ou simples visiteur.euse.s. Dans un contexte de défiance à l’égard des politiques publiques, de réorientations budgétaires, chaque territoire se doit de réinventer le « faire ensemble ». Quand on dit « territoire » on parle de qui ? Quand on parle de « ouvert » on imagine quoi ? Du nouveau rôle des institutions : pro-actives, facilitatrices, innovantes... ? Des collectifs d’habitant.e.s, des start-ups suffisamment équipés, à l’aise pour lancer des projets seuls ?',
    coordinators: coordination([
      ['Norbert Friant', 'Rennes métropole'],
      ['Hélène Maury', 'Nantes métropole'],
      ['Louis Julien de la Bouëre', 'Association Tiriad'],
      ['Muriel Chabert', 'Mégalis Bretagne'],
      ['Ronan Pichon', 'Ville de Brest / Brest métropole'],
    ]),
    seances: [
      'Projets coopératifs menés par des collectivités',
      'Les collectivités et les lieux mis à disposition des acteur.ices et habitant.e.s pour laisser libre court à la créativité',
      'Vers la société civile qui s’organise seule ?',
    ],
  },
  {
    key: 'plateformes',
    name: 'Plateformes ouvertes',
    description:
      'Des espoirs de l’internet ouvert des débuts, aux craintes qui apparaissent : neutralité du net, captation des données, comment retrouver la confiance dans des plateformes numériques ouvertes et collaboratives ? La transparence des algorithmes, la maitrise des données, le partage de la valeur, le respect des utilisateurs sont les socles indispensables à des plateformes au service de leurs utilisateurs. Ces préoccupations ont permis l’organisation de collectifs de travail et d’usages qui s’interrogent et expriment la mise en œuvre de nouvelles plateformes responsables. Comment concevoir, animer et faire échanger des plateformes véritablement coopératives ?',
    coordinators: coordination([
      ['Alexandre Bigot-Verdier', 'Mission Société Numérique'],
      ['Muriel Chabert', 'Mégalis Bretagne'],
      ['Ronan Pichon', 'Ville de Brest / Brest métropole'],
    ]),
    seances: [
      'Concevoir une plate-forme ouverte : étapes et points de vigilance',
      'Vie d’une plateforme : gouvernance et règles d’évolution, quelle place pour la communauté ?',
      'Assembler des plateformes et redistribuer la valeur',
    ],
  },
];

const DAYS = ['2018-07-04', '2018-07-05', '2018-07-06'] as const;

/** The education theme's séance on badges: the talk printed in 001 (its slides). */
const OPEN_BADGES = {
  description:
    'Intervention de Serge Ravet (Reconnaître - Open Recognition Alliance) : les Open Badges et la reconnaissance ouverte. Un Open Badge, « l’instantané d’une reconnaissance », c’est une image et des métadonnées : un émetteur, un récepteur, des critères, des preuves. Écrire les métadonnées, les lire et les vérifier, organiser et afficher ses badges. Qui est à l’initiative ? L’émetteur (émission, puis acceptation par le récepteur) ou le récepteur (demande de badge, soumission, validation, émission, acceptation). Des reconnaissances formelles (centrées sur l’institution) aux non-formelles (centrées sur la communauté) : badges de compétence, auto-attribués, endossés ou émis par les pairs, badges d’affiliation, collectifs… ; les endossements, chaînes et réseaux de confiance, territoires apprenants. « La reconnaissance précède la connaissance » (Axel Honneth).',
  people: [{ name: 'Serge Ravet', organization: 'Reconnaître - Open Recognition Alliance', role: 'speaker' as const }],
};

const thematic: SeedSession[] = themes.flatMap((theme) =>
  theme.seances.map((title, i) => ({
    slug: `session-${theme.key}-${i + 1}`,
    title: `${theme.name} — ${title}`,
    kind: 'session' as const,
    day: DAYS[i]!,
    start: '10:30',
    end: '12:30',
    track: theme.key,
    description: theme.key === 'education' && i === 1 ? `${theme.description}\n\n${OPEN_BADGES.description}` : theme.description,
    people: theme.key === 'education' && i === 1 ? [...theme.coordinators, ...OPEN_BADGES.people] : theme.coordinators,
  })),
);

const facilitators = (list: [string, string?][]): SeedPersonRef[] =>
  list.map(([name, organization]) => ({ name, organization, role: 'facilitator' as const }));

type Workshop = { n: number; slug: string; title: string; description: string; people: SeedPersonRef[]; tentative?: boolean; organizations?: SeedSession['organizations'] };

const workshops: Workshop[] = [
  {
    n: 1,
    slug: 'atelier-demarche-opendata',
    title: 'Une démarche opendata c’est quoi ?',
    description:
      'Au travers d’un jeu sérieux, fournir les clefs de compréhension d’une démarche open data avec les freins ou les soutiens et les différentes phases à suivre. http://opendatalocale.net/jeu-serieux-les-explorateurs-des-donnees-territoriales/',
    people: facilitators([['Mathilde Maglia', 'Mégalis Bretagne']]),
  },
  {
    n: 2,
    slug: 'atelier-cyber-corps-a-nu',
    title: 'Le [cyber-]corps à nu. Objet de tous les fantasmes, de tous les désirs et de toutes les violences.',
    description:
      'Facebook Australie propose à ses utilisateurs et utilisatrices d’envoyer leurs photos compromettantes pour repérer tout usage malveillant, tel que le « revenge porn ». En Chine, la photo nue est devenue une caution pour des prêts à des jeunes filles qui se retrouvent à la merci de leurs usuriers (naked loans). Ces exemples nous invitent à questionner les nouveaux statuts que le corps acquiert à travers le développement des technologies numériques.',
    people: facilitators([
      ['Mathilde Sarré-Charrier', 'Orange Labs'],
      ['Annabelle Boutet-Diéye', 'IMT Atlantique campus de Brest'],
    ]),
  },
  {
    n: 3,
    slug: 'atelier-environnements-capacitants',
    title: 'Concevoir des « environnements capacitants » par le numérique',
    description:
      'Que serait un pouvoir d’agir en action ? Y a-t-il des règles génériques pour la conception de dispositifs liés au numérique favorisant le pouvoir d’agir ? Comment améliorer les politiques publiques (inclusion et médiation, sociales, d’innovation...) en la matière ? L’atelier propose de produire des « récits exploratoires » du pouvoir d’agir, destinés à la fois aux concepteur.rice.s et évaluateur.rice.s de politiques publiques et aux praticien.nes de la médiation, de l’animation, de la formation, du travail social et de l’action au soutien à l’innovation… Il s’inscrit dans le projet de recherche ANR « Capacity ».',
    people: facilitators([
      ['Renaud Francou', 'FING'],
      ['Jacques François Marchandise', 'FING'],
    ]),
  },
  {
    n: 4,
    slug: 'atelier-raconter-une-histoire',
    title: 'Savoir raconter une histoire pour transmettre son projet',
    description:
      'Lorsque l’on souhaite proposer à de nouvelles personnes de rejoindre son projet ou son groupe, une façon très efficace qui correspond bien aux humains est de raconter ce que l’on souhaite partager sous la forme d’une histoire. Avec quelques règles simples sur le « storytelling » nous verrons comment raconter notre groupe ou notre projet collaboratif aux autres.',
    people: facilitators([['Jean-Michel Cornu']]),
  },
  {
    n: 5,
    slug: 'atelier-tiers-lieux-libres-1',
    title: 'Tiers-lieux, le libre et l’open source et la collaboration pour répondre aux enjeux critiques (1/2)',
    description:
      'Atelier et retour d’expériences : libertés et sécurités informatique ; prévision et prévention des accidents corporels ; libertés et égalité au-delà des genres ; accessibilité, perméabilité, handicap ; bioéthique et sciences ; Biononymous et bioprivacy. (sous réserve)',
    people: facilitators([['Xavier Coadic']]),
    tentative: true,
  },
  {
    n: 6,
    slug: 'atelier-design-de-service',
    title: 'Le design de service : innover pour co-construire les services au public',
    description:
      'Le design de service tend à se développer dans les services publics pour s’adapter aux attentes des usager.ère.s et optimiser les services. Sur la base de retours d’expérience, l’atelier visera à décrire, partager, échanger sur ces méthodes innovantes.',
    people: facilitators([['Frédéric Bergot', 'Ville de Brest']]),
  },
  {
    n: 7,
    slug: 'atelier-strategie-numerique-inclusif',
    title: 'Stratégie nationale pour un numérique inclusif, quels outils pour quelles actions ?',
    description:
      'De janvier à avril 2018, plus de 150 structures ont été auditionnées par les rapporteur.euse.s de la Stratégie nationale pour un numérique inclusif et plus de 10 000 citoyen.ne.s ont participé à la consultation en ligne. Suite à ce travail, la Mission Société Numérique a mis à disposition des élu.e.s et chef.fe.s de file locaux des outils de sensibilisation et de mise en œuvre de stratégies locales. Dans un souci d’amélioration continue, ces outils seront expliqués et discutés avec les participant.e.s.',
    people: [],
    organizations: [{ org: 'mission-societe-numerique', role: 'facilitator' }],
  },
  {
    n: 8,
    slug: 'atelier-etape-d-apres-cooperation',
    title: 'Inventons ensemble l’étape d’après dans la coopération',
    description:
      'La coopération s’est beaucoup développée depuis une vingtaine d’années, mais il reste encore des domaines où nous pouvons imaginer de nouvelles approches : comment mieux gérer la tension dans les groupes, comment coopérer de façon universelle sans se limiter à un groupe...',
    people: facilitators([['Jean-Michel Cornu']]),
  },
  {
    n: 9,
    slug: 'atelier-donnees-ouvertes-fab-city-brest',
    title: 'Données ouvertes et indicateurs au service des territoires : le cas de Fab City Brest',
    description:
      'Atelier de réflexion et expérimentation sur les concepts de Fab City et résilience urbaine, afin d’identifier et examiner les sources de données ouvertes de Brest, pour ensuite les croiser et les analyser à travers des outils de visualisation - statistique et graphique - en se basant sur les indicateurs de développement mondiaux, nationaux ou urbains.',
    people: facilitators([
      ['Cécile Guégan', 'UBO Open Factory'],
      ['Jade Georis-Creuseveau', 'UBO Open Factory'],
      ['Anne Le Gars', 'UBO Open Factory'],
    ]),
  },
  {
    n: 10,
    slug: 'atelier-tiers-lieux-libres-2',
    title: 'Tiers-lieux libres et open source et la collaboration pour répondre aux enjeux critiques (2/2)',
    description:
      'Atelier de réflexion et mise en commun, conception d’actions, peut être mettre en cartographie et documentations les différentes ressources et réponses que connaissent les participant.e.s. (sous réserve)',
    people: facilitators([['Xavier Coadic']]),
    tentative: true,
  },
];

const programmed: SeedSession[] = workshops.map((w) => ({
  slug: w.slug,
  title: w.title,
  kind: 'workshop',
  day: w.n <= 5 ? '2018-07-04' : '2018-07-05',
  start: '15:30',
  end: '17:00',
  description: w.description,
  status: w.tentative ? 'tentative' : 'confirmed',
  people: w.people,
  organizations: w.organizations,
}));

const openWorkshops: SeedSession[] = (['2018-07-04', '2018-07-05'] as const).map((day, i) => ({
  slug: `ateliers-ouverts-${i + 1}`,
  title: 'Ateliers ouverts à vos propositions (5 par jour)',
  kind: 'workshop',
  day,
  start: '15:30',
  end: '17:00',
  status: 'tentative',
  description:
    'Au-delà des 10 thèmes d’ateliers déjà programmés, 10 ateliers sont ouverts à vos propositions (5 par jour). Inscrivez vos propositions sur le wiki du forum : forum-usages-cooperatifs.net',
}));

const pratiques: SeedSession[] = (['2018-07-04', '2018-07-05'] as const).map((day, i) => ({
  slug: `pratiques-cooperatives-${i + 1}`,
  title: 'Pratiques coopératives : s’essayer à...',
  kind: 'workshop',
  day,
  start: '14:00',
  end: '15:00',
  description:
    'Envie de s’essayer à de nouveaux formats de coopération ouverte ? De faire avancer votre réflexion ou votre projet grâce à l’intelligence collective ? Le Forum vous invite et vous accompagne cette année à découvrir des méthodes d’animation coopératives et ouvertes à tou.te.s les participant.e.s ! Découvrez la proposition sur le site et inscrivez vos envies ! (Nouveauté 2018)',
}));

const plenaries: SeedSession[] = [
  {
    slug: 'pleniere-economie-symbiotique',
    title: 'L’économie symbiotique : un nouveau récit économique et social à portée de main ?',
    kind: 'plenary',
    day: '2018-07-04',
    start: '09:00',
    end: '10:00',
    description:
      'Est-il possible de coupler la satisfaction de nos besoins à la restauration des écosystèmes ? D’avoir accès à des équipements de qualité pour tous sans détruire la planète ? Et de produire cette prospérité à partir de nos territoires ? La théorie de l’économie symbiotique propose un nouveau récit économique et social. Depuis 50 ans, des citoyen.ne.s, des entrepreneur.e.s, des élu.e.s ont innové sur tous les territoires et dans le monde entier. « Ils ouvrent les voies d’une nouvelle prospérité accessible dès maintenant » affirme Isabelle Delannoy.',
    people: [
      {
        name: 'Isabelle Delannoy',
        organization: 'Do Green - Économie de la symbiose',
        role: 'speaker',
      },
    ],
  },
  {
    slug: 'pleniere-partenariats-recherches-pratiques',
    title: 'Les partenariats recherches-pratiques',
    kind: 'plenary',
    day: '2018-07-05',
    start: '09:00',
    end: '10:00',
    description:
      'L’éducation par la recherche propose d’articuler approche scientifique et pratiques éducatives pour repenser les interactions d’apprentissage et le développement professionnel des éducateur.rice.s. Le dispositif Savanturiers illustre ces alliances dont nous explorerons les modalités et la portée.',
    people: [{ name: 'Ange Ansour', organization: 'Savanturiers - École de la recherche', role: 'speaker' }],
  },
  {
    slug: 'pleniere-cooperation-des-intelligences',
    title: 'La coopération des intelligences',
    kind: 'plenary',
    day: '2018-07-06',
    start: '09:00',
    end: '10:00',
    description:
      'Les intelligences artificielles suscitent aujourd’hui autant de curiosité que de vigilance. Les rendre acceptables au quotidien et leurs décisions explicables, pour profiter de leur aptitude à renforcer nos capacités individuelles et collectives, font partie des enjeux. Loin de nous remplacer, elles nous amènent à repenser le travail et l’apprentissage. Intelligences autres, elles nous rappellent l’importance de la diversité, nous aident à mieux nous comprendre et à coopérer face aux défis de notre époque.',
    people: [{ name: 'Aymeric Poulain Maubant', organization: 'Nereÿs', role: 'speaker' }],
  },
];

const tuesdayAndEvenings: SeedSession[] = [
  {
    slug: 'le-off-du-forum',
    title: 'Le Off du forum',
    kind: 'side_event',
    day: '2018-07-03',
    start: '14:00',
    end: '18:30',
    timeNote: 'Imprimé « à partir de 14h00 » : se termine avec l’apéro de 18h30.',
    description:
      'Un après-midi dédié aux rencontres des réseaux d’acteur.rice.s : Fab City, Numérique en commun (en amont de l’événement des cultures numériques du 13 et 14 septembre à Nantes), « braconnage bienveillant » (open data), réseaux des animacoopien.ienne.s, animation « les cartes de l’animateur.rice »… Un temps ouvert pour relier, faire ensemble.',
  },
  {
    slug: 'apero-cooperatif-de-nos-regions',
    title: 'Apéro coopératif de nos régions',
    kind: 'social',
    day: '2018-07-03',
    start: '18:30',
    end: '20:00',
    timeNote: 'Imprimé « 18h30 », sans heure de fin.',
    description: 'Votre soirée. Inscription obligatoire : formulaire et modalités sur www.forum-usages-cooperatif.net',
  },
  {
    slug: 'reception',
    title: 'Réception',
    kind: 'social',
    day: '2018-07-04',
    start: '19:00',
    end: '20:00',
    description: 'Votre soirée : 19h réception, puis 20h soirée (repas et animation).',
  },
  {
    slug: 'soiree-repas-et-animation',
    title: 'Soirée (repas et animation)',
    kind: 'social',
    day: '2018-07-04',
    start: '20:00',
    end: '23:00',
    description: 'Votre soirée : repas et animation, après la réception de 19h.',
    timeNote: 'Imprimé « 20h soirée », sans heure de fin.',
  },
  {
    slug: 'soiree-libre-a-brest',
    title: 'Soirée libre à Brest',
    kind: 'social',
    day: '2018-07-05',
    start: '19:00',
    end: '23:00',
    description: 'Jeudi soir : soirée libre à Brest.',
    timeNote: 'Le programme imprime « Soirée libre à Brest » le jeudi, sans heure.',
  },
];

export const forum2018: SeedEvent = {
  slug: 'forum-usages-cooperatifs-2018',
  title: 'Forum des usages coopératifs 2018 — Coopérations ouvertes',
  description:
    'Pour cette 8e édition du Forum des usages coopératifs, nous avons choisi comme thème la coopération ouverte, celle d’un partage sincère qui donne à voir, relie et contribue aux communs. En 15 ans, l’idée de coopération, au sens d’activités réalisées ensemble s’est largement diffusée et figure en bonne place dans les référentiels des compétences attendues au niveau européen et international. Mais pour autant les pratiques collaboratives associées à cette coopération ouverte peinent à être reconnues dans un monde marqué par une culture hiérarchique. Nous avons tous appris à « cacher notre copie » plutôt qu’à publier nos initiatives, savoir-faire, difficultés et la transformation se fait lentement au rythme d’un changement d’abord culturel.\n\nAu temps des données ouvertes, des fablabs, des cours ouverts, du code désormais ouvert des services de l’État, ce forum est l’occasion d’échanger autour de ces coopérations ouvertes qui émergent entre les 400 participant.e.s attendus d’horizons variés. Quelles nouvelles pratiques dans l’éducation, la culture, les entreprises, les territoires, l’e-inclusion et l’innovation sociale ? Comment développer et valoriser cette coopération du partage sincère qui augmente nos pouvoirs d’agir et participe aux communs ? Bienvenue à Brest et en Bretagne !\n\nOrganisé par la ville de Brest et IMT Atlantique campus de Brest.',
  timeZone: 'Europe/Paris',
  location: 'Brest',
  days: [
    { date: '2018-07-03', label: 'Mardi 3 juillet' },
    { date: '2018-07-04', label: 'Mercredi 4 juillet' },
    { date: '2018-07-05', label: 'Jeudi 5 juillet' },
    { date: '2018-07-06', label: 'Vendredi 6 juillet' },
  ],
  rooms: [],
  tracks: themes.map((t) => ({ key: t.key, name: t.name })),
  organizations: [
    ...(['ville-de-brest', 'imt-atlantique'] as const).map((org) => ({ org, role: 'organizer' as const })),
    ...(['region-bretagne', 'departement-finistere', 'brest-metropole', 'mission-societe-numerique', 'megalis-bretagne', 'adeupa'] as const).map((org) => ({
      org,
      role: 'supporter' as const,
    })),
    ...(
      [
        'fing',
        'french-tech-brest',
        'nantes-metropole',
        'rennes-metropole',
        'cantine-numerique-brest',
        'marsouin',
        'ubo-gnusi',
        'la-carene',
        'ping',
        'anact',
        'cnfpt',
        'odenore',
        'penn-ar-jazz',
        'ubo-open-factory',
        'tiriad',
      ] as const
    ).map((org) => ({ org, role: 'partner' as const })),
  ],
  people: [{ name: 'Julie Boiveau', role: 'graphic_facilitation' }],
  sessions: [...tuesdayAndEvenings, ...plenaries, ...thematic, ...pratiques, ...programmed, ...openWorkshops],
};
