# Production image: Next is built once; the custom server (Next + Socket.IO) runs with tsx.
# Next's `output: 'standalone'` is not used: it does not work with a custom server.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx next build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1
COPY --from=build /app ./
EXPOSE 3000
CMD ["npx", "tsx", "server/index.ts"]
