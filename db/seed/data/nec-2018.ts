import type { PersonRole, SeedEvent, SeedPersonRef, SeedSession } from '../types';

// Numérique en Commun[s] 2018, Nantes, 13–14 September 2018, transcribed from ../shared/seeds/003
// (the printed programme, extracted from a PDF in columns: its text comes out of order).
// Read as: Thursday 13 the opening plenary at Stereolux (10:00–12:30), then from 14:00 to 18:00
// at the École d'Architecture the round tables, "regards croisés" (Amphi150, Auditorium),
// workshops per room (Espace 1–5 and the Forum, one theme per room, two of them run by a partner's
// programme), "20 minutes avec" in Espace 7; the launch evening from 21:00. Friday 14 the same
// spaces from 10:00 to 17:00. The offs: Tuesday 11 and Wednesday 12 before the event, Thursday and
// Friday beside it; two are on invitation. Where the columns do not say which time, room or day
// belongs to which session, `timeNote` says so and the placeholder is the likeliest reading.
// The round tables print no room.

const THU = '2018-09-13';
const FRI = '2018-09-14';

const by = (role: PersonRole, list: [string, string?][]): SeedPersonRef[] => list.map(([name, organization]) => ({ name, organization, role }));
const speakers = (list: [string, string?][]) => by('speaker', list);

const COLUMNS = 'Horaire reconstitué d’après la mise en page en colonnes du programme imprimé.';
const DUO_ROOM =
  'Amphi150 ou Auditorium : le programme imprimé liste les salles à part, sans qu’on puisse les rattacher à coup sûr à chaque duo de ce vendredi.';

const plenary: SeedSession[] = [
  {
    slug: 'introduction-des-rencontres',
    title: 'Introduction des rencontres',
    kind: 'plenary',
    day: THU,
    start: '10:00',
    end: '10:30',
    room: 'stereolux',
    description: 'Plénière d’ouverture.',
    people: speakers([
      ['Laurent Prétrot', 'Conseil régional'],
      ['David Martineau', 'Conseil départemental'],
      ['Johanna Rolland', 'Nantes Métropole'],
    ]),
  },
  {
    // "10H30 - 11H30 | Table-ronde … Par Mounir Mahjoubi"; "Animée par Alain Giffard" is printed
    // at the top of the plenary page, above "3 conférences": it is kept as the plenary's moderator.
    slug: 'table-ronde-d-ouverture',
    title: 'Table-ronde d’ouverture',
    kind: 'round_table',
    day: THU,
    start: '10:30',
    end: '11:30',
    room: 'stereolux',
    description: 'Plénière d’ouverture. Animée par Alain Giffard, ex-Président de la Mission interministérielle pour l’accès public à l’Internet.',
    people: [...speakers([['Mounir Mahjoubi', 'Secrétariat d’État chargé du numérique']]), ...by('moderator', [['Alain Giffard']])],
  },
  ...(
    [
      [
        'conference-gouvernementalite-algorithmique',
        'Gouvernementalité algorithmique ou l’art de ne pas dé-penser l’avenir',
        'Antoinette Rouvroy',
        'Les algorithmes imposent une gestion des sociétés sur la base des données qui s’échappent des individus. Face à l’emprise de cette gouvernementalité algorithmique, il s’agit de s’interroger sur la manière de penser la condition numérique à l’heure du big data et de reprendre le pouvoir.',
      ],
      [
        'conference-internet-et-classes-populaires',
        'Internet et classes populaires',
        'Dominique Pasquier',
        'Quand les oubliés de la révolution numérique s’emparent d’internet : nouveaux apprentissages, nouveaux regards sur le monde.',
      ],
      [
        'conference-communs-numeriques-et-pair-a-pair',
        'Communs numériques et pair à pair',
        'Maia Dereva',
        'De Wikipédia aux logiciels libres, le numérique stimule la création de communs et favorise l’adoption de pratiques pair à pair. Voyage subjectif dans les définitions et un réseau en pleine synergie.',
      ],
    ] as const
  ).map(
    ([slug, title, speaker, description]): SeedSession => ({
      slug,
      title,
      kind: 'plenary',
      day: THU,
      start: '11:30',
      end: '12:30',
      room: 'stereolux',
      description: `Plénière d’ouverture : 3 conférences éclairantes et enthousiasmantes pour vous mettre en appétit pour les rencontres ! ${description}`,
      timeNote: 'Trois conférences dans le créneau 11h30–12h30 : le programme ne donne pas l’horaire de chacune.',
      people: speakers([[speaker]]),
    }),
  ),
];

const roundTables: SeedSession[] = [
  {
    slug: 'table-ronde-lieux-donnees-communs',
    title: 'Lieux, données, communs : les enjeux matériels de la culture numérique',
    kind: 'round_table',
    day: THU,
    start: '14:30',
    end: '16:00',
    description:
      'Réserver un billet, écrire un mail, partager une photo, jouer à un jeu vidéo dans une exposition... La plupart de nos activités passent par des dispositifs informatiques qui traitent l’information, la transforment, la rendent exploitable sous de nouvelles formes et avec de nouveaux objectifs, souvent mercantiles. Mais que sait-on de ces dispositifs ? Quelle idéologie les sous-tend ? Comment circulent nos traces d’activité ? Peut-on penser des modèles alternatifs, pensés avec et pour la société civile ?',
    people: [...speakers([['Marion Coville'], ['Raphaël Suire'], ['Jérôme Denis'], ['Lionel Maurel']]), ...by('moderator', [['Marc Jahjah']])],
  },
  {
    slug: 'table-ronde-engagement-economie-numerique',
    title: 'Comment faciliter l’engagement des acteurs de l’économie numérique et construire collectivement la société numérique de demain ?',
    kind: 'round_table',
    day: THU,
    start: '16:00',
    end: '17:00',
    description:
      'Le rapport de la Stratégie Nationale pour un Numérique Inclusif a démontré que l’accompagnement des français en précarité numérique ne pouvait pas uniquement reposer sur les acteurs historiques. Alors, comment faire émerger un large écosystème d’innovation pérenne autour des enjeux de la médiation et de la culture numérique ?',
    people: [
      ...speakers([['Gérald Elbaze'], ['Muriel Barnéoud'], ['Nicolas Turcat']]),
      ...by('moderator', [['Emma Ghariani', 'La MedNum']]),
    ],
    organizations: [{ org: 'qwant', role: 'speaker' }],
  },
  {
    slug: 'table-ronde-action-publique',
    title: 'Quelle action publique pour une société numérique ?',
    kind: 'round_table',
    day: THU,
    start: '17:00',
    end: '18:00',
    description:
      'La puissance publique, malgré une réelle capacité d’innovation, est de plus en plus concurrencée par la croissance des géants du numérique. Les enjeux éthiques du numérique interrogent donc notre pacte républicain. Comment les acteurs publics peuvent-ils être créateurs de valeur en matière d’innovation technologique tout en étant garants d’un cadre collectif équitable ?',
    people: speakers([['Paula Forteza'], ['Hervé Groleas'], ['Pascal Plantard'], ['Orianne Ledroit']]),
    organizations: [{ org: 'mission-societe-numerique', role: 'moderator' }],
  },
];

