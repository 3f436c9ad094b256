import { z } from 'zod';

/**
 * In the browser, zod must not probe for `new Function` (its JIT): under the Content-Security-Policy
 * (no 'unsafe-eval') the probe fails harmlessly but is reported as a CSP violation. Imported for
 * this effect by the modules whose schemas run in the browser; the server keeps the JIT.
 */
if (typeof window !== 'undefined') z.config({ jitless: true });
