import type { SeedResource } from '../types';

// Demo resources of the seven paths, written for the demo (not copied from anywhere): a handful
// per path, in several formats, languages and licences, so that a newcomer sees living paths.
// Authors are collectives or roles, never invented contact details of real people.

const TEAM = { name: 'Équipe du forum des usages coopératifs', kind: 'organization' } as const;

export const pathResources: SeedResource[] = [
  // ---------------------------------------------------------------- Lowtech et transitions
  {
    slug: 'fiche-atelier-reparation-velos-cargo',
    path: 'lowtech-et-transitions',
    title: 'Fiche initiative : un atelier de réparation de vélos cargos en pied d’immeuble',
    summary: 'Comment un collectif d’habitants a monté un atelier partagé pour entretenir des vélos cargos avec des pièces de récupération.',
    body: `## L’initiative

Un local à vélos inutilisé, trois établis de récupération et une permanence le samedi matin : l’atelier
accueille les habitants qui veulent entretenir leur vélo cargo plutôt que de le remplacer.

## Ce qui a marché

- un **inventaire partagé** des pièces (tableur en ligne, mis à jour à chaque permanence) ;
- des tutoriels imprimés, affichés au-dessus de chaque poste ;
- une convention simple avec le bailleur pour l’usage du local.

## Pour essaimer

Les plans des établis et le modèle de convention sont joints à la fiche, sous licence libre.`,
    format: 'initiative',
    date: '2021-03-12',
    licence: 'CC-BY-SA-4.0',
    authors: [{ name: 'Collectif Répar’Cargo (démo)', kind: 'organization' }],
  },
  {
    slug: 'webinaire-numerique-sobre-collectivites',
    path: 'lowtech-et-transitions',
    title: 'Replay : un numérique plus sobre dans les collectivités',
    summary: 'Webinaire d’une heure : allonger la durée de vie des équipements, mutualiser les serveurs, mesurer avant d’agir.',
    body: `Trois services informatiques de collectivités racontent leur démarche de sobriété numérique :
reconditionnement des postes de travail, mutualisation d’un petit centre de données, et tableau de
bord de la consommation électrique.

Les échanges ont surtout porté sur **la coopération entre services** : les achats, l’informatique et
les services techniques doivent avancer ensemble.`,
    format: 'replay',
    date: '2021-02-04',
    licence: 'CC-BY-4.0',
    authors: [TEAM],
  },
  {
    slug: 'low-tech-lab-visit-notes',
    path: 'lowtech-et-transitions',
    title: 'Remote visit: a low-tech housing prototype',
    summary: 'Notes from a remote visit of a tiny house built with low-tech systems: solar cooker, dry toilets, bioclimatic design.',
    body: `The visit was streamed from the prototype itself. The builders walked us through each system and
its trade-offs: the solar cooker works from March to October, the rainwater filter needs monthly
care, and the bioclimatic orientation did most of the work in winter.

Open questions raised by participants: **maintenance by non-specialists**, and how to document
repairs so that the next inhabitants can do them.`,
    format: 'remote_visit',
    language: 'en',
    date: '2021-05-20',
    licence: 'CC-BY-4.0',
    authors: [{ name: 'Low-tech prototype team (demo)', kind: 'organization' }],
  },
  // ---------------------------------------------------------------- Fabcities
  {
    slug: 'strategie-territoriale-fabcity-metropole',
    path: 'fabcities-villes-resilientes',
    title: 'Stratégie territoriale : produire localement ce que la ville consomme',
    summary: 'Présentation d’une feuille de route « fabcity » : recenser les lieux de fabrication, relier les filières de réemploi, former.',
    body: `La feuille de route tient en trois axes :

1. **Cartographier** les fablabs, ressourceries et ateliers de la métropole ;
2. **Relier** les filières de réemploi (bois, textile, électronique) aux lieux de fabrication ;
3. **Former** habitants et agents à la fabrication numérique et à la réparation.

Chaque axe a un indicateur simple, suivi publiquement chaque année.`,
    format: 'territorial_strategy',
    date: '2020-11-18',
    licence: 'etalab-2.0',
    authors: [{ name: 'Métropoles de Brest, Nantes, Rennes', kind: 'organization' }],
  },
  {
    slug: 'compte-rendu-rencontre-tiers-lieux-resilience',
    path: 'fabcities-villes-resilientes',
    title: 'Compte rendu : tiers-lieux et résilience urbaine',
    summary: 'Ce que les tiers-lieux ont appris pendant le confinement : fabrication de visières, entraide, logistique de quartier.',
    body: `Les participants ont partagé ce qui a tenu pendant le printemps 2020 : des réseaux d’entraide
qui existaient déjà, des stocks de matière disponibles, et des outils de coordination simples.

> « Ce n’est pas la machine qui a fait la différence, c’est le carnet d’adresses. »

Pistes retenues : documenter les circuits logistiques de quartier, et garder une réserve de
matière partagée entre lieux.`,
    format: 'meeting_report',
    date: '2020-10-06',
    licence: 'CC-BY-SA-4.0',
    authors: [TEAM],
  },
  {
    slug: 'point-de-vue-ville-douce',
    path: 'fabcities-villes-resilientes',
    title: 'Point de vue : de la ville monstre à la ville douce',
    summary: 'Retour sur la conférence inaugurale de 2020 et ce qu’elle dit de nos imaginaires urbains.',
    body: `La conférence du 8 juillet 2020 proposait de relire la science-fiction comme un miroir de nos
villes. Ce billet en retient une idée : **les récits comptent** pour rendre désirable une ville plus
lente, plus sobre et plus coopérative.

Quelques lectures et films évoqués pendant les échanges sont rassemblés en fin de billet.`,
    format: 'interview',
    date: '2020-07-15',
    licence: 'CC-BY-NC-SA-4.0',
    authors: [TEAM],
    sessions: [{ event: 'forum-usages-cooperatifs-2020', slug: 'conference-la-ville-de-science-fiction' }],
  },
  // ---------------------------------------------------------------- Circuits courts
  {
    slug: 'fiche-epicerie-cooperative-rurale',
    path: 'circuits-courts-et-autonomie-alimentaire',
    title: 'Fiche initiative : une épicerie coopérative en zone rurale',
    summary: 'Quarante familles, douze producteurs, un local municipal : le fonctionnement d’une épicerie gérée par ses membres.',
    body: `L’épicerie ouvre trois demi-journées par semaine, tenues à tour de rôle par les membres. Les
prix sont fixés avec les producteurs, la marge couvre le loyer et l’assurance.

**Les points de vigilance** : la rotation des bénévoles, la chaîne du froid, et la comptabilité,
confiée à une personne formée.`,
    format: 'initiative',
    date: '2021-01-22',
    licence: 'CC-BY-4.0',
    authors: [{ name: 'Épicerie coopérative du bourg (démo)', kind: 'organization' }],
  },
  {
    slug: 'replay-cantines-approvisionnement-local',
    path: 'circuits-courts-et-autonomie-alimentaire',
    title: 'Replay : approvisionner les cantines en produits locaux',
    summary: 'Cuisiniers, gestionnaires et producteurs parlent marchés publics, saisonnalité et légumerie partagée.',
    body: `Comment passer de 10 % à 40 % de produits locaux dans une cuisine centrale ? Les intervenants
détaillent le découpage des marchés en petits lots, la légumerie partagée entre communes et le
travail sur les menus de saison.`,
    format: 'replay',
    date: '2021-04-08',
    licence: 'CC-BY-SA-4.0',
    authors: [TEAM],
  },
  {
    slug: 'cartographie-circuits-courts-document',
    path: 'circuits-courts-et-autonomie-alimentaire',
    title: 'Document : méthode pour cartographier les circuits courts d’un territoire',
    summary: 'Une méthode en cinq étapes, des sources de données ouvertes et un modèle de carte à réutiliser.',
    body: `La méthode croise les données ouvertes (points de vente, marchés, AMAP) avec une enquête légère
auprès des producteurs. Elle aboutit à une carte publique, tenue à jour par les usagers eux-mêmes.`,
    format: 'document',
    date: '2020-12-02',
    licence: 'CC0-1.0',
    authors: [{ name: 'JF Marchandise', organization: 'Fing', kind: 'person' }],
  },
  // ---------------------------------------------------------------- Inclusion sociale et numérique
  {
    slug: 'fiche-permanences-numeriques-mediatheque',
    path: 'transitions-et-inclusions',
    title: 'Fiche initiative : des permanences numériques à la médiathèque',
    summary: 'Accompagner les démarches en ligne sans faire à la place : l’organisation des permanences et la formation des bénévoles.',
    body: `Chaque mardi, deux médiateurs et un bénévole accueillent sans rendez-vous. La règle : **faire
avec, pas à la place**. Les personnes repartent avec une fiche pas à pas de leur démarche.

Un carnet de bord anonyme recense les démarches les plus demandées, pour adapter les ateliers
collectifs du mois suivant.`,
    format: 'initiative',
    date: '2021-02-16',
    licence: 'CC-BY-4.0',
    authors: [{ name: 'Médiathèque de quartier (démo)', kind: 'organization' }],
  },
  {
    slug: 'interview-mediatrice-numerique',
    path: 'transitions-et-inclusions',
    title: 'Interview : « l’inclusion numérique commence par l’écoute »',
    summary: 'Une médiatrice numérique raconte son métier, ses outils et ce que la crise sanitaire a changé.',
    body: `« Pendant le confinement, le téléphone est redevenu l’outil principal. On a accompagné des
personnes à distance, pas à pas, sans écran partagé. »

L’entretien revient sur la **coopération entre structures** d’un même quartier : centre social,
médiathèque, associations, pour que personne ne reste sans solution.`,
    format: 'interview',
    date: '2020-09-29',
    licence: 'CC-BY-ND-4.0',
    authors: [TEAM],
  },
  {
    slug: 'digital-inclusion-survey-summary',
    path: 'transitions-et-inclusions',
    title: 'Document: what people need to get online — survey summary',
    summary: 'A short summary of a local survey on digital skills, equipment and access, with open data.',
    body: `The survey reached 600 residents. The main barriers were **confidence**, the cost of mobile data,
and forms that do not work on small screens. Equipment came after.

The anonymised data set is published under an open licence.`,
    format: 'document',
    language: 'en',
    date: '2021-03-30',
    licence: 'CC-BY-4.0',
    authors: [{ name: 'GIS Marsouin', kind: 'organization' }],
  },
  // ---------------------------------------------------------------- Enseigner les transitions
  {
    slug: 'sequence-pedagogique-climat-college',
    path: 'enseigner-les-transitions',
    title: 'Fiche initiative : une séquence sur le climat menée par les élèves',
    summary: 'Des collégiens mesurent la température de leur cour, comparent avec les données ouvertes et proposent des aménagements.',
    body: `Six séances, trois disciplines : sciences, mathématiques et géographie. Les élèves installent
des capteurs, analysent les relevés et présentent leurs propositions au conseil d’établissement.

La séquence est **réutilisable** : fiches élèves, fiches enseignants et tableur d’analyse sont joints.`,
    format: 'initiative',
    date: '2021-05-11',
    licence: 'CC-BY-SA-4.0',
    authors: [{ name: 'Les coopératives pédagogiques de Bretagne', kind: 'organization' }],
  },
  {
    slug: 'compte-rendu-enseigner-en-transition',
    path: 'enseigner-les-transitions',
    title: 'Compte rendu : enseigner en transition, ce qui change dans la classe',
    summary: 'Enseignants du primaire au supérieur échangent sur les projets, l’évaluation et la coopération entre établissements.',
    body: `Trois constats partagés :

- les projets ancrés dans le territoire motivent davantage que les études de cas lointaines ;
- l’évaluation par compétences facilite le travail en équipe ;
- la **coopération ouverte** entre établissements (ressources partagées, visites croisées) fait gagner du temps à tous.`,
    format: 'meeting_report',
    date: '2020-12-10',
    licence: 'CC-BY-4.0',
    authors: [{ name: 'JM Gilliot', organization: 'IMT Atlantique', kind: 'person' }],
  },
  {
    slug: 'film-ecole-dehors',
    path: 'enseigner-les-transitions',
    title: 'Film : une journée d’école dehors',
    summary: 'Un court documentaire tourné par une classe de CM2 qui fait cours dehors une journée par semaine.',
    body: `Le film suit la classe du matin au soir : lecture sous les arbres, mathématiques avec des
bâtons, sciences au bord du ruisseau. Les élèves ont écrit le commentaire eux-mêmes.`,
    format: 'creation',
    date: '2021-06-18',
    licence: 'CC-BY-NC-4.0',
    authors: [{ name: 'Classe de CM2 (démo)', kind: 'organization' }],
  },
  // ---------------------------------------------------------------- Vers une santé ouverte
  {
    slug: 'replay-makers-contre-le-coronavirus',
    path: 'vers-une-sante-ouverte',
    title: 'Replay : l’action des makers français contre le coronavirus',
    summary: 'La conférence en ligne du 8 juillet 2020 : visières, pousse-seringues, respirateurs et ce que la santé ouverte en retient.',
    body: `Au printemps 2020, des centaines de fablabs et de makers ont fabriqué du matériel pour les
soignants. La conférence revient sur cette mobilisation : **documentation ouverte**, validation
avec les soignants, logistique de distribution.

Elle pose aussi les questions de la suite : normes, responsabilité, et place des communs dans la
santé.`,
    format: 'replay',
    date: '2020-07-08',
    licence: 'CC-BY-4.0',
    authors: [TEAM, { name: 'Réseau Français des Fablabs', kind: 'organization' }],
    sessions: [{ event: 'forum-usages-cooperatifs-2020', slug: 'conference-makers-contre-le-coronavirus' }],
  },
  {
    slug: 'compte-rendu-makers-coronavirus',
    path: 'vers-une-sante-ouverte',
    title: 'Compte rendu : makers et santé ouverte, les questions de la salle',
    summary: 'Les questions posées pendant la conférence du 8 juillet 2020 et les réponses des intervenants.',
    body: `Les questions les plus votées :

1. Comment valider un dispositif fabriqué hors de l’industrie ? — *avec les soignants, dès le prototype*.
2. Que deviennent les stocks de visières ? — *redistribués aux écoles et associations*.
3. Comment garder la coopération ouverte entre fablabs et hôpitaux ? — *par des conventions simples et une documentation partagée*.`,
    format: 'meeting_report',
    date: '2020-07-09',
    licence: 'CC-BY-SA-4.0',
    authors: [TEAM],
    sessions: [{ event: 'forum-usages-cooperatifs-2020', slug: 'conference-makers-contre-le-coronavirus' }],
  },
  {
    slug: 'fiche-visieres-documentation-ouverte',
    path: 'vers-une-sante-ouverte',
    title: 'Fiche initiative : documenter en ouvert la fabrication de visières',
    summary: 'Comment un fablab a publié ses fichiers, ses tests et ses retours de soignants pour que d’autres puissent fabriquer.',
    body: `La documentation tient en une page : fichiers de découpe, matériaux testés, protocole de
nettoyage validé avec un service d’hygiène hospitalière, et retours d’usage.

Elle a été reprise et améliorée par une vingtaine de lieux : la **santé ouverte** en pratique.`,
    format: 'initiative',
    date: '2020-06-02',
    licence: 'CC0-1.0',
    authors: [{ name: 'Fablab de quartier (démo)', kind: 'organization' }],
  },
  {
    slug: 'open-health-interview',
    path: 'vers-une-sante-ouverte',
    title: 'Interview: what open health means for a hospital engineer',
    summary: 'A biomedical engineer on working with makers, open documentation, and keeping patients safe.',
    body: `"The makers were fast, we were careful — together we were useful." The interview covers how a
hospital team reviewed community-made devices, and why **open documentation** made the reviews
faster.`,
    format: 'interview',
    language: 'en',
    date: '2020-10-14',
    licence: 'CC-BY-4.0',
    authors: [TEAM],
  },
  // ---------------------------------------------------------------- Climat et biodiversité
  {
    slug: 'fiche-atlas-biodiversite-communale',
    path: 'climat-et-biodiversite',
    title: 'Fiche initiative : un atlas de la biodiversité communale participatif',
    summary: 'Habitants, écoles et naturalistes inventorient ensemble la faune et la flore de leur commune.',
    body: `Sorties naturalistes mensuelles, application d’observation partagée, restitution publique en fin
d’année : l’atlas a recensé plus de 900 espèces en deux ans.

Les données sont versées dans l’inventaire national, sous licence ouverte.`,
    format: 'initiative',
    date: '2021-04-22',
    licence: 'CC-BY-4.0',
    authors: [{ name: 'Association naturaliste locale (démo)', kind: 'organization' }],
  },
  {
    slug: 'visite-a-distance-zone-humide',
    path: 'climat-et-biodiversite',
    title: 'Visite à distance : la restauration d’une zone humide',
    summary: 'Une visite filmée d’un marais restauré : ce qui a été fait, ce qui est revenu, ce qui reste à suivre.',
    body: `Le gestionnaire du site montre les anciens drains bouchés, les mares recreusées et les premiers
retours d’amphibiens. La visite se termine par les **indicateurs de suivi** et l’appel à bénévoles.`,
    format: 'remote_visit',
    date: '2021-05-27',
    licence: 'CC-BY-SA-4.0',
    authors: [TEAM],
  },
  {
    slug: 'plan-climat-cooperation-ouverte',
    path: 'climat-et-biodiversite',
    title: 'Stratégie territoriale : un plan climat en coopération ouverte',
    summary: 'Comment une intercommunalité a écrit son plan climat avec les habitants, et publie son suivi en données ouvertes.',
    body: `Ateliers ouverts, contributions en ligne, jury citoyen : le plan a été **co-écrit**. Chaque
action a un porteur, un budget et un indicateur, publiés chaque année en données ouvertes.`,
    format: 'territorial_strategy',
    date: '2021-01-28',
    licence: 'etalab-2.0',
    authors: [{ name: 'Intercommunalité (démo)', kind: 'organization' }],
  },
  // ---------------------------------------------------------------- a proposal waiting for review
  {
    slug: 'proposition-jardin-partage-hopital',
    path: 'vers-une-sante-ouverte',
    title: 'Proposition : un jardin partagé au pied de l’hôpital',
    summary: 'Soignants, patients et voisins cultivent ensemble un jardin thérapeutique : une initiative proposée depuis le medialab.',
    body: `Le jardin est né d’une idée d’aides-soignantes. Il accueille des ateliers de jardinage pour les
patients en soins de suite et des voisins le week-end.

Nous aimerions partager le guide d’installation et les retours des équipes.`,
    format: 'initiative',
    date: '2021-06-01',
    licence: 'CC-BY-4.0',
    authors: [{ name: 'Collectif du jardin partagé (démo)', kind: 'organization' }],
    proposal: { name: 'Participante (démo)', email: 'participante@chemins.test' },
  },
];

/** Programme sessions linked to paths (their agenda): the 2020 conferences, and demo sessions to come. */
export const PATH_SESSIONS = [
  { path: 'vers-une-sante-ouverte', event: 'forum-usages-cooperatifs-2020', session: 'conference-makers-contre-le-coronavirus' },
  { path: 'fabcities-villes-resilientes', event: 'forum-usages-cooperatifs-2020', session: 'conference-la-ville-de-science-fiction' },
  { path: 'vers-une-sante-ouverte', event: 'edition-demo', session: 'atelier-documenter-ensemble' },
  { path: 'fabcities-villes-resilientes', event: 'edition-demo', session: 'table-ronde-tiers-lieux' },
  { path: 'transitions-et-inclusions', event: 'edition-demo', session: 'table-ronde-tiers-lieux' },
];

/** Demo accounts for the paths (sign in by magic link; mails go to the log without SMTP). */
export const DEMO_PATH_ACCOUNTS: { email: string; name: string; coordinates?: string }[] = [
  { email: 'coordinatrice@chemins.test', name: 'Coordinatrice santé ouverte (démo)', coordinates: 'vers-une-sante-ouverte' },
  { email: 'participante@chemins.test', name: 'Participante (démo)' },
];