const DUO =
  'Regards croisés : sur un créneau d’une heure, un duo de témoins échange autour d’un sujet commun. Cette présentation croisée est enrichie par un temps d’échange et de questions avec les participants.';

type Duo = [slug: string, title: string, day: string, start: string, room: string | undefined, text: string, people: [string, string?][], extra?: Partial<SeedSession>];

const duos: Duo[] = [
  [
    'institutionnaliser-les-lieux-emergents',
    'Institutionnaliser les lieux émergents et/ou dynamiser les lieux institutionnels ?',
    THU,
    '14:00',
    'amphi150',
    'Qu’advient-il quand l’institution s’empare des lieux émergents et inversement quand des créatifs viennent bouleverser ses process ?',
    [
      ['Bastien Guerry', 'Etalab'],
      ['Samuel Bausson', 'Les Champs Libres'],
    ],
  ],
  [
    'self-data-reprenons-le-controle',
    'Self Data : reprenons le contrôle',
    THU,
    '15:00',
    'amphi150',
    'Comment utiliser des données personnelles d’intérêt collectif à l’échelle d’une collectivité tout en préservant la vie privée des citoyens ?',
    [
      ['Hervé Groléas', 'Métropole de Lyon'],
      ['Laure Lucchesi', 'Etalab'],
    ],
  ],
  [
    'resilience-des-territoires',
    'La résilience des territoires incarnée par des lieux de fabrication et de partage des savoirs',
    THU,
    '16:00',
    'amphi150',
    'Depuis quelques années, émergent des lieux où s’expérimentent des réponses aux problèmes actuels, où des innovations sociales s’efforcent de repenser le collectif.',
    [
      ['Camille Bosqué', 'designer'],
      ['Vincent Guimas', 'FabCity Grand Paris'],
    ],
  ],
  [
    'apprendre-le-numerique-enfants',
    'Apprendre le numérique : ce que les enfants ont à nous enseigner ?',
    THU,
    '17:00',
    'amphi150',
    'Préparer l’avenir c’est intégrer le numérique dans l’éducation des enfants, un processus qui peut être riche aussi pour la formation des adultes.',
    [
      ['Dorie Bruyas', 'Fréquence Écoles'],
      ['Yann Lenfle', 'Les Bricodeurs'],
    ],
  ],
  [
    'inclusion-mediation-pouvoir-d-agir',
    'Inclusion, médiation, pouvoir d’agir',
    FRI,
    '10:00',
    'amphi150',
    'Renforcer les intentions capacitantes des démarches d’inclusion, articuler parcours individuels et cadres collectifs.',
    [
      ['Jacques-François Marchandise', 'FING'],
      ['Emmanuel Vandamme', 'la MedNum'],
    ],
  ],
  [
    'impact-du-numerique-sur-le-travail',
    'Quel impact du numérique sur le travail ?',
    FRI,
    '10:00',
    'auditorium',
    'Sur la vie au travail des salariés voire sur le salariat lui-même, l’impact du numérique sur le travail est-il une réalité ou un fantasme prospectif ? Suivi d’un débat ouvert de 11h à 12h en espace 6.',
    [
      ['Raphaelle Bertellon', 'CFE-CGC'],
      ['Sandrino Graceffa', 'SMART'],
    ],
    { organizations: [{ org: 'groupe-up', role: 'facilitator' }] },
  ],
  [
    'avec-quelles-donnees-societe-numerique',
    'Avec quelles données construit-on la société numérique ?',
    FRI,
    '14:00',
    undefined,
    'Les grands volumes de données disponibles ne seront utiles qu’à condition de standardiser les données et d’encadrer leur « APIsation ».',
    [
      ['Mehdi Medjaoui', 'API Academy'],
      ['Myriam Bourré', 'Data Food Consortium'],
    ],
  ],
  [
    'democratie-locale-cooperation-ouverte',
    'Démocratie locale, coopération ouverte, opendémocratie',
    FRI,
    '12:00',
    undefined,
    'La société civile n’a pas attendu le buzzword « Civic Tech » pour mettre le numérique au service de l’innovation démocratique.',
    [
      ['Michel Briand', 'Bretagne créative'],
      ['Valentin Chaput', 'OpenSourcePolitics'],
    ],
    { timeNote: `${COLUMNS} ${DUO_ROOM}` },
  ],
  [
    'apprendre-par-le-faire-fer',
    'Apprendre par le faire/fer',
    FRI,
    '12:00',
    undefined,
    'Les lieux numériques nous invitent à analyser la manière dont leurs usagers débordent les frontières habituelles du travail, de la création et de l’éducation.',
    [
      ['François Millet', 'LivingLab Dôme'],
      ['Jean-Baptiste Labrune', 'chercheur'],
    ],
    { timeNote: `${COLUMNS} ${DUO_ROOM}` },
  ],
  [
    'comment-toucher-les-publics-isoles',
    'Comment toucher les publics isolés ?',
    FRI,
    '15:00',
    undefined,
    'Comment proposer des temps d’exploration des cultures numériques en favorisant le croisement des publics et l’expression du plus grand nombre ?',
    [
      ['Patrick Tréguer', 'Le Lieu Multiple'],
      ['Céline Berthoumieux', 'ZINC'],
    ],
  ],
  [
    'biens-communs-de-la-connaissance',
    'Biens communs de la connaissance',
    FRI,
    '11:00',
    undefined,
    'Recherches, publications et usages abordent depuis longtemps les productions de connaissance via le numérique sous l’angle des biens communs !',
    [
      ['Hervé le Crosnier', 'Université de Caen'],
      ['Didier Michel', 'Amcsti'],
    ],
  ],
  [
    'quel-cadre-pour-les-communs',
    'Quel cadre pour les communs ?',
    FRI,
    '14:00',
    undefined,
    'Faut-il dupliquer les expériences de la Fabmob, permettant la création de communs, et d’Ozwillo, commun pour collectivités ?',
    [
      ['Julien Lecaille', 'Fabmob'],
      ['Sophie Houzet', 'Ozwillo'],
    ],
    { organizations: [{ org: 'inno3', role: 'facilitator' }] },
  ],
  [
    'diversifier-les-modeles-economiques-de-la-mediation',
    'Diversifier les modèles économiques de la médiation',
    FRI,
    '11:00',
    undefined,
    'Produire des activités liées à la médiation numérique de façon durable, c’est aussi réfléchir à des dispositifs coopératifs, innovants et adaptés.',
    [
      ['Gérald Elbaze', 'Medias Cité'],
      ['Frédéric Bardeau', 'Simplon.co'],
    ],
  ],
];

