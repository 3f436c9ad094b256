/** @type {import('next').NextConfig} */
const config = { poweredByHeader: false, reactStrictMode: true };

export default config;
