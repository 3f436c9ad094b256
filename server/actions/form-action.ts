import { redirect, unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import type { Identity } from '@/db/queries/identity';
import { refusalOf } from '@/db/client';
import type { DomainError } from '@/lib/errors';
import { type CurrentUser, currentLinkRegistrationId, currentParticipant, currentUser, provenParticipant } from '@/server/auth/current';
import { type FormState, invalidForm, refusedForm } from '@/server/actions/form-state';
import { hitLimit, type LimitName } from '@/server/http/rate-limit';

// The one way in of a server action (issue 27, docs/security.md "How a request is answered"), as
// `endpoint` is a route handler's: resolve who is asking (else to sign-in), ask the policy, count
// the rate limit, read the form and validate it with zod, run, and map a refusal (`DomainError`)
// once. Three shapes: `formAction` (a form of `useActionState` answered with a `FormState`),
// `stateAction` (the same with a state of its own), `redirectAction` (a plain `<form action>`
// answered by a redirect that carries an outcome code, `?done=…` / `?error=…`). A test
// (server/http/one-way-in.test.ts) fails when a 'use server' file exports anything else.

/**
 * Who may call: `anyone` (nobody is resolved), `participant?` (the participant, or null),
 * `participant` / `proven` (a signed-in person or a registrant's personal link; `proven`: its
 * address proven), `account` (signed in; the default), `holder` (whoever this browser is: the
 * personal link's registration and the signed-in person, either or both null).
 */
export type ActionWho = 'anyone' | 'participant?' | 'participant' | 'proven' | 'account' | 'holder';

/** A browser's person for the actions of the personal page: its link's registration, its account. */
export type Holder = { linkRegistrationId: string | null; user: CurrentUser | null };

export type ActionPrincipal<W extends ActionWho> = W extends 'account'
  ? CurrentUser
  : W extends 'participant' | 'proven'
    ? Identity
    : W extends 'participant?'
      ? Identity | null
      : W extends 'holder'
        ? Holder
        : null;

async function principal(who: ActionWho): Promise<{ ok: true; value: unknown } | { ok: false }> {
  const some = (value: unknown) => (value ? { ok: true as const, value } : { ok: false as const });
  switch (who) {
    case 'anyone':
      return { ok: true, value: null };
    case 'participant?':
      return { ok: true, value: await currentParticipant() };
    case 'participant':
      return some(await currentParticipant());
    case 'proven':
      return some(await provenParticipant());
    case 'account':
      return some(await currentUser());
    case 'holder': {
      const [linkRegistrationId, user] = await Promise.all([currentLinkRegistrationId(), currentUser()]);
      return { ok: true, value: { linkRegistrationId, user } satisfies Holder };
    }
  }
}

/**
 * Every field of a form as a string (the default values of an action). React's own hidden fields
 * (`$ACTION_REF_n`, `$ACTION_n:k`, `$ACTION_KEY`: rendered on the server for an action with bound
 * arguments, and sent along once hydrated) are not the form's: a strict schema would refuse them.
 */
const allValues = (form: FormData | undefined) =>
  Object.fromEntries([...(form?.entries() ?? [])].filter(([k]) => !k.startsWith('$ACTION_')).map(([k, v]) => [k, String(v)]));

/** What an action's run gets: who is asking, the validated input, the values typed, the form. */
export type ActionCtx<W extends ActionWho, I> = { who: ActionPrincipal<W>; input: I; values: Record<string, string>; form: FormData };

type ActionSpec<A extends unknown[], S extends z.ZodType, W extends ActionWho> = {
  /** The form's fields (of `prepare`'s object); absent: no fields are read (`input` is undefined). */
  schema?: S;
  /** Who may call (default `account`). */
  who?: W;
  /** Where to come back after signing in, when nobody is resolved: to `/signin?callbackUrl=…`. */
  signIn?: (...bound: A) => string;
  /** Where to go instead when nobody is resolved (overrides `signIn`). */
  unauthenticated?: (...bound: A) => string;
  /** The policy's answer (lib/policy, `userMay`): false goes to `forbidden`. */
  may?: (who: ActionPrincipal<W>, ...bound: A) => boolean | Promise<boolean>;
  forbidden?: (...bound: A) => string;
  /** The named rate limit and its key, counted before the form is validated. */
  limit?: (who: ActionPrincipal<W>, ...bound: A) => [LimitName, string] | Promise<[LimitName, string]>;
  /** The values typed, as shown again with a refusal (default: every field as a string). */
  values?: (form: FormData) => Record<string, string>;
  /** What `schema` validates (default: the values), for fields that need shaping first. */
  prepare?: (values: Record<string, string>, form: FormData, ...bound: A) => unknown | Promise<unknown>;
};

type Checked<W extends ActionWho, I> =
  | { kind: 'unauthenticated' }
  | { kind: 'forbidden' }
  | { kind: 'limited'; values: Record<string, string> }
  | { kind: 'invalid'; values: Record<string, string>; error: z.ZodError }
  | { kind: 'ok'; ctx: ActionCtx<W, I> };

/** Who, policy, rate limit, values and validation, in this order. */
async function check<A extends unknown[], S extends z.ZodType, W extends ActionWho>(
  spec: ActionSpec<A, S, W>,
  bound: A,
  form: FormData,
): Promise<Checked<W, z.output<S>>> {
  const found = await principal(spec.who ?? 'account');
  if (!found.ok) return { kind: 'unauthenticated' };
  const who = found.value as ActionPrincipal<W>;
  if (spec.may && !(await spec.may(who, ...bound))) return { kind: 'forbidden' };
  const values = (spec.values ?? allValues)(form);
  if (spec.limit && (await hitLimit(...(await spec.limit(who, ...bound)))) !== null) return { kind: 'limited', values };
  let input: unknown = undefined;
  if (spec.schema) {
    const parsed = await spec.schema.safeParseAsync(spec.prepare ? await spec.prepare(values, form, ...bound) : values);
    if (!parsed.success) return { kind: 'invalid', values, error: parsed.error };
    input = parsed.data;
  }
  return { kind: 'ok', ctx: { who, input: input as z.output<S>, values, form } };
}

/**
 * Run, with a `DomainError` (or the database unreachable: `unavailable`, `refusalOf`) as a value;
 * Next's own control flow (`redirect()`, `notFound()`) goes on untouched.
 */
async function attempt<T>(run: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; refusal: DomainError }> {
  try {
    return { ok: true, value: await run() };
  } catch (err) {
    unstable_rethrow(err);
    const refused = refusalOf(err);
    if (refused) return { ok: false, refusal: refused };
    throw err;
  }
}

function away<A extends unknown[]>(spec: ActionSpec<A, z.ZodType, ActionWho>, kind: 'unauthenticated' | 'forbidden', bound: A): never {
  if (kind === 'forbidden' && spec.forbidden) redirect(spec.forbidden(...bound));
  if (spec.unauthenticated) redirect(spec.unauthenticated(...bound));
  redirect(spec.signIn ? `/signin?callbackUrl=${encodeURIComponent(spec.signIn(...bound))}` : '/signin');
}

/**
 * A form of `useActionState` with a state of its own: `invalid` / `refused` / `limited` say what a
 * refusal shows; `run` answers a path to go to, or a state to show. `bound` are the action's bound
 * arguments (`action.bind(null, …)`), before the previous state and the form.
 */
export function stateAction<St, A extends unknown[], S extends z.ZodType = z.ZodType<undefined>, W extends ActionWho = 'account'>(
  spec: ActionSpec<A, S, W> & {
    /** What a form refused by `schema` shows (needed with a schema). */
    invalid?: (error: z.ZodError, values: Record<string, string>, form: FormData) => St | Promise<St>;
    /** What a `DomainError` of `run` shows (absent: thrown on). */
    refused?: (err: DomainError, values: Record<string, string>, form: FormData) => St | Promise<St>;
    limited?: (values: Record<string, string>) => St;
  },
  run: (ctx: ActionCtx<W, z.output<S>>, ...bound: A) => Promise<string | Exclude<St, string>>,
): (...args: [...A, St, FormData]) => Promise<St> {
  return async (...args) => {
    const bound = args.slice(0, -2) as unknown as A;
    const form = args[args.length - 1] as FormData;
    const checked = await check(spec, bound, form);
    switch (checked.kind) {
      case 'unauthenticated':
      case 'forbidden':
        return away(spec as ActionSpec<A, z.ZodType, ActionWho>, checked.kind, bound);
      case 'limited':
        if (!spec.limited) throw new Error('stateAction: a limit without `limited`');
        return spec.limited(checked.values);
      case 'invalid':
        if (!spec.invalid) throw new Error('stateAction: a schema without `invalid`');
        return spec.invalid(checked.error, checked.values, form);
    }
    const done = await attempt(() => run(checked.ctx, ...bound));
    if (!done.ok) {
      if (!spec.refused) throw done.refusal;
      return spec.refused(done.refusal, checked.ctx.values, form);
    }
    if (typeof done.value === 'string') redirect(done.value);
    return done.value;
  };
}

/**
 * The one way in of a form's server action (`useActionState`): the person (else to sign-in), the
 * form's fields validated with `schema` (a refusal shows them again, `invalid`; `fieldOf` names the
 * form field of a zod issue), then `run`, whose `DomainError` comes back to the form
 * (`refusedForm`) and whose answer is where to go next (or a `FormState` to show). A rate limit
 * refused is `rate_limited`.
 */
export function formAction<A extends unknown[], S extends z.ZodType = z.ZodType<undefined>, W extends ActionWho = 'account'>(
  spec: ActionSpec<A, S, W> & { fieldOf?: (path: PropertyKey[]) => string },
  run: (ctx: ActionCtx<W, z.output<S>>, ...bound: A) => Promise<string | NonNullable<FormState>>,
): (...args: [...A, FormState, FormData]) => Promise<FormState> {
  return stateAction<FormState, A, S, W>(
    {
      ...spec,
      invalid: (error, values) => invalidForm(error, values, spec.fieldOf),
      refused: (err, values) => refusedForm(err, values),
      limited: (values) => ({ error: 'rate_limited', values, at: Date.now() }),
    },
    run,
  );
}

/**
 * A plain `<form action>` answered by a redirect carrying its outcome: nobody resolved goes to
 * sign-in (or `unauthenticated`), a form refused by `schema` to `invalid`, a rate limit to
 * `limited`, a `DomainError` of `run` to `refused` (absent: thrown on); else to where `run` says.
 * `bound` are the action's bound arguments, before the form.
 */
export function redirectAction<A extends unknown[], S extends z.ZodType = z.ZodType<undefined>, W extends ActionWho = 'account'>(
  spec: ActionSpec<A, S, W> & {
    invalid?: (...bound: A) => string;
    limited?: (...bound: A) => string;
    refused?: (err: DomainError, ...bound: A) => string;
  },
  run: (ctx: ActionCtx<W, z.output<S>>, ...bound: A) => Promise<string>,
): (...args: [...A, FormData]) => Promise<void> {
  return async (...args) => {
    const bound = args.slice(0, -1) as unknown as A;
    const form = args[args.length - 1] as FormData;
    const checked = await check(spec, bound, form);
    if (checked.kind === 'unauthenticated' || checked.kind === 'forbidden') return away(spec as ActionSpec<A, z.ZodType, ActionWho>, checked.kind, bound);
    if (checked.kind === 'limited') {
      if (!spec.limited) throw new Error('redirectAction: a limit without `limited`');
      return redirect(spec.limited(...bound));
    }
    if (checked.kind === 'invalid') {
      if (!spec.invalid) throw new Error('redirectAction: a schema without `invalid`');
      return redirect(spec.invalid(...bound));
    }
    const done = await attempt(() => run(checked.ctx, ...bound));
    if (done.ok) redirect(done.value);
    if (!spec.refused) throw done.refusal;
    redirect(spec.refused(done.refusal, ...bound));
  };
}