const regardsCroises: SeedSession[] = duos.map(([slug, title, day, start, room, text, people, extra]) => ({
  slug: `regards-croises-${slug}`,
  title,
  kind: 'session',
  format: 'regards_croises',
  day,
  start,
  end: `${String(Number(start.slice(0, 2)) + 1).padStart(2, '0')}:00`,
  room,
  description: `${text}\n\n${DUO}`,
  people: speakers(people),
  ...(room ? {} : { timeNote: DUO_ROOM }),
  ...extra,
}));

const debate: SeedSession = {
  slug: 'debat-ouvert-travail',
  title: 'Débat ouvert : quel impact du numérique sur le travail ?',
  kind: 'session',
  day: FRI,
  start: '11:00',
  end: '12:00',
  room: 'espace-6',
  description: 'Débat ouvert qui suit les regards croisés « Quel impact du numérique sur le travail ? ».',
};

type Workshop = [slug: string, title: string, day: string, start: string, end: string, text: string, people: SeedPersonRef[], extra?: Partial<SeedSession>];

const DAY_OF_TWO = 'Le programme imprime deux ateliers de 14h à 16h dans cette salle, un par jour, sans dire lequel a lieu le jeudi : jour reconstitué d’après l’ordre des colonnes.';

const room = (roomKey: string, track: string, list: Workshop[], programme?: string): SeedSession[] =>
  list.map(([slug, title, day, start, end, description, people, extra]) => ({
    slug,
    title,
    kind: 'workshop',
    day,
    start,
    end,
    room: roomKey,
    track,
    description,
    people,
    programme,
    ...extra,
  }));

const espace1 = room('espace-1', 'donnees-personnelles', [
  [
    'atelier-mallette-pedagogique-data',
    'La mallette pédagogique Data',
    THU,
    '14:00',
    '16:00',
    'La mallette pédagogique DATA du CRIJ à Lyon ? Une mallette lowtech, sous licence Creative Commons, qui regroupe des activités pédagogiques pour aborder la culture de la donnée auprès d’un public très large. Venez vous approprier cette mallette et imaginer des déclinaisons possibles pour l’adapter, la remixer, en fonction des enjeux de votre territoire !',
    by('facilitator', [['Pierre Guyomar', 'CRIJ Rhône-Alpes / UNIJ']]),
  ],
  [
    'atelier-donnees-des-collectivites-sensibilisation',
    'Quelles données des collectivités au service de la sensibilisation ?',
    THU,
    '16:00',
    '18:00',
    'En imaginant l’univers Mes Datas Et Moi, la MAIF a placé la donnée au cœur de son dispositif de sensibilisation sur la protection de la vie privée. Partant de ce retour d’expérience, l’atelier interroge la possibilité pour une collectivité de s’inspirer de ce modèle pour mettre à profit les données qu’elle détient au service de la sensibilisation du public.',
    [],
    {
      organizations: [
        { org: 'maif', role: 'facilitator' },
        { org: 'reputation-squad', role: 'facilitator' },
      ],
    },
  ],
  [
    'atelier-futurotopies-algorithmiques-souveraines',
    'Futurotopies algorithmiques souveraines',
    FRI,
    '10:00',
    '12:00',
    'Partant d’une courte présentation sur les enjeux et problématiques autour des infrastructures, services et données numériques, il est proposé d’imaginer collectivement différents futurs pour une gestion plus commune, éthique et durable de ces ressources. Ces fictions spéculatives pourront aborder des aspects techniques, juridiques, politiques, organisationnels et se décliner sous différentes formes : écrites, graphiques, multimedia.',
    by('facilitator', [['Benjamin Cadon', 'La Labomedia']]),
  ],
  [
    'atelier-vers-un-commun-des-donnees-personnelles',
    'Vers un commun des données personnelles',
    FRI,
    '14:00',
    '16:00',
    'Les données personnelles sont le carburant des services en ligne « gratuits » que nous utilisons au quotidien. Par le biais d’exemples concrets et à l’aide d’outils « automagiques », nous tenterons de comprendre ensemble le fonctionnement des différentes économies qui reposent sur la revente des données personnelles : de la plus libérale, la revente consentie, à la plus extrême, embrasser une carrière de crypto-terroriste, en passant par une approche inspirée du monde des communs.',
    by('facilitator', [['Grégoire Pouget', 'Nothing2Hide']]),
  ],
]);

