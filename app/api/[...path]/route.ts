import { apiError } from '@/server/http/respond';
import { endpoint } from '@/server/http/endpoint';

/** Any other path under /api/: a JSON 404 in the error shape, whatever the method (lib/api/routes.ts `catchAllRoutes`). */
const notFound = endpoint({}, () => apiError(404, 'not_found', 'No API endpoint at this path.'));
export { notFound as GET, notFound as HEAD, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as OPTIONS };
