import { redirect } from 'next/navigation';
import type { z } from 'zod';
import { type CurrentUser, currentUser } from '@/server/auth/current';
import { type FormState, invalidForm, refusedForm } from '@/server/form-state';

/**
 * The one way in of a form's server action (`useActionState`), as `endpoint` is a route's: the
 * signed-in person (else to sign-in, back to `signIn(...bound)`), the form's fields validated with
 * `schema` (a refusal shows them again, `invalid`), then `run`, whose `DomainError` comes back to
 * the form (`refusedForm`) and whose answer is where to go next. `bound` are the action's bound
 * arguments (`action.bind(null, …)`), before the form state and the form.
 */
export function formAction<A extends unknown[], S extends z.ZodType>(
  spec: { schema: S; signIn: (...bound: A) => string },
  run: (ctx: { who: CurrentUser; input: z.output<S> }, ...bound: A) => Promise<string>,
): (...args: [...A, FormState, FormData]) => Promise<FormState> {
  return async (...args) => {
    const bound = args.slice(0, -2) as unknown as A;
    const form = args[args.length - 1] as FormData;
    const who = await currentUser();
    if (!who) redirect(`/signin?callbackUrl=${spec.signIn(...bound)}`);
    const values = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
    const parsed = spec.schema.safeParse(values);
    if (!parsed.success) return invalidForm(parsed.error, values);
    let next: string;
    try {
      next = await run({ who, input: parsed.data }, ...bound);
    } catch (err) {
      return refusedForm(err, values);
    }
    redirect(next);
  };
}
