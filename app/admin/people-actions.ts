'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { mergePeople } from '@/db/queries/people';
import { userMay } from '@/db/queries/grants';
import { mergeRequest } from '@/lib/domain/people';
import { DomainError } from '@/lib/errors';
import { currentUser } from '@/server/auth/current';

/** Admins merge two records of one person (docs/people.md); the answer comes back on /admin, with or without JavaScript. */
export async function mergePeopleAction(form: FormData): Promise<void> {
  const user = await currentUser();
  if (!user || !(await userMay(user.id, 'people.merge', {}))) redirect('/admin?mergeError=forbidden');
  const parsed = mergeRequest.safeParse({ from: String(form.get('from') ?? ''), into: String(form.get('into') ?? '') });
  if (!parsed.success) redirect('/admin?mergeError=invalid#merge');
  let key: string;
  try {
    key = (await mergePeople(await getDb(), parsed.data)).key;
  } catch (err) {
    if (err instanceof DomainError) redirect(`/admin?mergeError=${encodeURIComponent(err.code)}#merge`);
    throw err;
  }
  redirect(`/admin?merged=${encodeURIComponent(key)}#merge`);
}