const espace2 = room('espace-2', 'retro-prospective', [
  [
    'atelier-open-data-republique-numerique',
    'Open Data : perspectives et enseignements à l’heure de la Loi pour une République numérique',
    THU,
    '14:00',
    '16:00',
    'La Loi pour une République numérique, en introduisant l’Open Data par défaut, contribue à renforcer les dynamiques publiques/privées/communs au sein des territoires, en plaçant la donnée au cœur de la collaboration entre les différents types d’acteurs qui les composent. Comment accompagner ces acteurs dans cette ouverture des données publiques au regard des enseignements issus des démarches existantes ?',
    [
      ...by('moderator', [['Laure Kassem', 'Inno3']]),
      ...speakers([
        ['Jean-Philippe Lefevre', 'Département de Loire-Atlantique'],
        ['Charles Népote', 'FING'],
        ['Christel Vignau', 'TelaBotanica'],
        ['Johan Richer', 'Jailbreak'],
        ['Sophie Gautier', 'The Document Foundation'],
      ]),
    ],
    { timeNote: DAY_OF_TWO },
  ],
  [
    'atelier-voyage-dans-les-metiers-de-demain',
    'Voyage dans les métiers de demain !',
    THU,
    '16:00',
    '18:00',
    'Atelier créatif pour aborder le futur des métiers à travers deux approches complémentaires : un Times’Up des métiers du numérique et un jeu de cartes pour imaginer la mutation/création des nouveaux métiers à partir de signaux faibles. Découvrez nos expérimentations et ces méthodes créatives et ludiques !',
    by('facilitator', [
      ['Laurent Neyssensas', 'École de Design Nantes Atlantique'],
      ['Mahaut de Moulins', 'Bibliothèques Sans Frontières'],
    ]),
  ],
  [
    'atelier-tiers-lieux-et-civic-tech',
    'Tiers-lieux et Civic Tech, tisser des communs pour les transitions ?',
    FRI,
    '10:00',
    '12:00',
    'La communauté #Explor’ables propose la mise en dialogue croisé de porteurs d’action publique et d’acteurs engagés dans les dynamiques des tiers lieux et des civic-techs. L’atelier questionnera les convergences possibles, au travers du numérique, entre ces dynamiques pour mobiliser pour la transformation, faire communautés et tisser des communs en faveur de la transition écologique et solidaire.',
    [],
    { organizations: [{ org: 'cgdd', role: 'facilitator' }] },
  ],
  [
    'atelier-politiques-des-donnees-metropolitaines',
    'Politiques des données numériques à l’échelle métropolitaine',
    FRI,
    '14:00',
    '16:00',
    'Les « data services urbains » viennent bousculer les jeux d’acteurs et les modèles de partage de la donnée numérique. Cet atelier propose de travailler sur différents scénarios de gouvernance de la donnée entre acteurs publics, privés et citoyens autour d’un cas d’usage spécifique, le projet du Service Public Métropolitain de la Donnée.',
    by('facilitator', [
      ['Jean-François Lucas', 'Chronos & Lab OuiShare x Chronos'],
      ['Ben Lister', 'Rennes Métropole'],
    ]),
    { timeNote: DAY_OF_TWO },
  ],
]);

const espace3 = room('espace-3', 'privacy-culture-publics-isoles', [
  [
    'atelier-collectivites-renouer-avec-les-publics-isoles',
    'Collectivités : renouer avec les publics isolés',
    THU,
    '14:00',
    '16:00',
    'Comment les collectivités historiquement concernées par le social se saisissent-elles du numérique pour simplifier leurs procédures et faciliter l’accès aux bénéficiaires ? Comment moderniser le travail des agents tout en simplifiant le parcours de l’usager bénéficiaire d’une dotation publique ? Cet atelier mettra en valeur le témoignage d’acteurs qui ont amorcé cette transition.',
    [],
    { organizations: [{ org: 'groupe-up', role: 'facilitator' }], timeNote: DAY_OF_TWO },
  ],
  [
    'atelier-gallica-studio',
    'Gallica Studio : cas de figure et atelier remue-méninge',
    THU,
    '16:00',
    '18:00',
    'Lancé par la BNF fin 2017, Gallica Studio est un dispositif visant à promouvoir les contenus libres de droits de Gallica en tant que communs, en encourageant leur réappropriation par différentes communautés et profils d’usagers. Le temps d’un atelier, ce retour d’expérience servira de base pour examiner les questions auxquelles sont confrontées les institutions publiques qui se lancent dans une politique d’open content et dégager des solutions.',
    by('facilitator', [
      ['Cécile Quach', 'Bibliothèque nationale de France'],
      ['Irène Bastard', 'Bibliothèque nationale de France'],
    ]),
  ],
  [
    'atelier-mediation-museale-et-culture-de-la-donnee',
    'Médiation muséale et culture de la donnée',
    FRI,
    '10:00',
    '12:00',
    'En 2017 et 2018, Mise à jour a piloté un programme d’actions dédié à la médiation de la donnée dans les musées et institutions du patrimoine sur le territoire PACA. Suite à cette expérience, l’association propose de questionner l’ouverture des données dans les musées, non pas comme une contrainte pour les professionnels de la culture, mais comme une opportunité pour inventer de nouvelles formes de médiations dans le contexte muséal.',
    by('facilitator', [
      ['Florine Varnolé', 'Mise à jour'],
      ['Sarah Labelle', 'Mise à jour'],
    ]),
  ],
  [
    'atelier-privacy-communs-numerique-de-confiance',
    'Privacy, communs, quelles conditions pour un numérique de confiance ?',
    FRI,
    '14:00',
    '16:00',
    'La Poste, tiers de confiance physique et numérique, propose des outils accessibles à tous pour gérer leur vie numérique. À partir des services qu’elle a développés, comme le coffre-fort électronique Digiposte+, et des usages observés, l’atelier mettra en débat les questions de la Privacy et de la confiance numérique.',
    by('facilitator', [['Didier Louvet', 'Groupe La Poste']]),
    { timeNote: DAY_OF_TWO },
  ],
]);

const COMMUNS_CONTRIBUTORS =
  'Contributeurs : Fabrique des mobilités, Fédération Open Space Makers, FING, Anthropotech, TelaBotanica, Décider Ensemble, f0rk, Open Source Politics, Applicolis, Open Law, Adullact, Brest Métropole, CEMEA, Plateformes en Commun, DemocracyOS, Framasoft, Decidim, SavoirCom1, Open Street Map, Open Data France, etc. Un parcours proposé et animé par l’équipe d’Inno³.';
const inno3: Partial<SeedSession> = { organizations: [{ org: 'inno3', role: 'facilitator' }] };

