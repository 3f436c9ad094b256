import { apiError } from '@/lib/http';

const notFound = () => apiError(404, 'not_found', 'No API endpoint at this path.');
export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
