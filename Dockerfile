# Production image: Next is built once; the custom server (Next + Socket.IO) runs with tsx (a
# production dependency). Next's `output: 'standalone'` is not used: it does not work with a
# custom server. Node.js 26 is the current LTS (supported versions: README, docs/deployment.md).
ARG NODE_IMAGE=node:26-trixie-slim

# 1. every dependency, exactly as locked
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# 2. the Next build
FROM deps AS build
ENV NEXT_TELEMETRY_DISABLED=1
COPY . .
RUN npx next build

# 3. production dependencies only
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# 4. what runs: production dependencies, the build, and the sources the server loads with tsx
FROM ${NODE_IMAGE}
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOST=0.0.0.0 DATA_DIR=/app/.data
COPY --from=prod-deps --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/.next ./.next
COPY --chown=root:root package.json package-lock.json next.config.mjs tsconfig.json ./
COPY --chown=root:root app ./app
COPY --chown=root:root components ./components
COPY --chown=root:root db ./db
COPY --chown=root:root i18n ./i18n
COPY --chown=root:root lib ./lib
COPY --chown=root:root messages ./messages
COPY --chown=root:root server ./server
# The code is root's, read-only for the `node` user the app runs as; it writes only to the embedded
# database (used without DATABASE_URL) and to Next's cache.
RUN mkdir -p .data .next/cache && chown node:node .data .next/cache
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=6 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node_modules/.bin/tsx", "server/index.ts"]