const espace4 = room(
  'espace-4',
  'communs-numeriques',
  [
    [
      'communs-identifier-les-ressources',
      'Identifier les ressources',
      THU,
      '14:00',
      '15:00',
      `L’expérience enseigne que chaque commun est intimement lié à sa communauté et que toute ressource ne peut être de facto un commun. Ainsi, sa nature et sa forme seront influencées par de nombreux facteurs externes tels que l’histoire, le marché ou encore les ressources préexistantes.\n\n${COMMUNS_CONTRIBUTORS}`,
      [],
      inno3,
    ],
    [
      'communs-produire-des-communs',
      'Produire des communs',
      THU,
      '15:00',
      '16:30',
      `Les méthodes de production de communs numériques sont particulièrement inspirées des outils et pratiques développés au sein des communautés des logiciels libres et de l’Open Data. Elles organisent notamment la contribution comme un enjeu clé qui nécessite de mettre en place un cadre de contribution clair, transparent et précis.\n\n${COMMUNS_CONTRIBUTORS}`,
      [],
      inno3,
    ],
    [
      'communs-maintenir-et-perenniser',
      'Maintenir et pérenniser des communs',
      THU,
      '17:00',
      '18:00',
      `L’émergence de ressources numériques partagées n’est qu’une première étape nécessaire, mais de loin insuffisante, pour en faire un commun. Si elle ne précède pas la conception du commun, la définition d’une gouvernance claire entre tous les membres de la communauté est cruciale, garante de la confiance et de l’implication de chacun.\n\n${COMMUNS_CONTRIBUTORS}`,
      [],
      inno3,
    ],
    [
      'communs-financer-les-communs',
      'Financer les communs',
      FRI,
      '10:00',
      '12:00',
      `Qu’il s’agisse de financer l’émergence et la vie des ressources, ou encore des communautés qui les utilisent, la question du financement soulève de nombreuses difficultés : dispositifs non existants, non adaptés ou obsolètes, contraintes de financements propres à certains acteurs, etc.\n\n${COMMUNS_CONTRIBUTORS}`,
      [],
      inno3,
    ],
    [
      'communs-valoriser-et-disseminer',
      'Valoriser & disséminer les communs',
      FRI,
      '14:00',
      '15:00',
      `Souvent associées à la gouvernance du projet, la valorisation et la dissémination des communs au-delà de la communauté sont les actions supplémentaires qui assurent le renouvellement, le développement et l’évolution des ressources produites.\n\n${COMMUNS_CONTRIBUTORS}`,
      [],
      inno3,
    ],
    ['communs-synthese-et-prefiguration-du-tutoriel', 'Synthèse & préfiguration du tutoriel', FRI, '15:00', '16:00', COMMUNS_CONTRIBUTORS, [], inno3],
  ],
  'inno3',
);

const espace5 = room(
  'espace-5',
  'inclusion-numerique',
  [
    [
      'inclusion-construire-une-culture-capacitante',
      'Construire une culture et des conditions capacitantes',
      THU,
      '14:00',
      '16:00',
      'Les démarches d’e-inclusion souffrent à la fois du cloisonnement des politiques publiques et de la mission réparatrice qui leur est assignée. En travaillant la culture commune du numérique sur un territoire, en dépassant l’urgence des situations d’illettrisme pour construire des conditions d’autonomie, en traduisant les observations de la recherche en récits du pouvoir d’agir, cette session propose d’élaborer des conditions de démarches capacitantes.',
      by('facilitator', [
        ['Elisabeth Le Faucheur', 'ville de Brest'],
        ['Stéphane Gardé', 'CRI Auvergne'],
        ['Jacques-François Marchandise', 'FING'],
      ]),
      { timeNote: DAY_OF_TWO },
    ],
    [
      'inclusion-innovation-living-lab-explorations',
      'Innovation, living lab, explorations, inventer de nouvelles approches pour l’e-inclusion',
      THU,
      '16:00',
      '18:00',
      'Cette session rassemble plusieurs démarches de conception pour mieux prendre en compte les usagers, co-construire avec eux et avec les travailleurs sociaux les dispositifs, intégrer les données dans la compréhension de leurs parcours, bâtir des expérimentations de terrain sur la base de recherches exploratoires.',
      by('facilitator', [
        ['Maud Allanic', 'DRDJCS Hauts de France - SIILAB'],
        ['Taoufik Vallipuram', 'Ouishare'],
        ['Aurélie Tricot', 'CNAF'],
        ['Julien Coclet', 'Urban Prod SocialLab'],
      ]),
    ],
    [
      'inclusion-retours-d-experiences-croisees',
      'E-inclusion : retour d’expériences croisées au contact des publics',
      FRI,
      '10:00',
      '12:00',
      'Le partage d’expériences est l’une des principales richesses des rencontres d’acteurs de la médiation numérique : cette session permet de bénéficier des apports de plusieurs initiatives, au contact de publics à importants enjeux d’inclusion (situations d’illettrisme, droits et démarches des publics éloignés, accessibilité...) et d’enrichir les pratiques des participants.',
      by('facilitator', [
        ['Elie Maroun', 'ANLCI'],
        ['Armony Altinier', 'Koena'],
        ['Christelle Cabaret', 'Seniors'],
      ]),
    ],
    [
      'inclusion-mediation-travail-social-metiers',
      'Médiation, accompagnement, travail social : quels métiers de demain ?',
      FRI,
      '14:00',
      '16:00',
      'Les professionnels du travail social, de l’emploi, de la médiation numérique voient leurs métiers et leurs compétences évoluer. Frédéric Dumortier imagine le « conseiller 3.0 » emploi-insertion ; Yann Vandeputte questionne les compétences et champs d’action du « Conseiller Médiateur Numérique ». Ils vous convient à un atelier collaboratif sur les missions et perspectives de ces métiers.\n\nSous réserve : retours d’expérience du réseau GRAIN ; Pascale Leroux (CCAS Nantes) ; Anne-Gaëlle Cascarino (CIEG-Réseau Grain).',
      by('facilitator', [
        ['Yann Vandeputte', 'AFPA'],
        ['Julien Coclet', 'Urban Prod SocialLab'],
      ]),
      { timeNote: DAY_OF_TWO },
    ],
  ],
  'fing',
);

