import NextAuth from 'next-auth';
import { authOptions } from '@/server/auth/options';

type Ctx = { params: Promise<{ nextauth: string[] }> };

async function handler(req: Request, ctx: Ctx) {
  // next-auth v4's App Router handler: (request, context, options).
  return (NextAuth as unknown as (r: Request, c: Ctx, o: unknown) => Promise<Response>)(req, ctx, await authOptions());
}

export { handler as GET, handler as POST };
