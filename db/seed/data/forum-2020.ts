import type { SeedEvent } from '../types';

// 2020: the forum moves online (../shared/seeds/002). Two online conferences on Wednesday 8 July
// 2020, 10:00 and 14:00, and the launch of the "chemins de la coopération" (see ./paths.ts).
// The document prints no end times: 1 h 30 is assumed for each conference.

export const forum2020: SeedEvent = {
  slug: 'forum-usages-cooperatifs-2020',
  title: 'Forum des usages coopératifs 2020 — en chemin vers la coopération',
  description:
    'Le contexte sanitaire ne permet pas d’accueillir physiquement à Brest, début juillet 2020, les participants du forum des usages coopératifs. Dans le contexte de crise covid-19, le thème de la convergence des transitions est particulièrement d’actualité et porteur de solutions : les organisateurs maintiennent le mercredi 8 juillet 2020 un évènement symbolique en ligne, avec une conférence inaugurale et le lancement des « chemins de la coopération ».\n\nAvec les chemins de la coopération, il s’agit de créer une dynamique de coopération et de partage : relier et mettre en communs initiatives et réflexions autour des thèmes des sessions — convergence des transitions, coopérations ouvertes pour la santé, l’éducation, les lowtech, l’inclusion sociale et numérique, les Fabcities, les circuits courts et l’autonomie alimentaire, le climat et la biodiversité…',
  timeZone: 'Europe/Paris',
  location: 'En ligne',
  days: [{ date: '2020-07-08', label: 'Mercredi 8 juillet' }],
  rooms: [{ key: 'en-ligne', name: 'Conférence en ligne', kind: 'online' }],
  tracks: [
    { key: 'convergence-des-transitions', name: 'Convergence des transitions' },
    { key: 'sante-ouverte', name: 'Vers une santé ouverte' },
  ],
  sessions: [
    {
      slug: 'conference-la-ville-de-science-fiction',
      title: 'La ville de science-fiction : de la ville monstre à la ville douce',
      kind: 'plenary',
      day: '2020-07-08',
      start: '10:00',
      end: '11:30',
      room: 'en-ligne',
      track: 'convergence-des-transitions',
      mode: 'online',
      description:
        'Conférence inaugurale, gratuite et ouverte à toutes et tous, sur inscription ; elle lance les « chemins de la coopération ».\n\nLa ville apparaît d’abord dans les œuvres de science-fiction comme élément de décor. Mais un décor qui est si présent, si pesant qu’il devient souvent un personnage à part entière, voire le personnage principal de l’intrigue. La ville peut même intervenir sous l’aspect d’une entité vivante, et dévorante.\n\nSi l’on considère que la ville, c’est le visage de l’être humain en collectivité, alors, que faut-il penser de la propension qu’a la science-fiction, surtout cinématographique, à mettre en scène la destruction de la ville ? Outre la destruction de la ville, la science-fiction met volontiers en scène l’absence de ville, notamment dans le genre post-apocalyptique : comment survivre sans la ville ? Heureusement, après tant de scénarii catastrophes, il semble qu’aujourd’hui, notre psyché évolue. En s’éloignant du cyberpunk, la science-fiction actuelle tente de mettre en scène des villes plus douces, des villes réconciliées avec elles-mêmes, et, enfin, à taille humaine.\n\nCatherine Dufour est ingénieure en informatique, chroniqueuse au Monde Diplomatique et chargée de cours à Sciences Po Paris, autrice de science-fiction (« Ada ou la beauté des nombres », Fayard, 2019 ; « Danse avec les lutins », L’Atalante, Grand prix des Imaginales), membre du collectif Zanzibar.',
      timeNote: 'Le texte donne 10h, sans heure de fin : 1 h 30 supposée.',
      people: [{ name: 'Catherine Dufour', role: 'speaker' }],
    },
    {
      slug: 'conference-makers-contre-le-coronavirus',
      title: 'L’action des makers français contre le coronavirus',
      kind: 'plenary',
      day: '2020-07-08',
      start: '14:00',
      end: '15:30',
      room: 'en-ligne',
      track: 'sante-ouverte',
      mode: 'online',
      description:
        'Conférence en ligne sur le thème « santé ouverte », avec l’appui du Réseau Français des Fablabs et de covid-initiatives.',
      timeNote: 'Le texte donne 14h, sans heure de fin : 1 h 30 supposée.',
      organizations: [
        { org: 'reseau-francais-des-fablabs', role: 'host' },
        { org: 'covid-initiatives', role: 'host' },
      ],
    },
  ],
};
