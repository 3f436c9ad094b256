import { describe, expect, it } from 'vitest';
import { checkAnswers, type Question, questionInput } from './questions';

const qs: Question[] = [
  { key: 'repas', label: 'Déjeuner ?', kind: 'yesno', options: [], required: true },
  { key: 'atelier', label: 'Format', kind: 'single', options: ['sur place', 'en ligne'], required: false },
  { key: 'besoins', label: 'Accessibilité', kind: 'multiple', options: ['fauteuil', 'boucle magnétique', 'LSF'], required: false },
  { key: 'mot', label: 'Un mot', kind: 'text', options: [], required: false },
];

describe('checkAnswers', () => {
  it('accepts and cleans valid answers', () => {
    expect(checkAnswers(qs, { repas: 'yes', atelier: 'en ligne', besoins: ['LSF', 'LSF'], mot: ' bonjour ' })).toEqual({
      ok: true,
      answers: { repas: true, atelier: 'en ligne', besoins: ['LSF'], mot: 'bonjour' },
    });
  });
  it('names every problem by field, unknown questions included', () => {
    expect(checkAnswers(qs, { atelier: 'ailleurs', besoins: ['jetpack'], hack: 'x' })).toEqual({
      ok: false,
      fields: {
        'answers.repas': 'required',
        'answers.atelier': 'must be one of the options',
        'answers.besoins': 'must be among the options',
        'answers.hack': 'unknown question',
      },
    });
  });
});

describe('questionInput', () => {
  it('needs two options for choices and none otherwise', () => {
    expect(questionInput.parse({ key: 'repas', label: 'Déjeuner ?', kind: 'single', options: 'oui\nnon\n' }).options).toEqual(['oui', 'non']);
    expect(questionInput.safeParse({ key: 'repas', label: 'Déjeuner ?', kind: 'single', options: 'oui' }).success).toBe(false);
    expect(questionInput.safeParse({ key: 'mot', label: 'Un mot', kind: 'text', options: 'x\ny' }).success).toBe(false);
  });
});
