import { describe, expect, it } from 'vitest';
import { badgeUrls } from './documents';
import { eventIssuerSlug, issuerFacts, publishedDocumentRef } from './issuers';

const base = 'https://chemins.example';

describe('published documents by URL', () => {
  it('names the profile, key and status list of an issuer, and their URLs name them back', () => {
    const u = badgeUrls(base);
    expect(publishedDocumentRef(base, u.issuer('forum'))).toEqual({ slug: 'forum', which: 'profile' });
    expect(publishedDocumentRef(base, `${u.issuer('forum')}#key-1`)).toEqual({ slug: 'forum', which: 'profile' });
    expect(publishedDocumentRef(base, u.key('forum'))).toEqual({ slug: 'forum', which: 'key' });
    expect(publishedDocumentRef(base, u.statusList('forum'))).toEqual({ slug: 'forum', which: 'status', list: '1' });
  });

  it('refuses any other URL: another site, another path, a longer path, an empty slug', () => {
    expect(publishedDocumentRef(base, 'https://elsewhere.example/api/issuers/forum')).toBeNull();
    expect(publishedDocumentRef(base, `${base}/api/credentials/x`)).toBeNull();
    expect(publishedDocumentRef(base, `${base}/api/issuers/forum/key/extra`)).toBeNull();
    expect(publishedDocumentRef(base, `${base}/api/issuers/forum/status`)).toBeNull();
    expect(publishedDocumentRef(base, `${base}/api/issuers/forum/achievements`)).toBeNull();
    expect(publishedDocumentRef(base, `${base}/api/issuers/`)).toBeNull();
  });
});

describe('issuers', () => {
  it("takes the event's slug, or adds the event id's start when the slug is taken", () => {
    expect(eventIssuerSlug('forum', '0123456789abcdef', false)).toBe('forum');
    expect(eventIssuerSlug('forum', '0123456789abcdef', true)).toBe('forum-01234567');
  });

  it("points an event's issuer at the event's page, the platform's at the site", () => {
    expect(issuerFacts({ slug: 'forum', name: 'Forum', eventId: 'e1' }, base).url).toBe(`${base}/events/forum`);
    expect(issuerFacts({ slug: 'chemins', name: 'Chemins', eventId: null }, base).url).toBe(base);
  });
});
