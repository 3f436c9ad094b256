/**
 * Demo Open Badges (db/seed/index.ts `seedBadges`): a few badges of each kind for demo people,
 * some shown publicly, one revoked, a request waiting for a decision and one endorsement, so that
 * portfolios, achievement pages and verification pages have something to show at once.
 */
export type DemoBadge = {
  email: string;
  name: string;
  kind: 'participated' | 'facilitated' | 'contributed' | 'request';
  /** What becomes of it: offered (waiting for its recipient), accepted, public, revoked, requested (pending). */
  state: 'offered' | 'accepted' | 'public' | 'revoked' | 'requested';
  evidence?: string;
};

export const DEMO_REQUEST_ACHIEVEMENT = {
  name: 'Rapporteur·rice de session',
  description: 'A tenu la plume d’une session et partagé son compte rendu avec le forum.',
  criteria: 'Un compte rendu de session, relu par l’équipe du forum (demande avec le lien ou le texte).',
};

export const DEMO_BADGES: DemoBadge[] = [
  { email: 'participante@chemins.test', name: 'Participante (démo)', kind: 'participated', state: 'public' },
  {
    email: 'participante@chemins.test',
    name: 'Participante (démo)',
    kind: 'request',
    state: 'public',
    evidence: 'Compte rendu de la plénière d’ouverture, partagé sur le chemin « Coopération ».',
  },
  { email: 'camille@chemins.test', name: 'Camille (démo)', kind: 'participated', state: 'public' },
  { email: 'dominique@chemins.test', name: 'Dominique (démo)', kind: 'participated', state: 'offered' },
  {
    email: 'dominique@chemins.test',
    name: 'Dominique (démo)',
    kind: 'request',
    state: 'requested',
    evidence: 'J’ai pris les notes de l’atelier « Communs numériques » et je les ai envoyées aux intervenants.',
  },
  { email: 'eliott@chemins.test', name: 'Eliott (démo)', kind: 'participated', state: 'revoked' },
  { email: 'intervenante@chemins.test', name: 'Intervenante (démo)', kind: 'facilitated', state: 'public' },
  { email: 'moderateur@chemins.test', name: 'Modérateur (démo)', kind: 'facilitated', state: 'accepted' },
  { email: 'coordinatrice@chemins.test', name: 'Coordinatrice santé ouverte (démo)', kind: 'contributed', state: 'public' },
];

/** The demo endorsement: the participant endorses *participated*. */
export const DEMO_ENDORSEMENT = {
  email: 'participante@chemins.test',
  name: 'Participante (démo)',
  kind: 'participated' as const,
  comment: 'Des sessions où l’on repart avec des contacts et des idées : ce badge dit quelque chose de vrai.',
};