const forumWorkshops = room(
  'forum',
  'tiers-lieux-hybrides',
  [
    [
      'tiers-lieux-ressourcerie-numerique-fabulerie',
      'La ressourcerie numérique de la Fabulerie',
      THU,
      '14:00',
      '15:00',
      'Depuis 5 ans, la Fabulerie développe des dispositifs numériques dédiés à la médiation et la mise en expérience de contenus culturels. Retour d’expériences et partage des coulisses de cette dynamique : venez échanger sur de possibles passerelles à tisser avec d’autres initiatives et d’autres territoires.',
      speakers([['Axelle Benaich', 'La Fabulerie']]),
    ],
    [
      'tiers-lieux-reseau-metropolitain',
      'Développement d’un réseau de tiers-lieux à l’échelle métropolitaine',
      THU,
      '15:00',
      '16:00',
      'À l’instar d’autres territoires, la métropole européenne de Lille souhaite structurer et promouvoir un réseau local de tiers-lieux. Elle a confié une mission de préfiguration de ce réseau au collectif métropolitain des tiers-lieux. Venez découvrir les résultats de l’étude en avant première !',
      speakers([['Sébastien Plihon', 'POP Up']]),
    ],
    [
      'tiers-lieux-cahier-d-activite-jeunesse',
      'Cahier d’activité tiers-lieu : co-construire un tiers lieu pour la jeunesse',
      FRI,
      '10:00',
      '11:00',
      'À l’aide du cahier d’activité open source, venez imaginer un tiers-lieu dédié à la jeunesse : définir votre public, votre communauté, votre programmation, vos services, la gouvernance ou encore votre modèle économique.',
      speakers([
        ['Siegfried Burgeot', 'CRIJ Poitou-Charentes'],
        ['Sébastien Plihon', 'POP Up'],
      ]),
    ],
    [
      'tiers-lieux-fabrication-numerique-quartiers',
      'La fabrication numérique dans les quartiers : un lien unique entre virtuel et réel',
      FRI,
      '11:00',
      '12:00',
      'Des fablabs de proximité « PAPIFAB » se mettent en place au sein de la ville de Brest. Partage des recettes qui fonctionnent autour de ces lieux qui mêlent médiation numérique, fabrication et communs !',
      speakers([['Régine Roué', 'La Ligue - FOL 29']]),
    ],
    [
      'tiers-lieux-maison-des-services-publics-coworking',
      'De la Maison des Services Publics à l’espace de coworking : une expérience en Quartier Prioritaire',
      FRI,
      '14:00',
      '15:00',
      'Retour d’expérience d’une Maison de service au public en quartier prioritaire qui réunit des agents municipaux, des travailleurs sociaux départementaux et un médiateur santé permettant de croiser les regards et de favoriser l’inclusion numérique.',
      speakers([['Raphaël Delorme', 'Roannais agglomération']]),
    ],
    [
      'tiers-lieux-aux-croisements-des-tiers-lieux-citoyens',
      'Aux croisements des tiers-lieux citoyens',
      FRI,
      '16:00',
      '17:00',
      'L’association Camp’TIC et le tiers-lieu Aux Fils Conducteurs s’associent pour conjuguer leurs points de vue autour de la contribution citoyenne dans l’espace public et le modèle pair à pair comme mode d’échange. Discussion autour d’un numérique plus ouvert, plus accessible et plus citoyen !',
      speakers([['Philippe Denis', 'Camp’TIC']]),
      { timeNote: 'Imprimé « de 16h à 17h » dans la colonne du vendredi, sans jour explicite.' },
    ],
  ],
  'pop-up',
);

const TWENTY =
  '20 minutes avec : rendez-vous court mais efficace avec des interlocuteurs de choix qui proposent de présenter des initiatives éclairantes ou de vous interpeller sur des sujets à fort enjeu.';
const TWENTY_ORDER = 'Le programme imprime les créneaux de 20 minutes en grille : l’ordre des interventions dans la demi-journée est reconstitué d’après la mise en page.';

