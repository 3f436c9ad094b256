import { describe, expect, it } from 'vitest';
import { previousEditionOf, seriesOf } from './report-series';

const e = (slug: string, year: number) => ({ slug, startsAt: new Date(`${year}-11-20T09:00:00Z`) });

describe('editions of a series', () => {
  it('names the series of a slug ending with a year, and none otherwise', () => {
    expect(seriesOf('forum-usages-cooperatifs-2018')).toBe('forum-usages-cooperatifs');
    expect(seriesOf('edition-demo')).toBeNull();
    expect(seriesOf('2018')).toBeNull();
  });

  it('takes the latest earlier edition of the same series', () => {
    const all = [e('forum-2016', 2016), e('forum-2018', 2018), e('forum-2020', 2020), e('nec-2019', 2019), e('forum-bis-2019', 2019)];
    expect(previousEditionOf(e('forum-2020', 2020), all)?.slug).toBe('forum-2018');
    expect(previousEditionOf(e('forum-2016', 2016), all)).toBeNull();
    expect(previousEditionOf(e('edition-demo', 2026), all)).toBeNull();
  });
});
