import { isRedirectError } from 'next/dist/client/components/redirect-error';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DomainError } from '@/lib/errors';
import { redirectAction, stateAction } from './form-action';

/** Where an action went: the URL of the redirect it threw (Next's `redirect()`). */
async function whereTo(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (err) {
    if (isRedirectError(err)) return err.digest.split(';')[2]!;
    throw err;
  }
  throw new Error('no redirect');
}

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
};

describe('redirectAction', () => {
  const act = redirectAction(
    {
      who: 'anyone',
      schema: z.object({ n: z.coerce.number().int().min(1) }),
      invalid: (slug: string) => `/x/${slug}?error=invalid`,
      refused: (err, slug) => `/x/${slug}?error=${err.code}`,
    },
    async ({ input }, slug) => {
      if (input.n === 2) throw new DomainError(409, 'taken', 'Taken.');
      if (input.n === 3) throw new Error('boom');
      return `/x/${slug}?done=${input.n}`;
    },
  );

  it('goes where run says, with the bound arguments and the validated form', async () => {
    expect(await whereTo(act('a', form({ n: '1' })))).toBe('/x/a?done=1');
  });

  it('sends a refused form to `invalid`, a DomainError to `refused`', async () => {
    expect(await whereTo(act('a', form({ n: 'zero' })))).toBe('/x/a?error=invalid');
    expect(await whereTo(act('a', form({ n: '2' })))).toBe('/x/a?error=taken');
  });

  it('throws anything else on', async () => {
    await expect(act('a', form({ n: '3' }))).rejects.toThrow('boom');
  });

  it('leaves React’s own hidden fields out of the values, so that a strict schema takes a hydrated form', async () => {
    const strict = redirectAction({ who: 'anyone', schema: z.object({ n: z.string() }).strict(), invalid: () => '/invalid' }, async ({ values }) => `/ok?keys=${Object.keys(values).join(',')}`);
    const sent = form({ $ACTION_REF_7: '', '$ACTION_7:0': '{"id":"x","bound":"$@1"}', '$ACTION_7:1': '["a"]', $ACTION_KEY: 'k1', n: '1' });
    expect(await whereTo(strict(sent))).toBe('/ok?keys=n');
  });

  it("lets run's own redirect through untouched, and throws a DomainError on without `refused`", async () => {
    const { redirect } = await import('next/navigation');
    const own = redirectAction({ who: 'anyone' }, async () => redirect('/elsewhere'));
    expect(await whereTo(own(new FormData()))).toBe('/elsewhere');
    const bare = redirectAction({ who: 'anyone' }, async () => {
      throw new DomainError(404, 'not_found', 'Not found.');
    });
    await expect(bare(new FormData())).rejects.toBeInstanceOf(DomainError);
  });
});

describe('stateAction', () => {
  type St = { error: string; values?: Record<string, string> } | null;
  const act = stateAction(
    {
      who: 'anyone',
      schema: z.object({ name: z.string().min(2) }),
      invalid: (_e, values): St => ({ error: 'invalid', values }),
      refused: (err, values): St => ({ error: err.code, values }),
    },
    async ({ input }, id: string): Promise<string | St> => {
      if (input.name === 'no') throw new DomainError(403, 'forbidden', 'No.');
      if (input.name === 'stay') return { error: 'shown' };
      return `/done/${id}`;
    },
  );

  it('answers a refusal as a state with the values typed, a path as a redirect', async () => {
    expect(await act('1', null, form({ name: 'x' }))).toEqual({ error: 'invalid', values: { name: 'x' } });
    expect(await act('1', null, form({ name: 'no' }))).toEqual({ error: 'forbidden', values: { name: 'no' } });
    expect(await act('1', null, form({ name: 'stay' }))).toEqual({ error: 'shown' });
    expect(await whereTo(act('1', null, form({ name: 'fine' })))).toBe('/done/1');
  });
});
