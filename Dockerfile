# Production image: Next is built once, and the custom server (Next + Socket.IO, server/index.ts)
# is compiled to JavaScript, dist/server/index.mjs and the chunks it loads on first use (esbuild, `npm run build:server`): Node runs JavaScript only. Next's `output: 'standalone'` is not used: it does not work with a
# custom server. Node.js 26 is the current LTS (supported versions: README, docs/deployment.md).
ARG NODE_IMAGE=node:26-trixie-slim

# 1. every dependency, exactly as locked
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# 2. the Next build and the compiled server (dist/server/index.mjs)
FROM deps AS build
ENV NEXT_TELEMETRY_DISABLED=1
COPY . .
RUN npm run build

# 3. production dependencies only
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# 4. `app`: what runs: production dependencies, the two builds, and the files the server reads at run time
#    (the SQL migrations and functions, and the demo replay; next.config.mjs, which Next loads at start, names
#    i18n/request.ts, which the build has compiled in). No TypeScript source is run.
FROM ${NODE_IMAGE} AS app
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOST=0.0.0.0 DATA_DIR=/app/.data
COPY --from=prod-deps --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/.next ./.next
COPY --from=build --chown=root:root /app/dist ./dist
COPY --chown=root:root package.json package-lock.json next.config.mjs ./
COPY --chown=root:root db/migrations ./db/migrations
COPY --chown=root:root db/functions ./db/functions
COPY --chown=root:root db/seed/media ./db/seed/media
# The speech recognition engine (run with ASR_PYTHON when ASR_MODEL_DIR is set: docs/deployment.md;
# Python and faster-whisper are in the `app-asr` image below).
COPY --chown=root:root server/asr/engine.py ./server/asr/engine.py
# The code is root's, read-only for the `node` user the app runs as; it writes only to the embedded
# database (used without DATABASE_URL) and to Next's cache.
RUN mkdir -p .data .next/cache && chown node:node .data .next/cache
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=6 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "--enable-source-maps", "--max-old-space-size=1024", "dist/server/index.mjs"]

# 5. `app-asr` (`docker build --target app-asr .`, or APP_TARGET=app-asr with docker-compose.yml):
#    the same, with the speech recognition engine's Python: faster-whisper in a venv, /opt/asr, as
#    scripts/test-all.sh makes it for the tests (the same pinned version). No model is in the image:
#    the operator chooses one and puts it at ASR_MODEL_DIR (docker-compose.yml's `asr-model`
#    service fetches it once into a volume); recognition runs offline (docs/deployment.md).
FROM app AS app-asr
ARG FASTER_WHISPER_VERSION=1.2.1
USER root
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 python3-venv \
  && rm -rf /var/lib/apt/lists/* \
  && python3 -m venv /opt/asr \
  && /opt/asr/bin/pip install --no-cache-dir --disable-pip-version-check "faster-whisper==${FASTER_WHISPER_VERSION}" \
  && /opt/asr/bin/python -c "import faster_whisper, ctranslate2"
ENV ASR_PYTHON=/opt/asr/bin/python
USER node

# The default target (`docker build .`): without recognition, the smaller image.
FROM app
