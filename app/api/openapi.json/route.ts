import { publicUrl } from '@/lib/config';
import { openApiDocument } from '@/lib/openapi';
import { endpoint } from '@/server/http/endpoint';

export const GET = endpoint({}, () => {
  return Response.json(openApiDocument(publicUrl()));
});
