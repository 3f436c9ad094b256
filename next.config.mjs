import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite owns its data directory from the one Node process: never bundle it (nor the
  // Node-only drivers and logger) into Next's server code.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', 'pino', 'pino-pretty', 'nodemailer', 'livekit-server-sdk'],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
};

export default withNextIntl(nextConfig);
