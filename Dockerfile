# Convene as a container: `docker build -t convene .` then
# `docker run -p 3978:3978 -e PUBLIC_URL=https://convene.example.org -v convene-data:/data convene`.
# Two stages: the build stage installs everything (better-sqlite3 compiles here when no prebuilt binary fits)
# and builds the tab; the runtime stage holds only production dependencies, the server and plugin/dist.

FROM node:22-slim AS build
WORKDIR /app
# Compilers for better-sqlite3's native module (used when its prebuilt binary does not match).
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# --ignore-scripts: the `prepare` step (scripts/prepare.mjs) needs the sources, copied below; the native
# modules are built explicitly instead.
RUN npm ci --no-audit --no-fund --ignore-scripts && npm rebuild better-sqlite3 esbuild
COPY . .
RUN npm run build
RUN npm prune --omit=dev --no-audit --no-fund --ignore-scripts

FROM node:22-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3978 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json /app/tsconfig.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/server ./server
COPY --from=build /app/scripts/requireBuild.mjs ./scripts/requireBuild.mjs
COPY --from=build /app/plugin/dist ./plugin/dist
# A non-root user owns the data directory; the code stays root-owned and read-only to it.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3978
# Liveness: the process answers (/api/ready is for load balancers: it also asks the store).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node directly, not npm: SIGTERM reaches the server, which shuts down gracefully (server/main.ts).
CMD ["node", "--import", "tsx", "server/main.ts"]
