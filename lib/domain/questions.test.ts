import { describe, expect, it } from 'vitest';
import { questionInput } from './questions';

describe('questionInput', () => {
  it('needs two options for choices and none otherwise', () => {
    expect(questionInput.parse({ key: 'repas', label: 'Déjeuner ?', kind: 'single', options: 'oui\nnon\n' }).options).toEqual(['oui', 'non']);
    expect(questionInput.safeParse({ key: 'repas', label: 'Déjeuner ?', kind: 'single', options: 'oui' }).success).toBe(false);
    expect(questionInput.safeParse({ key: 'mot', label: 'Un mot', kind: 'text', options: 'x\ny' }).success).toBe(false);
  });
});
