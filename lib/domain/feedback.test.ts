import { describe, expect, it } from 'vitest';
import { afterSessionWindow, feedbackForm, feedbackLinkOpen, feedbackRequest, summarizeRatings } from './feedback';

describe('feedback rules', () => {
  it('summarizes ratings: count, mean to one decimal, distribution', () => {
    expect(summarizeRatings([])).toEqual({ responses: 0, averageRating: null, distribution: [0, 0, 0, 0, 0] });
    expect(summarizeRatings([5, 4, 4])).toEqual({ responses: 3, averageRating: 4.3, distribution: [0, 0, 0, 2, 1] });
  });

  it('mails sessions that ended a quarter of an hour to two days ago, and keeps links open thirty days', () => {
    const now = new Date('2030-01-10T12:00:00Z');
    expect(afterSessionWindow(now)).toEqual({ endedBefore: new Date('2030-01-10T11:45:00Z'), endedAfter: new Date('2030-01-08T12:00:00Z') });
    expect(feedbackLinkOpen(new Date('2029-12-11T12:00:00Z'), now)).toBe(true);
    expect(feedbackLinkOpen(new Date('2029-12-11T11:59:00Z'), now)).toBe(false);
  });

  it('takes a rating 1–5 and an optional answer of 2,000 characters at most', () => {
    expect(feedbackRequest.parse({ rating: 3, answer: '  ' })).toEqual({ rating: 3 });
    expect(feedbackRequest.safeParse({ rating: 0 }).success).toBe(false);
    expect(feedbackRequest.safeParse({ rating: 2.5 }).success).toBe(false);
    expect(feedbackRequest.safeParse({ rating: 3, extra: 1 }).success).toBe(false);
    expect(feedbackRequest.safeParse({ rating: 3, answer: 'x'.repeat(2001) }).success).toBe(false);
    expect(feedbackForm.parse({ rating: '5', answer: 'Bien' })).toEqual({ rating: 5, answer: 'Bien' });
    expect(feedbackForm.safeParse({ rating: '' }).success).toBe(false);
  });
});
