import { DomainError } from './errors';
import { apiError } from './http';

/** Run a domain call; its refusals become their 4xx answers, anything else propagates. */
export async function answer(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof DomainError) return apiError(err.status, err.code, err.message, err.fields);
    throw err;
  }
}
