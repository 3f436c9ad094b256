import NextAuth from 'next-auth';
import { requestLocale } from '@/lib/i18n';
import { authOptions, authRequestLocale } from '@/server/auth/options';

type Ctx = { params: Promise<{ nextauth: string[] }> };

async function handler(req: Request, ctx: Ctx) {
  // next-auth v4's App Router handler: (request, context, options), in the request's language (the sign-in mail).
  const options = await authOptions();
  const locale = requestLocale(req.headers.get('cookie'), req.headers.get('accept-language'));
  return authRequestLocale().run(locale, () => (NextAuth as unknown as (r: Request, c: Ctx, o: unknown) => Promise<Response>)(req, ctx, options));
}

export { handler as GET, handler as POST };