// [slug, title, speaker names] in the printed order; the grid's slots are given in that order.
const twenty: [string, string, string[]][] = [
  ['acteurs-culturels-et-pratiques-du-web', 'Acteurs culturels et pratiques du web', ['Christophe Apprill']],
  ['innov-avenir', 'Innov’Avenir : inclusion, jeunesse et culture numérique', ['Marjolaine Girard']],
  ['cyber-base-emploi', 'Cyber-base emploi : un service d’inclusion numérique en faveur de l’emploi dans les quartiers prioritaires', ['Fabien Millet']],
  ['nan-not-a-number', 'NaN (Not a Number) : atelier croisé entre une école d’ingénieur et une école des Beaux-Arts', ['Mathieu Delalle']],
  ['nantes-patrimonia', 'Nantes patrimonia : la future plate-forme collaborative du patrimoine nantais', ['Irène Gillardot']],
  ['ressources-educatives-libres', 'Les Ressources Éducatives Libres', ['Colin de la Higuera']],
  ['charte-tiers-lieux-bourgogne-franche-comte', 'Retour d’expérience sur la mise en œuvre de la charte régionale des Tiers-Lieux de Bourgogne-Franche-Comté', ['Bruno-Louis Séguin']],
  ['outils-educatifs-ouverts', 'Outils éducatifs ouverts : retours sur des projets construits en commun', ['Rafik Djedjig']],
  ['grande-ecole-du-numerique', 'Grande école du numérique', ['Samia Ghozlane']],
  ['carrefour-des-innovations-sociales', 'Carrefour des innovations sociales : des outils libres et ouverts pour découvrir l’innovation sociale', ['Julien Paris']],
  ['f0rk', 'f0rk, la communauté civic tech française qui développe des communs', ['Caroline Corbal']],
  ['decidim-reprogrammer-la-democratie', 'Decidim : reprogrammer la démocratie', ['Virgile Deville']],
  ['tiers-lieux-d-inclusion-numerique', 'Inventer et Réinventer le Tiers-Lieux d’Inclusion Numérique', ['Medhi Serdidi']],
  ['labfab', 'LabFab : un réseau de fablabs au service des habitants et du territoire', ['Norbert Friant']],
  ['orange-egalite-des-chances', 'Orange, acteur de l’égalité des chances', ['Laure Patillot-Heinemann']],
  ['soliguide', 'Soliguide : l’information, la meilleure arme contre la précarité', ['Victoria Mandefield']],
  ['ludobox', 'Ludobox : une collection de jeux libre et open source à matérialiser', ['Julien Maudet']],
  ['rgpd-on-en-parle', 'RGPD : on en parle ?', ['Nicolas Patard']],
  ['konexio', 'Konexio : l’innovation au cœur de l’apprentissage numérique pour tous', ['Jean Guo']],
  ['le-prix-du-gratuit', 'Le Prix du Gratuit', ['Emmanuel Revah']],
  ['vie-privee-et-libertes', 'Informer et former aux problématiques de protection de la vie privée et de la préservation des libertés', ['Chloé Lailic', 'Mathieu Goessens']],
];
const SLOTS: [string, string][] = [
  ...['15', '16', '17'].flatMap((h) => ['00', '20', '40'].map((m) => [THU, `${h}:${m}`] as [string, string])),
  ...['10', '11', '14', '15'].flatMap((h) => ['00', '20', '40'].map((m) => [FRI, `${h}:${m}`] as [string, string])),
];
const plus20 = (t: string) => {
  const m = Number(t.slice(0, 2)) * 60 + Number(t.slice(3)) + 20;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

const vingtMinutes: SeedSession[] = twenty.map(([slug, title, names], i) => ({
  slug: `20-minutes-avec-${slug}`,
  title,
  kind: 'short_talk',
  format: 'vingt_minutes',
  day: SLOTS[i]![0],
  start: SLOTS[i]![1],
  end: plus20(SLOTS[i]![1]),
  room: 'espace-7',
  description: TWENTY,
  timeNote: TWENTY_ORDER,
  people: speakers(names.map((n) => [n])),
}));

const offs: SeedSession[] = [
  {
    slug: 'off-club-des-utilisateurs-decidim',
    title: 'Club des utilisateurs francophones de Decidim',
    kind: 'side_event',
    day: FRI,
    start: '14:00',
    end: '16:00',
    visibility: 'invitation',
    description:
      'Open Source Politics profite de Numérique en Commun[s] pour organiser la 2ème réunion du Club des utilisateurs francophones de la plateforme de participation citoyenne Decidim. Cet atelier permet aux institutions partenaires de connaître les actualités de la plateforme, de partager leurs bonnes pratiques, de réfléchir aux enjeux communs et de mutualiser leurs investissements sur les prochaines fonctionnalités. Sur invitation.',
    organizations: [{ org: 'open-source-politics', role: 'host' }],
  },
  {
    slug: 'off-reseau-cybanjou',
    title: 'Structuration du réseau des espaces numériques Cybanjou',
    kind: 'side_event',
    day: THU,
    start: '16:00',
    end: '18:00',
    room: 'espace-6',
    description:
      'Les acteurs de la médiation numérique du Maine et Loire souhaitent profiter des rencontres Numérique en Commun[s] pour formaliser la création du réseau cybanjou. Le but de ce off est de réunir les différents acteurs EPN du territoire du Maine et Loire pour finaliser la co-construction d’actions, la réponse aux appels à projets, et surtout la mise en place d’un réseau départemental d’animateurs numérique afin de partager visions, projets, compétences, expériences.',
  },
  {
    slug: 'off-societe-numerique-outre-mer',
    title: 'Écrire ensemble la société numérique de demain en Outre-Mer',
    kind: 'side_event',
    day: '2018-09-11',
    start: '09:00',
    endDay: '2018-09-12',
    end: '18:00',
    description:
      'En amont des rencontres. Deux jours pour que la société numérique française tienne compte des spécificités des territoires ultra-marins. Manifestation placée sous le haut patronage de Madame la Ministre des Outre-mer et de Monsieur le Secrétaire d’État au Numérique.',
    timeNote: 'Mardi 11 et mercredi 12 septembre : le programme ne donne ni heures ni lieu.',
  },
  {
    slug: 'off-masterclass-pouvoirs-publics-et-numerique',
    title: 'Masterclass « Pouvoirs publics et numérique : quels enjeux, quels rôles, quels leviers ? »',
    kind: 'side_event',
    format: 'masterclass',
    day: '2018-09-12',
    start: '09:00',
    end: '18:00',
    visibility: 'invitation',
    description:
      'En amont des rencontres. Une session expérimentale de formation à l’attention des élus et des cadres de la fonction publique. Organisée en collaboration avec la Chaire Innovation publique ENA-ENSCI. Sur invitation.',
    timeNote: 'Mercredi 12 septembre : le programme ne donne ni heures ni lieu.',
    organizations: [{ org: 'chaire-innovation-publique', role: 'host' }],
  },
  {
    slug: 'off-forum-open-d-etat-4',
    title: 'Forum Open d’État #4 : Transparence des algorithmes et médiation autour des données',
    kind: 'side_event',
    day: THU,
    start: '14:00',
    end: '17:00',
    description:
      'Les forums « Open d’État », organisés par Etalab en partenariat avec Datactivist et Vraiment Vraiment, proposent un nouveau format d’échange visant à favoriser le dialogue et l’action entre la société civile et les administrations.',
    organizations: [
      { org: 'etalab', role: 'host' },
      { org: 'datactivist', role: 'host' },
      { org: 'vraiment-vraiment', role: 'host' },
    ],
  },
];

const MEDIALAB =
  'Le Medialab de Numérique en Commun[s], facilité par Rieul Techer et Nicolas Loubet (entrepreneurs-chercheurs de la coopérative de recherche OxaMYNE basé à Lyon), est un dispositif destiné à soutenir les processus de documentation de l’événement et accueillir des discussions et des ateliers autour des médias.\n\nConcrètement, le Medialab se présente sous la forme d’un espace de travail hybride (à la fois situé et numérique), ouvert aux reporters et documentalistes (sur place ou à distance). L’ensemble des créations éditoriales sont collectées au fil de l’eau puis rendues publiques sur www.numerique-en-commun.fr/medialab.';
const FORUM =
  'Bienvenue au Forum pour vous rencontrer, boire un café, poursuivre les discussions, vous détendre, travailler, apprendre ensemble, cultiver votre curiosité, vous réunir et même prototyper !\n\nEn prime et sur le pouce : venez prototyper in situ le café numérique de demain, participez aux ateliers thématiques programmés sur place, échappez-vous le temps d’une visite, découvrez des œuvres d’art, rencontrez les partenaires et les membres de la communauté éphémère de Numérique en Commun[s] !\n\nRencontrez sur place : les porteurs de projet du pass numérique #APTIC, le service des usages numériques de la Caisse des Dépôts/Banque des Territoires ; les tiers-lieux hybrides du numérique avec POP Up ; la reconnaissance des apprentissages informels grâce aux badges numériques ouverts avec François Millet du Dôme ; la réduction de la fracture numérique, le réemploi informatique et le libre avec l’équipe d’ALIS44.\n\nExplorez ! « My little identity » de Françoise Chambefort, « NebuloBox » des Chats Cosmiques, « Mes datas et moi », dispositif de réalité virtuelle de la MAIF.';
const STANDING = 'Espace ouvert pendant toute la programmation : le programme ne lui donne pas d’horaires propres.';

const standing: SeedSession[] = [
  ...(
    [
      [THU, '14:00', '18:00', 'jeudi'],
      [FRI, '10:00', '17:00', 'vendredi'],
    ] as const
  ).flatMap(([day, start, end, label]): SeedSession[] => [
    {
      slug: `medialab-${label}`,
      title: 'Medialab',
      kind: 'workshop',
      format: 'standing',
      mode: 'hybrid',
      day,
      start,
      end,
      description: MEDIALAB,
      timeNote: STANDING,
      people: by('facilitator', [
        ['Rieul Techer', 'OxaMYNE'],
        ['Nicolas Loubet', 'OxaMYNE'],
      ]),
    },
    {
      slug: `forum-${label}`,
      title: 'Le Forum',
      kind: 'social',
      format: 'standing',
      day,
      start,
      end,
      room: 'forum',
      description: FORUM,
      timeNote: STANDING,
    },
  ]),
  ...(
    [
      [THU, '17:00', '18:00', 'jeudi'],
      [FRI, '12:00', '13:00', 'vendredi'],
    ] as const
  ).map(
    ([day, start, end, label]): SeedSession => ({
      slug: `forum-partagez-vos-experiences-${label}`,
      title: 'Partagez vos expériences et développez votre réseau',
      kind: 'social',
      day,
      start,
      end,
      room: 'forum',
      description: 'Au Forum : partagez vos expériences et développez votre réseau, avec Pop Up, PIX, ICI (Innovons pour la Citoyenneté sur Internet).',
      timeNote: 'Le programme imprime « jeudi 13 de 17h à 18h » et « vendredi 14 de 12h à 13h » au bas de la page du Forum : rattachés à ce rendez-vous d’après la mise en page.',
      organizations: [
        { org: 'pop-up', role: 'host' },
        { org: 'pix', role: 'host' },
        { org: 'ici', role: 'host' },
      ],
    }),
  ),
];

const evening: SeedSession = {
  slug: 'soiree-de-lancement-nantes-digital-week',
  title: 'Soirée de lancement Nantes Digital Week',
  kind: 'social',
  day: THU,
  start: '21:00',
  end: '23:59',
  room: 'parvis',
  description:
    'Numérique en Commun[s] s’inscrit dans le cadre de la 4ème édition de Nantes Digital Week : 10 jours d’évènements autour des cultures numériques. Lors de la soirée de lancement, venez découvrir CONTROL NO CONTROL, une installation interactive de l’artiste québécois Daniel Iregui.',
  timeNote: 'Imprimé « à partir de 21h », sans heure de fin.',
  organizations: [{ org: 'nantes-digital-week', role: 'host' }],
};

export const NEC_2018_SLUG = 'numerique-en-communs-2018';

export const nec2018: SeedEvent = {
  slug: NEC_2018_SLUG,
  title: 'Numérique en Commun[s] 2018',
  description:
    'Pour celles et ceux qui, partout en France, œuvrent à relever les défis que le numérique apporte à nos sociétés, Numérique en Commun[s] marque un nouveau temps fort. Celles et ceux qui, dans des tiers-lieux, espaces publics numériques, administrations, bibliothèques, collectifs, entreprises, inventent, agissent, documentent et constituent ainsi les nouveaux pionniers de la société numérique.\n\nNumérique en Commun[s] prend la suite des quatre précédentes éditions des Assises de la médiation numérique et rassemble les acteurs de l’innovation numérique, sociale et territoriale autour des lieux, des données et des communs.\n\nJeudi 13 septembre : accueil à partir de 9h et plénière d’ouverture à Stereolux (4 boulevard Léon Bureau, Nantes) de 10h à 12h30 ; programmation de 14h à 18h à l’École Nationale Supérieure d’Architecture (6 quai François Mitterrand, Nantes) ; soirée de lancement de la Nantes Digital Week à partir de 21h sur le parvis des Machines de l’île. Vendredi 14 septembre : accueil à partir de 9h et programmation de 10h à 17h à l’École d’Architecture.\n\nSuivez les rencontres sur twitter : @NumEnCommuns, #NEC18. Ressources : www.numerique-en-commun.fr',
  timeZone: 'Europe/Paris',
  location: 'Nantes — Stereolux et École Nationale Supérieure d’Architecture',
  days: [
    { date: '2018-09-11', label: 'Mardi 11 septembre (en amont)' },
    { date: '2018-09-12', label: 'Mercredi 12 septembre (en amont)' },
    { date: THU, label: 'Jeudi 13 septembre' },
    { date: FRI, label: 'Vendredi 14 septembre' },
  ],
  rooms: [
    { key: 'stereolux', name: 'Stereolux', kind: 'physical' },
    { key: 'amphi150', name: 'Amphi150', kind: 'physical' },
    { key: 'auditorium', name: 'Auditorium', kind: 'physical' },
    ...[1, 2, 3, 4, 5, 6, 7].map((n) => ({ key: `espace-${n}`, name: `Espace ${n}`, kind: 'physical' as const })),
    { key: 'forum', name: 'Forum', kind: 'physical' },
    { key: 'parvis', name: 'Parvis des Machines de l’île', kind: 'physical' },
  ],
  tracks: [
    { key: 'donnees-personnelles', name: 'Données personnelles, gardons le contrôle', description: 'Ateliers - Espace 1' },
    { key: 'retro-prospective', name: 'Rétro/prospective', description: 'Ateliers - Espace 2' },
    { key: 'privacy-culture-publics-isoles', name: 'Privacy, culture, publics isolés', description: 'Ateliers - Espace 3' },
    { key: 'communs-numeriques', name: 'Les communs numériques', description: 'Ateliers - Espace 4. Un parcours proposé et animé par l’équipe d’Inno³.' },
    { key: 'inclusion-numerique', name: 'L’inclusion numérique se réinvente', description: 'Ateliers - Espace 5. Un parcours proposé et animé par la FING.' },
    { key: 'tiers-lieux-hybrides', name: 'Les tiers-lieux hybrides du numérique', description: 'Ateliers - Forum. Un parcours proposé et animé par POP Up.' },
  ],
  sessions: [...plenary, ...roundTables, ...regardsCroises, debate, ...espace1, ...espace2, ...espace3, ...espace4, ...espace5, ...forumWorkshops, ...vingtMinutes, ...offs, ...standing, evening],
  invitationCodes: [
    { code: 'NEC18-DECIDIM', session: 'off-club-des-utilisateurs-decidim' },
    { code: 'NEC18-MASTERCLASS', session: 'off-masterclass-pouvoirs-publics-et-numerique' },
  ],
};
